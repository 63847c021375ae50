import { describe, expect, it } from '@jest/globals';
import { paragraphs, type Segment, sentences } from '../../src/text/index.js';

const surfaces = (text: string, segs: Segment[]) => segs.map((s) => text.slice(s.start, s.end));
const split = (text: string) => surfaces(text, sentences(text));

describe('paragraphs', () => {
  it('splits at blank lines and single newlines, trimming each', () => {
    const t = 'Tin khác\n\nBack To Top\n Thanh Phú \n\n• Từ khóa';
    expect(surfaces(t, paragraphs(t))).toEqual(['Tin khác', 'Back To Top', 'Thanh Phú', '• Từ khóa']);
  });

  it('stays inside the range it is given', () => {
    const t = 'một\nhai\nba';
    expect(surfaces(t, paragraphs(t, 4, 9))).toEqual(['hai', 'b']);
  });
});

describe('sentences: where they end', () => {
  it('splits at ". ", "! ", "? " before a capital and at the end of a line', () => {
    expect(split('Coi trọng công tác hòa giải cơ sở. Thực hành dân chủ! Vì sao? Đáp.\nDòng mới')).toEqual([
      'Coi trọng công tác hòa giải cơ sở.',
      'Thực hành dân chủ!',
      'Vì sao?',
      'Đáp.',
      'Dòng mới',
    ]);
  });

  it('splits at a full stop glued to the next sentence ("hoạt động.Việc thực hiện")', () => {
    expect(split('nâng cao chất lượng hoạt động.Việc thực hiện quy chế dân chủ cơ sở')).toEqual([
      'nâng cao chất lượng hoạt động.',
      'Việc thực hiện quy chế dân chủ cơ sở',
    ]);
  });

  it('splits at "…" followed by a capital, and after a digit-initial sentence start', () => {
    expect(split('còn một số vụ việc tồn đọng kéo dài… Để khắc phục')).toEqual([
      'còn một số vụ việc tồn đọng kéo dài…',
      'Để khắc phục',
    ]);
    expect(split('chính quyền trong sạch, vững mạnh. 100% đơn thư khiếu nại')).toEqual([
      'chính quyền trong sạch, vững mạnh.',
      '100% đơn thư khiếu nại',
    ]);
  });

  it('keeps a closing quote with its sentence', () => {
    expect(split('đề nghị “Tiếp tục làm tốt.” Đoàn ghi nhận.')).toEqual([
      'đề nghị “Tiếp tục làm tốt.”',
      'Đoàn ghi nhận.',
    ]);
  });

  it('splits at "v.v." followed by a capital ("dân vận.v.v. Huyện Đầm Hà")', () => {
    expect(split('sử dụng cán bộ làm công tác dân vận.v.v. Huyện Đầm Hà cũng đã đề xuất')).toEqual([
      'sử dụng cán bộ làm công tác dân vận.v.v.',
      'Huyện Đầm Hà cũng đã đề xuất',
    ]);
  });
});

describe('sentences: where they do not end', () => {
  it.each([
    ['TP.', 'Đoàn đến TP. Hồ Chí Minh làm việc.'],
    ['Tp.', 'Đoàn đến Tp. Huế làm việc.'],
    ['TS.', 'Ông TS. Nguyễn Văn An phát biểu.'],
    ['ThS.', 'Bà ThS. Lê Thị Hoa phát biểu.'],
    ['PGS.TS.', 'PGS.TS. Trần Văn Bình trình bày tham luận.'],
    ['GS.TS.', 'GS.TS. Phạm Văn Cường trình bày tham luận.'],
    ['BS.', 'BS. Đỗ Minh khám cho người dân.'],
    ['KS.', 'KS. Hoàng Nam giám sát công trình.'],
    ['Th.S', 'Th.S Lê Hoa và Th.S. Lê Lan dự họp.'],
    ['Q.', 'Trụ sở ở Q. 1, TP. Hồ Chí Minh.'],
    ['P.', 'Trụ sở ở P. 5, Q. Bình Thạnh.'],
    ['initials', 'Ông Nguyễn V. A làm trưởng đoàn.'],
    ['TP.HCM glued', 'Đoàn về TP.HCM họp.'],
    ['list number', '1. Nội dung kiểm tra gồm hai phần.'],
    ['Roman list number', 'II. Kết quả đạt được rất tốt.'],
  ])('not after %s', (_name, s) => {
    expect(split(s)).toEqual([s]);
  });

  it.each([
    ['83,2', 'tổng diện tích 83,2ha. Tiếp theo'],
    ['20.000', 'đóng góp trên 20.000 ngày công lao động'],
    ['11.09.2019', 'Thứ 4, 11.09.2019 | 18:11:27'],
    ['18:11:27', 'lúc 18:11:27 ngày 11.09.2019 đoàn làm việc'],
    ['1.234,5', 'sản lượng đạt 1.234,5 tấn lúa'],
  ])('not inside the number %s', (num, s) => {
    const out = split(s);
    expect(out.some((x) => x.includes(num))).toBe(true);
    if (!s.includes('. ')) expect(out).toEqual([s]);
  });

  it('not at "v.v.", "..." or "…" followed by a lower-case word (a list ending mid-sentence)', () => {
    const a = 'quy hoạch, đào tạo cán bộ v.v. và các nội dung khác.';
    const b = 'ủng hộ trên 1 tỷ đồng... cùng nhiều ngày công.';
    const c = 'đời sống của đoàn viên, hội viên và Nhân dân trên địa bàn… qua đó góp phần củng cố lòng tin.';
    expect(split(a)).toEqual([a]);
    expect(split(b)).toEqual([b]);
    expect(split(c)).toEqual([c]);
  });

  it('not across a line, and only inside the range given', () => {
    const t = 'Câu một. Câu hai.\nCâu ba. Câu bốn.';
    expect(surfaces(t, sentences(t, 9, 25))).toEqual(['Câu hai.', 'Câu ba.']);
  });
});
