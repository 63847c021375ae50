import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { parseVietnameseNumber } from '../../src/recognizers/index.js';

describe('parseVietnameseNumber: digits in the Vietnamese convention', () => {
  it.each([
    ['83,2', 83.2],
    ['20.000', 20000],
    ['1.234,5', 1234.5],
    ['1.234.567', 1234567],
    ['2,5', 2.5],
    ['100', 100],
    ['01', 1],
    ['20 000', 20000],
    ['1.5', 1.5],
    ['-3,5', -3.5],
    ['  56  ', 56],
  ])('%s = %d', (s, v) => {
    expect(parseVietnameseNumber(s)).toBe(v);
  });

  it.each(['', 'abc', '1..2', '1.23.4', '1,2,3', '12a', ',5', 'trăm', 'nghìn', 'mười mốt', 'hai ba'])(
    '%s is not a number',
    (s) => {
      expect(parseVietnameseNumber(s)).toBeNull();
    },
  );
});

describe('parseVietnameseNumber: words', () => {
  it.each([
    ['hai', 2],
    ['không', 0],
    ['mười', 10],
    ['mười lăm', 15],
    ['mười một', 11],
    ['hai mươi', 20],
    ['hai mươi mốt', 21],
    ['hai mươi tư', 24],
    ['ba mươi lăm', 35],
    ['ba chục', 30],
    ['một trăm', 100],
    ['một trăm linh năm', 105],
    ['một trăm lẻ tư', 104],
    ['một trăm rưỡi', 150],
    ['một trăm hai', 120],
    ['chín trăm chín mươi chín', 999],
    ['ba nghìn', 3000],
    ['ba ngàn', 3000],
    ['ba nghìn không trăm linh năm', 3005],
    ['ba nghìn hai', 3200],
    ['hai nghìn rưỡi', 2500],
    ['năm triệu', 5_000_000],
    ['Một triệu hai trăm nghìn', 1_200_000],
    ['một nghìn tỷ', 1e12],
    ['1,5 triệu', 1_500_000],
    ['1,1 tỷ', 1_100_000_000],
    ['2 tỷ 500 triệu', 2_500_000_000],
  ])('%s = %d', (s, v) => {
    expect(parseVietnameseNumber(s)).toBe(v);
  });
});

/** Formats like a Vietnamese newspaper: "." every three digits, "," before decimals. */
function formatVi(n: number, decimals: number): string {
  const [int, frac] = n.toFixed(decimals).split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return frac ? `${grouped},${frac}` : grouped;
}

const DIGIT = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];
/** An independent speller for 0–999 999 999, in the standard (not colloquial) forms. */
function spell(n: number): string {
  const below1000 = (x: number, full: boolean): string[] => {
    const h = Math.floor(x / 100);
    const t = Math.floor((x % 100) / 10);
    const u = x % 10;
    const out: string[] = [];
    if (h > 0 || full) out.push(DIGIT[h]!, 'trăm');
    if (t === 0 && u === 0) return out;
    if (t === 0) {
      if (out.length > 0) out.push('linh');
      out.push(DIGIT[u]!);
    } else if (t === 1) {
      out.push('mười');
      if (u > 0) out.push(u === 5 ? 'lăm' : DIGIT[u]!);
    } else {
      out.push(DIGIT[t]!, 'mươi');
      if (u > 0) out.push(u === 1 ? 'mốt' : u === 5 ? 'lăm' : DIGIT[u]!);
    }
    return out;
  };
  if (n === 0) return 'không';
  const groups: [number, string][] = [
    [Math.floor(n / 1e6), 'triệu'],
    [Math.floor((n % 1e6) / 1e3), 'nghìn'],
    [n % 1e3, ''],
  ];
  const words: string[] = [];
  for (const [g, scale] of groups) {
    if (g === 0) continue;
    words.push(...below1000(g, words.length > 0), ...(scale ? [scale] : []));
  }
  return words.join(' ');
}

describe('parseVietnameseNumber: properties', () => {
  it('round-trips integers formatted with thousands dots', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (n) => {
        expect(parseVietnameseNumber(formatVi(n, 0))).toBe(n);
      }),
    );
  });

  it('round-trips decimals formatted with a decimal comma', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 1, max: 3 }), (cents, decimals) => {
        const n = cents / 10 ** decimals;
        expect(parseVietnameseNumber(formatVi(n, decimals))).toBe(Number(n.toFixed(decimals)));
      }),
    );
  });

  it('round-trips numbers spelled in words', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999 }), (n) => {
        expect(parseVietnameseNumber(spell(n))).toBe(n);
      }),
    );
  });

  it('never throws, and returns a finite number or null', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const v = parseVietnameseNumber(s);
        expect(v === null || Number.isFinite(v)).toBe(true);
      }),
    );
  });
});
