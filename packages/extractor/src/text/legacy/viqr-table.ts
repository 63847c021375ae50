/**
 * VIQR (RFC 1456, "Vietnamese Quoted-Readable"): ASCII letters followed by ASCII marks. A vowel may take one
 * modifier, then one tone; "dd" at the start of a syllable is đ; a backslash makes the next mark literal.
 * Compiled and checked by ./codec.ts.
 */

/** [mark, combining character, the vowels it applies to]. */
export const VIQR_MODIFIERS: readonly (readonly [string, string, string])[] = [
  ['(', '\u0306', 'a'], // breve: ă
  ['^', '\u0302', 'aeo'], // circumflex: â ê ô
  ['+', '\u031b', 'ou'], // horn: ơ ư
];

/** [mark, combining character of the tone]. */
export const VIQR_TONES: readonly (readonly [string, string])[] = [
  ["'", '\u0301'], // sắc
  ['`', '\u0300'], // huyền
  ['?', '\u0309'], // hỏi
  ['~', '\u0303'], // ngã
  ['.', '\u0323'], // nặng
];

/** The vowels VIQR marks attach to. */
export const VIQR_VOWELS = 'aeiouy';
