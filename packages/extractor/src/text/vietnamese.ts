/**
 * Vietnamese letters as data: the twelve vowel letters, their six tones, and the structure of a syllable.
 * The tables are compiled once at module load from Unicode composition, so no toned letter is typed by hand.
 *
 * Tone numbers: 0 ngang (none), 1 huyền (grave), 2 sắc (acute), 3 hỏi (hook), 4 ngã (tilde), 5 nặng (dot below).
 */

/** Combining marks of the five tones, indexed by tone number (index 0, ngang, has no mark). */
export const TONE_MARKS: readonly string[] = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];

/** The twelve vowel letters without tone, lower case; the modified ones (ă â ê ô ơ ư) carry the tone first. */
export const VOWEL_BASES = 'aăâeêioôơuưy';
const MODIFIED_BASES = 'ăâêôơư';

/** Size of the per-code tables: Latin-1, Latin Extended-A/B and Latin Extended Additional (U+1E00–U+1EFF). */
const SIZE = 0x1f00;
/** Lower-case vowel letter (toned or not) → 1 + index of its base in VOWEL_BASES; 0 for anything else. */
const VOWEL_INDEX = new Uint8Array(SIZE);
/** Lower-case vowel letter → its tone number. */
const TONE_OF = new Uint8Array(SIZE);
/** VOWEL_BASES index × 6 + tone → the lower-case toned letter. */
const WITH_TONE = new Uint16Array(VOWEL_BASES.length * 6);
/** VOWEL_BASES index → 1 when that base is a modified vowel (ă â ê ô ơ ư). */
const MODIFIED = new Uint8Array(VOWEL_BASES.length);

for (let b = 0; b < VOWEL_BASES.length; b++) {
  const base = VOWEL_BASES[b]!;
  MODIFIED[b] = MODIFIED_BASES.includes(base) ? 1 : 0;
  for (let t = 0; t < 6; t++) {
    const ch = (base + TONE_MARKS[t]).normalize('NFC');
    if (ch.length !== 1) throw new Error(`vietnamese.ts: ${base}+tone ${t} does not compose to one letter`);
    const c = ch.charCodeAt(0);
    VOWEL_INDEX[c] = b + 1;
    TONE_OF[c] = t;
    WITH_TONE[b * 6 + t] = c;
  }
}

/** Is `c` (a UTF-16 code unit) a lower-case Vietnamese vowel letter, with or without tone? */
export function isVowelCode(c: number): boolean {
  return c < SIZE && VOWEL_INDEX[c] !== 0;
}

/** Tone number of a lower-case vowel code (0 when it has none or is not a vowel). */
export function toneOfCode(c: number): number {
  return c < SIZE ? TONE_OF[c]! : 0;
}

/** The same lower-case vowel with tone `tone` (0 removes the tone); `c` itself when it is not a vowel. */
export function withToneCode(c: number, tone: number): number {
  const v = c < SIZE ? VOWEL_INDEX[c]! : 0;
  return v === 0 ? c : WITH_TONE[(v - 1) * 6 + tone]!;
}

/** The base letter of a lower-case vowel code (its tone removed), as a code unit. */
export function baseCode(c: number): number {
  return withToneCode(c, 0);
}

/** Is the lower-case vowel one of ă â ê ô ơ ư (which always carry the tone when present)? */
export function isModifiedVowelCode(c: number): boolean {
  const v = c < SIZE ? VOWEL_INDEX[c]! : 0;
  return v !== 0 && MODIFIED[v - 1] === 1;
}

const ONSET = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?';
const OPEN =
  'a|ă|â|e|ê|i|o|ô|ơ|u|ư|y|ai|ao|au|ay|âu|ây|eo|êu|ia|iu|oa|oe|oi|ôi|ơi|ua|uê|ui|uơ|uy|ưa|ưi|ưu|iêu|yêu|oai|oao|oay|oeo|uây|uôi|uya|uyu|ươi|ươu';
const CLOSED = 'a|ă|â|e|ê|i|o|ô|ơ|u|ư|iê|yê|oa|oă|oe|oo|uâ|uê|uô|uy|ươ|uyê';
const CODA = 'c|ch|m|n|ng|nh|p|t';
const SYLLABLE = new RegExp(`^${ONSET}(?:${OPEN}|(?:${CLOSED})(?:${CODA}))$`, 'u');
const TONE_MARK_RE = /[\u0300\u0301\u0303\u0309\u0323]/gu;

/**
 * Is `word` spelled like one Vietnamese syllable (onset, vowel cluster, coda, at most one tone)? Used to score
 * legacy-encoding candidates: a decoding that yields real syllables is believed, one that yields noise is not.
 */
export function isVietnameseSyllable(word: string): boolean {
  const nfd = word.toLowerCase().normalize('NFD');
  const tones = nfd.match(TONE_MARK_RE);
  if (tones !== null && tones.length > 1) return false;
  const bare = nfd.replace(TONE_MARK_RE, '').normalize('NFC');
  return SYLLABLE.test(bare);
}

/** Letters that occur only in Vietnamese text (never in Latin-1 or in a legacy encoding read as Latin-1). */
export const VIETNAMESE_ONLY_LETTERS =
  /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]/u;
