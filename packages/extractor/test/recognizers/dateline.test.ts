import { describe, expect, it } from '@jest/globals';
import { parseDateline } from '../../src/recognizers/index.js';

describe('parseDateline', () => {
  it.each([
    [
      'Tiêu đề\n\n11:32 - Thứ Hai, 21/10/2024 Lượt xem: 2537 In bài viết\n',
      '11:32 - Thứ Hai, 21/10/2024',
      '2024-10-21T11:32:00+07:00',
    ],
    ['Tiêu đề\nThứ 4, 11.09.2019 | 18:11:27\n65 lượt xem', 'Thứ 4, 11.09.2019 | 18:11:27', '2019-09-11T18:11:27+07:00'],
    ['Tiếng Việt | English\n\n28/05/2024 - 17:05\n\nGiám sát', '28/05/2024 - 17:05', '2024-05-28T17:05:00+07:00'],
    ['Ngày đăng: 08/07/2024 11:38', '08/07/2024 11:38', '2024-07-08T11:38:00+07:00'],
    ['Cập nhật: 10:05 21/10/2024', '10:05 21/10/2024', '2024-10-21T10:05:00+07:00'],
    ['Cập nhật 11:20 | 15/06/2023', '11:20 | 15/06/2023', '2023-06-15T11:20:00+07:00'],
    ['Cập nhật lúc 16:02 ngày 24/04/2025', '16:02 ngày 24/04/2025', '2025-04-24T16:02:00+07:00'],
    ['21/10/2024 11:32', '21/10/2024 11:32', '2024-10-21T11:32:00+07:00'],
    ['Thứ Sáu, 05/04/2024, 08:15 (GMT+7)', 'Thứ Sáu, 05/04/2024, 08:15 (GMT+7)', '2024-04-05T08:15:00+07:00'],
    ['Thứ Ba, 10/09/2024 16:00   Cỡ chữ: A A A', 'Thứ Ba, 10/09/2024 16:00', '2024-09-10T16:00:00+07:00'],
    ['Chủ Nhật, 08/09/2024, 21:10\nLượt đọc: 1.532', 'Chủ Nhật, 08/09/2024, 21:10', '2024-09-08T21:10:00+07:00'],
    ['Đăng lúc 07:00 (GMT+8) 01/02/2024', '07:00 (GMT+8) 01/02/2024', null],
  ])('%j', (text, surface, iso) => {
    const d = parseDateline(text);
    if (iso === null) {
      expect(d?.text).not.toBe(surface);
      return;
    }
    expect(d).not.toBeNull();
    expect([d!.text, d!.iso, d!.hasTime]).toEqual([surface, iso, true]);
    expect(text.slice(d!.start, d!.end)).toBe(d!.text);
  });

  it('reads the page offset when it is written', () => {
    expect(parseDateline('Thứ Sáu, 05/04/2024, 08:15 (GMT+8)')?.iso).toBe('2024-04-05T08:15:00+08:00');
  });

  it('prefers a dateline with a time over a site header showing the day', () => {
    const text =
      'Thứ Tư, 03/07/2024 | Đăng nhập | Liên hệ | RSS\nĐẢNG BỘ TỈNH CÀ MAU\n\nĐoàn công tác\n\nNgày đăng: 03/07/2024 10:45   Lượt xem: 512\n';
    expect(parseDateline(text)?.iso).toBe('2024-07-03T10:45:00+07:00');
  });

  it('falls back to a date-only dateline at midnight, saying it has no time', () => {
    const d = parseDateline('Tin tức\nThứ Hai, 21/10/2024\nĐoàn kiểm tra');
    expect([d?.iso, d?.hasTime, d?.rule]).toEqual(['2024-10-21T00:00:00+07:00', false, 'dateline.date']);
  });

  it('ignores dates inside sentences and outside the top of the page', () => {
    expect(parseDateline('Đoàn làm việc ngày 21/10/2024 với huyện.')).toBeNull();
    expect(parseDateline('Ngày 21/10/2024, Đoàn kiểm tra làm việc')).toBeNull();
    expect(parseDateline(`${'x'.repeat(700)}\n21/10/2024 11:32`)).toBeNull();
    expect(parseDateline('Sáng nay (21/10), đoàn kiểm tra')).toBeNull();
  });

  it('rejects impossible dates and times', () => {
    expect(parseDateline('31/02/2024 - 10:00')).toBeNull();
    expect(parseDateline('21/10/2024 - 25:61')?.hasTime).toBe(false);
  });
});
