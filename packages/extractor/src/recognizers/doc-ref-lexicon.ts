import { z } from 'zod';
import data from './doc-refs.json' with { type: 'json' };
import {
  alternation,
  caselessAlternation,
  escapeRegex,
  firstCharLookahead,
  loadLexicon,
  lookupKey,
  RecognizerLexiconError,
} from './lexicon.js';

const FILE = 'doc-refs.json';
const phrases = z.array(z.string()).min(1);
const Schema = z
  .object({
    $comment: z.string().optional(),
    kinds: z.array(z.object({ abbr: z.string().min(1), name: z.string().min(1), words: phrases }).strict()).min(1),
    codeKinds: z.object({ party: phrases, state: phrases }).strict(),
    lawKinds: phrases,
    partyIssuers: z.array(z.object({ code: z.string().min(1), forms: phrases, bodies: phrases }).strict()).min(1),
    stateIssuers: z.array(z.object({ code: z.string().min(1), bodies: phrases }).strict()).min(1),
    placeWords: phrases,
    titleIntroducers: phrases,
    titleStops: phrases,
    titleStopsBeforeName: phrases,
    titleStopsBeforeNumber: phrases,
    aliasLeads: phrases,
    khoa: phrases,
  })
  .strict();

const lex = loadLexicon(FILE, Schema, data, (v) => ({
  'codeKinds.party': v.codeKinds.party,
  'codeKinds.state': v.codeKinds.state,
  lawKinds: v.lawKinds,
  'partyIssuers.code': v.partyIssuers.map((i) => i.code),
  'partyIssuers.forms': v.partyIssuers.flatMap((i) => i.forms),
  'stateIssuers.code': v.stateIssuers.map((i) => i.code),
  placeWords: v.placeWords,
  titleIntroducers: v.titleIntroducers,
  titleStops: v.titleStops,
  titleStopsBeforeName: v.titleStopsBeforeName,
  titleStopsBeforeNumber: v.titleStopsBeforeNumber,
  aliasLeads: v.aliasLeads,
  khoa: v.khoa,
  ...Object.fromEntries(v.kinds.map((k, i) => [`kinds[${i}].words`, k.words])),
  ...Object.fromEntries(v.partyIssuers.map((k, i) => [`partyIssuers[${i}].bodies`, k.bodies])),
  ...Object.fromEntries(v.stateIssuers.map((k, i) => [`stateIssuers[${i}].bodies`, k.bodies])),
}));

const kindAbbrs = new Set(lex.kinds.map((k) => k.abbr));
for (const a of [...lex.codeKinds.party, ...lex.codeKinds.state, ...lex.lawKinds])
  if (!kindAbbrs.has(a)) throw new RecognizerLexiconError(FILE, 'codeKinds', `kind ${a} has no entry in kinds`);

export interface KindEntry {
  abbr: string;
  name: string;
}

// The kinds by abbreviation and by the key of each of their words, in data order.
const kindsByAbbr = new Map<string, { abbr: string; name: string; keys: Set<string> }[]>();
const kindsByKey = new Map<string, KindEntry[]>();
for (const k of lex.kinds) {
  const keys = new Set(k.words.map(lookupKey));
  kindsByAbbr.set(k.abbr, [...(kindsByAbbr.get(k.abbr) ?? []), { abbr: k.abbr, name: k.name, keys }]);
  for (const key of keys) kindsByKey.set(key, [...(kindsByKey.get(key) ?? []), { abbr: k.abbr, name: k.name }]);
}

/** The kind name of an abbreviation, chosen by the kind word written before the number when there is one. */
export function kindEntry(abbr: string, word: string | null): KindEntry | null {
  const entries = kindsByAbbr.get(abbr);
  if (entries === undefined) return null;
  const key = word === null ? null : lookupKey(word);
  const byWord = key === null ? undefined : entries.find((e) => e.keys.has(key));
  const e = byWord ?? entries[0]!;
  return { abbr: e.abbr, name: e.name };
}

/** The kind entries a written kind word can stand for ("Quy định" → QĐ/Quy định, QĐi, QyĐ). */
export function kindsOfWord(word: string): KindEntry[] {
  return (kindsByKey.get(lookupKey(word)) ?? []).map((k) => ({ ...k }));
}

export function isLawKind(abbr: string): boolean {
  return lex.lawKinds.includes(abbr);
}

const exactAlternation = (xs: readonly string[]) =>
  [...new Set(xs)]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegex)
    .join('|');

const partyCodeOf = new Map<string, string>();
for (const i of lex.partyIssuers) for (const f of i.forms) partyCodeOf.set(f, i.code);
/** Canonical Party issuer code: "TƯ" → "TW"; an unknown code as written. */
export const partyIssuerCode = (written: string): string => partyCodeOf.get(written) ?? written;

const bodiesOf = new Map<string, Set<string>>();
for (const i of [
  ...lex.partyIssuers.map((p) => ({ ...p, scope: 'party' })),
  ...lex.stateIssuers.map((s) => ({ ...s, scope: 'state' })),
]) {
  const key = `${i.scope}:${i.code}`;
  const set = bodiesOf.get(key) ?? new Set<string>();
  for (const b of i.bodies) set.add(lookupKey(b));
  bodiesOf.set(key, set);
}

/**
 * Whether a body can issue under an issuer code: "Ban Bí thư" under TW, "UBND" under UBND, "Quốc hội" under QH15.
 * State issuers with several parts ("BNV-VPCP") accept a body of any part.
 */
export function bodyIssues(form: 'party' | 'state', issuer: string, body: string): boolean {
  const key = lookupKey(body);
  const parts = form === 'party' ? [issuer] : issuer.split('-').map((p) => p.replace(/\d+$/u, ''));
  return parts.some((p) => bodiesOf.get(`${form}:${p}`)?.has(key) ?? false);
}

/** The kind words as in the data file. */
export const KIND_WORDS: readonly string[] = lex.kinds.flatMap((k) => k.words);

export const DOC_SOURCES = {
  /** Kind words, case-insensitive by construction ("Quyết định", "quyết định"). */
  kindWord: caselessAlternation(KIND_WORDS),
  /** Look-ahead on the first letter of a kind word. */
  kindWordFirst: firstCharLookahead(KIND_WORDS),
  /** Kind words as documents are cited, capitalised ("Quy chế số …" but not "quy chế dân chủ"). */
  kindWordCapitalised: alternation(lex.kinds.flatMap((k) => k.words)),
  lawWord: caselessAlternation(lex.kinds.filter((k) => lex.lawKinds.includes(k.abbr)).flatMap((k) => k.words)),
  partyKind: exactAlternation(lex.codeKinds.party),
  stateKind: exactAlternation(lex.codeKinds.state),
  body: caselessAlternation([...lex.partyIssuers, ...lex.stateIssuers].flatMap((i) => i.bodies)),
  placeWord: alternation(lex.placeWords),
  placeWordCaseless: caselessAlternation(lex.placeWords),
  titleIntroducer: alternation(lex.titleIntroducers),
  titleStop: alternation(lex.titleStops),
  titleStopBeforeName: alternation(lex.titleStopsBeforeName),
  titleStopBeforeNumber: alternation(lex.titleStopsBeforeNumber),
  aliasLead: alternation(lex.aliasLeads),
  khoa: caselessAlternation(lex.khoa),
} as const;
