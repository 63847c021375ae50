import { afterEach, describe, expect, it } from '@jest/globals';
import type { Store } from '@vnevents/store';
import { startSiteCrawl, waitForCrawl } from '../../src/crawl/index.js';
import { STAGES } from '../../src/queues/index.js';
import { until } from '../support/processes.js';
import { type ScaleSetup, scaleSetup } from '../support/scale-setup.js';
import { TcpProxy } from '../support/tcp-proxy.js';

let s: ScaleSetup | null = null;
let store: Store | null = null;
let proxy: TcpProxy | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
  await s?.close();
  s = null;
  await proxy?.close();
  proxy = null;
});

describe('PostgreSQL unreachable for 10 s mid-crawl', () => {
  it('jobs that need the database retry with backoff and complete; nothing is lost', async () => {
    // The workers reach PostgreSQL through a proxy the test cuts: connections reset, then refused, for 10 s.
    proxy = new TcpProxy(
      '127.0.0.1',
      Number(new URL(process.env['DATABASE_URL'] ?? 'postgres://127.0.0.1:5432').port || 5432),
    );
    const pgPort = await proxy.listen();
    s = await scaleSetup({
      label: 'pgdown',
      backend: 'postgres',
      pgPort,
      politeness: { delayMs: 40, concurrency: 2 },
      newsMaxPages: 40,
      // Backoff 0.5 s doubling: the 6th attempt comes 15 s after the first, past the outage.
      env: { VNEVENTS_ATTEMPTS: '10', VNEVENTS_BACKOFF_MS: '500' },
    });
    const workers = [s.spawn('a'), s.spawn('b')];
    await Promise.all(workers.map((w) => w.ready));
    const crawlId = await startSiteCrawl(
      s.rt,
      s.fixtures.sites.map((x) => x.id),
    );
    await until(
      'a few pages stored',
      async () => ((await s!.rt.tracker.progress(crawlId))?.outcomes.stored ?? 0) >= 5,
      60_000,
      20,
    );
    await proxy.cut();
    const cutAt = Date.now();
    const during = await s.rt.tracker.progress(crawlId);
    await new Promise((r) => setTimeout(r, 10_000));
    const errorsDuring = await s.rt.stats.sum(5);
    await proxy.restore();
    const { progress, lost } = await waitForCrawl(s.rt, crawlId, { timeoutMs: 90_000 });
    expect(Date.now() - cutAt).toBeGreaterThanOrEqual(10_000);
    expect(during?.finished).toBe(false);
    expect(lost).toBe(0);
    expect(progress.finished).toBe(true);
    expect(progress.outcomes.failed).toBe(0);
    // The outage was felt (store or conditional-GET reads failed and were retried), and no worker died of it.
    const dbErrors = Object.entries(errorsDuring).filter(([k]) => /^(store|fetch):error:/.test(k));
    expect(dbErrors.length).toBeGreaterThan(0);
    expect(workers.every((w) => w.child.exitCode === null)).toBe(true);
    for (const stage of STAGES) expect(await s.rt.queues[stage].getFailedCount()).toBe(0);

    store = await s.openStore();
    const urls: string[] = [];
    for await (const a of store.scanArticles()) urls.push(a.article.url);
    expect(new Set(urls).size).toBe(urls.length);
    expect(urls.length).toBe(progress.outcomes.stored);
    const runs = await store.listRuns();
    expect(runs).toHaveLength(1);
    expect(runs[0]!.stored).toEqual({ articles: urls.length, events: progress.events });
  }, 150_000);
});
