import { describe, expect, it } from '@jest/globals';
import { type DateMention, findDates, weekdayDay } from '../../src/recognizers/index.js';

const REF = { year: 2024, month: 10, day: 21 }; // a Monday

/** The one mention in `text`, with its span checked against the text. */
function only(text: string, opts: Parameters<typeof findDates>[1] = { reference: REF }): DateMention {
  const found = findDates(text, opts);
  expect(found).toHaveLength(1);
  const m = found[0]!;
  expect(text.slice(m.start, m.end)).toBe(m.text);
  return m;
}

const pick = (m: DateMention) => ({
  text: m.text,
  kind: m.kind,
  iso: m.iso,
  basis: m.basis,
  partOfDay: m.partOfDay,
  weekday: m.weekday,
});

describe('findDates: absolute dates', () => {
  it.each([
    ['21/10/2024', '21/10/2024', '2024-10-21'],
    ['Thứ 4, 11.09.2019 | 18:11:27', 'Thứ 4, 11.09.2019', '2019-09-11'],
    ['ký ngày 5-8-2019.', 'ngày 5-8-2019', '2019-08-05'],
    ['ban hành 05/8/2019 của', '05/8/2019', '2019-08-05'],
    ['ngày 5 tháng 8 năm 2019', 'ngày 5 tháng 8 năm 2019', '2019-08-05'],
    ['Kết luận số 114-KL/TW, ngày 14/7/2015 của Ban Bí thư', 'ngày 14/7/2015', '2015-07-14'],
    ['ngày 29/2/2024', 'ngày 29/2/2024', '2024-02-29'],
  ])('%s', (text, surface, iso) => {
    const m = only(text);
    expect([m.text, m.kind, m.iso, m.basis]).toEqual([surface, 'absolute', iso, 'text']);
  });

  it('keeps the weekday written before the date', () => {
    expect(pick(only('11:32 - Thứ Hai, 21/10/2024 Lượt xem: 2537'))).toEqual({
      text: 'Thứ Hai, 21/10/2024',
      kind: 'absolute',
      iso: '2024-10-21',
      basis: 'text',
      partOfDay: null,
      weekday: 1,
    });
  });

  it('rejects days that do not exist', () => {
    expect(findDates('ngày 29/2/2023 và ngày 31/4/2024 và 32/1/2024', { reference: REF })).toEqual([]);
  });

  it('reads a parenthesised range as two dates without taking the parentheses', () => {
    const text = 'kỷ niệm 90 năm Ngày thành lập Đảng Cộng Sản Việt Nam (03/02/1930 - 03/02/2020)';
    const found = findDates(text).filter((m) => m.kind === 'absolute');
    expect(found.map((m) => [m.text, m.iso])).toEqual([
      ['03/02/1930', '1930-02-03'],
      ['03/02/2020', '2020-02-03'],
    ]);
  });
});

describe('findDates: partial dates take the year from the reference', () => {
  it.each([
    ['Ngày 14/7, Đoàn giám sát', 'Ngày 14/7', '2024-07-14', null],
    ['Sáng 04/4, Ban Dân vận Tỉnh ủy', 'Sáng 04/4', '2024-04-04', 'sáng'],
    ['Chiều 21/8, Phó Chủ tịch', 'Chiều 21/8', '2024-08-21', 'chiều'],
    ['tổ chức (21/10) tại', '(21/10)', '2024-10-21', null],
    ['ngày 14-7 vừa qua', 'ngày 14-7', '2024-07-14', null],
    ['hôm 5/8, xã', 'hôm 5/8', '2024-08-05', null],
  ])('%s', (text, surface, iso, pod) => {
    const m = only(text);
    expect([m.text, m.kind, m.iso, m.basis, m.partOfDay]).toEqual([surface, 'partial', iso, 'text', pod]);
  });

  it('merges "Sáng nay (21/10)" into one mention whose day is the written one', () => {
    expect(pick(only('ĐBP - Sáng nay (21/10), đoàn kiểm tra'))).toEqual({
      text: 'Sáng nay (21/10)',
      kind: 'partial',
      iso: '2024-10-21',
      basis: 'text',
      partOfDay: 'sáng',
      weekday: null,
    });
  });

  it('merges a part of day, a weekday and a parenthesised date', () => {
    const m = only('sáng thứ Ba (22/10), đoàn');
    expect(pick(m)).toEqual({
      text: 'sáng thứ Ba (22/10)',
      kind: 'partial',
      iso: '2024-10-22',
      basis: 'text',
      partOfDay: 'sáng',
      weekday: 2,
    });
  });

  it('puts a day without year in the past unless it is only a little ahead of the reference', () => {
    expect(only('Ngày 28/12, hội nghị', { reference: { year: 2024, month: 1, day: 3 } }).iso).toBe('2023-12-28');
    expect(only('Ngày 14/11 tới', { reference: REF }).iso).toBe('2024-11-14');
    expect(only('Ngày 5/1, hội nghị', { reference: { year: 2023, month: 12, day: 28 } }).iso).toBe('2024-01-05');
  });

  it('uses the year hint when there is no reference, with basis inferred', () => {
    const m = only('Ngày 14/7, Đoàn giám sát', { yearHint: 2020 });
    expect([m.iso, m.basis]).toEqual(['2020-07-14', 'inferred']);
  });

  it('says inferred when the reference itself is inferred', () => {
    expect(only('Sáng 04/4', { reference: { year: 2024, month: 4, day: 30 }, referenceBasis: 'inferred' }).basis).toBe(
      'inferred',
    );
  });

  it('leaves the year open without reference or hint', () => {
    const m = only('Ngày 14/7, Đoàn', {});
    expect([m.year, m.month, m.day, m.iso, m.basis]).toEqual([null, 7, 14, null, null]);
  });

  it('reads a day range sharing one month', () => {
    const found = findDates('từ ngày 14 đến ngày 16/7/2024, đoàn', { reference: REF });
    expect(found.map((m) => [m.text, m.iso])).toEqual([
      ['từ ngày 14', '2024-07-14'],
      ['ngày 16/7/2024', '2024-07-16'],
    ]);
    expect(findDates('Trong 2 ngày 14-16/7, đoàn', { reference: REF }).map((m) => m.iso)).toEqual([
      '2024-07-14',
      '2024-07-16',
    ]);
  });
});

describe('findDates: relative days resolve against the reference', () => {
  it.each([
    ['Sáng nay, UBND huyện', 'Sáng nay', '2024-10-21', 'sáng'],
    ['hôm nay', 'hôm nay', '2024-10-21', null],
    ['ĐBP - Chiều qua, Đoàn kiểm tra', 'Chiều qua', '2024-10-20', 'chiều'],
    ['Hôm qua, Đoàn giám sát', 'Hôm qua', '2024-10-20', null],
    ['Khoảng 22 giờ tối qua, trên', 'tối qua', '2024-10-20', 'tối'],
    ['sáng mai sẽ khai mạc', 'sáng mai', '2024-10-22', 'sáng'],
    ['ngày mai', 'ngày mai', '2024-10-22', null],
    ['sáng thứ Ba tuần trước', 'sáng thứ Ba tuần trước', '2024-10-15', 'sáng'],
    ['chiều thứ Sáu', 'chiều thứ Sáu', '2024-10-18', 'chiều'],
    ['vào Chủ nhật', 'Chủ nhật', '2024-10-20', null],
    ['thứ Tư tới', 'thứ Tư tới', '2024-10-23', null],
  ])('%s', (text, surface, iso, pod) => {
    const m = only(text);
    expect([m.text, m.kind, m.iso, m.basis, m.partOfDay]).toEqual([surface, 'relative', iso, 'text', pod]);
  });

  it('leaves relative days unresolved without a reference', () => {
    const m = only('Chiều qua, Đoàn', {});
    expect([m.kind, m.iso, m.basis]).toEqual(['relative', null, null]);
  });

  it('reports a week as a relative mention without a day', () => {
    const m = only('trong tuần trước');
    expect([m.text, m.kind, m.iso, m.day]).toEqual(['tuần trước', 'relative', null, null]);
  });

  it('places weekdays by their modifier', () => {
    // Reference Monday 21/10/2024.
    expect(weekdayDay(REF, 1, null)).toEqual(REF);
    expect(weekdayDay(REF, 1, 'last')).toEqual({ year: 2024, month: 10, day: 14 });
    expect(weekdayDay(REF, 1, 'next')).toEqual({ year: 2024, month: 10, day: 28 });
    expect(weekdayDay(REF, 7, 'this-week')).toEqual({ year: 2024, month: 10, day: 27 });
    expect(weekdayDay(REF, 5, 'next-week')).toEqual({ year: 2024, month: 11, day: 1 });
  });
});

describe('findDates: months, quarters and years', () => {
  it.each([
    ['tháng 7/2024', 'tháng 7/2024', 2024, 7, null],
    ['giao ban tháng 8 năm 2024', 'tháng 8 năm 2024', 2024, 8, null],
    ['quý I/2024', 'quý I/2024', 2024, null, 1],
    ['Trong quý I năm 2024, công tác', 'quý I năm 2024', 2024, null, 1],
    ['quý IV/2023, triển khai', 'quý IV/2023', 2023, null, 4],
    ['Chủ đề công tác năm 2020:', 'năm 2020', 2020, null, null],
    ['6 tháng đầu năm 2023', 'năm 2023', 2023, null, null],
  ])('%s', (text, surface, year, month, quarter) => {
    const m = only(text);
    expect([m.text, m.kind, m.year, m.month, m.quarter, m.iso]).toEqual([surface, 'month', year, month, quarter, null]);
  });

  it('accepts the old spelling quí', () => {
    expect(only('quí III/2024').quarter).toBe(3);
  });
});

describe('findDates: what is not a date', () => {
  it.each([
    'tổng diện tích 83,2ha',
    'có 3/5 xã đạt chuẩn',
    'Quyết định số 1234/QĐ-UBND',
    'Nghị định 12/2020/NĐ-CP',
    'Thông tư liên tịch 55/2005/TTLT-BNV-VPCP',
    'Nghị quyết 30/2021/QH15',
    'lúc 18:11:27',
    'nhiệm kỳ 2020-2025',
    'giai đoạn 2023 – 2025',
    'gỡ hòa 1-1 từ chấm phạt đền',
    'Lượt xem: 2.381',
    'năng suất 6,5 tấn/ha',
    'diện tích 12.5 ha',
    'tập trung vào chiều sâu',
    '30 ngày đêm',
    'Hội nghị lần thứ hai tới đây',
    'Thứ hai, cần tập trung',
    'Bài trướcNâng cao chất lượng',
  ])('%s', (text) => {
    expect(findDates(text, { reference: REF })).toEqual([]);
  });
});

describe('findDates: options', () => {
  it('only returns mentions starting inside [from, to)', () => {
    const text = 'Ngày 14/7/2015 và ngày 5/8/2019';
    expect(findDates(text, { from: 15 }).map((m) => m.text)).toEqual(['ngày 5/8/2019']);
    // The window cuts the cue word off: the date itself still starts inside it.
    expect(findDates(text, { from: 5 }).map((m) => m.text)).toEqual(['14/7/2015', 'ngày 5/8/2019']);
    expect(findDates(text, { to: 20 }).map((m) => m.text)).toEqual(['Ngày 14/7/2015']);
    expect(findDates(text, { from: 1000, to: -5 })).toEqual([]);
  });

  it('ignores an invalid reference', () => {
    expect(only('Ngày 14/7', { reference: { year: 2024, month: 13, day: 40 } }).iso).toBeNull();
  });
});
