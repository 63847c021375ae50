import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  CrawlStatistics,
  type FixtureServer,
  parseRetryAfter,
  RetryableError,
  retryDelayMs,
  startFixtureServer,
  ThrottledError,
} from '../../src/fetch/index.js';
import { rejection, testFetcher } from './support.js';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => server.reset());

describe('Retry-After and backoff (pure)', () => {
  it('parses delta-seconds and HTTP-dates', () => {
    const now = Date.parse('2026-05-01T10:00:00Z');
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter(' 120 ', now)).toBe(120_000);
    expect(parseRetryAfter('Fri, 01 May 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Fri, 01 May 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter('-1', now)).toBeNull();
    expect(parseRetryAfter(undefined, now)).toBeNull();
  });

  it('uses full jitter under an exponential ceiling, never below Retry-After', () => {
    const o = { baseDelayMs: 500, maxDelayMs: 30_000 };
    expect(retryDelayMs(0, null, o, () => 0.999)).toBe(499);
    expect(retryDelayMs(3, null, o, () => 0.5)).toBe(2000);
    expect(retryDelayMs(10, null, o, () => 0.999)).toBe(29_970);
    expect(retryDelayMs(0, null, o, () => 0)).toBe(0);
    expect(retryDelayMs(0, 2000, o, () => 0.1)).toBe(2000);
  });
});

describe('retries over the fixture server', () => {
  it('waits the 2 s a 429 Retry-After asks for before retrying (server-measured gap)', async () => {
    const fetcher = testFetcher();
    const stats = new CrawlStatistics();
    const page = await fetcher.fetchPage(
      `${server.urlFor('busy.test')}/fault/flaky?key=ra2&failures=1&mode=429&retryAfter=2`,
      {
        stats,
      },
    );
    await fetcher.close();
    expect(page.status).toBe(200);
    expect(page.attempts).toBe(2);
    const [first, second] = server.stats.requests({ host: 'busy.test', path: /^\/fault\/flaky/ });
    expect(second!.startedAt - first!.startedAt).toBeGreaterThanOrEqual(2000);
    expect(stats.counters.retries).toBe(1);
    expect(stats.snapshot().statuses).toMatchObject({ '429': 1, '200': 2 });
  });

  it('honours an HTTP-date Retry-After on 503', async () => {
    const fetcher = testFetcher();
    await fetcher.fetchPage(`${server.urlFor('date.test')}/fault/flaky?key=d&failures=1&mode=503&retryAfter=2&date=1`);
    await fetcher.close();
    const [first, second] = server.stats.requests({ host: 'date.test', path: /^\/fault\/flaky/ });
    // An HTTP-date has whole seconds: "2 s from now" is between 1 and 2 s away.
    expect(second!.startedAt - first!.startedAt).toBeGreaterThanOrEqual(1000);
  });

  it('pauses the whole host after a 429, not just the URL', async () => {
    const fetcher = testFetcher({ politeness: { delayMs: 0, concurrency: 1 } });
    const base = server.urlFor('pause.test');
    const throttledFetch = fetcher.fetchPage(`${base}/fault/flaky?key=p&failures=1&mode=429&retryAfter=1`);
    // Ask for another page of the host once the 429 has been answered.
    while (!server.stats.requests({ host: 'pause.test', path: /^\/fault\/flaky/ }).some((r) => r.endedAt !== null))
      await new Promise((r) => setTimeout(r, 5));
    await Promise.all([throttledFetch, fetcher.fetchPage(`${base}/thoi-su/a-5.html`)]);
    await fetcher.close();
    const reqs = server.stats.requests({ host: 'pause.test' }).filter((r) => r.path !== '/robots.txt');
    const throttled = reqs.find((r) => r.path.startsWith('/fault/flaky'))!;
    const other = reqs.find((r) => r.path.startsWith('/thoi-su/'))!;
    expect(other.startedAt - throttled.startedAt).toBeGreaterThanOrEqual(1000);
  });

  it('retries 503 and connection resets with backoff, then succeeds', async () => {
    const fetcher = testFetcher();
    const a = await fetcher.fetchPage(`${server.urlFor('r.test')}/fault/flaky?key=5xx&failures=2&mode=503`);
    const b = await fetcher.fetchPage(`${server.urlFor('r.test')}/fault/flaky?key=rst&failures=1&mode=reset`);
    await fetcher.close();
    expect(a.attempts).toBe(3);
    expect(b.attempts).toBe(2);
  });

  it('gives up after maxRetries with the last classified error', async () => {
    const fetcher = testFetcher({ retry: { maxRetries: 1, baseDelayMs: 10, maxDelayMs: 20 } });
    const e = await rejection(fetcher.fetchPage(`${server.urlFor('r.test')}/fault/503`));
    const t = await rejection(fetcher.fetchPage(`${server.urlFor('r2.test')}/fault/429?retryAfter=0`));
    await fetcher.close();
    expect(e).toBeInstanceOf(RetryableError);
    expect(e.kind).toBe('http-503');
    expect(t).toBeInstanceOf(ThrottledError);
    expect(server.stats.requests({ path: '/fault/503' })).toHaveLength(2);
  });

  it('does not wait for a Retry-After beyond maxRetryAfterMs', async () => {
    const fetcher = testFetcher({ retry: { maxRetries: 3, maxRetryAfterMs: 1000 } });
    const e = await rejection(fetcher.fetchPage(`${server.urlFor('long.test')}/fault/429?retryAfter=3600`));
    await fetcher.close();
    expect(e).toBeInstanceOf(ThrottledError);
    expect((e as ThrottledError).retryAfterMs).toBe(3_600_000);
    expect(server.stats.requests({ host: 'long.test', path: /^\/fault\// })).toHaveLength(1);
  });

  it('does not retry a 404', async () => {
    const fetcher = testFetcher();
    const e = await rejection(fetcher.fetchPage(`${server.urlFor('nf.test')}/fault/status?code=404`));
    await fetcher.close();
    expect(e.kind).toBe('http-404');
    expect(server.stats.requests({ host: 'nf.test', path: /^\/fault\// })).toHaveLength(1);
  });
});
