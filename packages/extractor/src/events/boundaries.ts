/**
 * Word boundaries for the rules. `\b` in a JavaScript regular expression is an ASCII word boundary even with the u
 * flag, so it never holds before "đ" or after "ị". Rules are written with `\b`; they are compiled with Unicode letter
 * boundaries, in the form V8 scans fast (recognizers/hoist.ts).
 */
import { hoistLookbehinds } from '../recognizers/hoist.js';

const WORD_START = '(?<![\\p{L}\\p{N}])';
const WORD_END = '(?![\\p{L}\\p{N}])';

/** Every `\b` as a Unicode boundary: a word end after a letter, a digit or `)` in the source, else a word start. */
export function plainBoundaries(source: string): string {
  return source.replace(/(.?)\\b/g, (_m, prev: string) =>
    /[\p{L}\p{N})]/u.test(prev) ? `${prev}${WORD_END}` : `${prev}${WORD_START}`,
  );
}

/** The rules' `\b` as Unicode word boundaries, with the word starts hoisted behind their literals. */
export function unicodeBoundaries(source: string): string {
  return hoistLookbehinds(plainBoundaries(source));
}
