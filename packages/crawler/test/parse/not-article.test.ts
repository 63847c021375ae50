/** Listing pages and soft 404s give NotArticle with a reason; articles beside link lists and short notices do not. */
import { describe, expect, it } from '@jest/globals';
import { isNotArticle, parse } from '../../src/parse/index.js';

const URL_ = 'https://x.gov.vn/tin-tuc/trang-123.html';
const P =
  'Ngày 3/6, đoàn giám sát của Thường trực HĐND huyện đã làm việc với Ủy ban nhân dân xã về việc quản lý, sử dụng đất đai trên địa bàn giai đoạn 2022 - 2024, chỉ ra nhiều tồn tại cần khắc phục.';
const sidebar = (n: number): string =>
  `<div class="col-4"><h3>Tin mới</h3><ul>${Array.from({ length: n }, (_, i) => `<li><a href="/tin-${i}.html">Hội nghị triển khai nhiệm vụ trọng tâm số ${i} của các cơ quan, đơn vị</a></li>`).join('')}</ul></div>`;

function kind(html: string): string {
  const r = parse(html, URL_);
  return isNotArticle(r) ? `${r.notArticle}` : 'article';
}

describe('listing pages', () => {
  it('calls a list of headlines a listing, with or without summaries', () => {
    const items = Array.from(
      { length: 12 },
      (_, i) =>
        `<div class="item"><h3><a href="/a-${i}.html">Đoàn công tác của Tỉnh ủy kiểm tra tại huyện số ${i}</a></h3></div>`,
    ).join('');
    expect(kind(`<h1>Tin hoạt động</h1><div class="list">${items}</div>`)).toBe('listing');
    const withSapo = Array.from(
      { length: 8 },
      (_, i) =>
        `<div class="item"><h3><a href="/a-${i}.html">Đoàn công tác của Tỉnh ủy kiểm tra tại huyện số ${i}</a></h3><p>Đoàn đã nghe báo cáo kết quả thực hiện nhiệm vụ chính trị của địa phương.</p></div>`,
    ).join('');
    expect(kind(`<h1>Tin hoạt động</h1><div class="list">${withSapo}</div>`)).toBe('listing');
  });

  it('explains the decision in the detail', () => {
    const items = Array.from(
      { length: 12 },
      (_, i) => `<li><a href="/a-${i}.html">Đoàn công tác của Tỉnh ủy kiểm tra tại huyện số ${i}</a></li>`,
    ).join('');
    const r = parse(`<ul>${items}</ul>`, URL_);
    expect(isNotArticle(r) && r.detail).toMatch(/12 headline links/);
  });

  it('does not call an article beside a long list of links a listing', () => {
    expect(
      kind(
        `<div class="row"><div class="col-8"><h1>Giám sát việc quản lý đất đai</h1><p>${P}</p><p>${P}</p><p>${P}</p></div>${sidebar(25)}</div>`,
      ),
    ).toBe('article');
  });

  it('does not call a short notice an empty page or a listing', () => {
    const notice =
      '<h1>Thông báo lịch tiếp công dân tháng 7</h1><p>Chủ tịch UBND huyện tiếp công dân định kỳ vào ngày 15/7/2024 tại trụ sở Ban Tiếp công dân huyện.</p>';
    expect(kind(`<html><body>${notice}</body></html>`)).toBe('article');
  });
});

describe('soft 404s', () => {
  it.each([
    ['<title>Không tìm thấy trang</title>', '<h1>Rất tiếc!</h1><p>Bạn hãy thử tìm kiếm.</p>'],
    ['<title>Thông báo lỗi</title>', '<p class="loi">Trang bạn tìm không tồn tại hoặc đã bị gỡ bỏ.</p>'],
    ['<title>404 - Cổng thông tin</title>', '<h1>Lỗi 404</h1><p>Đường dẫn không đúng.</p>'],
    ['<title>Tin tức</title>', '<h1>Bài viết không tồn tại</h1>'],
    ['<title>Page not found</title>', '<h1>Oops</h1>'],
  ])('%s → soft-404, even with the site chrome around it', (head, body) => {
    expect(
      kind(
        `<html><head>${head}</head><body><div class="menu"><a href="/">Trang chủ</a></div>${body}${sidebar(8)}</body></html>`,
      ),
    ).toBe('soft-404');
  });

  it('does not take an article that mentions 404 or "không tồn tại" for a soft 404', () => {
    const body = `<h1>Xử lý dứt điểm 404 hồ sơ tồn đọng về đất đai</h1><p>${P}</p><p>Những trường hợp không tồn tại trong sổ địa chính sẽ được rà soát, bổ sung theo quy định.</p><p>${P}</p>`;
    expect(kind(`<html><head><title>Xử lý dứt điểm 404 hồ sơ tồn đọng</title></head><body>${body}</body></html>`)).toBe(
      'article',
    );
  });
});
