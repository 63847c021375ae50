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

const L = String.raw`\p{L}\p{M}`;
const AN = String.raw`\p{L}\p{M}\p{Nd}`;
/*
 * One pass, four alternatives tried in order at each position:
 * 1 word: letters not followed by a digit or by "-"/"/" + letter or digit (then it is a code: alternative 3);
 * 2 number: digits and inner separators, not followed by more of a code (a glued unit may follow: 83,2ha);
 * 3 code: letters/digits joined by "-" or "/" (a code without any digit is cut back to its first word in `tokens`);
 * 4 punctuation.
 */
const TOKEN = new RegExp(
  `([${L}]+(?![${AN}]|[-/][${AN}]))` +
    String.raw`|(\p{Nd}+(?:[.,:/]\p{Nd}+)*(?!\p{Nd}|[-/][${AN}]|[.,:]\p{Nd}))` +
    `|([${AN}]+(?:[-/][${AN}]+)*)` +
    String.raw`|(\.{2,}|\S)`,
  'gu',
);
const LEADING_WORD = new RegExp(`[${L}]+`, 'uy');
const DIGIT = /\p{Nd}/u;
const LETTER_AT = new RegExp(`[${L}]`, 'u');

/** Does a range boundary at `at` cut a word or a surrogate pair? */
function cutsWord(text: string, at: number): boolean {
  if (at <= 0 || at >= text.length) return false;
  const c = text.charCodeAt(at);
  if (c >= 0xdc00 && c <= 0xdfff) return true;
  return LETTER_AT.test(text[at - 1]!) && LETTER_AT.test(text[at]!);
}

/**
 * Syllable tokens of `text[from, to)` (the whole text by default), with offsets into `text`. White space is
 * skipped; every other character belongs to exactly one token. Keys come from one `matchKey` of the text.
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
  const re = TOKEN;
  re.lastIndex = s - base;
  for (let m = re.exec(src); m !== null; m = re.exec(src)) {
    const start = m.index;
    if (start >= stop) break;
    let end = start + m[0].length;
    let kind: TokenKind;
    if (m[1] !== undefined) kind = 'word';
    else if (m[2] !== undefined) kind = 'number';
    else if (m[3] !== undefined) {
      if (!DIGIT.test(m[0])) {
        // Letters joined by "-" or "/" without a digit ("KT-XH"): only the first word is a token here.
        LEADING_WORD.lastIndex = start;
        end = start + (LEADING_WORD.exec(src)?.[0].length ?? 1);
        re.lastIndex = end;
        kind = 'word';
      } else kind = /[\p{L}-]/u.test(m[0]) ? 'ref' : 'number';
    } else kind = 'punct';
    if (end > stop) end = stop; // only when the range ends inside a token
    out.push({ start: start + base, end: end + base, text: src.slice(start, end), key: key.slice(start, end), kind });
  }
  return out;
}
