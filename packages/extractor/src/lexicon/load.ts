/**
 * Loads and validates the lexicon data files. Every problem is a LexiconError naming the file, the entry's line,
 * index and id, and what is wrong: a malformed or unknown field, an unknown category, an empty surface, a stray
 * character, or a surface that duplicates another after key folding (case and tone placement).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { LexiconError, type LexiconLocation } from './errors.js';
import { lexiconKey } from './key.js';
import { ENTRY_SCHEMAS, type LexiconEntryTypes, LexiconFileSchema, type LexiconName } from './schema.js';
import { TokenBuffer, tokenize, tokenKey } from './syllables.js';

/** The lexicons shipped with the package: packages/extractor/lexicons. */
export function defaultLexiconDir(): string {
  return fileURLToPath(new URL('../../lexicons/', import.meta.url));
}

export type Lexicons = {
  /** The directory they were loaded from. */
  readonly dir: string;
  /** The lexicon version: see `lexiconVersion`. */
  readonly version: string;
} & { readonly [K in LexiconName]: readonly LexiconEntryTypes[K][] };

/** Every surface of an entry: its `surface` and then its `aliases`. */
export function surfacesOf(entry: {
  readonly surface: string;
  readonly aliases?: readonly string[] | undefined;
}): string[] {
  return entry.aliases ? [entry.surface, ...entry.aliases] : [entry.surface];
}

/** The comparison form of a surface: its syllables' keys (case and tone placement folded), space-joined. */
export function surfaceKey(surface: string, buffer = new TokenBuffer()): string {
  const key = lexiconKey(surface);
  const toks = tokenize(surface, buffer);
  const parts: string[] = [];
  for (let i = 0; i < toks.length; i++) parts.push(tokenKey(key, toks.starts[i]!, toks.ends[i]!));
  return parts.join(' ');
}

function lineOf(raw: string, offset: number): number {
  let line = 1;
  for (const m of raw.slice(0, offset).matchAll(/\n/g)) if (m) line++;
  return line;
}

/** The line where the entry with this id is written, found from the match of its `"id": "…"` pair. */
function lineOfId(raw: string, id: unknown): number | undefined {
  if (typeof id !== 'string') return undefined;
  const escaped = JSON.stringify(id).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`"id"\\s*:\\s*${escaped}`, 'd').exec(raw);
  return m?.indices ? lineOf(raw, m.indices[0]![0]) : undefined;
}

function formatIssues(error: z.ZodError): string {
  return error.issues.map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
}

/**
 * Reads and validates one lexicon file. `name` is the lexicon it must contain (the file's `lexicon` field must
 * agree). Throws LexiconError on the first problem.
 */
export function loadLexiconFile<K extends LexiconName>(file: string, name: K): LexiconEntryTypes[K][] {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new LexiconError({ file }, `cannot read the file (${(cause as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (cause) {
    const pos = /position (\d+)/.exec((cause as Error).message);
    const where: LexiconLocation = pos?.[1] ? { file, line: lineOf(raw, Number(pos[1])) } : { file };
    throw new LexiconError(where, `invalid JSON (${(cause as Error).message})`);
  }
  const parsed = LexiconFileSchema.safeParse(json);
  if (!parsed.success) throw new LexiconError({ file }, formatIssues(parsed.error));
  if (parsed.data.lexicon !== name)
    throw new LexiconError({ file }, `holds the lexicon "${parsed.data.lexicon}", expected "${name}"`);

  const schema = ENTRY_SCHEMAS[name];
  const out: LexiconEntryTypes[K][] = [];
  const seenIds = new Map<string, number>();
  const seenKeys = new Map<string, { index: number; id: string; surface: string }>();
  const buffer = new TokenBuffer();
  parsed.data.entries.forEach((item, index) => {
    const rawId = (item as { id?: unknown } | null)?.id;
    const at = (): LexiconLocation => {
      const line = lineOfId(raw, rawId);
      return {
        file,
        index,
        ...(line !== undefined ? { line } : {}),
        ...(typeof rawId === 'string' ? { id: rawId } : {}),
      };
    };
    const r = schema.safeParse(item);
    if (!r.success) throw new LexiconError(at(), formatIssues(r.error));
    const entry = r.data as LexiconEntryTypes[K];
    const previous = seenIds.get(entry.id);
    if (previous !== undefined) throw new LexiconError(at(), `duplicate id (entry #${previous} has it too)`);
    seenIds.set(entry.id, index);
    for (const surface of surfacesOf(entry)) {
      const key = surfaceKey(surface, buffer);
      const dup = seenKeys.get(key);
      if (dup !== undefined)
        throw new LexiconError(
          at(),
          `duplicate surface ${JSON.stringify(surface)}: after folding case and tone placement it equals ` +
            `${JSON.stringify(dup.surface)} of entry #${dup.index} (id "${dup.id}")`,
        );
      seenKeys.set(key, { index, id: entry.id, surface });
    }
    out.push(Object.freeze(entry) as LexiconEntryTypes[K]);
  });
  if (name === 'surnames') {
    out.forEach((e, index) => {
      const v = (e as LexiconEntryTypes['surnames']).variantOf;
      if (v !== undefined && !seenIds.has(v)) {
        const line = lineOfId(raw, e.id);
        throw new LexiconError(
          { file, index, id: e.id, ...(line !== undefined ? { line } : {}) },
          `variantOf names "${v}", which is not the id of any entry`,
        );
      }
    });
  }
  return out;
}

const versions = new Map<string, string>();

/**
 * A short hash of every .json file in the lexicon directory (names and bytes, the gazetteer included), recorded by
 * the extractor as `extractor.lexiconVersion` so that a result can be traced to the data that produced it.
 */
export function lexiconVersion(dir: string = defaultLexiconDir()): string {
  const cached = versions.get(dir);
  if (cached !== undefined) return cached;
  const hash = createHash('sha256');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  for (const f of files) {
    hash.update(f);
    hash.update('\0');
    hash.update(readFileSync(join(dir, f)));
    hash.update('\0');
  }
  const version = `lex-${hash.digest('hex').slice(0, 12)}`;
  versions.set(dir, version);
  return version;
}

const loaded = new Map<string, Lexicons>();

/**
 * Loads every lexicon from `dir` (default: the package's lexicons/), validating each file; cached per directory.
 * The directory must hold titles.json, units.json, abbreviations.json, cues.json, triggers.json and surnames.json.
 */
export function loadLexicons(dir: string = defaultLexiconDir()): Lexicons {
  const cached = loaded.get(dir);
  if (cached !== undefined) return cached;
  const result = {
    dir,
    version: lexiconVersion(dir),
    titles: loadLexiconFile(join(dir, 'titles.json'), 'titles'),
    units: loadLexiconFile(join(dir, 'units.json'), 'units'),
    abbreviations: loadLexiconFile(join(dir, 'abbreviations.json'), 'abbreviations'),
    cues: loadLexiconFile(join(dir, 'cues.json'), 'cues'),
    triggers: loadLexiconFile(join(dir, 'triggers.json'), 'triggers'),
    surnames: loadLexiconFile(join(dir, 'surnames.json'), 'surnames'),
  } satisfies Lexicons;
  loaded.set(dir, Object.freeze(result));
  return result;
}
