import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  DEFAULT_USER_AGENT,
  type FixtureServer,
  fixtureSite,
  generateArticle,
  InProcessHostLimiter,
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

const articles = (host: string, ids: number[]) => ids.map((id) => `${server.urlFor(host)}${generateArticle(id).path}`);

describe('politeness as the server measured it', () => {
  it('never has two requests to one host in flight, and starts them ≥ delayMs apart', async () => {
    const fetcher = testFetcher();
    const site = fixtureSite(server.url, 'fixture-news', { politeness: { delayMs: 250, concurrency: 1 } });
    // Eight fetches fired at once, plus slow bodies that keep each request open for a while.
    const urls = [
      ...articles('polite.test', [1, 2, 3, 4, 5]),
      `${server.urlFor('polite.test')}/fault/slow-body?chunks=3&intervalMs=60`,
      `${server.urlFor('polite.test')}/fault/slow-body?chunks=2&intervalMs=80`,
      ...articles('polite.test', [6]),
    ];
    await Promise.all(urls.map((u) => fetcher.fetchPage(u, { site })));
    await fetcher.close();

    const requests = server.stats.requests({ host: 'polite.test' });
    expect(requests.length).toBe(urls.length + 1); // + robots.txt
    expect(server.stats.maxConcurrent('polite.test')).toBe(1);
    for (const r of requests) expect(r.inFlightAtStart).toBe(1);
    const gaps = server.stats.startGaps('polite.test');
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(245);
    // Each request started after the previous one had ended.
    for (let i = 1; i < requests.length; i++)
      expect(requests[i]!.startedAt).toBeGreaterThanOrEqual(requests[i - 1]!.endedAt!);
  });

  it('sends the vnevents User-Agent with a contact URL, and a configured one when given', async () => {
    const fetcher = testFetcher();
    await fetcher.fetchPage(articles('ua.test', [1])[0]!);
    await fetcher.close();
    expect(server.stats.requests({ host: 'ua.test' }).map((r) => r.userAgent)).toEqual([
      DEFAULT_USER_AGENT,
      DEFAULT_USER_AGENT,
    ]);
    expect(DEFAULT_USER_AGENT).toMatch(/^vnevents\/\S+ \(\+https:\/\/\S+\)$/);

    const custom = testFetcher({ userAgent: 'vnevents/0.2 (+https://example.org/contact)' });
    await custom.fetchPage(articles('ua2.test', [1])[0]!);
    await custom.close();
    expect(server.stats.requests({ host: 'ua2.test' })[1]!.userAgent).toBe(
      'vnevents/0.2 (+https://example.org/contact)',
    );
  });

  it('allows the configured per-host concurrency and no more', async () => {
    const fetcher = testFetcher();
    const urls = Array.from(
      { length: 6 },
      (_, i) => `${server.urlFor('wide.test')}/fault/slow-body?chunks=2&intervalMs=50&i=${i}`,
    );
    await Promise.all(urls.map((u) => fetcher.fetchPage(u, { politeness: { delayMs: 0, concurrency: 2 } })));
    await fetcher.close();
    expect(server.stats.maxConcurrent('wide.test')).toBe(2);
  });

  it('crawls different hosts in parallel while each stays polite', async () => {
    const fetcher = testFetcher();
    const politeness = { delayMs: 200, concurrency: 1 };
    await Promise.all(
      ['h1.test', 'h2.test', 'h3.test'].flatMap((h) =>
        articles(h, [1, 2, 3]).map((u) => fetcher.fetchPage(u, { politeness })),
      ),
    );
    await fetcher.close();
    for (const h of ['h1.test', 'h2.test', 'h3.test']) {
      expect(server.stats.maxConcurrent(h)).toBe(1);
      for (const gap of server.stats.startGaps(h)) expect(gap).toBeGreaterThanOrEqual(195);
    }
    // The three hosts' first page requests started before any host's second one: they overlapped.
    const firstPages = ['h1.test', 'h2.test', 'h3.test'].map((h) => server.stats.requests({ host: h })[1]!.startedAt);
    const secondPages = ['h1.test', 'h2.test', 'h3.test'].map((h) => server.stats.requests({ host: h })[2]!.startedAt);
    expect(Math.max(...firstPages)).toBeLessThan(Math.min(...secondPages));
  });

  it('keeps the global limit across hosts', async () => {
    const fetcher = testFetcher({ limiter: new InProcessHostLimiter({ globalConcurrency: 2 }), robots: false });
    let max = 0;
    const timer = setInterval(() => {
      const total = ['g1.test', 'g2.test', 'g3.test', 'g4.test'].reduce(
        (n, h) => n + server.stats.currentInFlight(h),
        0,
      );
      max = Math.max(max, total);
    }, 5);
    await Promise.all(
      ['g1.test', 'g2.test', 'g3.test', 'g4.test'].map((h) =>
        fetcher.fetchPage(`${server.urlFor(h)}/fault/slow-body?chunks=3&intervalMs=40`),
      ),
    );
    clearInterval(timer);
    await fetcher.close();
    expect(max).toBeGreaterThan(0);
    expect(max).toBeLessThanOrEqual(2);
  });

  it('obeys a robots.txt Crawl-delay larger than the site delay', async () => {
    server.setRobots('slow-robots.test', 'User-agent: *\nCrawl-delay: 0.3\nDisallow: /private/\n');
    const fetcher = testFetcher();
    await Promise.all(
      articles('slow-robots.test', [1, 2, 3, 4]).map((u) =>
        fetcher.fetchPage(u, { politeness: { delayMs: 50, concurrency: 1 } }),
      ),
    );
    await fetcher.close();
    const gaps = server.stats.startGaps('slow-robots.test', /^\/thoi-su\//);
    expect(gaps).toHaveLength(3);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(295);
  });
});
