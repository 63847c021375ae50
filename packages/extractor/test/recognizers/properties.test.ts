import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  findDates,
  findDocRefs,
  findQuantities,
  findYearEvidence,
  inferYear,
  parseDateline,
} from '../../src/recognizers/index.js';

/** Arbitrary text mixing random code units with the pieces the recognizers look for. */
const pieces = fc.constantFrom(
  'ngày ',
  'Sáng nay (',
  '21/10',
  '/2024',
  ')',
  ' thứ Ba ',
  'chiều qua',
  'quý I/',
  'năm 2020',
  'Kết luận số 114-KL/TW',
  ', ngày 14/7/2015 của Ban Bí thư về ',
  '“',
  '”',
  'Quyết định số 290',
  '12/2020/NĐ-CP',
  '83,2ha',
  'trên 110 tỷ đồng',
  '20.000 ngày công',
  '100%',
  '11:32 - Thứ Hai, 21/10/2024',
  '\n',
  ' ',
  '10 năm thực hiện ',
  '(gọi tắt là Kết luận 114)',
  'Luật Đất đai số 31/2024/QH15',
);
const textArb = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.array(fc.oneof(pieces, fc.string({ unit: 'binary', maxLength: 3 })), { maxLength: 40 }).map((xs) => xs.join('')),
);

const inText = (text: string, s: number, e: number) =>
  Number.isInteger(s) && Number.isInteger(e) && s >= 0 && s <= e && e <= text.length;

describe('recognizer properties on arbitrary text', () => {
  it('findDates: valid spans whose slice is the text field; resolved days are real', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        for (const m of findDates(text, { reference: { year: 2024, month: 10, day: 21 } })) {
          expect(inText(text, m.start, m.end)).toBe(true);
          expect(text.slice(m.start, m.end)).toBe(m.text);
          if (m.iso !== null) expect(Number.isNaN(Date.parse(m.iso))).toBe(false);
        }
      }),
    );
  });

  it('findQuantities: valid spans, finite values, qualifier before the number', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        for (const q of findQuantities(text)) {
          expect(inText(text, q.start, q.end)).toBe(true);
          expect(text.slice(q.start, q.end)).toBe(q.text);
          expect(Number.isFinite(q.value)).toBe(true);
          if (q.qualifierSpan) expect(q.qualifierSpan[1]).toBeLessThanOrEqual(q.start);
        }
      }),
    );
  });

  it('findDocRefs: valid spans, one DocRef per ref, titles and dates matching their spans', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const refs = findDocRefs(text);
        expect(new Set(refs.map((d) => d.ref)).size).toBe(refs.length);
        for (const d of refs) {
          expect(d.spans.length).toBeGreaterThan(0);
          for (const [s, e] of d.spans) expect(inText(text, s, e)).toBe(true);
          if (d.titleSpan) expect(text.slice(...d.titleSpan).replace(/\s+/gu, ' ')).toBe(d.title);
          if (d.dateSpan) expect(inText(text, ...d.dateSpan)).toBe(true);
          expect(d.ref).not.toMatch(/\s|TƯ/u);
        }
      }),
    );
  });

  it('parseDateline and inferYear: valid spans or null', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const d = parseDateline(text);
        if (d) {
          expect(inText(text, d.start, d.end)).toBe(true);
          expect(text.slice(d.start, d.end)).toBe(d.text);
          expect(d.iso).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/u);
        }
        for (const e of findYearEvidence(text, { month: 4 })) {
          expect(inText(text, e.start, e.end)).toBe(true);
          expect(text.slice(e.start, e.end)).toBe(e.text);
        }
        const y = inferYear(text);
        if (y) expect(Number.isInteger(y.year)).toBe(true);
      }),
    );
  });

  it('nothing throws on arbitrary options either', () => {
    fc.assert(
      fc.property(
        textArb,
        fc.double(),
        fc.double(),
        fc.record({ year: fc.integer(), month: fc.integer(), day: fc.integer() }),
        (text, from, to, reference) => {
          expect(() => findDates(text, { from, to, reference, yearHint: from })).not.toThrow();
          expect(() => findQuantities(text, from, to)).not.toThrow();
          expect(() => inferYear(text, { month: from, headingEnd: to })).not.toThrow();
        },
      ),
    );
  });
});
