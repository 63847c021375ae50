import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

/** Sniffing looks at no more than this many bytes. */
const SNIFF_BYTES = 256 * 1024;
const TONES = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
const TONE_MARK = /[\u0300\u0301\u0303\u0309\u0323]/g;

/** Every Vietnamese letter outside ASCII (NFC), both cases. */
const VIETNAMESE_LETTERS: ReadonlySet<string> = (() => {
  const set = new Set<string>(['đ', 'Đ']);
  for (const base of 'aăâeêioôơuưy')
    for (const tone of TONES)
      for (const ch of [base, base.toUpperCase()]) {
        const composed = (ch + tone).normalize('NFC');
        if (composed.length === 1 && composed.charCodeAt(0) > 0x7f) set.add(composed);
      }
  return set;
})();

/** Non-ASCII characters that occur in normal Vietnamese pages without being letters. */
const HARMLESS = /[\u00a0\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u2022\u00ab\u00bb\u00a9\u00b0\u00b7]/;

export interface VietnameseScore {
  /** Words with non-ASCII letters whose letters are all Vietnamese and that carry at most one tone mark. */
  plausible: number;
  /** Words with foreign letters or several tone marks, plus stray symbols. */
  implausible: number;
}

/**
 * How Vietnamese a decoded text looks. A Vietnamese syllable carries at most one tone mark and uses only
 * the letters of the Vietnamese alphabet, so a wrong single-byte decoding shows up as symbols (TCVN3 read
 * as windows-1258: `ViÖt`, `¸`) or as syllables with two tones (windows-1258 read as TCVN3: `Viờũt`).
 */
export function scoreVietnamese(text: string): VietnameseScore {
  let plausible = 0;
  let implausible = 0;
  for (const token of text.split(/[\s\p{P}\p{S}\d]+/u)) {
    if (token === '' || /^[\x00-\x7f]*$/.test(token)) continue;
    let ok = true;
    for (const ch of token)
      if (ch.charCodeAt(0) > 0x7f && !VIETNAMESE_LETTERS.has(ch) && !HARMLESS.test(ch)) {
        ok = false;
        break;
      }
    if (ok && (token.normalize('NFD').match(TONE_MARK)?.length ?? 0) > 1) ok = false;
    if (ok) plausible++;
    else implausible++;
  }
  for (const ch of text.matchAll(/[\p{S}\u0080-\u00bf]/gu))
    if (ch[0].charCodeAt(0) > 0x7f && !HARMLESS.test(ch[0])) implausible++;
  return { plausible, implausible };
}

/** Decodes a single-byte Vietnamese charset with iconv-lite and composes combining marks (NFC). */
export function decodeVietnameseLegacy(bytes: Uint8Array, charset: 'windows-1258' | 'tcvn3'): string {
  return iconv.decode(Buffer.from(bytes), charset === 'tcvn3' ? 'tcvn' : 'windows-1258').normalize('NFC');
}

export interface SniffResult {
  charset: string;
  /** Why: `utf-8` (valid UTF-8), `vietnamese` (the winning legacy charset), `fallback` (nothing looked right). */
  reason: 'utf-8' | 'vietnamese' | 'fallback';
  score: VietnameseScore | null;
}

/**
 * Guesses the charset of undeclared bytes: valid UTF-8 wins; otherwise windows-1258 and TCVN3 are both tried
 * and the decoding that reads as more plausible Vietnamese wins; with no Vietnamese at all, windows-1252.
 */
export function sniffCharset(bytes: Uint8Array): SniffResult {
  const sample = bytes.byteLength > SNIFF_BYTES ? bytes.subarray(0, SNIFF_BYTES) : bytes;
  if (isUtf8(sample) || (sample !== bytes && isUtf8(trimPartialUtf8(sample))))
    return { charset: 'utf-8', reason: 'utf-8', score: null };
  let best: SniffResult = { charset: 'windows-1252', reason: 'fallback', score: null };
  let bestValue = 0;
  for (const charset of ['windows-1258', 'tcvn3'] as const) {
    const score = scoreVietnamese(decodeVietnameseLegacy(sample, charset));
    const value = score.plausible - 2 * score.implausible;
    if (value > bestValue) {
      best = { charset, reason: 'vietnamese', score };
      bestValue = value;
    }
  }
  return best;
}

/** Drops an incomplete UTF-8 sequence at the end of a sample cut in the middle of a character. */
function trimPartialUtf8(b: Uint8Array): Uint8Array {
  let end = b.byteLength;
  for (let i = 1; i <= 3 && end - i >= 0; i++) {
    const byte = b[end - i] ?? 0;
    if ((byte & 0xc0) !== 0x80) {
      if (byte >= 0xc0) end -= i;
      break;
    }
  }
  return b.subarray(0, end);
}
