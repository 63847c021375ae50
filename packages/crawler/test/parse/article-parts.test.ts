/** Title, lead, byline, captions, breadcrumb, canonical URL and site, each from the forms provincial sites use. */
import { describe, expect, it } from '@jest/globals';
import type { Article } from '@vnevents/schema';
import { parseByline } from '../../src/parse/byline.js';
import { isNotArticle, type ParseOptions, parse } from '../../src/parse/index.js';
import { stripSiteName } from '../../src/parse/title.js';

const URL_ = 'https://www.tinhuy.example.gov.vn/tin-tuc/kiem-tra-123.html';
const P1 =
  'Sáng 8/7, đoàn kiểm tra của Ban Thường vụ Tỉnh ủy đã làm việc với Đảng ủy xã về việc lãnh đạo thực hiện Quy chế dân chủ ở cơ sở giai đoạn 2021 - 2024.';
const P2 =
  'Theo báo cáo, cấp ủy đã ban hành 6 văn bản lãnh đạo, chỉ đạo; duy trì tiếp công dân định kỳ và tổ chức 4 hội nghị đối thoại giữa người đứng đầu với nhân dân.';
const P3 =
  'Kết luận buổi làm việc, trưởng đoàn đề nghị Đảng ủy xã đa dạng hóa hình thức công khai, giải quyết dứt điểm những kiến nghị chính đáng của nhân dân.';

function art(body: string, head = '', opts?: ParseOptions, url = URL_): Article {
  const r = parse(`<html><head>${head}</head><body>${body}</body></html>`, url, opts);
  if (isNotArticle(r)) throw new Error(`${r.notArticle}: ${r.detail}`);
  return r;
}

describe('bylines', () => {
  it.each([
    ['Tin, ảnh: Quang Long', 'Quang Long'],
    ['Bài và ảnh: Minh Hà - Ngọc Lan', 'Minh Hà - Ngọc Lan'],
    ['Tin: Đức Anh - Ảnh: Minh Hằng', 'Đức Anh'],
    ['Thanh Phú', 'Thanh Phú'],
    ['La Hương Thiệp, Ban Dân vận Tỉnh ủy', 'La Hương Thiệp, Ban Dân vận Tỉnh ủy'],
    ['Phương Linh (Trung tâm Văn hóa - Thể thao huyện)', 'Phương Linh (Trung tâm Văn hóa - Thể thao huyện)'],
    ['Tác giả: Ngọc Mai', 'Ngọc Mai'],
    ['PV', 'PV'],
  ])('%j → %j', (line, author) => {
    expect(parseByline(line)).toEqual({ author, attribution: false });
  });

  it('marks "Theo …" and "Nguồn: …" as attribution', () => {
    expect(parseByline('(Theo Báo Lai Châu)')).toEqual({ author: 'Theo Báo Lai Châu', attribution: true });
    expect(parseByline('Nguồn: Báo Hà Giang')).toEqual({ author: 'Nguồn: Báo Hà Giang', attribution: true });
  });

  it.each([
    'Hội nghị kết thúc tốt đẹp.',
    'Đồng chí Trưởng ban phát biểu, chỉ đạo hội nghị.',
    'Hà Nội, ngày 21 tháng 10',
    P1,
  ])('does not read %j as a byline', (line) => {
    expect(parseByline(line)).toBeNull();
  });

  it('takes the last short paragraph out of the body as the author', () => {
    const a = art(
      `<h1>Kiểm tra thực hiện dân chủ ở cơ sở</h1><p>${P1}</p><p>${P2}</p><p style="text-align:right"><strong>Thanh Phú</strong></p>`,
    );
    expect([a.author, a.paragraphs]).toEqual(['Thanh Phú', [P1, P2]]);
  });

  it('prefers a writer to an attribution, and keeps both out of the body', () => {
    const a = art(
      `<h1>Kiểm tra thực hiện dân chủ ở cơ sở</h1><p>${P1}</p><p>${P2}</p><p>Vương Hà</p><p><em>(Nguồn: Báo Hà Giang)</em></p>`,
    );
    expect([a.author, a.paragraphs]).toEqual(['Vương Hà', [P1, P2]]);
  });

  it('reads a byline on the last line of the last paragraph', () => {
    const a = art(`<h1>Kiểm tra thực hiện dân chủ ở cơ sở</h1><p>${P1}</p><p>${P2}<br>Tin, ảnh: Quang Long</p>`);
    expect([a.author, a.paragraphs]).toEqual(['Quang Long', [P1, P2]]);
  });

  it('prefers meta author and author elements, but not a publisher name', () => {
    expect(
      art(
        `<h1>Kiểm tra thực hiện dân chủ ở cơ sở</h1><p>${P1}</p><p>${P2}</p><p>Thanh Phú</p>`,
        '<meta name="author" content="Nguyễn Văn An">',
      ).author,
    ).toBe('Nguyễn Văn An');
    expect(
      art(
        `<h1>Kiểm tra thực hiện dân chủ ở cơ sở</h1><div class="tac-gia">Tác giả: Ngọc Mai</div><p>${P1}</p><p>${P2}</p>`,
        '<meta name="author" content="Báo Điện Biên Phủ">',
      ).author,
    ).toBe('Ngọc Mai');
    expect(
      art(
        `<h1>Kiểm tra thực hiện dân chủ ở cơ sở</h1><div class="info">03/10/2024 | Tác giả: Quang Long | Lượt xem: 120</div><p>${P1}</p><p>${P2}</p>`,
      ).author,
    ).toBe('Quang Long');
  });
});

describe('captions', () => {
  const h1 = '<h1>Kiểm tra thực hiện dân chủ ở cơ sở</h1>';
  const img = '<img src="/a.jpg" width="640" height="427">';
  it.each([
    ['figcaption', `<figure>${img}<figcaption>Quang cảnh buổi làm việc tại xã.</figcaption></figure>`],
    [
      'table.image',
      `<table class="image"><tr><td>${img}</td></tr><tr><td class="image_desc">Quang cảnh buổi làm việc tại xã.</td></tr></table>`,
    ],
    [
      'em in the image paragraph',
      `<p style="text-align:center">${img}<br><em>Quang cảnh buổi làm việc tại xã.</em></p>`,
    ],
    [
      'a centred paragraph under the image',
      `<p>${img}</p><p style="text-align:center">Quang cảnh buổi làm việc tại xã.</p>`,
    ],
    ['a short paragraph under the image', `<p>${img}</p><p>Quang cảnh buổi làm việc tại xã.</p>`],
    [
      '.image-caption',
      `<div class="image">${img}<div class="image-caption">Quang cảnh buổi làm việc tại xã.</div></div>`,
    ],
  ])('keeps a caption given as %s apart from the body', (_name, figure) => {
    const a = art(`${h1}<div class="content"><p>${P1}</p>${figure}<p>${P2}</p><p>${P3}</p></div>`);
    expect([a.captions, a.paragraphs]).toEqual([['Quang cảnh buổi làm việc tại xã.'], [P1, P2, P3]]);
  });

  it('does not take a long paragraph under an image, a logo line or an icon label for a caption', () => {
    const a = art(
      `<div class="logo"><img src="/logo.png" width="80" height="80"> CỔNG THÔNG TIN ĐIỆN TỬ TỈNH</div>${h1}<div class="content"><p>${P1}</p><p><img src="/a.jpg" width="640"></p><p>${P2}</p><p><img src="/icon.gif" width="16" height="16"> Tải văn bản</p><p>${P3}</p></div>`,
    );
    expect(a.captions).toEqual([]);
    expect(a.paragraphs).toEqual([P1, P2, 'Tải văn bản', P3]);
  });
});

describe('title and lead', () => {
  it('strips the site name from <title> and og:title', () => {
    expect(stripSiteName('Đoàn kiểm tra làm việc tại xã - Cổng thông tin điện tử tỉnh Lai Châu', null, null)).toBe(
      'Đoàn kiểm tra làm việc tại xã',
    );
    expect(stripSiteName('Báo Lào Cai | Giám sát nước sạch tại Bát Xát', null, null)).toBe(
      'Giám sát nước sạch tại Bát Xát',
    );
    expect(stripSiteName('Hội nghị - Bước tiến mới trong dân vận | Huyện ủy Hải Hậu', 'Huyện ủy Hải Hậu', null)).toBe(
      'Hội nghị - Bước tiến mới trong dân vận',
    );
  });

  it('takes the heading that agrees with og:title over other headings', () => {
    const a = art(
      `<div class="box"><h1>Tin tức</h1></div><h2 class="news-title">Kiểm tra dân chủ ở cơ sở tại xã Nậm Cuổi</h2><p>${P1}</p><p>${P2}</p>`,
      '<meta property="og:title" content="Kiểm tra dân chủ ở cơ sở tại xã Nậm Cuổi | Tỉnh ủy">',
    );
    expect(a.title).toBe('Kiểm tra dân chủ ở cơ sở tại xã Nậm Cuổi');
  });

  it('ignores a generic <title> such as "In bài viết"', () => {
    expect(
      art(
        `<h2 class="title">Kiểm tra dân chủ ở cơ sở tại xã Nậm Cuổi</h2><p>${P1}</p><p>${P2}</p>`,
        '<title>In bài viết</title>',
      ).title,
    ).toBe('Kiểm tra dân chủ ở cơ sở tại xã Nậm Cuổi');
  });

  it.each([
    ['.sapo', `<div class="sapo">${P1}</div><div class="content"><p>${P2}</p><p>${P3}</p></div>`],
    ['h2.summary', `<h2 class="summary">${P1}</h2><div class="content"><p>${P2}</p><p>${P3}</p></div>`],
    ['a bold first paragraph', `<div class="content"><p><strong>${P1}</strong></p><p>${P2}</p><p>${P3}</p></div>`],
  ])('reads the lead from %s and keeps it out of the paragraphs', (_name, html) => {
    const a = art(`<h1>Kiểm tra dân chủ ở cơ sở</h1>${html}`);
    expect([a.lead, a.paragraphs]).toEqual([P1, [P2, P3]]);
  });

  it('has no lead when the page marks none', () => {
    expect(art(`<h1>Kiểm tra dân chủ ở cơ sở</h1><p>${P1}</p><p>${P2}</p>`).lead).toBeNull();
  });
});

describe('breadcrumb, canonical URL and site', () => {
  const body = `<h1>Kiểm tra dân chủ ở cơ sở</h1><p>${P1}</p><p>${P2}</p>`;
  it('reads a breadcrumb element without the home item or the title', () => {
    expect(
      art(
        `<ul class="breadcrumb"><li><a href="/">Trang chủ</a></li><li><a href="/tt">Tin tức</a></li><li>Chính trị</li><li>Kiểm tra dân chủ ở cơ sở</li></ul>${body}`,
      ).breadcrumb,
    ).toEqual(['Tin tức', 'Chính trị']);
    expect(
      art(`<div class="duongdan">Trang chủ &gt; Tin tức - Sự kiện » Xây dựng Đảng</div>${body}`).breadcrumb,
    ).toEqual(['Tin tức - Sự kiện', 'Xây dựng Đảng']);
  });

  it('falls back to JSON-LD BreadcrumbList, then article:section', () => {
    const ld =
      '<script type="application/ld+json">{"@type":"BreadcrumbList","itemListElement":[{"position":2,"name":"Dân vận"},{"position":1,"name":"Trang chủ"}]}</script>';
    expect(art(body, ld).breadcrumb).toEqual(['Dân vận']);
    expect(art(body, '<meta property="article:section" content="Xây dựng Đảng">').breadcrumb).toEqual([
      'Xây dựng Đảng',
    ]);
  });

  it('resolves the canonical URL, falls back to og:url, and ignores one that points at the home page', () => {
    expect(art(body, '<link rel="canonical" href="/tin-tuc/kiem-tra.html">').canonicalUrl).toBe(
      'https://www.tinhuy.example.gov.vn/tin-tuc/kiem-tra.html',
    );
    expect(art(body, '<meta property="og:url" content="https://tinhuy.example.gov.vn/a">').canonicalUrl).toBe(
      'https://tinhuy.example.gov.vn/a',
    );
    expect(art(body, '<link rel="canonical" href="https://www.tinhuy.example.gov.vn/">').canonicalUrl).toBe(URL_);
  });

  it('drops the print switch from a print view without a canonical link', () => {
    expect(art(body, '', undefined, 'https://x.gov.vn/tin/a-123.html?id=5&print=1').canonicalUrl).toBe(
      'https://x.gov.vn/tin/a-123.html?id=5',
    );
  });

  it('records the host without www., or the site the caller names, or none', () => {
    expect(art(body).site).toBe('tinhuy.example.gov.vn');
    expect(art(body, '', { site: 'tinhuy-lai-chau' }).site).toBe('tinhuy-lai-chau');
    expect(art(body, '', { site: null }).site).toBeNull();
  });
});
