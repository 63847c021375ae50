/**
 * Hostile input: 5 MB pages, deeply nested DOMs, broken markup, script-heavy pages, non-HTML bodies and
 * broken arguments. Every case must end (no stack overflow, no hang) with a sensible result or a clear error.
 * No timing assertions here: speed is measured in bench/parse.ts.
 */
import { describe, expect, it } from '@jest/globals';
import type { Article } from '@vnevents/schema';
import { isNotArticle, ParseInputError, parse, SiteSelectorError } from '../../src/parse/index.js';
import { capNesting, GUARD_MIN_TAGS, HARD_MAX_NESTING, MAX_NESTING } from '../../src/parse/nesting-guard.js';

const URL_ = 'https://tinhuy.example.gov.vn/tin-tuc/hoi-nghi-giao-ban-123.html';
const TITLE = 'Hội nghị giao ban công tác dân vận quý III năm 2024';
const PARAS = [
  'Sáng 2/10, Ban Dân vận Tỉnh ủy tổ chức hội nghị giao ban công tác dân vận quý III, triển khai nhiệm vụ quý IV năm 2024 với sự tham dự của lãnh đạo các cơ quan trong khối.',
  'Trong quý, các cơ quan đã tuyên truyền, vận động nhân dân thực hiện chủ trương của Đảng, chính sách, pháp luật của Nhà nước; tham gia hiến đất, góp công làm đường giao thông nông thôn.',
  'Kết luận hội nghị, đồng chí Trưởng ban đề nghị các cơ quan nắm chắc tình hình nhân dân, phối hợp giải quyết kịp thời kiến nghị chính đáng của người dân ngay từ cơ sở.',
];
const ARTICLE = `<h1>${TITLE}</h1><div class="date">Ngày đăng: 03/10/2024 08:45</div>${PARAS.map((p) => `<p>${p}</p>`).join('')}`;

function asArticle(r: ReturnType<typeof parse>): Article {
  if (isNotArticle(r)) throw new Error(`expected an article, got ${r.notArticle}: ${r.detail}`);
  return r;
}

describe('size and depth', () => {
  it('parses a 5 MB page: the article among megabytes of menus, sidebars and scripts', () => {
    const sidebar = `<div class="sidebar"><h3>Tin khác</h3><ul>${'<li><a href="/x">Hội nghị triển khai nhiệm vụ công tác năm 2025 của các sở, ngành</a> (01/10/2024)</li>'.repeat(30)}</ul></div>`;
    const script = `<script>var cfg = { items: ["${'<p>không phải nội dung</p>'.repeat(40)}"] };</script>`;
    let html = `<html><head><title>${TITLE}</title></head><body><div class="menu"><a href="/">Trang chủ</a></div><div class="content">${ARTICLE}</div>`;
    while (html.length < 5_000_000) html += sidebar + script;
    html += '</body></html>';
    const a = asArticle(parse(html, URL_));
    expect(a.title).toBe(TITLE);
    expect(a.paragraphs).toEqual(PARAS);
    expect(a.publishedAt).toBe('2024-10-03T08:45:00+07:00');
  });

  it.each([5_000, 100_000])('parses an article inside %i nested divs (no recursion, h1 still the title)', (depth) => {
    const html = `<html><body>${'<div>'.repeat(depth)}${ARTICLE}${'</div>'.repeat(depth)}</body></html>`;
    const a = asArticle(parse(html, URL_));
    expect(a.title).toBe(TITLE);
    expect(a.paragraphs).toEqual(PARAS);
    expect(a.dateSource).toBe('dateline');
  });

  it('parses a deep page through the DOM path too (per-site selectors)', () => {
    const html = `<html><body>${'<div>'.repeat(5_000)}<div class="noidung">${ARTICLE}</div>${'</div>'.repeat(5_000)}</body></html>`;
    const a = asArticle(parse(html, URL_, { selectors: { body: '.noidung' } }));
    expect(a.paragraphs).toEqual(PARAS);
  });

  it('parses 60,000 unclosed inline tags around the article', () => {
    const html = `<html><body><div>${'<b><i><span>'.repeat(20_000)}${ARTICLE}</div></body></html>`;
    const a = asArticle(parse(html, URL_));
    expect(a.title).toBe(TITLE);
    expect(a.paragraphs.join(' ')).toContain(PARAS[2]);
  });

  it('parses a single 1 MB paragraph', () => {
    const long = `${PARAS[0]} `.repeat(6_000);
    const a = asArticle(parse(`<html><body><h1>${TITLE}</h1><p>${long}</p></body></html>`, URL_));
    expect(a.paragraphs).toHaveLength(1);
    expect(a.paragraphs[0]!.length).toBeGreaterThan(1_000_000);
  });
});

describe('the nesting guard', () => {
  it('returns shallow pages as the same string', () => {
    const html = `<div>${'<p>x</p>'.repeat(GUARD_MIN_TAGS)}</div>`;
    expect(capNesting(html)).toBe(html);
  });

  it('removes bare wrappers beyond the limit and keeps all text and meaningful tags', () => {
    const html = `${'<div>'.repeat(3_000)}<h1 class="t">Tiêu đề</h1><p>Nội dung</p>${'</div>'.repeat(3_000)}`;
    const capped = capNesting(html);
    expect(capped.match(/<div>/g)?.length).toBe(MAX_NESTING);
    expect(capped.match(/<\/div>/g)?.length).toBe(MAX_NESTING);
    expect(capped).toContain('<h1 class="t">Tiêu đề</h1><p>Nội dung</p>');
  });

  it('caps even tags with attributes at the hard limit', () => {
    const html = `${'<div class="w">'.repeat(3_000)}chữ${'</div>'.repeat(3_000)}`;
    const capped = capNesting(html);
    expect(capped.match(/<div class="w">/g)?.length).toBe(HARD_MAX_NESTING);
    expect(capped).toContain('chữ');
  });

  it('does not count markup inside scripts', () => {
    const html = `<script>${'<div>'.repeat(5_000)}</script>${'<span>a</span>'.repeat(2_000)}`;
    expect(capNesting(html)).toBe(html);
  });
});

describe('broken markup', () => {
  it.each([
    ['unclosed paragraphs', `<h1>${TITLE}</h1>${PARAS.map((p) => `<p>${p}`).join('')}`],
    ['no html, head or body', `<h1>${TITLE}</h1>${PARAS.map((p) => `<p>${p}</p>`).join('')}`],
    [
      'stray closing tags',
      `</div></span><h1>${TITLE}</h1></td>${PARAS.map((p) => `<p>${p}</p></li>`).join('')}</table>`,
    ],
    [
      'unquoted and broken attributes',
      `<div class=content id=x style=><h1 class=title>${TITLE}</h1>${PARAS.map((p) => `<p align=justify>${p}</p>`).join('')}</div>`,
    ],
    ['a div inside a paragraph', `<h1>${TITLE}</h1><p>${PARAS[0]}<div>${PARAS[1]}</div>${PARAS[2]}</p>`],
    [
      'a page cut off in the middle of a tag',
      `<h1>${TITLE}</h1>${PARAS.map((p) => `<p>${p}</p>`).join('')}<div class="foo`,
    ],
    [
      'upper-case tags and attributes',
      `<H1 CLASS="title">${TITLE}</H1>${PARAS.map((p) => `<P ALIGN="JUSTIFY">${p}</P>`).join('')}`,
    ],
  ])('recovers the article from %s', (_name, html) => {
    const a = asArticle(parse(html, URL_));
    expect(a.title).toBe(TITLE);
    expect(a.paragraphs.join(' ')).toBe(PARAS.join(' '));
  });

  it('decodes double-escaped entities and composes decomposed Vietnamese (NFD → NFC)', () => {
    const nfd = PARAS[0]!.normalize('NFD');
    const html = `<h1>${TITLE}</h1><p>${nfd}</p><p>Một&amp;nbsp;số đoàn thể &amp;amp; tổ chức ở cơ sở đã được kiện toàn, bảo đảm hoạt động thường xuyên và hiệu quả.</p>`;
    const a = asArticle(parse(html, URL_));
    expect(a.paragraphs[0]).toBe(PARAS[0]);
    expect(a.paragraphs[1]).toBe(
      'Một số đoàn thể & tổ chức ở cơ sở đã được kiện toàn, bảo đảm hoạt động thường xuyên và hiệu quả.',
    );
  });
});

describe('script-heavy pages', () => {
  it('keeps script, style, noscript and template text out of the article', () => {
    const noise = [
      '<script>document.write("<p>Quảng cáo chèn bằng script, không phải bài viết</p>");</script>',
      '<script type="text/template"><div class="content"><p>Mẫu giao diện không phải nội dung thật của trang này</p></div></script>',
      '<style>p { color: red } .content::before { content: "Tin khác" }</style>',
      '<noscript><p>Trình duyệt của bạn không hỗ trợ JavaScript nên một số chức năng sẽ không hoạt động.</p></noscript>',
      '<template><p>Khuôn mẫu ẩn không hiển thị trên trang cho người đọc.</p></template>',
    ].join('');
    const html = `<html><head>${noise.repeat(50)}</head><body>${noise.repeat(50)}<div class="content">${ARTICLE}</div>${noise.repeat(50)}</body></html>`;
    const a = asArticle(parse(html, URL_));
    expect(a.paragraphs).toEqual(PARAS);
  });

  it('reads JSON-LD from script tags but no other script', () => {
    const ld = `<script type="application/ld+json">{"@type":"NewsArticle","headline":"${TITLE}","datePublished":"2024-10-03T08:45:12+07:00"}</script>`;
    const a = asArticle(parse(`<html><head>${ld}</head><body><div>${ARTICLE}</div></body></html>`, URL_));
    expect([a.publishedAt, a.dateSource]).toEqual(['2024-10-03T08:45:12+07:00', 'json-ld']);
  });

  it('skips hidden elements', () => {
    const html = `<h1>${TITLE}</h1><p>${PARAS[0]}</p><div style="display:none"><p>Nội dung ẩn của một khối quảng cáo dài, không hiển thị cho người đọc, không được tính.</p></div><p hidden>Đoạn ẩn thứ hai cũng không được tính vào nội dung bài viết dù đủ dài.</p><p>${PARAS[1]}</p>`;
    expect(asArticle(parse(html, URL_)).paragraphs).toEqual([PARAS[0], PARAS[1]]);
  });
});

describe('bodies that are not HTML, and bad arguments', () => {
  it.each([
    ['a PDF', '%PDF-1.7\n1 0 obj << /Type /Catalog >>', 'not-html'],
    ['JSON', '{"error": "not found", "items": []}', 'not-html'],
    ['binary garbage', '\u0000\ufffd'.repeat(200), 'not-html'],
    ['plain text', 'Trang này chỉ có chữ, không có thẻ HTML nào cả.', 'not-html'],
    ['an empty string', '', 'empty'],
    ['white space', ' \n\t ', 'empty'],
    ['images only', '<html><body><img src="a.jpg" width="800" height="600"><img src="b.jpg"></body></html>', 'empty'],
  ])('answers %s with NotArticle', (_name, body, kind) => {
    const r = parse(body, URL_);
    expect(isNotArticle(r) ? r.notArticle : 'article').toBe(kind);
    if (isNotArticle(r)) expect(r.detail.length).toBeGreaterThan(5);
  });

  it('throws ParseInputError for a URL that is not absolute http(s)', () => {
    expect(() => parse(ARTICLE, '/tin-tuc/123')).toThrow(ParseInputError);
    expect(() => parse(ARTICLE, 'ftp://example.gov.vn/a')).toThrow(ParseInputError);
    expect(() => parse(ARTICLE, 'không phải URL')).toThrow(/not an absolute URL/);
  });

  it('throws ParseInputError when html is not a string', () => {
    expect(() => parse(Buffer.from(ARTICLE) as unknown as string, URL_)).toThrow(/decode the body first/);
  });

  it('throws SiteSelectorError naming the field and the selector for invalid CSS', () => {
    expect(() => parse(ARTICLE, URL_, { selectors: { body: 'div[[' } })).toThrow(SiteSelectorError);
    expect(() => parse(ARTICLE, URL_, { selectors: { remove: ['.ok', 'p:::x'] } })).toThrow(/remove = "p:::x"/);
  });
});
