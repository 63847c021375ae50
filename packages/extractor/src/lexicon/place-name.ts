/**
 * Place names: the level word that introduces them ("huyện Đầm Hà", "TP. Hồ Chí Minh") and the comparison key of
 * the bare name (syllables only, punctuation dropped: "Bà Rịa - Vũng Tàu" and "Bà Rịa Vũng Tàu" are one key).
 */
import { isWordCode, lexiconKey } from './key.js';
import { TokenBuffer, tokenize } from './syllables.js';

export const LEVEL_WORDS = [
  'tỉnh',
  'thành phố',
  'huyện',
  'quận',
  'thị xã',
  'xã',
  'phường',
  'thị trấn',
  'đặc khu',
] as const;
export type LevelWord = (typeof LEVEL_WORDS)[number];
export type PlaceLevel = 'province' | 'district' | 'commune';

/** The levels a level word can introduce: "thành phố" is a province-level or a district-level city. */
export const LEVELS_OF_WORD: { readonly [W in LevelWord]: readonly PlaceLevel[] } = {
  tỉnh: ['province'],
  'thành phố': ['province', 'district'],
  huyện: ['district'],
  quận: ['district'],
  'thị xã': ['district'],
  xã: ['commune'],
  phường: ['commune'],
  'thị trấn': ['commune'],
  'đặc khu': ['commune'],
};

/** Level words as syllable keys (tone-folded, lower-case), with their abbreviations; longest first. */
interface LevelPattern {
  readonly tokens: readonly string[];
  readonly word: LevelWord;
  readonly ascii: boolean;
}
const PATTERNS: readonly LevelPattern[] = [
  ...LEVEL_WORDS.map((w): LevelPattern => ({ tokens: lexiconKey(w).split(' '), word: w, ascii: false })),
  ...LEVEL_WORDS.map(
    (w): LevelPattern => ({ tokens: lexiconKey(w, { foldDiacritics: true }).split(' '), word: w, ascii: true }),
  ),
  ...(
    [
      [['tp', '.'], 'thành phố'],
      [['tp'], 'thành phố'],
      [['tx', '.'], 'thị xã'],
      [['tx'], 'thị xã'],
      [['tt', '.'], 'thị trấn'],
    ] as const
  ).map(([tokens, word]): LevelPattern => ({ tokens, word, ascii: false })),
].sort((a, b) => b.tokens.length - a.tokens.length);

const buffer = new TokenBuffer();

export interface SplitPlaceName {
  /** The level word the name starts with, normalised, or null. */
  readonly levelWord: LevelWord | null;
  /** The rest of the name as written (the whole name when there is no level word). */
  readonly bare: string;
  /** How many tokens the level word took. */
  readonly levelTokens: number;
}

/**
 * Splits a leading level word off a name. Diacritic-free level words ("huyen Dam Ha") count only when the whole
 * name is written without diacritics, so that "Quan Sơn" stays a name and is not read as "quận Sơn".
 */
export function splitLevelWord(name: string): SplitPlaceName {
  const official = splitOfficial(name);
  if (official !== undefined) return official;
  const key = lexiconKey(name);
  const folded = lexiconKey(key, { foldDiacritics: true });
  const ascii = key === folded;
  const toks = tokenize(name, buffer);
  const n = toks.length;
  for (const p of PATTERNS) {
    if ((p.ascii && !ascii) || p.tokens.length >= n) continue;
    const k = p.ascii ? folded : key;
    let ok = true;
    for (let t = 0; t < p.tokens.length && ok; t++) ok = k.slice(toks.starts[t]!, toks.ends[t]!) === p.tokens[t];
    // The name after the level word must start with a syllable: "TP.HCM" → "HCM", but "Xã-" is no name.
    const rest = toks.starts[p.tokens.length]!;
    if (ok && isWordCode(name.charCodeAt(rest)))
      return { levelWord: p.word, bare: name.slice(rest).trim(), levelTokens: p.tokens.length };
  }
  return { levelWord: null, bare: name.trim(), levelTokens: 0 };
}

/** Level words as official names spell them ("Thị trấn Đầm Hà"), for a fast path. */
const OFFICIAL = LEVEL_WORDS.map((w) => ({ prefix: `${w[0]!.toUpperCase()}${w.slice(1)} `, word: w }));

function splitOfficial(name: string): SplitPlaceName | undefined {
  for (const o of OFFICIAL) {
    if (name.startsWith(o.prefix) && name.length > o.prefix.length && isWordCode(name.charCodeAt(o.prefix.length)))
      return { levelWord: o.word, bare: name.slice(o.prefix.length), levelTokens: o.word.split(' ').length };
  }
  return undefined;
}

/**
 * The comparison key of a (bare) place name: its syllables only, lower-cased, tone-folded, space-joined. The name
 * must be NFC (names from the gazetteer are; callers normalise queries).
 */
export function placeNameKey(name: string, foldDiacritics: boolean): string {
  const exact = exactPlaceNameKey(name);
  return foldDiacritics ? lexiconKey(exact, { foldDiacritics: true }) : exact;
}

function exactPlaceNameKey(name: string): string {
  const key = lexiconKey(name);
  // Words joined by single spaces: the key as it is (the common case).
  let clean = key.length > 0;
  for (let i = 0; i < key.length && clean; i++) {
    const c = key.charCodeAt(i);
    clean = c === 0x20 ? i > 0 && i < key.length - 1 && key.charCodeAt(i - 1) !== 0x20 : isWordCode(c);
  }
  if (clean) return key;
  let out = '';
  let i = 0;
  while (i < key.length) {
    while (i < key.length && !isWordCode(key.charCodeAt(i))) i++;
    const s = i;
    while (i < key.length && isWordCode(key.charCodeAt(i))) i++;
    if (i > s) out += (out ? ' ' : '') + key.slice(s, i);
  }
  return out;
}
