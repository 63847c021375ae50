import { describe, expect, it } from '@jest/globals';
import { clauses, listItems, type Segment } from '../../src/text/index.js';

const surfaces = (text: string, segs: Segment[]) => segs.map((s) => text.slice(s.start, s.end));
const all = (t: string): Segment => ({ start: 0, end: t.length });
const list = (t: string) => {
  const r = listItems(t, all(t));
  return {
    preamble: surfaces(t, r.preamble),
    leadIn: r.leadIn && t.slice(r.leadIn.start, r.leadIn.end),
    items: surfaces(t, r.items),
  };
};

describe('clauses', () => {
  it('splits at semicolons and drops each clause stop', () => {
    const t =
      'Công tác dân vận của các cơ quan nhà nước có tiến bộ; cải cách thủ tục hành chính được đẩy mạnh; chú trọng việc tiếp công dân.';
    expect(surfaces(t, clauses(t, all(t)))).toEqual([
      'Công tác dân vận của các cơ quan nhà nước có tiến bộ',
      'cải cách thủ tục hành chính được đẩy mạnh',
      'chú trọng việc tiếp công dân',
    ]);
  });

  it('does not split inside quotes or brackets', () => {
    const t = 'phong trào “Dân vận khéo; hiệu quả” chưa sâu rộng; việc (kiểm tra; giám sát) còn chậm...';
    expect(surfaces(t, clauses(t, all(t)))).toEqual([
      'phong trào “Dân vận khéo; hiệu quả” chưa sâu rộng',
      'việc (kiểm tra; giám sát) còn chậm',
    ]);
  });

  it('still splits after an opening quote that is never closed (the corpus has one)', () => {
    const t = 'thực hiện tốt chiến dịch “30 ngày đêm hoàn thành giải phóng mặt bằng; quan tâm đào tạo cán bộ.';
    expect(surfaces(t, clauses(t, all(t)))).toEqual([
      'thực hiện tốt chiến dịch “30 ngày đêm hoàn thành giải phóng mặt bằng',
      'quan tâm đào tạo cán bộ',
    ]);
  });

  it('works on a segment inside a longer text, with offsets into the text', () => {
    const t = 'Mở đầu. Một; hai. Kết.';
    const seg = { start: 8, end: 17 };
    const cs = clauses(t, seg);
    expect(surfaces(t, cs)).toEqual(['Một', 'hai']);
    expect(cs[0]).toEqual({ start: 8, end: 11 });
  });
});

describe('listItems', () => {
  it('separates the lead-in ending in "như:" from the items', () => {
    const t =
      'Bên cạnh những kết quả đạt được, huyện Mường Ảng cũng thẳng thắn nhìn nhận tồn tại, hạn chế trong quá trình triển khai Kết luận 114, như: Công tác lãnh đạo chưa thường xuyên, đồng bộ; việc triển khai thực hiện phong trào thi đua “Dân vận khéo” chưa sâu rộng; một số phong trào chưa đi vào chiều sâu...';
    expect(list(t)).toEqual({
      preamble: [],
      leadIn:
        'Bên cạnh những kết quả đạt được, huyện Mường Ảng cũng thẳng thắn nhìn nhận tồn tại, hạn chế trong quá trình triển khai Kết luận 114, như:',
      items: [
        'Công tác lãnh đạo chưa thường xuyên, đồng bộ',
        'việc triển khai thực hiện phong trào thi đua “Dân vận khéo” chưa sâu rộng',
        'một số phong trào chưa đi vào chiều sâu',
      ],
    });
  });

  it('reads any colon as a lead-in, items running over several sentences ("đề nghị: … . Tiếp tục …")', () => {
    const t =
      'Đồng chí Phương Thị Thanh ghi nhận và đề nghị: Cấp ủy các cấp tập trung lãnh đạo công tác dân vận. Tiếp tục làm tốt công tác nắm tình hình Nhân dân.';
    expect(list(t)).toEqual({
      preamble: [],
      leadIn: 'Đồng chí Phương Thị Thanh ghi nhận và đề nghị:',
      items: ['Cấp ủy các cấp tập trung lãnh đạo công tác dân vận', 'Tiếp tục làm tốt công tác nắm tình hình Nhân dân'],
    });
  });

  it('reads "như" without a colon as a lead-in when semicolons split what follows', () => {
    const t =
      'Tuy nhiên vẫn còn một số hạn chế như công tác hòa giải cơ sở chưa được đề cao; việc tổng kết còn mang tính hình thức; còn một số vụ việc tồn đọng kéo dài…';
    expect(list(t)).toEqual({
      preamble: [],
      leadIn: 'Tuy nhiên vẫn còn một số hạn chế như',
      items: [
        'công tác hòa giải cơ sở chưa được đề cao',
        'việc tổng kết còn mang tính hình thức',
        'còn một số vụ việc tồn đọng kéo dài',
      ],
    });
  });

  it('does not take "cũng như" or a time (18:11) for a lead-in', () => {
    expect(list('làm rõ những mặt tích cực cũng như tồn tại; hạn chế theo nội dung.').leadIn).toBeNull();
    expect(list('Lúc 18:11 đoàn làm việc; sau đó họp.')).toEqual({
      preamble: [],
      leadIn: null,
      items: ['Lúc 18:11 đoàn làm việc', 'sau đó họp'],
    });
  });

  it('reads bullet lines (-, +, •, a), 1.) as items, the line before them as the lead-in', () => {
    const t =
      'Mở đầu buổi làm việc. Đoàn đề nghị các nội dung sau:\n- Tiếp tục củng cố, kiện toàn;\n+ Tăng cường tuyên truyền.\n• Chủ động rà soát\na) Nâng cao chất lượng; đổi mới phương thức\n2) Duy trì giao ban';
    expect(list(t)).toEqual({
      preamble: ['Mở đầu buổi làm việc.'],
      leadIn: 'Đoàn đề nghị các nội dung sau:',
      items: [
        'Tiếp tục củng cố, kiện toàn',
        'Tăng cường tuyên truyền',
        'Chủ động rà soát',
        'Nâng cao chất lượng',
        'đổi mới phương thức',
        'Duy trì giao ban',
      ],
    });
  });

  it('takes the line before bullets as the lead-in even without a colon', () => {
    expect(list('Đoàn đề nghị\n1. Tiếp tục củng cố\n2. Tăng cường tuyên truyền')).toEqual({
      preamble: [],
      leadIn: 'Đoàn đề nghị',
      items: ['Tiếp tục củng cố', 'Tăng cường tuyên truyền'],
    });
  });

  it('returns every clause as an item when there is no lead-in', () => {
    expect(list('Nâng cao nhận thức; duy trì công tác tiếp dân.')).toEqual({
      preamble: [],
      leadIn: null,
      items: ['Nâng cao nhận thức', 'duy trì công tác tiếp dân'],
    });
  });
});
