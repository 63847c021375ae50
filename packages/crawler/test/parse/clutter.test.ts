/**
 * Clutter: Vietnamese chrome phrases (whole paragraphs and trailing lines), the "Tin khác" cut-off,
 * clutter classes and ids, per-site remove selectors, and the lexicon loader that rejects bad entries.
 */
import { describe, expect, it } from '@jest/globals';
import type { Article } from '@vnevents/schema';
import { isChromeLine, isCutOff, isLabelLine } from '../../src/parse/clutter.js';
import { CLASS_ROLES, CLUTTER_PHRASES, isNotArticle, LexiconError, parse } from '../../src/parse/index.js';
import { compilePhrases, compileRoles } from '../../src/parse/lexicon/index.js';

describe('chrome phrases', () => {
  it.each([
    'Lượt xem: 2537',
    'Lượt xem: 2537 | In bài viết',
    'In bài viết Gửi email Chia sẻ',
    'Cỡ chữ A- A A+',
    'Tiếng Việt | English',
    'Back To Top',
    'Về đầu trang',
    'Chia sẻ: Facebook Zalo',
    'Bản in | Đóng cửa sổ',
    'Gửi phản hồi',
    'Xem thêm',
    'Bình luận (0)',
    'Share | Print | Back to top',
  ])('%j is chrome', (line) => {
    expect(isChromeLine(line)).toBe(true);
  });

  it.each([
    'Chia sẻ với phóng viên, đồng chí Bí thư Huyện ủy cho biết huyện sẽ tiếp tục đối thoại với nhân dân.',
    'Bình luận về kết quả này, lãnh đạo xã cho rằng cần tiếp tục kiên trì vận động.',
    'Xem thêm các mô hình dân vận khéo tại cơ sở để nhân rộng trong toàn tỉnh.',
    'Thanh Phú',
  ])('%j is prose', (line) => {
    expect(isChromeLine(line)).toBe(false);
  });

  it.each([
    'Tin khác',
    'Các tin khác:',
    'TIN LIÊN QUAN',
    'Bình luận',
    'Ý kiến bạn đọc',
    'Tin đã đưa',
    'Related news',
    'Để lại một bình luận',
  ])('%j ends the article', (line) => {
    expect(isCutOff(line)).toBe(true);
  });

  it('does not end the article on a sentence that starts with a cut-off phrase', () => {
    expect(isCutOff('Tin khác cho thấy tình hình đã ổn định trở lại')).toBe(false);
  });

  it.each([
    'Từ khóa: dân vận, giám sát',
    'Từ khoá: dân vận',
    'TỪ KHÓA: Lai Châu',
    'Bài tiếp theo: Kỳ 2 - Gỡ khó ở cơ sở',
    'Tags: giao ban',
  ])('%j is a label line (either tone placement, any case)', (line) => {
    expect(isLabelLine(line)).toBe(true);
  });
});

const URL_ = 'https://bao.example.vn/chinh-tri/giam-sat-123.html';
const P1 =
  'Ngày 3/6, đoàn giám sát của Thường trực HĐND huyện đã làm việc với Ủy ban nhân dân xã về việc quản lý, sử dụng đất đai trên địa bàn giai đoạn 2022 - 2024.';
const P2 =
  'Chia sẻ với phóng viên, đồng chí trưởng đoàn cho biết qua giám sát đã chỉ ra nhiều tồn tại trong cập nhật biến động đất đai, đề nghị xã khắc phục ngay.';
const P3 =
  'Đoàn giám sát đề nghị Ủy ban nhân dân huyện chỉ đạo rút ngắn thời gian giải quyết hồ sơ, hỗ trợ xã số hóa dữ liệu đất đai trong năm 2024.';

function body(html: string): string[] {
  const r = parse(`<html><body><h1>Giám sát việc quản lý đất đai tại xã</h1>${html}</body></html>`, URL_);
  if (isNotArticle(r)) throw new Error(r.detail);
  return (r as Article).paragraphs;
}

describe('clutter inside the content', () => {
  it('drops chrome paragraphs and keeps prose that starts with a chrome word', () => {
    expect(
      body(
        `<div class="content"><p>Lượt xem: 1.245 | In bài viết</p><p>${P1}</p><p>Cỡ chữ A- A A+</p><p>${P2}</p><p>Tiếng Việt | English</p><p>${P3}</p><p>Về đầu trang</p></div>`,
      ),
    ).toEqual([P1, P2, P3]);
  });

  it('drops chrome trailing lines after a <br>', () => {
    expect(body(`<div class="content"><p>${P1}</p><p>${P3}<br>Chia sẻ<br>In bài viết</p></div>`)).toEqual([P1, P3]);
  });

  it('drops everything after "Tin khác", "Tin liên quan" and "Bình luận"', () => {
    for (const cut of ['Tin khác', '<strong>Tin liên quan:</strong>', 'BÌNH LUẬN']) {
      expect(
        body(
          `<div class="content"><p>${P1}</p><p>${P2}</p><p>${cut}</p><p>${P3}</p><ul><li><a href="/a">Một tin khác rất dài về hoạt động giám sát</a></li></ul></div>`,
        ),
      ).toEqual([P1, P2]);
    }
  });

  it('drops "Từ khóa:", "Xem thêm:" and "Bài tiếp theo:" lines and link lists', () => {
    expect(
      body(
        `<div class="content"><p>${P1}</p><p><strong>Xem thêm:</strong> <a href="/x">HĐND huyện tổ chức kỳ họp chuyên đề về đất đai</a></p><p>${P2}</p><p>Từ khóa: giám sát, đất đai</p><p>Bài tiếp theo: Kỳ 2 - Gỡ khó cho cơ sở</p><p>${P3}</p></div>`,
      ),
    ).toEqual([P1, P2, P3]);
  });

  it('removes elements whose class or id says clutter, but not a wrapper that holds the article', () => {
    const html = `<div class="main-content has-sidebar"><div class="share-tools">Chia sẻ Facebook Zalo Twitter để lan tỏa thông tin tới nhiều người hơn nữa</div><p>${P1}</p><div class="box-comment">Ý kiến của bạn về bài viết này rất quan trọng với chúng tôi, xin hãy gửi.</div><p>${P2}</p><p>${P3}</p></div><div id="sidebar"><p>Thông báo tuyển dụng viên chức năm 2024 của các cơ quan, đơn vị trong tỉnh.</p></div>`;
    expect(body(html)).toEqual([P1, P2, P3]);
  });

  it('applies per-site remove selectors', () => {
    const html = `<div class="content"><p>${P1}</p><p class="ghi-chu">Bài viết có sử dụng tư liệu của Trung tâm Lưu trữ lịch sử tỉnh, đã được sự đồng ý.</p><p>${P2}</p></div>`;
    const r = parse(`<h1>Giám sát việc quản lý đất đai tại xã</h1>${html}`, URL_, {
      selectors: { remove: ['.ghi-chu'] },
    });
    expect((r as Article).paragraphs).toEqual([P1, P2]);
  });
});

describe('the lexicons are data, checked when they load', () => {
  it('loads the shipped lexicons', () => {
    expect(() => compilePhrases(CLUTTER_PHRASES)).not.toThrow();
    expect(() => compileRoles(CLASS_ROLES)).not.toThrow();
  });

  it('rejects a phrase that duplicates another after folding (tone placement, case)', () => {
    const bad = { ...CLUTTER_PHRASES, chrome: [...CLUTTER_PHRASES.chrome, 'TỪ KHOÁ'] };
    expect(() => compilePhrases(bad as unknown as typeof CLUTTER_PHRASES)).toThrow(LexiconError);
    expect(() => compilePhrases(bad as unknown as typeof CLUTTER_PHRASES)).toThrow(
      /clutter-phrases\.chrome: "TỪ KHOÁ" duplicates "Từ khóa"/,
    );
  });

  it('rejects stray spaces and characters', () => {
    const spaced = { ...CLUTTER_PHRASES, cutOff: ['Tin khác '] };
    expect(() => compilePhrases(spaced as unknown as typeof CLUTTER_PHRASES)).toThrow(/stray spaces/);
    const roles = { ...CLASS_ROLES, title: { parts: ['Title!'], tokens: [], contains: [] } };
    expect(() => compileRoles(roles as unknown as typeof CLASS_ROLES)).toThrow(/class-roles\.title\.parts/);
  });
});
