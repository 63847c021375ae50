import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  type FixtureServer,
  generateArticle,
  NonRetryableError,
  parseRobotsRules,
  RobotsCache,
  startFixtureServer,
} from '../../src/fetch/index.js';
import { rejection, testFetcher } from '../fetch/support.js';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => server.reset());

const article = (host: string, id: number, prefix = '') => `${server.urlFor(host)}${prefix}${generateArticle(id).path}`;

describe('robots.txt rules', () => {
  const origin = 'https://baoquangninh.vn';
  const body = [
    'User-agent: *',
    'Disallow: /admin/',
    'Crawl-delay: 2',
    '',
    'User-agent: vnevents',
    'Disallow: /tim-kiem',
    'Allow: /tim-kiem/huong-dan',
    'Crawl-delay: 5',
    '',
    'Sitemap: https://baoquangninh.vn/sitemap.xml',
    'Sitemap: /sitemap-news.xml',
  ].join('\n');

  it('uses the group of our product token, its Crawl-delay, and the Sitemap lines', () => {
    const rules = parseRobotsRules(origin, 200, body, 'vnevents', 60_000);
    expect(rules.isAllowed(`${origin}/tim-kiem?q=x`)).toBe(false);
    expect(rules.isAllowed(`${origin}/tim-kiem/huong-dan`)).toBe(true);
    expect(rules.isAllowed(`${origin}/admin/`)).toBe(true); // our group replaces *
    expect(rules.crawlDelayMs).toBe(5000);
    expect(rules.sitemaps).toEqual(['https://baoquangninh.vn/sitemap.xml', 'https://baoquangninh.vn/sitemap-news.xml']);
  });

  it('falls back to * and caps an absurd Crawl-delay', () => {
    const rules = parseRobotsRules(
      origin,
      200,
      'User-agent: *\nDisallow: /admin/\nCrawl-delay: 86400',
      'otherbot',
      60_000,
    );
    expect(rules.isAllowed(`${origin}/admin/x`)).toBe(false);
    expect(rules.crawlDelayMs).toBe(60_000);
  });
});

describe('robots.txt over the fixture server', () => {
  it('blocks disallowed paths without requesting them, and fetches robots.txt once per origin', async () => {
    const fetcher = testFetcher();
    const e = await rejection(fetcher.fetchPage(article('rb.test', 1, '/private')));
    await Promise.all([1, 2, 3].map((id) => fetcher.fetchPage(article('rb.test', id))));
    await fetcher.close();
    expect(e).toBeInstanceOf(NonRetryableError);
    expect(e.kind).toBe('robots-disallowed');
    const paths = server.stats.requests({ host: 'rb.test' }).map((r) => r.path);
    expect(paths.filter((p) => p === '/robots.txt')).toHaveLength(1);
    expect(paths.some((p) => p.startsWith('/private/'))).toBe(false);
  });

  it('allows everything when robots.txt is 404', async () => {
    server.setRobots('nofile.test', { status: 404 });
    const fetcher = testFetcher();
    const page = await fetcher.fetchPage(article('nofile.test', 5, '/private'));
    const rules = await fetcher.robotsFor(server.urlFor('nofile.test'));
    await fetcher.close();
    expect(page.status).toBe(200);
    expect(rules).toMatchObject({ outcome: 'allow-all', status: 404 });
  });

  it('retries a 5xx robots.txt after a wait, then treats the site as disallowed', async () => {
    server.setRobots('down.test', { status: 503 });
    const fetcher = testFetcher({ robots: { retryDelayMs: 100, unreachableRetries: 2 } });
    const e = await rejection(fetcher.fetchPage(article('down.test', 1)));
    const again = await rejection(fetcher.fetchPage(article('down.test', 2)));
    await fetcher.close();
    expect(e.kind).toBe('robots-disallowed');
    expect(e.message).toContain('unreachable');
    expect(again.kind).toBe('robots-disallowed');
    const robots = server.stats.requests({ host: 'down.test', path: '/robots.txt' });
    expect(robots).toHaveLength(3); // first try + 2 retries, then cached for the TTL
    for (const gap of server.stats.startGaps('down.test', '/robots.txt')) expect(gap).toBeGreaterThanOrEqual(100);
    expect(server.stats.requests({ host: 'down.test' }).filter((r) => r.path !== '/robots.txt')).toHaveLength(0);
  });

  it('recovers when the retry succeeds', async () => {
    const fetcher = testFetcher({ robots: { retryDelayMs: 50, unreachableRetries: 2 } });
    server.setRobots('flaky-robots.test', { status: 500 });
    const pending = fetcher.fetchPage(article('flaky-robots.test', 1));
    setTimeout(() => server.setRobots('flaky-robots.test', null), 20);
    const page = await pending;
    await fetcher.close();
    expect(page.status).toBe(200);
  });

  it('treats an unreachable robots.txt (connection reset) like a 5xx', async () => {
    const cache = new RobotsCache<undefined>({
      agent: 'vnevents',
      retryDelayMs: 1,
      unreachableRetries: 1,
      fetch: async () => {
        throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
      },
    });
    const rules = await cache.get('https://baolongan.vn/a');
    expect(rules.outcome).toBe('disallow-all');
    expect(rules.isAllowed('https://baolongan.vn/a')).toBe(false);
    expect(rules.isAllowed('https://baolongan.vn/robots.txt')).toBe(true);
  });

  it('expires cached rules after the TTL', async () => {
    let now = 0;
    let fetches = 0;
    const cache = new RobotsCache<undefined>({
      agent: 'vnevents',
      ttlMs: 1000,
      now: () => now,
      fetch: async () => {
        fetches++;
        return { status: 200, body: 'User-agent: *\nDisallow:' };
      },
    });
    await cache.get('https://x.vn/a');
    await cache.get('https://x.vn/b');
    now = 1001;
    await cache.get('https://x.vn/c');
    expect(fetches).toBe(2);
  });

  it('ignores robots.txt when the fetcher is told to', async () => {
    const fetcher = testFetcher({ robots: false });
    const page = await fetcher.fetchPage(article('norobots.test', 1, '/private'));
    await fetcher.close();
    expect(page.status).toBe(200);
    expect(server.stats.requests({ host: 'norobots.test', path: '/robots.txt' })).toHaveLength(0);
  });

  it('exposes Sitemap: lines for discovery', async () => {
    const fetcher = testFetcher();
    const rules = await fetcher.robotsFor(server.urlFor('sm.test'));
    await fetcher.close();
    expect(rules?.sitemaps).toEqual([`${server.urlFor('sm.test')}/sitemap-index.xml`]);
  });
});
