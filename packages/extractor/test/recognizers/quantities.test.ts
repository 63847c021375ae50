import { describe, expect, it } from '@jest/globals';
import { findQuantities, type Quantity } from '../../src/recognizers/index.js';

/** value, unit, qualifier, text — with every span checked against the text. */
function read(text: string): [number, string, string | null, string][] {
  return findQuantities(text).map((q: Quantity) => {
    expect(text.slice(q.start, q.end)).toBe(q.text);
    if (q.qualifierSpan) expect(q.qualifierSpan[1]).toBeLessThanOrEqual(q.start);
    return [q.value, q.unit, q.qualifier, q.text];
  });
}

describe('findQuantities: seed-00 figures', () => {
  it('reads number and unit, with the qualifier apart', () => {
    const text =
      'huyện Mường Ảng đã vận động Nhân dân hiến đất phục vụ 56 dự án với tổng diện tích 83,2ha, ước giá trị quy đổi trên 110 tỷ đồng.';
    expect(read(text)).toEqual([
      [56, 'dự án', null, '56 dự án'],
      [83.2, 'ha', null, '83,2ha'],
      [110, 'tỷ đồng', 'trên', '110 tỷ đồng'],
    ]);
    const q = findQuantities(text)[2]!;
    expect(text.slice(...q.qualifierSpan!)).toBe('trên');
  });

  it('takes the longest unit and leaves the rest of the noun phrase', () => {
    expect(read('đóng góp trên 20.000 ngày công lao động, ủng hộ trên 1 tỷ đồng...')).toEqual([
      [20000, 'ngày công', 'trên', '20.000 ngày công'],
      [1, 'tỷ đồng', 'trên', '1 tỷ đồng'],
    ]);
  });
});

describe('findQuantities: units, scales and qualifiers', () => {
  it.each([
    ['100% đơn thư khiếu nại', 100, '%', null, '100%'],
    ['giải quyết dứt điểm 98 % đơn thư', 98, '%', null, '98 %'],
    ['gần như 100% hồ sơ', 100, '%', 'gần như', '100%'],
    ['hiến trên 12,5 ha đất', 12.5, 'ha', 'trên', '12,5 ha'],
    ['tổ chức 214 cuộc tiếp công dân', 214, 'cuộc', null, '214 cuộc'],
    ['có 46 mô hình “Dân vận khéo”', 46, 'mô hình', null, '46 mô hình'],
    ['xã đón trên 12.000 lượt khách du lịch', 12000, 'lượt khách', 'trên', '12.000 lượt khách'],
    ['14 hộ gia đình đầu tư làm homestay', 14, 'hộ', null, '14 hộ gia đình'],
    ['doanh thu ước đạt 3,6 tỷ đồng', 3.6, 'tỷ đồng', 'đạt', '3,6 tỷ đồng'],
    ['xây dựng 425 nhà Đại đoàn kết', 425, 'nhà Đại đoàn kết', null, '425 nhà Đại đoàn kết'],
    ['2 nghìn người tham gia', 2000, 'người', null, '2 nghìn người'],
    ['khoảng 1,5 triệu người', 1_500_000, 'người', 'khoảng', '1,5 triệu người'],
    ['hỗ trợ 650 triệu đồng', 650, 'triệu đồng', null, '650 triệu đồng'],
    ['diện tích từ 90 đến 240 m2,', 240, 'm2', null, '240 m2'],
    ['diện tích 5.300 mét vuông', 5300, 'm2', null, '5.300 mét vuông'],
    ['ba xã đạt chuẩn', 3, 'xã', null, 'ba xã'],
    ['hai mươi mốt hộ thoát nghèo', 21, 'hộ', null, 'hai mươi mốt hộ'],
    ['lên tới 312 tỷ đồng', 312, 'tỷ đồng', 'lên đến', '312 tỷ đồng'],
    ['dưới 5% hộ nghèo', 5, '%', 'dưới', '5%'],
  ])('%s', (text, value, unit, qualifier, surface) => {
    expect(read(text)).toEqual([[value, unit, qualifier, surface]]);
  });
});

describe('findQuantities: rates and quoted units', () => {
  it.each([
    ['năng suất 6,5 tấn/ha', 6.5, 'tấn', 'ha', '6,5 tấn/ha'],
    ['hộ nghèo giảm bình quân 4,5%/năm.', 4.5, '%', 'năm', '4,5%/năm'],
    ['hỗ trợ 1,5 triệu đồng/người/tháng', 1.5, 'triệu đồng', 'người/tháng', '1,5 triệu đồng/người/tháng'],
  ])('%s', (text, value, unit, per, surface) => {
    const [q] = findQuantities(text);
    expect([q?.value, q?.unit, q?.per, q?.text]).toEqual([value, unit, per, surface]);
  });

  it('reads a unit in quotes only when the quote closes right after it', () => {
    const text = 'lắp đặt 18 “Điểm chữa cháy công cộng” tại các khu dân cư';
    const [q] = findQuantities(text);
    expect([q?.value, q?.unit, q?.per, q?.text]).toEqual([
      18,
      'Điểm chữa cháy công cộng',
      null,
      '18 “Điểm chữa cháy công cộng”',
    ]);
    expect(findQuantities('có 18 “Điểm chữa cháy công cộng kiểu mẫu”')).toEqual([]);
  });
});

describe('findQuantities: what is not a quantity', () => {
  it.each([
    'từ năm 2020 hộ nghèo giảm',
    'Hội nghị Ban Thường vụ Tỉnh ủy Bắc Kạn lần thứ 68',
    'Quyết định số 40 xã',
    'Kết luận số 114-KL/TW, ngày 14/7/2015',
    'Nghị định 12/2020/NĐ-CP',
    'vào lúc 18:11:27',
    'Ngày 5/8 xã tổ chức',
    'có 3/5 xã đạt chuẩn',
    'Hotline: 0216 388 8888',
    'Đoàn giám sát 1377 của Ban Thường vụ',
    'Quốc hội khóa 15 người',
    'hoàn lưu bão số 3',
    'một người dân cho biết',
    'năm hộ',
    'quý I/2024',
    'Lượt xem: 2.381',
    'sơ kết 01 năm thực hiện',
    'hàng trăm học trò',
  ])('%s', (text) => {
    expect(findQuantities(text)).toEqual([]);
  });
});

describe('findQuantities: window', () => {
  it('returns only quantities starting in [from, to)', () => {
    const text = '56 dự án với tổng diện tích 83,2ha';
    expect(findQuantities(text, 3).map((q) => q.text)).toEqual(['83,2ha']);
    expect(findQuantities(text, 0, 10).map((q) => q.text)).toEqual(['56 dự án']);
    expect(findQuantities(text, Number.NaN, Number.POSITIVE_INFINITY)).toHaveLength(2);
  });
});
