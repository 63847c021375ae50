import { describe, expect, it } from '@jest/globals';
import {
  extractListingLinks,
  findFeedLinks,
  looksLikeArticleUrl,
  NonRetryableError,
  pageNumberOf,
  parseFeed,
  parseSitemap,
} from '../../src/fetch/index.js';

describe('parseSitemap', () => {
  it('reads a urlset with lastmod, news dates and namespaces', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url><loc> https://baoquangninh.vn/hoi-nghi-3312345.html </loc><lastmod>2025-05-12T08:30:00+07:00</lastmod></url>
  <url><loc>https://baoquangninh.vn/tin-2-3312346.html</loc><news:news><news:publication_date>2025-05-13</news:publication_date></news:news></url>
  <url><loc>/relative-3312347.html</loc></url>
  <url><loc>javascript:alert(1)</loc></url>
</urlset>`;
    const doc = parseSitemap(xml, 'https://baoquangninh.vn/sitemap.xml');
    expect(doc).toEqual({
      kind: 'urlset',
      entries: [
        { url: 'https://baoquangninh.vn/hoi-nghi-3312345.html', lastmod: new Date('2025-05-12T01:30:00Z') },
        { url: 'https://baoquangninh.vn/tin-2-3312346.html', lastmod: new Date('2025-05-13') },
        { url: 'https://baoquangninh.vn/relative-3312347.html', lastmod: null },
      ],
    });
  });

  it('reads a sitemap index and a plain-text sitemap', () => {
    const index = parseSitemap(
      '<sitemapindex><sitemap><loc>https://x.vn/s1.xml.gz</loc><lastmod>2025-01-01</lastmod></sitemap></sitemapindex>',
      'https://x.vn/sitemap.xml',
    );
    expect(index).toEqual({
      kind: 'index',
      sitemaps: [{ url: 'https://x.vn/s1.xml.gz', lastmod: new Date('2025-01-01') }],
    });
    expect(parseSitemap('https://x.vn/a-12345.html\nhttps://x.vn/b-12346.html\n', 'https://x.vn/s.txt')).toMatchObject({
      kind: 'urlset',
      entries: [{ url: 'https://x.vn/a-12345.html' }, { url: 'https://x.vn/b-12346.html' }],
    });
  });

  it('ignores DOCTYPE entity declarations (no XML bombs)', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><urlset><url><loc>https://x.vn/a-12345.html</loc></url></urlset>`;
    expect(parseSitemap(bomb, 'https://x.vn/s.xml')).toMatchObject({
      kind: 'urlset',
      entries: [{ url: 'https://x.vn/a-12345.html' }],
    });
  });

  it('rejects an HTML page served as a sitemap, naming the sitemap', () => {
    expect(() => parseSitemap('<html><body>Không tìm thấy</body></html>', 'https://x.vn/sitemap.xml')).toThrow(
      NonRetryableError,
    );
    expect(() => parseSitemap('<html><body>x</body></html>', 'https://x.vn/sitemap.xml')).toThrow(
      'https://x.vn/sitemap.xml',
    );
  });
});

describe('parseFeed', () => {
  it('reads RSS 2.0 (link or permalink guid, pubDate)', () => {
    const rss = `<rss version="2.0"><channel><title>Báo</title><link>https://x.vn/</link>
      <item><title>Hội nghị &amp; tổng kết</title><link>https://x.vn/a-12345.html</link><pubDate>Mon, 12 May 2025 08:00:00 +0700</pubDate></item>
      <item><title>B</title><guid isPermaLink="true">https://x.vn/b-12346.html</guid></item>
      <item><title>C</title><guid isPermaLink="false">c-1</guid></item>
    </channel></rss>`;
    expect(parseFeed(rss, 'https://x.vn/rss')).toEqual({
      kind: 'rss',
      items: [
        { url: 'https://x.vn/a-12345.html', published: new Date('2025-05-12T01:00:00Z'), title: 'Hội nghị & tổng kết' },
        { url: 'https://x.vn/b-12346.html', published: null, title: 'B' },
      ],
    });
  });

  it('reads Atom (alternate link, xml:base, published/updated) and RSS 1.0', () => {
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://x.vn/tin/"><entry><title>A</title>
      <link rel="self" href="https://x.vn/api/1"/><link rel="alternate" href="a-12345.html"/><updated>2025-05-12T00:00:00Z</updated></entry></feed>`;
    expect(parseFeed(atom, 'https://x.vn/atom.xml').items).toEqual([
      { url: 'https://x.vn/tin/a-12345.html', published: new Date('2025-05-12T00:00:00Z'), title: 'A' },
    ]);
    const rdf = `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <item><title>R</title><link>https://x.vn/r-12345.html</link><dc:date>2025-05-12</dc:date></item></rdf:RDF>`;
    expect(parseFeed(rdf, 'https://x.vn/rdf')).toMatchObject({
      kind: 'rdf',
      items: [{ url: 'https://x.vn/r-12345.html' }],
    });
  });

  it('finds feeds announced with <link rel="alternate">', () => {
    const html = `<head><link rel="alternate" type="application/rss+xml" href="/rss/thoi-su.rss">
      <link rel="alternate" type="application/atom+xml" href="https://x.vn/atom.xml"><link rel="alternate" hreflang="en" href="/en/">
      <link rel="stylesheet" type="text/css" href="/a.css"></head>`;
    expect(findFeedLinks(html, 'https://x.vn/')).toEqual(['https://x.vn/rss/thoi-su.rss', 'https://x.vn/atom.xml']);
  });

  it('rejects a document that is no feed', () => {
    expect(() => parseFeed('<html/>', 'https://x.vn/rss')).toThrow(NonRetryableError);
  });
});

describe('article URL heuristics', () => {
  it.each([
    'https://baoquangninh.vn/hoi-nghi-tong-ket-cong-tac-dang-3312345.html',
    'https://baolongan.vn/doan-kiem-tra-lam-viec-a190123.html',
    'https://baothanhhoa.vn/tin-ngan-228901.htm',
    'https://baohatinh.vn/ky-hop-thu-10-post281234.html',
    'https://baothaibinh.com.vn/tin-tuc/1/190123/hoi-nghi',
    'https://www.quangninh.gov.vn/Trang/ChiTietTinTuc.aspx?newsid=123456',
    'https://backan.gov.vn/Pages/chi-tiet.aspx?ItemID=4567',
    'https://x.vn/2025/05/12/hoi-nghi/',
    'https://x.vn/thoi-su/doan-cong-tac-cua-tinh-uy-lam-viec-voi-huyen-dam-ha',
  ])('%s looks like an article', (url) => {
    expect(looksLikeArticleUrl(url)).toBe(true);
  });

  it.each([
    'https://baoquangninh.vn/chinh-tri',
    'https://x.vn/chuyen-muc/thoi-su/',
    'https://x.vn/chuyen-muc/thoi-su/trang-2.html',
    'https://x.vn/thoi-su/page/3',
    'https://x.vn/thoi-su?page=12',
    'https://x.vn/tag/hoi-nghi-tong-ket-cong-tac-dang-nam-2025',
    'https://x.vn/uploads/2025/05/anh-hoi-nghi-3312345.jpg',
    'https://x.vn/gioi-thieu.html',
    'https://x.vn/',
    'mailto:toasoan@x.vn',
  ])('%s does not', (url) => {
    expect(looksLikeArticleUrl(url)).toBe(false);
  });

  it('reads page numbers from listing URLs', () => {
    expect(pageNumberOf(new URL('https://x.vn/chuyen-muc/a/trang-3.html'))).toBe(3);
    expect(pageNumberOf(new URL('https://x.vn/a/page/4/'))).toBe(4);
    expect(pageNumberOf(new URL('https://x.vn/a?page=5'))).toBe(5);
    expect(pageNumberOf(new URL('https://x.vn/a'))).toBeNull();
  });
});

describe('extractListingLinks', () => {
  const html = `<html><head><link rel="next" href="/chuyen-muc/thoi-su/trang-3.html"></head><body>
    <nav><a href="/">Trang chủ</a><a href="/chuyen-muc/kinh-te/">Kinh tế</a><a href="/gioi-thieu.html">Giới thiệu</a></nav>
    <ul class="list"><li><a href="/thoi-su/doan-kiem-tra-12345.html">A</a></li><li><a href="/thoi-su/doan-kiem-tra-12346.html?utm_source=x">B</a></li></ul>
    <aside><a href="https://other-portal.vn/tin-99999.html">other site</a><a href="javascript:void(0)">x</a></aside>
    <div class="paging"><a href="/chuyen-muc/thoi-su/">1</a><b>2</b><a href="/chuyen-muc/thoi-su/trang-3.html">3</a><a href="/chuyen-muc/thoi-su/trang-3.html">Trang sau</a></div>
  </body></html>`;
  const page = 'https://x.vn/chuyen-muc/thoi-su/trang-2.html';

  it('finds same-site article links and the next page generically', () => {
    expect(extractListingLinks(html, page)).toEqual({
      articles: [
        'https://x.vn/thoi-su/doan-kiem-tra-12345.html',
        'https://x.vn/thoi-su/doan-kiem-tra-12346.html?utm_source=x',
      ],
      nextPages: ['https://x.vn/chuyen-muc/thoi-su/trang-3.html'],
      selectorMisses: [],
    });
  });

  it('follows the page number when there is no "next" link', () => {
    const numbered =
      '<div><a href="?page=1">1</a> <span>2</span> <a href="?page=3">3</a> <a href="?page=4">4</a></div>';
    expect(extractListingLinks(numbered, 'https://x.vn/tin?page=2').nextPages).toEqual(['https://x.vn/tin?page=3']);
  });

  it('uses per-site selectors, and reports one that matches nothing', () => {
    const viaSelectors = extractListingLinks(html, page, {
      articleLinks: 'ul.list li',
      nextPage: '.paging a:last-child',
    });
    expect(viaSelectors.articles).toHaveLength(2);
    expect(viaSelectors.nextPages).toEqual(['https://x.vn/chuyen-muc/thoi-su/trang-3.html']);
    const broken = extractListingLinks(html, page, { articleLinks: '.story-title a', nextPage: '.pager .next' });
    expect(broken.selectorMisses).toEqual(['articleLinks .story-title a', 'nextPage .pager .next']);
    expect(broken.articles).toHaveLength(2); // generic rules took over
  });
});
