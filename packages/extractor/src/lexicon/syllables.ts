/**
 * Splits a text into the units the lexicon matcher compares: syllables (maximal runs of letters, marks and digits,
 * also split where a lower-case letter is followed by an upper-case one, as in the glued "Bài trướcNâng cao")
 * and single punctuation characters. Whitespace separates tokens and is not itself a token; a line break is a
 * token that no lexicon entry contains, so no match crosses a line.
 */
import { isLowerCode, isUpperCode, isWordCode } from './key.js';

/** Dashes and minus signs that the matcher treats as one and the same "-". */
const DASHES = new Set([0x2d, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe63, 0xff0d]);
/** Separators that are not tokens. */
function isSpace(c: number): boolean {
  return (
    c === 0x20 ||
    c === 0x09 ||
    c === 0xa0 ||
    c === 0x0b ||
    c === 0x0c ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
function isLineBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029 || c === 0x85;
}

/** Growable parallel arrays of token starts and ends; reused across calls by its owner. */
export class TokenBuffer {
  starts = new Int32Array(256);
  ends = new Int32Array(256);
  length = 0;

  push(start: number, end: number): void {
    if (this.length === this.starts.length) {
      const starts = new Int32Array(this.length * 2);
      starts.set(this.starts);
      this.starts = starts;
      const ends = new Int32Array(this.length * 2);
      ends.set(this.ends);
      this.ends = ends;
    }
    this.starts[this.length] = start;
    this.ends[this.length] = end;
    this.length++;
  }
}

/**
 * Fills `out` with the tokens of `text` that lie wholly inside [from, to). `text` is the original (its case decides
 * the lower→upper split); a syllable that straddles `from` or `to` is left out, so no match starts or ends inside a
 * word.
 */
export function tokenize(text: string, out: TokenBuffer, from = 0, to = text.length): TokenBuffer {
  out.length = 0;
  let i = from;
  // Skip the tail of a syllable that began before `from`.
  if (i > 0) while (i < to && isWordCode(text.charCodeAt(i)) && isWordCode(text.charCodeAt(i - 1))) i++;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (!isWordCode(c)) {
      // A surrogate pair (an emoji, say) is one token.
      const w = c >= 0xd800 && c <= 0xdbff && i + 1 < to ? 2 : 1;
      out.push(i, i + w);
      i += w;
      continue;
    }
    const start = i;
    let prevLower = false;
    while (i < text.length) {
      const d = text.charCodeAt(i);
      if (!isWordCode(d)) break;
      const upper = isUpperCode(d);
      if (upper && prevLower) break;
      // A combining mark keeps the case of the letter it sits on.
      if (!(d >= 0x300 && d <= 0x36f)) prevLower = isLowerCode(d);
      i++;
    }
    if (i <= to) out.push(start, i);
  }
  return out;
}

/** The comparable form of one token: the key's slice, with every dash folded to "-" and line breaks to "\n". */
export function tokenKey(key: string, start: number, end: number): string {
  if (end - start === 1) {
    const c = key.charCodeAt(start);
    if (DASHES.has(c)) return '-';
    if (isLineBreak(c)) return '\n';
  }
  return key.slice(start, end);
}

/** The tokens of one text range with their comparable keys, shared by every matcher that scans it. */
export interface TokenScan {
  readonly tokens: TokenBuffer;
  /** tokenKey of each token, in the plain key of the text. */
  readonly keys: readonly string[];
}

const shared = new TokenBuffer();
let sharedText: string | undefined;
let sharedFrom = -1;
let sharedTo = -1;
const sharedKeys: [string[] | undefined, string[] | undefined] = [undefined, undefined];

/**
 * `tokenize` with a one-entry cache, so that several matchers scanning the same text split it once. The buffer is
 * shared: read it before the next call, never keep it.
 */
export function cachedTokens(text: string, from: number, to: number): TokenBuffer {
  if (text !== sharedText || from !== sharedFrom || to !== sharedTo) {
    tokenize(text, shared, from, to);
    sharedText = text;
    sharedFrom = from;
    sharedTo = to;
    sharedKeys[0] = undefined;
    sharedKeys[1] = undefined;
  }
  return shared;
}

/**
 * The tokens of [from, to) of `text` and their keys in `key` (the text's plain or diacritic-folded key), computed
 * once per text and mode: the same syllable strings reach every matcher, so their hashes are computed once too.
 */
export function cachedScan(text: string, key: string, foldDiacritics: boolean, from: number, to: number): TokenScan {
  const tokens = cachedTokens(text, from, to);
  const slot = foldDiacritics ? 1 : 0;
  let keys = sharedKeys[slot];
  if (keys === undefined) {
    keys = new Array<string>(tokens.length);
    for (let i = 0; i < tokens.length; i++) keys[i] = tokenKey(key, tokens.starts[i]!, tokens.ends[i]!);
    sharedKeys[slot] = keys;
  }
  return { tokens, keys };
}
