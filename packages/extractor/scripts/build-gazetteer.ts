/**
 * Builds packages/extractor/lexicons/gazetteer.json from the reference data in ../shared/data:
 *   admin-units-2025-03.json            63 provinces → districts → communes (before the July 2025 reform)
 *   admin-units-conversion-2025-07.csv  old commune → new commune and new province (34 provinces after it)
 * and the hand-written lexicons/place-aliases.json.
 *
 *   npx tsx packages/extractor/scripts/build-gazetteer.ts [--admin FILE] [--conversion FILE] [--out FILE]
 *
 * Old communes are joined to the conversion table by their code, checked against the name: when the code's name
 * differs but the row's name exists in the same district, the name wins (the table has a few wrong codes); when
 * only the spelling differs, the table's spelling becomes an alias. Prints a summary of every repair.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LexiconError } from '../src/lexicon/errors.js';
import {
  GAZETTEER_FORMAT,
  type GazetteerData,
  type PlaceAliasEntry,
  PlaceAliasEntrySchema,
  PlaceAliasFileSchema,
  type PlaceKind,
} from '../src/lexicon/gazetteer-data.js';
import { placeNameKey } from '../src/lexicon/place-name.js';
import { parseCsv } from './parse-csv.js';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../../..');

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? resolve(process.argv[i + 1]!) : fallback;
}
const adminFile = arg('admin', resolve(repo, '../shared/data/admin-units-2025-03.json'));
const conversionFile = arg('conversion', resolve(repo, '../shared/data/admin-units-conversion-2025-07.csv'));
const aliasFile = resolve(here, '../lexicons/place-aliases.json');
const outFile = arg('out', resolve(here, '../lexicons/gazetteer.json'));

/** NFC, single spaces, no surrounding space, no trailing " (code)". */
function clean(s: string): string {
  return s
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\s*\(\d+\)$/, '');
}
const codeOf = (s: string): string | undefined => /\((\d+)\)\s*$/.exec(s)?.[1];
/** Case- and tone-placement-insensitive comparison key (diacritics kept). */
const same = (a: string, b: string): boolean => placeNameKey(a, false) === placeNameKey(b, false);

interface AdminWard {
  Code: string;
  FullName: string;
}
interface AdminDistrict {
  Code: string;
  FullName: string;
  Ward: AdminWard[] | null;
}
interface AdminProvince {
  Code: string;
  FullName: string;
  District: AdminDistrict[];
}

const repairs: string[] = [];
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 16);

// ---- pre-2025 hierarchy ------------------------------------------------------------------------------------------
const admin = JSON.parse(readFileSync(adminFile, 'utf8')) as AdminProvince[];
const pre: GazetteerData['pre'] = {
  provinces: [],
  districts: [],
  districtProvince: [],
  communes: [],
  communeDistrict: [],
};
const preDistrictByCode = new Map<string, number>();
const preCommuneByCode = new Map<string, number>();
const preCommuneByDistrictName = new Map<string, number>();
for (const p of admin) {
  const pi = pre.provinces.push(clean(p.FullName)) - 1;
  for (const d of p.District) {
    const di = pre.districts.push(clean(d.FullName)) - 1;
    pre.districtProvince.push(pi);
    preDistrictByCode.set(d.Code, di);
    for (const w of d.Ward ?? []) {
      const ci = pre.communes.push(clean(w.FullName)) - 1;
      pre.communeDistrict.push(di);
      preCommuneByCode.set(w.Code, ci);
      preCommuneByDistrictName.set(`${di}|${placeNameKey(clean(w.FullName), false)}`, ci);
    }
  }
}

// ---- conversion table ----------------------------------------------------------------------------------------------
const rows = parseCsv(readFileSync(conversionFile, 'utf8')).slice(2);
const post: GazetteerData['post'] = { provinces: [], communes: [], communeProvince: [] };
const postProvinceByName = new Map<string, number>();
const postCommuneByCode = new Map<string, number>();
const conversion: number[][] = pre.communes.map(() => []);
const districtConversion: [number, number][] = [];
const aliases: [PlaceKind, number, string][] = [];
const aliasSeen = new Set<string>();
function addAlias(kind: PlaceKind, index: number, alias: string, canonical: string): void {
  if (same(alias, canonical)) return;
  const k = `${kind}|${index}|${placeNameKey(alias, false)}`;
  if (aliasSeen.has(k)) return;
  aliasSeen.add(k);
  aliases.push([kind, index, alias]);
}

let skipped = 0;
for (const r of rows) {
  const [provRaw = '', newRaw = '', newCode = '', oldRaw = '', oldCode = '', noteRaw = '', oldDistrictRaw = ''] = r;
  if (clean(newRaw) === '' || newCode.trim() === '') continue; // a province heading line
  let newName = clean(newRaw);
  if (/^Xa /.test(newName)) {
    repairs.push(`level word "Xa" read as "Xã" in "${newName}"`);
    newName = `Xã ${newName.slice(3)}`;
  }
  const provName = clean(provRaw);
  let npi = postProvinceByName.get(provName);
  if (npi === undefined) {
    npi = post.provinces.push(provName) - 1;
    postProvinceByName.set(provName, npi);
  }
  let nci = postCommuneByCode.get(newCode.trim());
  if (nci === undefined) {
    nci = post.communes.push(newName) - 1;
    post.communeProvince.push(npi);
    postCommuneByCode.set(newCode.trim(), nci);
  } else addAlias('post-commune', nci, newName, post.communes[nci]!);

  const oldName = clean(oldRaw);
  const districtCode = codeOf(oldDistrictRaw);
  const di = districtCode === undefined ? undefined : preDistrictByCode.get(districtCode);
  if (oldName === '') {
    if (di === undefined) throw new Error(`conversion row without old commune nor district: ${r.join(',')}`);
    districtConversion.push([di, nci]);
    continue;
  }
  const byCode = preCommuneByCode.get(oldCode.trim());
  let ci: number | undefined;
  if (byCode !== undefined && same(pre.communes[byCode]!, oldName)) ci = byCode;
  else {
    const byName = di === undefined ? undefined : preCommuneByDistrictName.get(`${di}|${placeNameKey(oldName, false)}`);
    if (byName !== undefined) {
      ci = byName;
      repairs.push(
        `code ${oldCode.trim()} names "${byCode === undefined ? '?' : pre.communes[byCode]}", row says "${oldName}" (${clean(oldDistrictRaw)}): joined by name`,
      );
    } else if (byCode !== undefined) {
      ci = byCode;
      addAlias('pre-commune', byCode, oldName, pre.communes[byCode]!);
    }
  }
  if (ci === undefined) {
    skipped++;
    repairs.push(`skipped "${oldName}" (${clean(oldDistrictRaw)}): no such commune before 2025`);
    continue;
  }
  const whole = !/một\s+phần/i.test(noteRaw);
  const code = whole ? nci : -(nci + 1);
  const list = conversion[ci]!;
  if (!list.includes(nci) && !list.includes(-(nci + 1))) list.push(code);
}
const unmapped = conversion.flatMap((l, i) => (l.length === 0 ? [pre.communes[i]!] : []));

// ---- hand-written aliases ----------------------------------------------------------------------------------------------
const aliasRaw = JSON.parse(readFileSync(aliasFile, 'utf8')) as unknown;
const aliasFile_ = PlaceAliasFileSchema.safeParse(aliasRaw);
if (!aliasFile_.success)
  throw new LexiconError({ file: aliasFile }, aliasFile_.error.issues.map((i) => i.message).join('; '));
aliasFile_.data.entries.forEach((item, index) => {
  const r = PlaceAliasEntrySchema.safeParse(item);
  if (!r.success)
    throw new LexiconError(
      { file: aliasFile, index },
      r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    );
  const a: PlaceAliasEntry = r.data;
  let found = 0;
  for (const kind of a.kinds) {
    const names =
      kind === 'pre-province'
        ? pre.provinces
        : kind === 'post-province'
          ? post.provinces
          : kind === 'pre-district'
            ? pre.districts
            : kind === 'pre-commune'
              ? pre.communes
              : post.communes;
    names.forEach((n, i) => {
      if (same(n, a.target)) {
        aliases.push([kind, i, a.alias]);
        found++;
      }
    });
  }
  if (found === 0)
    throw new LexiconError(
      { file: aliasFile, index, id: a.id },
      `target "${a.target}" is not a unit of ${a.kinds.join(' or ')}`,
    );
});

// ---- write -------------------------------------------------------------------------------------------------------------
const data: GazetteerData = {
  format: GAZETTEER_FORMAT,
  generatedBy: 'packages/extractor/scripts/build-gazetteer.ts — do not edit by hand',
  sources: [
    `${basename(adminFile)} sha256:${sha(adminFile)}`,
    `${basename(conversionFile)} sha256:${sha(conversionFile)}`,
    `place-aliases.json sha256:${sha(aliasFile)}`,
  ],
  pre,
  post,
  conversion,
  districtConversion,
  aliases,
  bareExcluded: aliasFile_.data.bareExcluded.map((b) => b.name),
  introducers: aliasFile_.data.introducers,
};
writeFileSync(outFile, `${JSON.stringify(data)}\n`);
// Store it the way the repository's formatter (Biome) prints it, so that `biome check` leaves it alone.
const biome = spawnSync(join(repo, 'node_modules/.bin/biome'), ['format', '--write', outFile], { encoding: 'utf8' });
if (biome.status !== 0) throw new Error(`biome format failed on ${outFile}:\n${biome.stderr}`);

const byKind = (prefix: string) => repairs.filter((x) => x.startsWith(prefix)).length;
console.log(`gazetteer: ${outFile} (${(statSync(outFile).size / 1024).toFixed(0)} KiB)`);
console.log(
  `  before 2025-07: ${pre.provinces.length} provinces, ${pre.districts.length} districts, ${pre.communes.length} communes`,
);
console.log(`  after 2025-07:  ${post.provinces.length} provinces, ${post.communes.length} communes`);
console.log(
  `  conversion: ${pre.communes.length - unmapped.length} old communes mapped, ${unmapped.length} unmapped${unmapped.length ? ` (${unmapped.join(', ')})` : ''}; ${districtConversion.length} island districts; ${skipped} rows skipped`,
);
console.log(
  `  aliases: ${aliases.length}; repairs: ${byKind('code')} joined by name, ${byKind('level')} level words fixed`,
);
for (const r of repairs) console.log(`    ${r}`);
