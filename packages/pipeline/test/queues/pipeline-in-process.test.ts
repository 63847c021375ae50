import { afterEach, describe, expect, it } from '@jest/globals';
import { startSiteCrawl, startUrlCrawl, waitForCrawl } from '../../src/crawl/index.js';
import { fetchJobId } from '../../src/queues/index.js';
import { type Harness, harness } from '../support/harness.js';
import { scriptedPorts, site } from '../support/scripted-ports.js';

let h: Harness;
afterEach(async () => {
  await h?.close();
});

/** Errors shaped like the crawler's (same class names and fields: the boundary classifies by them). */
class NonRetryableError extends Error {
  override name = 'NonRetryableError';
  constructor(
    readonly kind: string,
    message: string,
  ) {
    super(message);
  }
}
class RetryableError extends Error {
  override name = 'RetryableError';
  constructor(
    readonly kind: string,
    message: string,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }
}
class ThrottledError extends RetryableError {
  override name = 'ThrottledError';
}

describe('the queue pipeline in one process', () => {
  it('crawls sites through discover → fetch → extract → store, each page written once', async () => {
    h = await harness('inproc');
    const ports = scriptedPorts([site('a.test', 12), site('b.test', 8)]);
    h.start(ports);
    const crawlId = await startSiteCrawl(h.rt, ['a.test', 'b.test']);
    const { progress, lost } = await waitForCrawl(h.rt, crawlId, { timeoutMs: 30_000 });
    expect(lost).toBe(0);
    expect(progress).toMatchObject({ finished: true, urls: 20, done: 20, discovering: 0 });
    expect(progress.outcomes.stored).toBe(20);
    expect(ports.store.pages.size).toBe(20);
    expect(ports.store.writes.length).toBe(20);
    // per-host concurrency 2 (site politeness) held across the worker's 4 slots
    expect(Math.max(...ports.maxInFlight.values())).toBeLessThanOrEqual(2);
  });

  it('collapses a URL discovered again: joined while in flight, skipped when fetched recently', async () => {
    h = await harness('dedup');
    const ports = scriptedPorts([site('a.test', 5)], { latencyMs: 30 });
    h.start(ports);
    const c1 = await startSiteCrawl(h.rt, ['a.test']);
    const c2 = await startSiteCrawl(h.rt, ['a.test']);
    const [r1, r2] = await Promise.all([
      waitForCrawl(h.rt, c1, { timeoutMs: 30_000 }),
      waitForCrawl(h.rt, c2, { timeoutMs: 30_000 }),
    ]);
    expect(r1.progress.finished && r2.progress.finished).toBe(true);
    expect(ports.store.writes.length).toBe(5);
    expect([...ports.attempts.values()].every((n) => n === 1)).toBe(true);
    const c3 = await startSiteCrawl(h.rt, ['a.test']);
    const r3 = await waitForCrawl(h.rt, c3, { timeoutMs: 30_000 });
    expect(r3.progress.outcomes.recent).toBe(5);
    expect(ports.store.writes.length).toBe(5);
    // `crawl URL --force` fetches again even so
    const url = 'http://a.test/a/1.html';
    const forced = await startUrlCrawl(h.rt, [{ url, canonicalUrl: url, siteId: 'a.test' }], { force: true });
    const r4 = await waitForCrawl(h.rt, forced.crawlId, { timeoutMs: 30_000 });
    expect(r4.progress.outcomes.unchanged).toBe(1);
    expect(ports.attempts.get(url)).toBe(2);
  });

  it('fails non-retryable errors at once, retries retryable ones with backoff, keeps failed jobs', async () => {
    h = await harness('errors');
    const ports = scriptedPorts([site('a.test', 4)], {
      fail: (url, attempt) => {
        if (url.endsWith('/1.html')) return new NonRetryableError('http-404', `HTTP 404 (${url})`);
        if (url.endsWith('/2.html') && attempt < 3) return new RetryableError('http-503', `HTTP 503 (${url})`);
        if (url.endsWith('/3.html')) return new RetryableError('timeout-headers', `headers timeout (${url})`);
        return undefined;
      },
    });
    h.start(ports);
    const crawlId = await startSiteCrawl(h.rt, ['a.test']);
    const { progress } = await waitForCrawl(h.rt, crawlId, { timeoutMs: 30_000 });
    expect(progress.outcomes).toMatchObject({ stored: 2, failed: 2 });
    expect(ports.attempts.get('http://a.test/a/1.html')).toBe(1);
    expect(ports.attempts.get('http://a.test/a/2.html')).toBe(3);
    expect(ports.attempts.get('http://a.test/a/3.html')).toBe(3);
    const failed = await h.rt.queues.fetch.getFailed();
    const reasons = Object.fromEntries(failed.map((j) => [j.data.url, j.failedReason]));
    expect(reasons['http://a.test/a/1.html']).toMatch(/^\[non-retryable http-404\] HTTP 404/);
    expect(reasons['http://a.test/a/3.html']).toMatch(/^\[retryable timeout-headers\]/);
    const stats = await h.rt.stats.sum(5);
    expect(stats['fetch:error:http-503']).toBe(2);
    expect(stats['failed:http-404']).toBe(1);
  });

  it('delays throttled jobs without using attempts and holds the host back', async () => {
    h = await harness('throttle', { attempts: 2 });
    const ports = scriptedPorts([site('a.test', 2)], {
      fail: (url, attempt) =>
        url.endsWith('/1.html') && attempt <= 3 ? new ThrottledError('http-429', 'HTTP 429', 200) : undefined,
    });
    h.start(ports);
    const crawlId = await startSiteCrawl(h.rt, ['a.test']);
    const { progress } = await waitForCrawl(h.rt, crawlId, { timeoutMs: 30_000 });
    // 3 throttles with attempts = 2: still stored, because a throttle is a delay, not a failed attempt
    expect(progress.outcomes.stored).toBe(2);
    expect(ports.attempts.get('http://a.test/a/1.html')).toBe(4);
    const job = await h.rt.queues.fetch.getJob(fetchJobId('http://a.test/a/1.html', null));
    expect(job?.data.throttles).toBe(3);
    expect(job?.attemptsMade).toBe(1); // the successful attempt only
  });

  it('uses conditional GET: a 304 ends the URL as not-modified without a write', async () => {
    h = await harness('cond', { refetchAfterHours: 0.0001 });
    const ports = scriptedPorts([site('a.test', 3)], { etag: (u) => `"v1-${u.length}"` });
    h.start(ports);
    const c1 = await startSiteCrawl(h.rt, ['a.test']);
    await waitForCrawl(h.rt, c1, { timeoutMs: 30_000 });
    expect(ports.store.writes.length).toBe(3);
    await new Promise((r) => setTimeout(r, 500)); // past the (tiny) refetch window
    await h.rt.queues.fetch.clean(0, 1000, 'completed');
    const c2 = await startSiteCrawl(h.rt, ['a.test']);
    const r2 = await waitForCrawl(h.rt, c2, { timeoutMs: 30_000 });
    expect(r2.progress.outcomes['not-modified']).toBe(3);
    expect(ports.store.writes.length).toBe(3);
  });
});

describe('operating the queues', () => {
  it('a store outage only delays the store stage: its jobs retry and complete', async () => {
    h = await harness('dbdown', { attempts: 8, backoffMs: 100 });
    const ports = scriptedPorts([site('a.test', 6)]);
    ports.store.failWrites = true;
    h.start(ports);
    const crawlId = await startSiteCrawl(h.rt, ['a.test']);
    setTimeout(() => {
      ports.store.failWrites = false;
    }, 1200);
    const { progress } = await waitForCrawl(h.rt, crawlId, { timeoutMs: 30_000 });
    expect(progress.outcomes.stored).toBe(6);
    expect([...ports.attempts.values()].every((n) => n === 1)).toBe(true); // pages were not fetched again
    expect((await h.rt.stats.sum(5))['store:error:Error']).toBeGreaterThan(0);
  });

  it('a shutdown returns in-flight jobs to the queue without using an attempt', async () => {
    h = await harness('shutdown');
    const ports = scriptedPorts([site('a.test', 4, { delayMs: 0, concurrency: 4 })], { latencyMs: 5000 });
    const w = h.start(ports, { stages: ['discover', 'fetch'] });
    const crawlId = await startSiteCrawl(h.rt, ['a.test']);
    for (let i = 0; i < 100 && (await h.rt.queues.fetch.getActiveCount()) < 4; i++)
      await new Promise((r) => setTimeout(r, 50));
    expect(await h.rt.queues.fetch.getActiveCount()).toBe(4);
    await w.close(100); // grace 100 ms, far shorter than the 5 s fetches
    h.workers = null;
    const waiting = await h.rt.queues.fetch.getWaiting();
    expect(waiting.length).toBe(4);
    expect(waiting.every((j) => j.attemptsMade === 0)).toBe(true);
    // another worker picks them up and the crawl completes
    const fast = scriptedPorts([site('a.test', 4)]);
    h.start(fast);
    const { progress } = await waitForCrawl(h.rt, crawlId, { timeoutMs: 30_000 });
    expect(progress.outcomes.stored).toBe(4);
  });
});
