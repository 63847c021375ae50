import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { SiteEntryInput } from '@vnevents/schema';
import {
  type CrawlError,
  type CrawlOutcome,
  crawlSite,
  type FixtureServer,
  fixtureSite,
  generateArticle,
  MemoryConditionalCache,
  MemoryDedupIndex,
  MIXED_LISTING_LINKS,
  startFixtureServer,
} from '../../src/fetch/index.js';
import { testFetcher } from './support.js';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => server.reset());

const site = (host: string, overrides: Partial<SiteEntryInput> = {}) =>
  fixtureSite(server.urlFor(host), 'fixture-news', { politeness: { delayMs: 0, concurrency: 4 }, ...overrides });

/** A previous-crawl time after every lastmod the server stamps, so sitemaps and feeds add nothing. */
const tomorrow = () => new Date(Date.now() + 86_400_000);

async function collect(iterable: AsyncIterable<CrawlOutcome>): Promise<CrawlOutcome[]> {
  const out: CrawlOutcome[] = [];
  for await (const p of iterable) out.push(p);
  return out;
}

describe('crawlSite', () => {
  it('crawls the generated site from sitemaps, feeds and listings into decoded pages with statistics', async () => {
    const fetcher = testFetcher();
    const crawl = crawlSite(site('news.test'), { fetcher });
    const pages = await collect(crawl);
    await fetcher.close();
    const fetched = pages.filter((p) => !p.notModified);
    expect(new Set(fetched.map((p) => p.discovery.source))).toEqual(new Set(['sitemap', 'feed', 'listing']));
    const first = fetched[0]!;
    if (first.notModified) throw new Error('unreachable');
    expect(first).toMatchObject({ status: 200, siteId: 'fixture-news', charset: 'utf-8', duplicateOf: null });
    expect(first.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(first.html).toContain('<article>');
    expect(first.bytes).toBeGreaterThan(1000);
    expect(new Set(fetched.map((p) => p.canonicalUrl)).size).toBe(fetched.length);
    const s = crawl.stats.snapshot();
    expect(s.counters.pagesFetched).toBe(fetched.length);
    expect(s.counters.errors).toBe(0);
    expect(s.counters.requests).toBe(server.stats.requests({ host: 'news.test' }).length);
  });

  it('never stops on a broken page: failures are counted by kind, duplicates skipped, the rest crawled', async () => {
    const host = 'mixed.test';
    const errors: CrawlError[] = [];
    const fetcher = testFetcher({ maxBodyBytes: 1024 * 1024 });
    const crawl = crawlSite(
      site(host, {
        startUrls: [`${server.urlFor(host)}/chuyen-muc/hon-hop/`],
        exclude: [],
        limits: { maxDepth: 0, maxPages: 100, maxAgeDays: 365 },
        politeness: { delayMs: 0, concurrency: 1 },
      }),
      { fetcher, onError: (e) => errors.push(e), since: tomorrow() }, // every sitemap/feed entry is then "unchanged": only listings count
    );
    const pages = await collect(crawl);
    await fetcher.close();
    const urls = pages.map((p) => new URL(p.canonicalUrl).pathname).sort();
    expect(urls).toEqual(
      [generateArticle(200).path, generateArticle(201).path, generateArticle(202).path, '/fault/flaky'].sort(),
    );
    const s = crawl.stats.snapshot();
    expect(Object.keys(s.errors).sort()).toEqual([
      'body-too-large',
      'content-type',
      'http-404',
      'http-410',
      'redirect-loop',
      'robots-disallowed',
    ]);
    expect(s.errors['http-404']).toMatchObject({ className: 'NonRetryableError', count: 1 });
    expect(s.errors['http-404']!.examples[0]).toContain('/fault/status?code=404');
    expect(errors).toHaveLength(6);
    expect(s.counters).toMatchObject({
      duplicateContent: 1,
      duplicateUrls: 1,
      nearDuplicates: 1,
      retries: 1,
      errors: 6,
    });
    expect(MIXED_LISTING_LINKS).toHaveLength(13);
  });

  it('finds the same articles republished on another portal with a shared dedup index', async () => {
    const dedup = new MemoryDedupIndex();
    const fetcher = testFetcher();
    const newspaper = crawlSite(
      site('newspaper.test', {
        startUrls: [`${server.urlFor('newspaper.test')}/chuyen-muc/thoi-su/`],
        limits: { maxDepth: 0, maxPages: 100, maxAgeDays: 365 },
      }),
      { fetcher, dedup, since: tomorrow() },
    );
    expect(await collect(newspaper)).toHaveLength(5); // articles 101…105
    const portal = crawlSite(
      site('portal.test', {
        startUrls: [`${server.urlFor('portal.test')}/dang-lai/`],
        limits: { maxDepth: 0, maxPages: 100, maxAgeDays: 365 },
      }),
      { fetcher, dedup, since: tomorrow(), keepDuplicates: true },
    );
    const republished = await collect(portal);
    await fetcher.close();
    expect(republished).toHaveLength(5);
    for (const p of republished) {
      if (p.notModified) throw new Error('unexpected 304');
      expect(p.duplicateOf).toMatchObject({ kind: 'near' });
      expect(p.duplicateOf!.url).toBe(
        `${server.urlFor('newspaper.test')}${generateArticle(Number(/-(\d+)\.html$/.exec(p.url)![1])).path}`,
      );
    }
    expect(portal.stats.counters.nearDuplicates).toBe(5);
  });

  it('counts failures of discovered article URLs and goes on', async () => {
    const host = 'flaky-articles.test';
    server.setRobots(host, 'User-agent: *\nDisallow: /private/\n');
    const errors: CrawlError[] = [];
    const fetcher = testFetcher({ retry: { maxRetries: 0 } });
    // The home page links articles 900..904; /private/ ones are disallowed; the sitemap guess is a real page.
    const crawl = crawlSite(
      site(host, {
        startUrls: [`${server.urlFor(host)}/`, `${server.urlFor(host)}/fault/status?code=500`],
        feeds: [`${server.urlFor(host)}/fault/status?code=503`],
        limits: { maxDepth: 0, maxPages: 100, maxAgeDays: 365 },
      }),
      { fetcher, onError: (e) => errors.push(e) },
    );
    const pages = await collect(crawl);
    await fetcher.close();
    expect(pages.length).toBeGreaterThan(5);
    expect(crawl.stats.errorCount('http-500')).toBe(1);
    expect(crawl.stats.errorCount('http-503')).toBe(1);
    expect(errors.map((e) => e.kind).sort()).toEqual(['http-500', 'http-503']);
  });

  it('stops after limits.maxPages article fetches', async () => {
    const fetcher = testFetcher();
    const crawl = crawlSite(site('max.test', { limits: { maxPages: 7, maxDepth: 3, maxAgeDays: 365 } }), { fetcher });
    const pages = await collect(crawl);
    await fetcher.close();
    expect(pages).toHaveLength(7);
    expect(server.stats.requests({ host: 'max.test', path: /^\/(thoi-su|kinh-te)\// })).toHaveLength(7);
  });

  it('yields 304s as unchanged on a second crawl with a conditional cache', async () => {
    const cache = new MemoryConditionalCache();
    const fetcher = testFetcher({ cache });
    const s = site('again.test', { limits: { maxPages: 10, maxDepth: 0, maxAgeDays: 365 } });
    const first = await collect(crawlSite(s, { fetcher }));
    const second = crawlSite(s, { fetcher });
    const again = await collect(second);
    await fetcher.close();
    expect(first.every((p) => !p.notModified)).toBe(true);
    expect(again).toHaveLength(10);
    expect(again.every((p) => p.notModified)).toBe(true);
    expect(second.stats.counters.notModified).toBe(10);
    expect(second.stats.counters.pagesFetched).toBe(0);
  });
});
