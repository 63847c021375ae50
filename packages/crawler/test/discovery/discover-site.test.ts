import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { SiteEntryInput } from '@vnevents/schema';
import {
  CrawlStatistics,
  type DiscoveredUrl,
  discoverSite,
  type FixtureServer,
  fixtureSite,
  generateArticle,
  LISTING_PAGE_SIZE,
  LISTING_PAGES,
  startFixtureServer,
} from '../../src/fetch/index.js';
import { testFetcher } from '../fetch/support.js';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => server.reset());

async function discover(host: string, overrides: Partial<SiteEntryInput>, extra: { since?: Date } = {}) {
  const base = server.urlFor(host);
  const site = fixtureSite(base, 'fixture-news', { politeness: { delayMs: 0, concurrency: 1 }, ...overrides });
  const fetcher = testFetcher();
  const stats = new CrawlStatistics();
  const found: DiscoveredUrl[] = [];
  for await (const d of discoverSite({ source: fetcher, site, stats, ...extra })) found.push(d);
  await fetcher.close();
  return { found, stats, base, paths: server.stats.requests({ host }).map((r) => r.path) };
}

const ids = (found: DiscoveredUrl[]) =>
  found.map((d) => Number(/-(\d+)\.html$/.exec(new URL(d.url).pathname)?.[1])).sort((a, b) => a - b);

describe('discovery over the fixture server', () => {
  it('reads /sitemap.xml with lastmod: entries older than maxAgeDays are skipped and counted', async () => {
    const host = 'sm2.test';
    server.setRobots(host, `User-agent: *\nDisallow: /private/\nSitemap: ${server.urlFor(host)}/sitemap.xml\n`);
    const { found, stats } = await discover(host, {
      startUrls: [`${server.urlFor(host)}/chuyen-muc/none/`],
      limits: { maxAgeDays: 200, maxPages: 100, maxDepth: 0 },
    });
    // Article n was modified (n-1)×30 days ago: 1..7 are within 200 days, 8..20 are not.
    expect(ids(found.filter((d) => d.source === 'sitemap'))).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(stats.counters.skippedOld).toBe(13);
    // Newest first.
    expect(found[0]!.url).toBe(`${server.urlFor(host)}${generateArticle(1).path}`);
  });

  it('skips entries not modified since the previous crawl', async () => {
    const host = 'sm3.test';
    server.setRobots(host, `User-agent: *\nSitemap: ${server.urlFor(host)}/sitemap.xml\n`);
    const since = new Date(Date.now() - 65 * 86_400_000);
    const { found, stats } = await discover(
      host,
      {
        startUrls: [`${server.urlFor(host)}/chuyen-muc/none/`],
        limits: { maxDepth: 0, maxPages: 100, maxAgeDays: 365 },
      },
      { since },
    );
    expect(ids(found.filter((d) => d.source === 'sitemap'))).toEqual([1, 2, 3]);
    expect(stats.counters.skippedUnchanged).toBe(10); // 4..13 are within a year but older than `since`
    expect(stats.counters.skippedOld).toBe(7);
  });

  it('follows a sitemap index into plain and .gz sitemaps, and does not fetch a child whose lastmod is too old', async () => {
    const { found, paths } = await discover('idx.test', {
      startUrls: [`${server.urlFor('idx.test')}/chuyen-muc/none/`],
      limits: { maxDepth: 0, maxPages: 100, maxAgeDays: 365 },
    });
    expect(paths).toContain('/sitemap-index.xml');
    expect(paths).toContain('/sitemaps/recent.xml');
    expect(paths).toContain('/sitemaps/mid.xml.gz');
    expect(paths).not.toContain('/sitemaps/archive.xml.gz');
    const sitemapIds = ids(found.filter((d) => d.source === 'sitemap'));
    expect(sitemapIds).toEqual([
      ...Array.from({ length: 10 }, (_, i) => 400 + i),
      ...Array.from({ length: 10 }, (_, i) => 500 + i),
    ]);
    expect(found.find((d) => d.url.endsWith('-505.html'))?.via).toBe(
      `${server.urlFor('idx.test')}/sitemaps/mid.xml.gz`,
    );
  });

  it('discovers RSS and Atom feeds announced on the start page, drops tracking parameters and old items', async () => {
    const host = 'feeds.test';
    server.setRobots(host, 'User-agent: *\nDisallow:\n');
    const { found, stats, base } = await discover(host, {
      startUrls: [`${server.urlFor(host)}/`],
      limits: { maxDepth: 0, maxPages: 100, maxAgeDays: 365 },
    });
    const fromFeeds = found.filter((d) => d.source === 'feed');
    expect(new Set(fromFeeds.map((d) => d.via))).toEqual(new Set([`${base}/rss.xml`, `${base}/atom.xml`]));
    expect(ids(fromFeeds)).toEqual([700, 701, 702, 703, 704, 705, 706, 707, 800, 801, 802, 803, 804, 805]);
    for (const d of fromFeeds) expect(d.url).not.toContain('utm_');
    expect(found.some((d) => d.url.endsWith('-708.html'))).toBe(false); // 500 days old
    expect(stats.counters.skippedOld).toBeGreaterThanOrEqual(1);
    expect(fromFeeds.find((d) => d.url.endsWith('-700.html'))?.lastmod).toBeInstanceOf(Date);
  });

  it('follows pagination up to maxDepth with the site selectors', async () => {
    const host = 'pages.test';
    server.setRobots(host, 'User-agent: *\nDisallow:\n');
    const start = `${server.urlFor(host)}/chuyen-muc/thoi-su/`;
    const deep = await discover(host, { startUrls: [start], limits: { maxDepth: 3, maxPages: 100, maxAgeDays: 365 } });
    expect(deep.paths.filter((p) => p.startsWith('/chuyen-muc/'))).toEqual([
      '/chuyen-muc/thoi-su/',
      '/chuyen-muc/thoi-su/trang-2.html',
      '/chuyen-muc/thoi-su/trang-3.html',
      '/chuyen-muc/thoi-su/trang-4.html',
    ]);
    expect(ids(deep.found.filter((d) => d.source === 'listing'))).toEqual(
      Array.from({ length: LISTING_PAGES * LISTING_PAGE_SIZE }, (_, i) => 101 + i),
    );
    expect(deep.found.find((d) => d.url.endsWith('-120.html'))?.depth).toBe(3);
    expect(deep.stats.errorCount('selector-no-match')).toBe(0);

    server.reset();
    const shallow = await discover(host, {
      startUrls: [start],
      limits: { maxDepth: 1, maxPages: 100, maxAgeDays: 365 },
    });
    expect(shallow.paths.filter((p) => p.startsWith('/chuyen-muc/'))).toEqual([
      '/chuyen-muc/thoi-su/',
      '/chuyen-muc/thoi-su/trang-2.html',
    ]);
  });

  it('paginates generically without selectors, and reports a broken selector instead of finding nothing', async () => {
    const host = 'generic.test';
    server.setRobots(host, 'User-agent: *\nDisallow:\n');
    const start = `${server.urlFor(host)}/chuyen-muc/kinh-te/`;
    const generic = await discover(host, {
      startUrls: [start],
      selectors: {},
      limits: { maxDepth: 5, maxPages: 100, maxAgeDays: 365 },
    });
    expect(generic.paths.filter((p) => p.startsWith('/chuyen-muc/'))).toHaveLength(LISTING_PAGES);
    expect(ids(generic.found.filter((d) => d.source === 'listing'))).toEqual(
      Array.from({ length: LISTING_PAGES * LISTING_PAGE_SIZE }, (_, i) => 301 + i),
    );

    server.reset();
    const broken = await discover(host, {
      startUrls: [start],
      selectors: { articleLinks: '.does-not-exist a' },
      limits: { maxDepth: 0, maxPages: 100, maxAgeDays: 365 },
    });
    expect(broken.stats.errorCount('selector-no-match')).toBe(1);
    expect(broken.found.filter((d) => d.source === 'listing')).toHaveLength(LISTING_PAGE_SIZE);
  });

  it('applies include/exclude patterns and counts what they drop', async () => {
    const host = 'filter.test';
    server.setRobots(host, 'User-agent: *\nDisallow:\n');
    const { found, stats } = await discover(host, {
      startUrls: [`${server.urlFor(host)}/chuyen-muc/thoi-su/`],
      include: ['-1[01]\\d\\.html$'],
      exclude: ['-10[0-4]\\.html$'],
      limits: { maxDepth: 3, maxPages: 100, maxAgeDays: 365 },
    });
    expect(ids(found.filter((d) => d.source === 'listing'))).toEqual([
      105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119,
    ]);
    expect(stats.counters.skippedFiltered).toBeGreaterThan(0);
  });

  it('keeps going when a sitemap or listing page fails, counting the error by kind', async () => {
    const host = 'broken.test';
    server.setRobots(
      host,
      `User-agent: *\nSitemap: ${server.urlFor(host)}/fault/status?code=500\nSitemap: ${server.urlFor(host)}/sitemap.xml\n`,
    );
    const { found, stats } = await discover(host, {
      startUrls: [`${server.urlFor(host)}/fault/status?code=404`, `${server.urlFor(host)}/chuyen-muc/thoi-su/`],
      limits: { maxDepth: 0, maxPages: 100, maxAgeDays: 365 },
    });
    expect(stats.errorCount('http-500')).toBe(1);
    expect(stats.errorCount('http-404')).toBe(1);
    expect(found.some((d) => d.source === 'sitemap')).toBe(true);
    expect(found.some((d) => d.source === 'listing')).toBe(true);
  });
});
