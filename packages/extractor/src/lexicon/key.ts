/**
 * The matching key of a text: a string of the SAME LENGTH as the input, so that an offset into the key is the
 * same offset into the text. Lower-cases, folds the old and new tone placement (hòa/hoà, thủy/thuỷ, khỏe/khoẻ → the
 * tone on the second vowel) and qui/quí → quy/quý, and optionally strips every diacritic (đ → d).
 *
 * TEMPORARY: this is a private copy of the contract of `src/text/match-key.ts`, written before that module existed.
 * Swap `lexiconKey` for the text module's `matchKey(text, { foldDiacritics })` once it lands.
 */

export interface KeyOptions {
  /** Also strip every diacritic: "Đầm Hà" and "Dam Ha" get the same key. */
  readonly foldDiacritics?: boolean;
}

const TABLE_SIZE = 0x2000; // covers Latin, Latin Extended and Latin Extended Additional (U+1E00–U+1EFF)
const LOWER = new Uint16Array(TABLE_SIZE);
const BASE = new Uint16Array(TABLE_SIZE);
/** 1 = letter/mark/digit (part of a syllable), 0 otherwise. */
const WORD = new Uint8Array(TABLE_SIZE);
const UPPER = new Uint8Array(TABLE_SIZE);
const LOWERCASE = new Uint8Array(TABLE_SIZE);

const WORD_RE = /[\p{L}\p{M}\p{N}]/u;
for (let c = 0; c < TABLE_SIZE; c++) {
  const ch = String.fromCharCode(c);
  const lower = ch.toLowerCase();
  LOWER[c] = lower.length === 1 ? lower.charCodeAt(0) : c;
  const stripped = lower.normalize('NFD');
  BASE[c] = stripped.length >= 1 ? stripped.charCodeAt(0) : LOWER[c]!;
  WORD[c] = WORD_RE.test(ch) ? 1 : 0;
  UPPER[c] = lower !== ch && ch.toUpperCase() === ch ? 1 : 0;
  LOWERCASE[c] = lower === ch && ch.toUpperCase() !== ch ? 1 : 0;
}
LOWER[0x130] = 0x69; // İ → i (toLowerCase would make it two code units)
BASE[0x111] = 0x64; // đ → d
BASE[0x110] = 0x64; // Đ → d

/** Is the UTF-16 code unit part of a syllable (a letter, a combining mark or a digit)? */
export function isWordCode(c: number): boolean {
  if (c < TABLE_SIZE) return WORD[c] === 1;
  if (c >= 0xd800 && c <= 0xdfff) return false;
  return WORD_RE.test(String.fromCharCode(c));
}

/** Is the code unit an upper-case letter? */
export function isUpperCode(c: number): boolean {
  if (c < TABLE_SIZE) return UPPER[c] === 1;
  const ch = String.fromCharCode(c);
  return ch.toLowerCase() !== ch;
}

/** Is the code unit a lower-case letter? */
export function isLowerCode(c: number): boolean {
  if (c < TABLE_SIZE) return LOWERCASE[c] === 1;
  const ch = String.fromCharCode(c);
  return ch.toUpperCase() !== ch;
}

/** code → value + 1 (0 = absent), over the table range. */
function codeTable(from: string, to: string): Uint16Array {
  const t = new Uint16Array(TABLE_SIZE);
  for (let i = 0; i < from.length; i++) t[from.charCodeAt(i)] = to.charCodeAt(i) + 1;
  return t;
}
/** Toned o / u → 1 + the index of its tone (huyền, sắc, hỏi, ngã, nặng). */
const TONE_OF_O = codeTable('òóỏõọ', '\u0000\u0001\u0002\u0003\u0004');
const TONE_OF_U = codeTable('ùúủũụ', '\u0000\u0001\u0002\u0003\u0004');
const A_TONES = 'àáảãạ';
const E_TONES = 'èéẻẽẹ';
const Y_TONES = 'ỳýỷỹỵ';
const I_TO_Y = codeTable('iìíỉĩị', 'yỳýỷỹỵ');

let scratch = new Uint16Array(256);

/** Does the lower-cased text hold an old-style tone placement (hòa, thủy) or a qui/quí to fold? */
function needsToneFold(s: string): boolean {
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= TABLE_SIZE) continue;
    if (i + 1 < n) {
      const next = s.charCodeAt(i + 1);
      if (TONE_OF_O[c] !== 0 && (next === 0x61 || next === 0x65)) return true;
      if (TONE_OF_U[c] !== 0 && next === 0x79) return true;
    }
    if (I_TO_Y[c] !== 0 && i >= 2 && s.charCodeAt(i - 1) === 0x75 && s.charCodeAt(i - 2) === 0x71) return true;
  }
  return false;
}

/** The per-character path: lower-cases code unit by code unit, then folds tone placement and qui/quí. */
function foldCodes(text: string, lowerFirst: boolean): string {
  const n = text.length;
  if (scratch.length < n) scratch = new Uint16Array(Math.max(n, scratch.length * 2));
  const out = scratch;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    out[i] = lowerFirst && c < TABLE_SIZE ? LOWER[c]! : c;
  }
  for (let i = 0; i < n - 1; i++) {
    const c = out[i]!;
    if (c >= TABLE_SIZE) continue;
    const next = out[i + 1]!;
    // Both spellings fold to the tone on the second vowel: hòa → hoà, thủy → thuỷ, khỏe → khoẻ.
    const o = TONE_OF_O[c]!;
    if (o !== 0 && (next === 0x61 || next === 0x65)) {
      out[i] = 0x6f; // o
      out[i + 1] = (next === 0x61 ? A_TONES : E_TONES).charCodeAt(o - 1);
      continue;
    }
    const u = TONE_OF_U[c]!;
    if (u !== 0 && next === 0x79) {
      out[i] = 0x75; // u
      out[i + 1] = Y_TONES.charCodeAt(u - 1);
    }
  }
  // qui/quí → quy/quý when the i ends the syllable (quy định, Quý).
  for (let i = 2; i < n; i++) {
    const c = out[i]!;
    if (c >= TABLE_SIZE) continue;
    const y = I_TO_Y[c]!;
    if (y !== 0 && out[i - 1] === 0x75 && out[i - 2] === 0x71 && (i + 1 >= n || !isWordCode(out[i + 1]!))) {
      out[i] = y - 1;
    }
  }
  let s = '';
  for (let i = 0; i < n; i += 8192)
    s += String.fromCharCode.apply(null, out.subarray(i, Math.min(n, i + 8192)) as unknown as number[]);
  return s;
}

function stripDiacritics(s: string): string {
  const n = s.length;
  let i = 0;
  // Plain ASCII stays as it is.
  while (i < n && s.charCodeAt(i) < 0x80) i++;
  if (i === n) return s;
  if (scratch.length < n) scratch = new Uint16Array(Math.max(n, scratch.length * 2));
  for (let j = 0; j < n; j++) {
    const c = s.charCodeAt(j);
    scratch[j] = c < TABLE_SIZE ? BASE[c]! : c;
  }
  let out = '';
  for (let j = 0; j < n; j += 8192)
    out += String.fromCharCode.apply(null, scratch.subarray(j, Math.min(n, j + 8192)) as unknown as number[]);
  return out;
}

/**
 * Lower-cased, tone-placement-folded key of `text`, of the same length. With `foldDiacritics`, diacritics are
 * stripped as well (the result is then plain a–z for Vietnamese letters).
 */
export function lexiconKey(text: string, options: KeyOptions = {}): string {
  let s = text.toLowerCase();
  // toLowerCase can lengthen a few characters (İ → i̇); then lower-case unit by unit instead.
  if (s.length !== text.length) s = foldCodes(text, true);
  else if (needsToneFold(s)) s = foldCodes(s, false);
  return options.foldDiacritics ? stripDiacritics(s) : s;
}

let lastText: string | undefined;
let lastKey = '';
let lastFoldedText: string | undefined;
let lastFoldedKey = '';

/** `lexiconKey` with a one-entry cache per mode, so that several matchers run over the same text key it once. */
export function cachedKey(text: string, foldDiacritics: boolean): string {
  if (foldDiacritics) {
    if (text !== lastFoldedText) {
      lastFoldedKey = lexiconKey(text, { foldDiacritics: true });
      lastFoldedText = text;
    }
    return lastFoldedKey;
  }
  if (text !== lastText) {
    lastKey = lexiconKey(text);
    lastText = text;
  }
  return lastKey;
}
