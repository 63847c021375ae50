import { isVietnameseSyllable, VIETNAMESE_ONLY_LETTERS } from '../vietnamese.js';
import { type ChunkMarks, decodeChunk, type LegacyEncoding } from './codec.js';

/**
 * Evidence that one line is in a legacy encoding, counted over its white-space-delimited chunks that contain a
 * letter ("words").
 */
export interface LineEvidence {
  readonly encoding: LegacyEncoding;
  readonly words: number;
  /** Words where decoding changed something. */
  readonly hits: number;
  /** Words with a decoding that ordinary Unicode/English text practically never shows (nh©n, chaøo, Vie^.t). */
  readonly strong: number;
  /** VIQR: words with a modifier mark ( ^ + or "dd". */
  readonly modifiers: number;
  /** Words with a strong decoding inside the word (letters on both sides). */
  readonly inner: number;
  /** Words with a decoding Unicode Vietnamese would not write that way (see ChunkMarks.foreign). */
  readonly foreign: number;
  /** Hit words whose decoding is a well-formed Vietnamese syllable (or several). */
  readonly valid: number;
  /** The line decoded (not yet NFC-normalised by the caller's later steps). */
  readonly decoded: string;
}

export const LEGACY_ENCODINGS: readonly LegacyEncoding[] = ['tcvn3', 'vni', 'viqr'];

/** Thresholds of the decision, as data (see `acceptsEvidence`). */
export const DETECTION = {
  /** At least this share of the decoded hit words must be Vietnamese syllables. */
  minValidShare: 0.8,
  /** At least this share of the words must be hit (strict mode). */
  minHitShare: 0.3,
  /** Strong words needed in a line of more than `shortLine` words (strict mode). */
  minStrong: 2,
  /** A line of at most this many words needs only one strong word, when its strong decoding is inside a word. */
  shortLine: 3,
  /** Lines accepted in strict mode that make the whole document lenient for that encoding. */
  documentLines: 2,
} as const;

// Latin-1 letters that a given encoding never produces when its bytes are read as Latin-1/Windows-1252: their
// presence means the line is not in that encoding.
const NOT_TCVN3 = /[\u00c0-\u00c5\u00cd\u00d9-\u00db\u00e0\u00f0\u00ff\u00ba]/u;
const NOT_VNI = /[\u00c7\u00d0\u00dd\u00de\u00df\u00e7\u00f0\u00fd\u00fe\u00ff\u00aa\u00b5\u00ba]/u;
const NOT_VIQR = /[\u00c0-\u00ff]/u;
const HARD_NEGATIVE: Record<LegacyEncoding, RegExp> = { tcvn3: NOT_TCVN3, vni: NOT_VNI, viqr: NOT_VIQR };

/** Cheap pre-filter: could this line be legacy-encoded at all? */
const MAY_BE_LEGACY = /[\u00a1-\u00ff]|[aeiouyAEIOUY][(^+'`?~.]|\b[dD][dD]/u;
const WORDISH = /[A-Za-z\u00c0-\u00ff]/u;
const NON_ASCII_RUNS = /\p{L}*[^\p{ASCII}\P{L}]\p{L}*/gu;
const STARTS_LOWER = /^\s*[\p{Ll}\p{Nd}]/u;
const CHUNK = /\S+/g;

function allRunsAreSyllables(decoded: string): boolean {
  NON_ASCII_RUNS.lastIndex = 0;
  let found = false;
  for (let m = NON_ASCII_RUNS.exec(decoded); m !== null; m = NON_ASCII_RUNS.exec(decoded)) {
    found = true;
    if (!isVietnameseSyllable(m[0])) return false;
  }
  return found;
}

/** Scores `line` as `enc`; null when the line cannot be in that encoding at all. */
export function scoreLine(line: string, enc: LegacyEncoding): LineEvidence | null {
  if (VIETNAMESE_ONLY_LETTERS.test(line) || HARD_NEGATIVE[enc].test(line)) return null;
  let words = 0;
  let hits = 0;
  let strong = 0;
  let modifiers = 0;
  let inner = 0;
  let foreign = 0;
  let valid = 0;
  let decoded = '';
  let last = 0;
  CHUNK.lastIndex = 0;
  for (let m = CHUNK.exec(line); m !== null; m = CHUNK.exec(line)) {
    const chunk = m[0];
    const end = m.index + chunk.length;
    const marks: ChunkMarks = { hit: false, strong: false, modifier: false, inner: false, foreign: false };
    const out = decodeChunk(enc, chunk, STARTS_LOWER.test(line.slice(end, end + 8)), marks);
    decoded += line.slice(last, m.index) + out;
    last = end;
    if (!WORDISH.test(chunk)) continue;
    words++;
    if (!marks.hit) continue;
    hits++;
    if (marks.strong) strong++;
    if (marks.modifier) modifiers++;
    if (marks.inner) inner++;
    if (marks.foreign) foreign++;
    if (allRunsAreSyllables(out)) valid++;
  }
  decoded += line.slice(last);
  return { encoding: enc, words, hits, strong, modifiers, inner, foreign, valid, decoded };
}

/**
 * The decision. Strict (a line on its own): most decoded words are syllables, enough words are hit, and there are
 * two strong words (in a line of up to three words, one strong decoding inside a word); VIQR also needs a
 * modifier mark. Lenient (the document
 * already has `DETECTION.documentLines` strict lines in this encoding): one hit word that decodes well is enough,
 * when some hit is not also a plain Unicode spelling ("Hµ Néi" converts, a Unicode "Tin khác" does not).
 */
export function acceptsEvidence(ev: LineEvidence, lenient: boolean): boolean {
  if (ev.hits === 0 || ev.words === 0) return false;
  if (ev.valid < DETECTION.minValidShare * ev.hits) return false;
  if (ev.encoding === 'viqr' && ev.modifiers === 0) return false;
  if (lenient) return ev.foreign > 0;
  if (ev.hits < DETECTION.minHitShare * ev.words) return false;
  return ev.strong >= DETECTION.minStrong || (ev.inner >= 1 && ev.words <= DETECTION.shortLine);
}

/**
 * Every accepted reading of `line`, the most convincing first (most strong words, then most valid ones).
 * `lenient` lists the encodings the document is known to use.
 */
export function detectLine(line: string, lenient: ReadonlySet<LegacyEncoding>): LineEvidence[] {
  if (VIETNAMESE_ONLY_LETTERS.test(line) || !MAY_BE_LEGACY.test(line)) return [];
  const accepted: LineEvidence[] = [];
  for (const enc of LEGACY_ENCODINGS) {
    const ev = scoreLine(line, enc);
    if (ev !== null && acceptsEvidence(ev, lenient.has(enc))) accepted.push(ev);
  }
  return accepted.sort((a, b) => b.strong - a.strong || b.valid - a.valid);
}

const ALL: ReadonlySet<LegacyEncoding> = new Set(LEGACY_ENCODINGS);

/** Would any encoding accept this line even leniently? Used to refuse a decoding that still looks encoded. */
export function looksLegacy(line: string): boolean {
  return detectLine(line, ALL).length > 0;
}
