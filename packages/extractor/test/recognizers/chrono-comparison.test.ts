import { describe, expect, it } from '@jest/globals';
import * as chrono from 'chrono-node';
import { findDates, parseDateline } from '../../src/recognizers/index.js';

/**
 * Evidence for the chrono-node decision in src/recognizers/README.md: chrono-node's Vietnamese parser, on phrases of
 * this genre, against findDates. If a chrono-node upgrade makes one of these pass, revisit the README's choice.
 */
const REF = { year: 2024, month: 6, day: 15 };
const REF_DATE = new Date(Date.UTC(2024, 5, 15, 5, 0, 0)); // 12:00 in Vietnam

/** The day chrono reads, as YYYY-MM-DD of its first result (in +07:00), or null. */
function chronoDay(text: string): string | null {
  const r = chrono.vi.casual.parse(text, REF_DATE);
  if (r.length === 0) return null;
  const d = new Date(r[0]!.start.date().getTime() + 7 * 3_600_000);
  return d.toISOString().slice(0, 10);
}
const oursDay = (text: string) => findDates(text, { reference: REF })[0]?.iso ?? null;

describe('chrono-node vi versus findDates', () => {
  it.each([
    ['Sáng 04/4, Ban Dân vận', '2024-04-04'],
    ['Chiều 21/8, Phó Chủ tịch', '2024-08-21'],
    ['chiều qua, đoàn', '2024-06-14'],
    ['sáng mai, đoàn', '2024-06-16'],
    ['ngày 14-7, đoàn', '2024-07-14'],
  ])('%s: chrono misreads the day, findDates gets %s', (text, iso) => {
    expect(oursDay(text)).toBe(iso);
    expect(chronoDay(text)).not.toBe(iso);
  });

  it.each(['có 3/5 xã đạt chuẩn', 'Bài trướcNâng cao chất lượng', 'tập trung vào chiều sâu', 'Sau 10 năm thực hiện'])(
    '%s: chrono finds a date where there is none',
    (text) => {
      expect(findDates(text, { reference: REF })).toEqual([]);
      expect(chrono.vi.casual.parse(text, REF_DATE).length).toBeGreaterThan(0);
    },
  );

  it('chrono splits "Sáng nay (21/10)" in two; findDates reads one mention', () => {
    expect(chrono.vi.casual.parse('Sáng nay (21/10), đoàn', REF_DATE).map((r) => r.text)).toEqual(['Sáng', '21/10']);
    expect(findDates('Sáng nay (21/10), đoàn', { reference: REF }).map((m) => m.text)).toEqual(['Sáng nay (21/10)']);
  });

  it('chrono has no quarters', () => {
    expect(chrono.vi.casual.parse('quý I/2024', REF_DATE)).toEqual([]);
    expect(findDates('quý I/2024')[0]?.quarter).toBe(1);
  });

  it('both read plain absolute dates and a dateline with a time zone', () => {
    expect(chronoDay('ngày 5 tháng 8 năm 2019')).toBe('2019-08-05');
    expect(oursDay('ngày 5 tháng 8 năm 2019')).toBe('2019-08-05');
    const text = 'Thứ Sáu, 05/04/2024, 08:15 (GMT+7)';
    expect(chrono.vi.casual.parse(text, REF_DATE)[0]!.start.date().toISOString()).toBe('2024-04-05T01:15:00.000Z');
    expect(new Date(parseDateline(text)!.iso).toISOString()).toBe('2024-04-05T01:15:00.000Z');
  });
});
