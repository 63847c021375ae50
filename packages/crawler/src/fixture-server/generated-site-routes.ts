import { gzipSync } from 'node:zlib';
import {
  articleHtml,
  escapeHtml,
  type GeneratedArticle,
  generateArticle,
  pageHtml,
  publishedAt,
} from './generated-content.js';
import { intParam, type Route, type RouteContext, send } from './route-context.js';

const DAY = 86_400_000;
/** Listing categories of the generated site and the id of their first article. */
export const LISTING_CATEGORIES: Readonly<Record<string, number>> = { 'thoi-su': 100, 'kinh-te': 300 };
export const LISTING_PAGES = 4;
export const LISTING_PAGE_SIZE = 5;

export function defaultRobotsTxt(origin: string): string {
  return `User-agent: *\nDisallow: /private/\n\nSitemap: ${origin}/sitemap-index.xml\n`;
}

const robots: Route = (ctx) => {
  if (ctx.url.pathname !== '/robots.txt') return false;
  const spec = ctx.state.robots.get(ctx.host) ?? ctx.state.robots.get('*');
  if (spec === undefined) return send(ctx, 200, defaultRobotsTxt(ctx.origin), { 'content-type': 'text/plain' });
  if (typeof spec === 'string') return send(ctx, 200, spec, { 'content-type': 'text/plain' });
  return send(ctx, spec.status, spec.body ?? '', { 'content-type': 'text/plain' });
};

function articleLink(a: GeneratedArticle, tracking: boolean): string {
  return `<li><h3><a href="${a.path}${tracking ? '?utm_source=listing&amp;utm_medium=web' : ''}">${escapeHtml(a.title)}</a></h3><p class="sapo">${escapeHtml(a.paragraphs[0]!.slice(0, 120))}…</p></li>`;
}

const home: Route = (ctx) => {
  if (ctx.url.pathname !== '/') return false;
  const latest = [900, 901, 902, 903, 904].map((id) => generateArticle(id));
  const head = `<link rel="alternate" type="application/rss+xml" title="Tin mới" href="/rss.xml"><link rel="alternate" type="application/atom+xml" href="${ctx.origin}/atom.xml">`;
  const body = `<section class="latest"><h2>Tin mới</h2><ul class="list-news">${latest.map((a) => articleLink(a, false)).join('')}</ul></section>`;
  return send(ctx, 200, pageHtml('Trang chủ', body, { siteName: ctx.state.siteName, head }));
};

const listing: Route = (ctx) => {
  const m = /^\/chuyen-muc\/([a-z-]+)\/(?:trang-(\d+)\.html)?$/.exec(ctx.url.pathname);
  const base = m ? LISTING_CATEGORIES[m[1]!] : undefined;
  if (!m || base === undefined) return false;
  const page = m[2] ? Number(m[2]) : 1;
  if (page < 1 || page > LISTING_PAGES) return send(ctx, 404, 'Không tìm thấy trang');
  const pageUrl = (n: number) => (n === 1 ? `/chuyen-muc/${m[1]}/` : `/chuyen-muc/${m[1]}/trang-${n}.html`);
  const articles = Array.from({ length: LISTING_PAGE_SIZE }, (_, i) =>
    generateArticle(base + (page - 1) * LISTING_PAGE_SIZE + i + 1, m[1]),
  );
  const numbers = Array.from({ length: LISTING_PAGES }, (_, i) =>
    i + 1 === page ? `<span class="current">${page}</span>` : `<a href="${pageUrl(i + 1)}">${i + 1}</a>`,
  ).join(' ');
  const next = page < LISTING_PAGES ? `<a class="next" href="${pageUrl(page + 1)}">Trang sau ›</a>` : '';
  const head = page < LISTING_PAGES ? `<link rel="next" href="${pageUrl(page + 1)}">` : '';
  const body = `<h1>Chuyên mục ${escapeHtml(m[1]!)} - trang ${page}</h1><ul class="list-news">${articles.map((a, i) => articleLink(a, i % 2 === 1)).join('')}</ul><div class="pager">${numbers} ${next}</div>`;
  return send(ctx, 200, pageHtml(`Chuyên mục ${m[1]} - trang ${page}`, body, { siteName: ctx.state.siteName, head }));
};

/** Links of the mixed listing: good articles, duplicates of them, and URLs that fail in different ways. */
export const MIXED_LISTING_LINKS: readonly string[] = [
  generateArticle(200).path,
  generateArticle(201).path,
  generateArticle(202).path,
  `${generateArticle(200).path}?print=1`, // same text, no rel=canonical: a content-hash duplicate
  '/thoi-su/ban-khac-201.html?utm_source=zalo', // another slug whose rel=canonical is article 201: a URL duplicate
  '/dang-lai/ban-dang-lai-202.html', // republished with other chrome and a lead: a near-duplicate
  '/fault/status?code=404',
  '/fault/status?code=410',
  '/fault/wrong-type',
  '/fault/redirect-loop-a',
  '/fault/gzip-bomb?mb=16',
  '/fault/flaky?key=mixed&failures=1&mode=503', // succeeds on retry
  '/private/thoi-su/bi-chan-203.html', // disallowed by the default robots.txt
];

/**
 * /chuyen-muc/hon-hop/: a listing of {@link MIXED_LISTING_LINKS}. /dang-lai/: a listing of articles 101…105
 * republished (/dang-lai/…), the same stories another portal would carry.
 */
const specialListings: Route = (ctx) => {
  let links: { href: string; title: string }[];
  if (ctx.url.pathname === '/chuyen-muc/hon-hop/')
    links = MIXED_LISTING_LINKS.map((href, i) => ({ href, title: `Tin ${i + 1}` }));
  else if (ctx.url.pathname === '/dang-lai/')
    links = [101, 102, 103, 104, 105].map((id) => {
      const a = generateArticle(id);
      return { href: `/dang-lai/${a.slug}-${id}.html`, title: a.title };
    });
  else return false;
  const items = links
    .map((l) => `<li><h3><a href="${escapeHtml(l.href)}">${escapeHtml(l.title)}</a></h3></li>`)
    .join('');
  return send(ctx, 200, pageHtml('Danh sách', `<ul class="list-news">${items}</ul>`, { siteName: ctx.state.siteName }));
};

/** Article pages: /<category>/<slug>-<id>.html; `?print=1` drops rel=canonical; /dang-lai/… is a republication. */
const article: Route = (ctx) => {
  const m = /^\/(?:private\/)?([a-z-]+)\/[a-z0-9-]*?-?(\d+)\.html$/.exec(ctx.url.pathname);
  if (!m) return false;
  const id = Number(m[2]);
  const republished = m[1] === 'dang-lai';
  const a = generateArticle(id, republished ? 'thoi-su' : m[1]);
  const etag = `"a${id}${republished ? 'r' : ''}"`;
  const lastModified = publishedAt(id).toUTCString();
  const inm = ctx.req.headers['if-none-match'];
  const ims = ctx.req.headers['if-modified-since'];
  if (
    (inm !== undefined && inm === etag) ||
    (inm === undefined && ims !== undefined && Date.parse(ims) >= Date.parse(lastModified))
  )
    return send(ctx, 304, '', { etag, 'last-modified': lastModified });
  const html = republished
    ? articleHtml(a, {
        siteName: 'Cổng thông tin điện tử huyện',
        canonical: `${ctx.origin}${ctx.url.pathname}`,
        lead: 'Theo Báo tỉnh, đây là bản tin được đăng lại nguyên văn để cán bộ, nhân dân trong huyện được biết.',
      })
    : articleHtml(a, {
        siteName: ctx.state.siteName,
        canonical: ctx.url.searchParams.get('print') === '1' ? null : `${ctx.origin}${a.path}`,
      });
  return send(ctx, 200, html, { etag, 'last-modified': lastModified });
};

function urlset(origin: string, entries: { path: string; lastmod: Date | null }[]): string {
  const urls = entries
    .map(
      (e) =>
        `<url><loc>${escapeHtml(origin + e.path)}</loc>${e.lastmod ? `<lastmod>${e.lastmod.toISOString()}</lastmod>` : ''}<changefreq>daily</changefreq></url>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`;
}

/** Sitemap entries of a generated range: article `first + i` was last modified `startDaysAgo + i * stepDays` days ago. */
function rangeEntries(now: number, first: number, count: number, startDaysAgo: number, stepDays: number) {
  return Array.from({ length: count }, (_, i) => ({
    path: generateArticle(first + i).path,
    lastmod: new Date(now - (startDaysAgo + i * stepDays) * DAY),
  }));
}

/**
 * /sitemap.xml: articles 1..20, article n modified (n-1)×30 days ago. /sitemap-index.xml: recent.xml (400…),
 * mid.xml.gz (500…, gzip file) and archive.xml.gz (600…, 800+ days old, index lastmod old too).
 */
const sitemaps: Route = (ctx) => {
  const now = Date.now();
  const p = ctx.url.pathname;
  const xml = { 'content-type': 'application/xml; charset=utf-8' };
  if (p === '/sitemap.xml')
    return send(ctx, 200, urlset(ctx.origin, rangeEntries(now, 1, intParam(ctx.url, 'count', 20), 0, 30)), xml);
  if (p === '/sitemap-index.xml') {
    const entry = (path: string, daysAgo: number) =>
      `<sitemap><loc>${ctx.origin}${path}</loc><lastmod>${new Date(now - daysAgo * DAY).toISOString()}</lastmod></sitemap>`;
    const body = `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entry('/sitemaps/recent.xml', 0)}\n${entry('/sitemaps/mid.xml.gz', 10)}\n${entry('/sitemaps/archive.xml.gz', 800)}\n</sitemapindex>\n`;
    return send(ctx, 200, body, xml);
  }
  const ranges: Record<string, [number, number, number]> = {
    recent: [400, 0, 1],
    mid: [500, 10, 1],
    archive: [600, 800, 1],
  };
  const m = /^\/sitemaps\/(recent|mid|archive)\.xml(\.gz)?$/.exec(p);
  if (!m) return false;
  const [first, start, step] = ranges[m[1]!]!;
  const body = urlset(ctx.origin, rangeEntries(now, first, 10, start, step));
  return m[2] ? send(ctx, 200, gzipSync(body), { 'content-type': 'application/x-gzip' }) : send(ctx, 200, body, xml);
};

/** /rss.xml: articles 700…707 (hours old, links with utm_ parameters) and 708 (500 days old); /atom.xml: 800…805. */
const feeds: Route = (ctx) => {
  const now = Date.now();
  if (ctx.url.pathname === '/rss.xml') {
    const items = [700, 701, 702, 703, 704, 705, 706, 707, 708].map((id, i) => {
      const a = generateArticle(id);
      const date = new Date(id === 708 ? now - 500 * DAY : now - i * 3_600_000);
      return `<item><title>${escapeHtml(a.title)}</title><link>${ctx.origin}${a.path}?utm_source=rss&amp;utm_medium=feed</link><guid isPermaLink="false">bai-${id}</guid><pubDate>${date.toUTCString()}</pubDate><description><![CDATA[${a.paragraphs[0]}]]></description></item>`;
    });
    const body = `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>${escapeHtml(ctx.state.siteName)}</title><link>${ctx.origin}/</link>\n${items.join('\n')}\n</channel></rss>\n`;
    return send(ctx, 200, body, { 'content-type': 'application/rss+xml; charset=utf-8' });
  }
  if (ctx.url.pathname === '/atom.xml') {
    const entries = [800, 801, 802, 803, 804, 805].map((id, i) => {
      const a = generateArticle(id);
      return `<entry><title>${escapeHtml(a.title)}</title><link rel="alternate" type="text/html" href="${a.path}"/><id>tag:fixture,2025:${id}</id><updated>${new Date(now - i * DAY).toISOString()}</updated></entry>`;
    });
    const body = `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:base="${ctx.origin}/"><title>${escapeHtml(ctx.state.siteName)}</title>\n${entries.join('\n')}\n</feed>\n`;
    return send(ctx, 200, body, { 'content-type': 'application/atom+xml; charset=utf-8' });
  }
  return false;
};

export const generatedSiteRoutes: readonly Route[] = [robots, home, specialListings, listing, sitemaps, feeds, article];
export type { RouteContext };
