/**
 * Running a costly pattern only where it can start.
 *
 * The recognizers' patterns open with look-arounds and long alternations of cue words: run over every position of a
 * text they cost tens of microseconds each, and findDates runs ten of them for every window it is asked about (an
 * article asks about a dozen). But a match can only open with one of a few words (a cue word, a kind of document, a
 * spelled number) or with a run of digits. So every `Anchored` pattern names those words, and one pass over a text
 * (cached for the next calls on the same text) finds, for all patterns at once, the words that begin like one of
 * them; a pattern is then tried, sticky, at those positions only.
 *
 * The positions are a superset of the positions where the pattern matches, so `scanAnchored` returns exactly what
 * `scan` returns. Words are compared by a skeleton that is coarser than the pattern's own matching: lower case
 * (with ſ as s, the one letter /iu folds onto a–z that toLowerCase does not), without tone marks (so both tone
 * placements give one skeleton; â, ư, đ … stay apart from a, u, d), i and y as one letter (quí/quý). A phrase of
 * several syllables opens a match with its whole first word; a one-word phrase may have letters glued after it
 * ("số12"), so only its beginning is compared.
 */
import { type Hit, hitOf, type IndexedMatch, WORD_CHAR } from './scan.js';

export interface AnchorSpec {
  /** Phrases a match may open with, as the pattern writes them (syllables joined by white space). */
  words?: readonly string[];
  /** A match may open with an ASCII digit (the anchors are the starts of digit runs). */
  digits?: boolean;
  /** Single characters a match may open with ("("). */
  chars?: string;
}

// Per UTF-16 unit, filled lazily: 0 unknown, 1 not part of a word, else the skeleton code + 2.
const CLASS = new Int32Array(0x10000);
const NOT_WORD = 1;
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/gu;

function classify(c: number): number {
  let k = NOT_WORD;
  if (!(c >= 0xd800 && c <= 0xdfff)) {
    const ch = String.fromCharCode(c);
    if (WORD_CHAR.test(ch)) {
      const lower = ch.toLowerCase();
      const untoned = (lower.length === 1 ? lower : ch).normalize('NFD').replace(TONE_MARKS, '').normalize('NFC');
      let base = untoned.length > 0 ? untoned.charCodeAt(0) : c;
      if (base === 0x17f)
        base = 0x73; // ſ → s
      else if (base === 0x79) base = 0x69; // y → i
      k = base + 2;
    }
  }
  CLASS[c] = k;
  return k;
}
const classOf = (c: number) => CLASS[c] || classify(c);

/** The skeleton hash of `k` units (k >= 1) given the hash of the first k - 1: mixes in the length too. */
const OFFSET = 0x811c9dc5 | 0;
const step = (h: number, code: number) => Math.imul(h ^ code, 0x01000193);
const keyOf = (h: number, k: number) => {
  const key = (Math.imul(h, 31) + k) | 0;
  return key === EMPTY ? key - 1 : key;
};

/** Length of the longest anchor compared by its beginning: longer prefixes of a word are not looked up. */
let maxPrefix = 0;
/** Skeleton codes (+ 2) that some anchor compared by its beginning opens with: other words skip the prefix look-ups. */
const PREFIX_FIRST = new Uint8Array(0x10002);
const EMPTY = 0x7fffffff;
let tableKeys = new Int32Array(256).fill(EMPTY);
let prefixBits = new Int32Array(256);
let wholeBits = new Int32Array(256);
let tableSize = 0;
let nextBit = 0;
let version = 0;

function slot(key: number): number {
  const mask = tableKeys.length - 1;
  let i = (key ^ (key >>> 15)) & mask;
  while (tableKeys[i] !== EMPTY && tableKeys[i] !== key) i = (i + 1) & mask;
  return i;
}

/**
 * Registers the word a phrase opens with. When white space follows it in the phrase, the text's word is that word
 * whole; otherwise (one-word phrases, "T.Ư") letters may be glued after it and only its beginning is compared.
 */
function addAnchor(phrase: string, bit: number): void {
  let h = OFFSET;
  let k = 0;
  while (k < phrase.length && classOf(phrase.charCodeAt(k)) !== NOT_WORD) h = step(h, classOf(phrase.charCodeAt(k++)));
  if (k === 0) throw new Error(`anchored pattern: "${phrase}" does not open with a letter or digit`);
  const whole = k < phrase.length && /\s/u.test(phrase[k]!);
  if (!whole) {
    maxPrefix = Math.max(maxPrefix, k);
    PREFIX_FIRST[classOf(phrase.charCodeAt(0))] = 1;
  }
  if ((tableSize + 1) * 2 > tableKeys.length) {
    const old = [tableKeys, prefixBits, wholeBits] as const;
    tableKeys = new Int32Array(old[0].length * 2).fill(EMPTY);
    prefixBits = new Int32Array(old[0].length * 2);
    wholeBits = new Int32Array(old[0].length * 2);
    for (let i = 0; i < old[0].length; i++) {
      if (old[0][i] === EMPTY) continue;
      const j = slot(old[0][i]!);
      tableKeys[j] = old[0][i]!;
      prefixBits[j] = old[1][i]!;
      wholeBits[j] = old[2][i]!;
    }
  }
  const key = keyOf(h, k);
  const i = slot(key);
  if (tableKeys[i] === EMPTY) {
    tableKeys[i] = key;
    tableSize++;
  }
  if (whole) wholeBits[i]! |= bit;
  else prefixBits[i]! |= bit;
}

/** Where the patterns' opening words and digit runs are in one text. */
interface TextAnchors {
  /** Starts of the words that open like some pattern's anchor, ascending, with the patterns' bits. */
  readonly wordStarts: readonly number[];
  readonly wordBits: readonly number[];
  /** Starts of runs of ASCII digits, ascending. */
  readonly digitStarts: readonly number[];
}

function findAnchors(text: string): TextAnchors {
  const starts: number[] = [];
  const bits: number[] = [];
  const digits: number[] = [];
  // The hot loop reads the tables through locals.
  const keys = tableKeys;
  const prefix = prefixBits;
  const whole = wholeBits;
  const mask = keys.length - 1;
  const longest = maxPrefix;
  const n = text.length;
  let prevDigit = false;
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    let cls = CLASS[c] || classify(c);
    if (cls === NOT_WORD) {
      prevDigit = false;
      i++;
      continue;
    }
    // A word: its prefixes of up to `longest` units are looked up, then the whole word; digit runs on the way.
    const start = i;
    const prefixes = PREFIX_FIRST[cls] === 1 ? longest : 0;
    let h = OFFSET;
    let b = 0;
    for (;;) {
      const digit = c >= 0x30 && c <= 0x39;
      if (digit && !prevDigit) digits.push(i);
      prevDigit = digit;
      h = Math.imul(h ^ cls, 0x01000193);
      i++;
      const k = i - start;
      if (k <= prefixes) {
        const key = keyOf(h, k);
        let s = (key ^ (key >>> 15)) & mask;
        while (keys[s] !== EMPTY && keys[s] !== key) s = (s + 1) & mask;
        if (keys[s] === key) b |= prefix[s]!;
      }
      if (i >= n) break;
      c = text.charCodeAt(i);
      cls = CLASS[c] || classify(c);
      if (cls === NOT_WORD) break;
    }
    const key = keyOf(h, i - start);
    let s = (key ^ (key >>> 15)) & mask;
    while (keys[s] !== EMPTY && keys[s] !== key) s = (s + 1) & mask;
    if (keys[s] === key) b |= whole[s]!;
    if (b !== 0) {
      starts.push(start);
      bits.push(b);
    }
  }
  return { wordStarts: starts, wordBits: bits, digitStarts: digits };
}

const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

// The anchors of the last text seen: the recognizers ask about many windows of one text in a row.
let cachedText: string | undefined;
let cachedVersion = -1;
let cachedAnchors: TextAnchors | undefined;

function anchorsOf(text: string): TextAnchors {
  if (text !== cachedText || cachedVersion !== version || cachedAnchors === undefined) {
    cachedAnchors = findAnchors(text);
    cachedText = text;
    cachedVersion = version;
  }
  return cachedAnchors;
}

/** Index of the first element of `a` that is >= `x`. */
function lowerBound(a: readonly number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The ascending union of two ascending lists. */
function union(a: number[], b: number[]): number[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = i < a.length ? a[i]! : Number.POSITIVE_INFINITY;
    const y = j < b.length ? b[j]! : Number.POSITIVE_INFINITY;
    out.push(Math.min(x, y));
    if (x <= y) i++;
    if (y <= x) j++;
  }
  return out;
}

export class Anchored {
  /** The pattern, sticky: tried at one anchor at a time. */
  readonly sticky: RegExp;
  private readonly bit: number;
  private readonly digits: boolean;
  private readonly chars: string;

  /** `re` is a global pattern with the `d` flag, as `scan` takes it; every match opens as `spec` says. */
  constructor(
    readonly re: RegExp,
    spec: AnchorSpec,
  ) {
    this.sticky = new RegExp(re.source, `${re.flags.replace('g', '')}y`);
    if (nextBit >= 31) throw new Error('too many anchored patterns: widen the anchor bit sets');
    this.bit = 1 << nextBit++;
    for (const phrase of spec.words ?? []) addAnchor(phrase, this.bit);
    version++;
    this.digits = spec.digits ?? false;
    this.chars = spec.chars ?? '';
  }

  /** Ascending offsets in [from, to) of `text` where a match may start. */
  starts(text: string, from: number, to: number): number[] {
    const a = anchorsOf(text);
    let out: number[] = [];
    for (let i = lowerBound(a.wordStarts, from); i < a.wordStarts.length && a.wordStarts[i]! < to; i++)
      if ((a.wordBits[i]! & this.bit) !== 0) out.push(a.wordStarts[i]!);
    if (this.digits) {
      const digits: number[] = [];
      for (let i = lowerBound(a.digitStarts, from); i < a.digitStarts.length && a.digitStarts[i]! < to; i++)
        digits.push(a.digitStarts[i]!);
      out = union(out, digits);
    }
    for (const ch of this.chars) {
      const at: number[] = [];
      for (let i = text.indexOf(ch, from); i >= 0 && i < to; i = text.indexOf(ch, i + 1)) at.push(i);
      out = union(out, at);
    }
    return out;
  }
}

/**
 * What `scan(p.re, view, from, to)` returns: every match starting in [from, to), tried at the anchors of `text` only.
 * `view` is `text` or a prefix of it (a window cut a little after `to`); the anchors are those of the whole `text`.
 */
export function scanAnchored(p: Anchored, text: string, from: number, to: number, view = text): IndexedMatch[] {
  const re = p.sticky;
  const out: IndexedMatch[] = [];
  for (const at of p.starts(text, from, to)) {
    re.lastIndex = at;
    const m = re.exec(view);
    if (m !== null) out.push(m as IndexedMatch);
  }
  re.lastIndex = 0;
  return out;
}

/**
 * What `leftMatch(p.re, view, at, size, floor)` returns for an end-anchored pattern: the leftmost match over the
 * `size` characters before `at` that does not start inside a word, tried at the window's start, at the anchors of
 * `text` inside the window and at its end (where an all-optional pattern matches empty).
 */
export function leftMatchAnchored(
  p: Anchored,
  text: string,
  view: string,
  at: number,
  size = 48,
  floor = 0,
): Hit | null {
  const from = Math.max(0, floor, at - size);
  const win = view.slice(from, at);
  const re = p.sticky;
  const tryAt = (q: number): Hit | null => {
    re.lastIndex = q - from;
    const m = re.exec(win) as IndexedMatch | null;
    re.lastIndex = 0;
    if (m === null || !(m.index > 0 || from === 0 || !WORD_CHAR.test(view[from - 1]!))) return null;
    return hitOf(m, from);
  };
  const first = tryAt(from);
  if (first) return first;
  // A window that starts inside a surrogate pair shows the next position a word start the whole text does not.
  let next = from + 1;
  if (next < at && isLowSurrogate(view.charCodeAt(from))) {
    const h = tryAt(next++);
    if (h) return h;
  }
  for (const q of p.starts(text, next, at)) {
    const h = tryAt(q);
    if (h) return h;
  }
  return at > from ? tryAt(at) : null;
}
