/**
 * Regenerates fixtures/sites/<template>/<slug>/expected.json from the parser after a deliberate change.
 *
 *   npx tsx packages/crawler/scripts/regen-site-fixtures.ts            # dry run: prints what would change
 *   npx tsx packages/crawler/scripts/regen-site-fixtures.ts --write    # writes the changed files
 *   … --only newspaper/                                               # only fixtures whose path contains it
 *
 * Read every change it prints before committing: an expected.json is a claim about what a careful reader
 * would extract, not a snapshot of whatever the parser does today.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ParseResult, parse } from '../src/parse/index.js';
import { loadSiteFixtures } from '../test/parse/site-fixtures.js';

const args = process.argv.slice(2);
const write = args.includes('--write');
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? args[onlyAt + 1] : undefined;
if (args.includes('--help') || args.includes('-h')) {
  console.log('usage: regen-site-fixtures.ts [--write] [--only TEMPLATE/SLUG-SUBSTRING]');
  process.exit(0);
}

const show = (v: unknown): string => {
  const s = JSON.stringify(v) ?? 'undefined';
  return s.length > 100 ? `${s.slice(0, 97)}...` : s;
};

/** One line per changed field: scalars before → after; arrays as items removed / added. */
function fieldDiff(before: ParseResult | null, after: ParseResult): string[] {
  if (!before) return ['new fixture'];
  const a = before as unknown as Record<string, unknown>;
  const b = after as unknown as Record<string, unknown>;
  const lines: string[] = [];
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[k];
    const y = b[k];
    if (JSON.stringify(x) === JSON.stringify(y)) continue;
    if (Array.isArray(x) && Array.isArray(y)) {
      const removed = x.filter((v) => !y.some((w) => JSON.stringify(w) === JSON.stringify(v)));
      const added = y.filter((v) => !x.some((w) => JSON.stringify(w) === JSON.stringify(v)));
      lines.push(`${k}: ${x.length} → ${y.length} items`);
      for (const r of removed) lines.push(`    - ${show(r)}`);
      for (const n of added) lines.push(`    + ${show(n)}`);
      if (removed.length === 0 && added.length === 0) lines.push('    (same items, new order)');
    } else lines.push(`${k}: ${show(x)} → ${show(y)}`);
  }
  return lines;
}

let changed = 0;
let unchanged = 0;
const fixtures = loadSiteFixtures(undefined, only);
for (const f of fixtures) {
  const result = parse(f.html, f.url);
  const diff = fieldDiff(f.expected, result);
  if (diff.length === 0) {
    unchanged++;
    continue;
  }
  changed++;
  console.log(`${f.template}/${f.slug}`);
  for (const line of diff) console.log(`  ${line}`);
  if (write) writeFileSync(join(f.dir, 'expected.json'), `${JSON.stringify(result, null, 2)}\n`);
}
console.log(`\n${fixtures.length} fixtures: ${changed} changed, ${unchanged} unchanged.`);
if (changed > 0 && !write) {
  console.log('Nothing written (dry run). Review the changes above, then re-run with --write.');
  process.exit(2);
}
if (changed > 0) console.log(`Wrote ${changed} expected.json file(s). Review them with git diff before committing.`);
