import { matchKey } from './match-key.js';

/**
 * - `word`: a run of letters (one syllable in Vietnamese; "UBND", "HĐND" too). Hyphenated letters without a digit
 *   are separate tokens: "KT-XH" → KT, -, XH.
 * - `number`: digits with inner separators between digits, kept whole: "83,2", "20.000", "1.234,5", "11.09.2019",
 *   "18:11:27", "21/10/2024". A unit glued after it is its own word token: "83,2ha" → 83,2 + ha.
 * - `ref`: a code made of letters and digits joined by "-" or "/", kept whole so that document-reference recognisers
 *   see it in one piece: "114-KL/TW", "06-ĐA/TU", "12/2020/NĐ-CP", "1234/QĐ-UBND", "I/2024", "QH15", "2020-2025".
 * - `punct`: any other visible character, one per token, except that a run of full stops ("...") is one token.
 */
export type TokenKind = 'word' | 'number' | 'ref' | 'punct';

export interface Token {
  start: number;
  end: number;
  /** `text.slice(start, end)`. */
  text: string;
  /** `matchKey(text)`: lower case, canonical tone placement (see match-key.ts). */
  key: string;
  kind: TokenKind;
}

// Character classes by UTF-16 code unit, filled lazily: 0 unknown, then one of these.
const LETTER = 1; // \p{L} or \p{M}
const DIGIT = 2; // \p{Nd}
const SPACE = 3; // \s
const OTHER = 4;
const HIGH = 5; // high surrogate: classify the code point
const CLASS = new Uint8Array(0x10000);
const LETTER_RE = /^[\p{L}\p{M}]$/u;
const DIGIT_RE = /^\p{Nd}$/u;
const SPACE_RE = /^\s$/u;

function classOfCodePoint(ch: string): number {
  if (LETTER_RE.test(ch)) return LETTER;
  if (DIGIT_RE.test(ch)) return DIGIT;
  return SPACE_RE.test(ch) ? SPACE : OTHER;
}

function classify(c: number): number {
  const k =
    c >= 0xd800 && c <= 0xdbff ? HIGH : c >= 0xdc00 && c <= 0xdfff ? OTHER : classOfCodePoint(String.fromCharCode(c));
  CLASS[c] = k;
  return k;
}

/** Class and width (1 or 2 code units) of the character at `i` (< end), packed as class * 4 + width. */
function at(s: string, i: number, end: number): number {
  const c = s.charCodeAt(i);
  let k = CLASS[c]!;
  if (k === 0) k = classify(c);
  if (k !== HIGH) return k * 4 + 1;
  const d = i + 1 < end ? s.charCodeAt(i + 1) : 0;
  if (d < 0xdc00 || d > 0xdfff) return OTHER * 4 + 1; // lone high surrogate
  return classOfCodePoint(s.slice(i, i + 2)) * 4 + 2;
}

/** End of the run of characters of class `k` starting at `i`. */
function runEnd(s: string, i: number, end: number, k: number): number {
  while (i < end) {
    const c = s.charCodeAt(i);
    let ck = CLASS[c]!;
    if (ck === 0) ck = classify(c);
    if (ck === k) {
      i++;
      continue;
    }
    if (ck !== HIGH) break;
    const a = at(s, i, end);
    if (a >> 2 !== k) break;
    i += a & 3;
  }
  return i;
}

const isAlnum = (s: string, i: number, end: number) => {
  if (i >= end) return false;
  const k = at(s, i, end) >> 2;
  return k === LETTER || k === DIGIT;
};
const isDigit = (s: string, i: number, end: number) => i < end && at(s, i, end) >> 2 === DIGIT;
function hasLetterOrHyphen(s: string, i: number, end: number): boolean {
  for (let j = i; j < end; j++) {
    const c = s.charCodeAt(j);
    if (c === 0x2d) return true;
    let k = CLASS[c]!;
    if (k === 0) k = classify(c);
    if (k === LETTER || (k === HIGH && at(s, j, end) >> 2 === LETTER)) return true;
  }
  return false;
}
const isJoiner = (c: number) => c === 0x2d || c === 0x2f; // - /
const isNumberSep = (c: number) => c === 0x2e || c === 0x2c || c === 0x3a || c === 0x2f; // . , : /

/** End of a code (letters/digits joined by - or /) from `i`, and whether it holds a digit. */
function codeEnd(s: string, i: number, end: number): [number, boolean] {
  let digit = false;
  let j = i;
  for (;;) {
    while (j < end) {
      const a = at(s, j, end);
      const k = a >> 2;
      if (k !== LETTER && k !== DIGIT) break;
      if (k === DIGIT) digit = true;
      j += a & 3;
    }
    if (j < end && isJoiner(s.charCodeAt(j)) && isAlnum(s, j + 1, end)) j++;
    else return [j, digit];
  }
}

/** Does a range boundary at offset `i` cut a word or a surrogate pair? */
function cutsWord(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (c >= 0xdc00 && c <= 0xdfff) return true;
  return at(text, i - 1, i) >> 2 === LETTER && at(text, i, text.length) >> 2 === LETTER;
}

/**
 * Syllable tokens of `text[from, to)` (the whole text by default), with offsets into `text`. White space is
 * skipped; every other character belongs to exactly one token. One pass over the characters with a class table
 * (a regular expression with the same alternatives, kept as the specification in the tests, was several
 * times slower); keys come from one `matchKey` of the text.
 */
export function tokens(text: string, from?: number, to?: number): Token[] {
  const n = text.length;
  const s = Math.max(0, Math.min(n, Math.trunc(from ?? 0) || 0));
  const e = Math.max(s, Math.min(n, to === undefined ? n : Math.trunc(to) || 0));
  // Keys of the whole text (computed once, cached) are the keys of its tokens, unless the range cuts a word.
  const whole = !(cutsWord(text, s) || cutsWord(text, e));
  const src = whole ? text : text.slice(s, e);
  const base = whole ? 0 : s;
  const key = matchKey(src);
  const stop = e - base;
  const out: Token[] = [];
  let i = s - base;
  while (i < stop) {
    const c = src.charCodeAt(i);
    let k = CLASS[c]!;
    if (k === 0) k = classify(c);
    let width = 1;
    if (k === HIGH) {
      const a = at(src, i, stop);
      k = a >> 2;
      width = a & 3;
    }
    if (k === SPACE) {
      i += width;
      continue;
    }
    let end: number;
    let kind: TokenKind;
    if (k === LETTER || k === DIGIT) {
      end = runEnd(src, i, stop, k);
      if (k === DIGIT) {
        // digits with inner separators: 83,2 / 20.000 / 11.09.2019 / 18:11:27 / 21/10/2024
        while (end < stop && isNumberSep(src.charCodeAt(end)) && isDigit(src, end + 1, stop)) {
          end = runEnd(src, end + 1, stop, DIGIT);
        }
      }
      kind = k === DIGIT ? 'number' : 'word';
      const joined = end < stop && isJoiner(src.charCodeAt(end)) && isAlnum(src, end + 1, stop);
      if (joined || (k === LETTER && isDigit(src, end, stop))) {
        // a code: 114-KL/TW, 12/2020/NĐ-CP, QH15, 2020-2025; without any digit only its first word is a token
        const [codeStop, digit] = codeEnd(src, i, stop);
        if (digit) {
          const leading = end;
          end = codeStop;
          kind = k === LETTER || hasLetterOrHyphen(src, leading, end) ? 'ref' : 'number';
        }
      }
    } else {
      kind = 'punct';
      end = i + width;
      if (c === 0x2e) while (end < stop && src.charCodeAt(end) === 0x2e) end++;
    }
    out.push({ start: i + base, end: end + base, text: src.slice(i, end), key: key.slice(i, end), kind });
    i = end;
  }
  return out;
}
