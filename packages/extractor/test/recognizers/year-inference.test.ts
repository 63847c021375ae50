import { describe, expect, it } from '@jest/globals';
import { findYearEvidence, headingEnd, inferYear } from '../../src/recognizers/index.js';

const body = (s: string) => `${s}.`; // a line ending like a sentence is a paragraph, not the heading

describe('inferYear', () => {
  it('reads a period in the heading', () => {
    const text = `Giao ban công tác dân vận quý I/2024\n\n${body('Sáng 04/4, Ban Dân vận Tỉnh ủy tổ chức hội nghị')}`;
    const y = inferYear(text, { month: 4 })!;
    expect([y.year, y.text, y.rule, y.basis, y.weight]).toEqual([
      2024,
      'quý I/2024',
      'year.heading-period',
      'inferred',
      3,
    ]);
  });

  it('places a reviewed quarter before the meeting', () => {
    const text = `Giao ban Khối Dân vận quý IV/2023, triển khai nhiệm vụ năm 2024\n\n${body('Sáng 05/01, Ban Dân vận. Năm 2023, Khối Dân vận đã triển khai')}`;
    const y = inferYear(text, { month: 1 })!;
    expect([y.year, y.text]).toEqual([2024, 'năm 2024']);
    const quarter = y.evidence.find((e) => e.text === 'quý IV/2023')!;
    expect(quarter.year).toBe(2024);
    expect(y.evidence.find((e) => e.text === 'Năm 2023')).toMatchObject({ year: 2023, rule: 'year.body-period' });
  });

  it('counts years elapsed since a dated document', () => {
    const text = body(
      'Hội nghị sơ kết 01 năm thực hiện Đề án số 06-ĐA/TU ngày 03/02/2023 của Ban Thường vụ Tỉnh ủy về “Nâng cao chất lượng”',
    );
    const y = inferYear(text)!;
    expect([y.year, y.rule, y.text]).toEqual([2024, 'year.elapsed', '01 năm thực hiện Đề án số 06-ĐA/TU']);
    expect(text.slice(...y.support[0]!)).toBe('ngày 03/02/2023');
  });

  it('counts from the oldest of several documents, and not past "gắn với"', () => {
    const text = body(
      'kết quả 10 năm thực hiện Quyết định số 290-QĐ/TW của Bộ Chính trị; Quyết định số 40-QĐ/TU ngày 5/11/2010 gắn với việc triển khai thực hiện Nghị quyết số 17-NQ/TU ngày 5/8/2019',
    );
    expect(inferYear(text)?.year).toBe(2020);
  });

  it('spells the count in words too', () => {
    const text = body('tổng kết mười năm thực hiện Kết luận số 114-KL/TW ngày 14/7/2015 của Ban Bí thư');
    expect(inferYear(text)?.year).toBe(2025);
  });

  it('reads an anniversary with its year range', () => {
    const text = `Chào mừng kỷ niệm 90 năm Ngày thành lập Đảng Cộng Sản Việt Nam (03/02/1930 - 03/02/2020)\n\n${body('Ngày 14/7, đoàn')}`;
    const y = inferYear(text)!;
    expect([y.year, y.rule]).toEqual([2020, 'year.anniversary']);
    expect(inferYear(body('kỷ niệm 75 năm Ngày truyền thống (1949) của ngành'))?.year).toBe(2024);
  });

  it('ignores starts, targets, terms, vague durations and years inside document titles', () => {
    expect(
      findYearEvidence(
        body(
          'từ năm 2020 đến nay, phấn đấu đến năm 2030, nhiệm kỳ 2020-2025, sau hơn 2 năm thực hiện Quy chế số 09-QC/TU ngày 28/01/2022 về công tác năm 2021',
        ),
      ),
    ).toEqual([]);
  });

  it('finds nothing in a text without years', () => {
    expect(inferYear('Ngày 14/7, Đoàn giám sát làm việc với huyện.')).toBeNull();
    expect(inferYear('')).toBeNull();
  });
});

describe('headingEnd', () => {
  it('ends at the first line that reads like a paragraph', () => {
    const text = 'Tiêu đề bài viết\n\n11:32 - Thứ Hai, 21/10/2024\n\nĐBP - Sáng nay (21/10), đoàn kiểm tra làm việc.\n';
    expect(text.slice(0, headingEnd(text))).toBe('Tiêu đề bài viết\n\n11:32 - Thứ Hai, 21/10/2024\n\n');
    const long = `Tiêu đề\n${'chữ '.repeat(100)}\n`;
    expect(headingEnd(long)).toBe('Tiêu đề\n'.length);
  });
});
