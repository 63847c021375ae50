import { z } from 'zod';
import { alternation, loadLexicon, lookupKey } from './lexicon.js';
import data from './number-words.json' with { type: 'json' };

const wordValues = z.record(z.string(), z.number().int().nonnegative());
const words = z.array(z.string()).min(1);
const Schema = z
  .object({
    $comment: z.string().optional(),
    digits: wordValues,
    unitsAfterTens: wordValues,
    ten: words,
    tens: words,
    hundred: words,
    zeroTens: words,
    half: words,
    dozen: words,
    scales: z.record(z.string(), z.number().int().positive()),
  })
  .strict();

const lex = loadLexicon('number-words.json', Schema, data, (v) => ({
  'all words': [
    ...Object.keys(v.digits),
    ...Object.keys(v.unitsAfterTens),
    ...v.ten,
    ...v.tens,
    ...v.hundred,
    ...v.zeroTens,
    ...v.half,
    ...v.dozen,
    ...Object.keys(v.scales),
  ],
}));

const keyed = (r: Record<string, number>) => new Map(Object.entries(r).map(([k, n]) => [lookupKey(k), n]));
const DIGITS = keyed(lex.digits);
const AFTER_TENS = keyed(lex.unitsAfterTens);
const SCALES = keyed(lex.scales);
const set = (l: string[]) => new Set(l.map(lookupKey));
const TEN = set(lex.ten);
const TENS = set(lex.tens);
const HUNDRED = set(lex.hundred);
const ZERO_TENS = set(lex.zeroTens);
const HALF = set(lex.half);
const DOZEN = set(lex.dozen);

/** Spelled number words other than the scales (nghìn, triệu, tỷ are matched separately). */
export const SPELLED_WORDS: readonly string[] = [
  ...Object.keys(lex.digits),
  ...Object.keys(lex.unitsAfterTens),
  ...lex.ten,
  ...lex.tens,
  ...lex.hundred,
  ...lex.zeroTens,
  ...lex.half,
  ...lex.dozen,
];
/** Regex source of SPELLED_WORDS. */
export const SPELLED_WORD_SOURCE = alternation(SPELLED_WORDS);
/** Regex source of the scale words. */
export const SCALE_SOURCE = alternation(Object.keys(lex.scales));
export const scaleValue = (word: string): number | null => SCALES.get(lookupKey(word)) ?? null;

/** Regex source of a number written with digits in the Vietnamese convention ("1.234,5", "83,2", "20.000"). */
export const DIGITS_SOURCE = '\\d{1,3}(?:\\.\\d{3})+(?:,\\d+)?|\\d+(?:,\\d+)?';

const GROUPED_DOT = /^(\d{1,3}(?:\.\d{3})+)(?:,(\d+))?$/;
const GROUPED_SPACE = /^(\d{1,3}(?:[ \u00a0\u202f]\d{3})+)(?:,(\d+))?$/;
const PLAIN = /^(\d+)(?:,(\d+))?$/;
const DOT_DECIMAL = /^(\d+)\.(\d{1,2}|\d{4,})$/;

/** A number written with digits: "." groups thousands, "," marks decimals; "1.5" (not three digits) is a decimal. */
function parseDigits(s: string): number | null {
  const m = GROUPED_DOT.exec(s) ?? GROUPED_SPACE.exec(s) ?? PLAIN.exec(s) ?? DOT_DECIMAL.exec(s);
  if (!m) return null;
  const int = m[1]!.replace(/[.\s\u00a0\u202f]/g, '');
  const v = Number(m[2] === undefined ? int : `${int}.${m[2]}`);
  return Number.isFinite(v) ? v : null;
}

/** value × 10^k without binary noise (1,1 × 1e9 = 1100000000, not 1100000000.0000002). */
function scaleBy(value: number, factor: number): number {
  return Number((value * factor).toPrecision(15));
}

const digitWord = (w: string): number | null => DIGITS.get(w) ?? null;
const tensUnit = (w: string): number | null => {
  const d = DIGITS.get(w) ?? AFTER_TENS.get(w);
  return d === undefined || d === 0 ? null : d;
};

/** 0–99: "bảy", "mười", "mười lăm", "hai mươi", "hai mươi mốt", "ba chục". */
function parseTens(t: string[]): number | null {
  if (t.length === 1) return digitWord(t[0]!) ?? (TEN.has(t[0]!) ? 10 : null);
  if (TEN.has(t[0]!)) {
    if (t.length !== 2) return null;
    const u = t[1] === lookupKey('mốt') ? null : tensUnit(t[1]!);
    return u === null ? null : 10 + u;
  }
  const d = digitWord(t[0]!);
  if (d === null || d < 1) return null;
  if (t.length === 2 && DOZEN.has(t[1]!)) return d * 10;
  if (d < 2 || !TENS.has(t[1]!)) return null;
  if (t.length === 2) return d * 10;
  if (t.length === 3) {
    const u = tensUnit(t[2]!);
    return u === null ? null : d * 10 + u;
  }
  return null;
}

/** 0–999 in words, or one number written with digits. */
function parseGroup(t: string[]): number | null {
  if (t.length === 0) return null;
  if (t.length === 1 && /^\d/.test(t[0]!)) return parseDigits(t[0]!);
  const h = t.findIndex((w) => HUNDRED.has(w));
  if (h === -1) return parseTens(t);
  if (h !== 1) return null;
  const d = /^\d$/.test(t[0]!) ? Number(t[0]) : digitWord(t[0]!);
  if (d === null) return null;
  const rest = t.slice(2);
  const hundreds = d * 100;
  if (rest.length === 0) return hundreds;
  if (rest.length === 1 && HALF.has(rest[0]!)) return hundreds + 50;
  if (rest.length === 2 && ZERO_TENS.has(rest[0]!)) {
    const u = tensUnit(rest[1]!);
    return u === null ? null : hundreds + u;
  }
  // Spoken shorthand: "một trăm hai" = 120.
  if (rest.length === 1 && digitWord(rest[0]!) !== null && digitWord(rest[0]!)! > 0)
    return hundreds + digitWord(rest[0]!)! * 10;
  const tens = parseTens(rest);
  return tens === null ? null : hundreds + tens;
}

function parseTokens(t: string[]): number | null {
  let best = -1;
  let at = -1;
  t.forEach((w, i) => {
    const s = SCALES.get(w);
    if (s !== undefined && s >= best) {
      best = s;
      at = i;
    }
  });
  if (at === -1) return parseGroup(t);
  const left = t.slice(0, at);
  const right = t.slice(at + 1);
  const lv = left.length === 0 ? null : parseTokens(left);
  if (lv === null) return null;
  const base = scaleBy(lv, best);
  if (right.length === 0) return base;
  if (right.length === 1 && HALF.has(right[0]!)) return base + best / 2;
  // Spoken shorthand: "ba nghìn hai" = 3.200, "hai triệu mốt" = 2.100.000.
  if (right.length === 1 && !/^\d/.test(right[0]!)) {
    const d = tensUnit(right[0]!);
    if (d !== null) return base + (d * best) / 10;
  }
  const rv = parseTokens(right);
  if (rv === null || rv >= best) return null;
  return base + rv;
}

/**
 * A number written the Vietnamese way: "83,2" = 83.2, "20.000" = 20000, "1.234,5" = 1234.5, "1.234.567",
 * "20 000", "1,5 triệu" = 1500000; or in words: "hai", "mười lăm", "một trăm linh năm", "hai mươi mốt",
 * "ba nghìn", "năm triệu", "hai nghìn rưỡi". Null when `s` is not a number. Never throws.
 */
export function parseVietnameseNumber(s: string): number | null {
  if (typeof s !== 'string') return null;
  const trimmed = s.normalize('NFC').trim();
  if (trimmed.length === 0 || trimmed.length > 200) return null;
  const signed = /^([+-])\s*(\d.*)$/u.exec(trimmed);
  if (signed) {
    const v = parseDigits(signed[2]!);
    return v === null ? null : signed[1] === '-' ? -v : v;
  }
  const whole = parseDigits(trimmed);
  if (whole !== null) return whole;
  const tokens = trimmed.split(/\s+/u).map((w) => (/^\d/.test(w) ? w : lookupKey(w)));
  const v = parseTokens(tokens);
  return v !== null && Number.isFinite(v) ? v : null;
}
