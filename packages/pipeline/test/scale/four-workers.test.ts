import { afterEach, describe, expect, it } from '@jest/globals';
import type { Store } from '@vnevents/store';
import { startSiteCrawl, waitForCrawl } from '../../src/crawl/index.js';
import { type ScaleSetup, scaleSetup } from '../support/scale-setup.js';

let s: ScaleSetup | null = null;
let store: Store | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
  await s?.close();
  s = null;
});

/** The URL each stored article was fetched from (the store keeps one row per canonical URL and text). */
async function storedArticles(st: Store): Promise<{ urls: string[]; pageIds: (number | null)[] }> {
  const urls: string[] = [];
  const pageIds: (number | null)[] = [];
  for await (const a of st.scanArticles()) {
    urls.push(a.article.url);
    pageIds.push(a.pageId);
  }
  return { urls, pageIds };
}

describe('scale-out: 4 worker processes, one Redis, one PostgreSQL', () => {
  it('store every article exactly once and never exceed the per-host limit', async () => {
    // Default job locks (30 s): on a busy machine a CPU-bound extraction can hold the event loop past a short lock,
    // and a job whose lock lapsed is run again elsewhere (stored once all the same, but fetched twice).
    s = await scaleSetup({
      label: 'four',
      backend: 'postgres',
      politeness: { delayMs: 5, concurrency: 2 },
      newsMaxPages: 40,
      env: { VNEVENTS_LOCK_MS: '30000', VNEVENTS_STALLED_INTERVAL_MS: '15000' },
    });
    const workers = [1, 2, 3, 4].map((i) => s!.spawn(`w${i}`));
    await Promise.all(workers.map((w) => w.ready));
    const crawlId = await startSiteCrawl(
      s.rt,
      s.fixtures.sites.map((x) => x.id),
    );
    const { progress, lost } = await waitForCrawl(s.rt, crawlId, { timeoutMs: 60_000 });
    expect(lost).toBe(0);
    expect(progress.finished).toBe(true);
    expect(progress.outcomes.failed).toBe(0);
    const { news, golden } = s.fixtures.servers;
    // The servers' own measurements: per-host concurrency of the registry (news 2, golden 4) never exceeded.
    expect(news.stats.maxConcurrent('127.0.0.1')).toBeLessThanOrEqual(2);
    expect(golden.stats.maxConcurrent('127.0.0.1')).toBeLessThanOrEqual(4);
    expect(news.stats.requests().length).toBeGreaterThan(30);

    store = await s.openStore();
    const { urls, pageIds } = await storedArticles(store);
    expect(urls.length).toBe(progress.outcomes.stored);
    expect(new Set(urls).size).toBe(urls.length);
    expect(new Set(pageIds).size).toBe(pageIds.length);
    // Each article page was requested once: no URL fetched twice across the 4 processes.
    for (const u of urls) {
      const { pathname, search } = new URL(u);
      const server = u.startsWith(news.url) ? news : golden;
      expect([u, server.stats.requests({ path: pathname + search }).length]).toEqual([u, 1]);
    }
    // One extraction run shared by all processes, holding every event once.
    const runs = await store.listRuns();
    expect(runs).toHaveLength(1);
    expect(runs[0]!.stored.articles).toBe(urls.length);
    expect(runs[0]!.stored.events).toBe(progress.events);
    // All four processes did work.
    const done = await s.rt.queues.fetch.getCompleted(0, 1000);
    const by = new Set(done.map((j) => (j as unknown as { processedBy?: string }).processedBy?.split(':')[1]));
    expect(by.size).toBe(4);
  }, 120_000);
});
