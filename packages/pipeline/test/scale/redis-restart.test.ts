import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import type { Store } from '@vnevents/store';
import { startSiteCrawl, waitForCrawl } from '../../src/crawl/index.js';
import { type RedisServerChild, startRedisServer } from '../../src/redis/index.js';
import { until } from '../support/processes.js';
import { type ScaleSetup, scaleSetup } from '../support/scale-setup.js';

let s: ScaleSetup | null = null;
let store: Store | null = null;
let redis: RedisServerChild | null = null;
let dir = '';
afterEach(async () => {
  await store?.close();
  store = null;
  await s?.close();
  s = null;
  await redis?.kill();
  redis = null;
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('Redis restarted mid-crawl (appendonly)', () => {
  it('workers reconnect and the crawl resumes and completes', async () => {
    // A private redis-server: the machine's shared Redis is never restarted by tests.
    dir = await mkdtemp(join(tmpdir(), 'vnevents-aof-'));
    redis = await startRedisServer({ appendonly: true, appendfsync: 'everysec', dir });
    const port = redis.port;
    s = await scaleSetup({
      label: 'redisrestart',
      backend: 'sqlite',
      redisUrl: redis.url,
      politeness: { delayMs: 40, concurrency: 2 },
      newsMaxPages: 40,
    });
    const workers = [s.spawn('a'), s.spawn('b')];
    await Promise.all(workers.map((w) => w.ready));
    const crawlId = await startSiteCrawl(
      s.rt,
      s.fixtures.sites.map((x) => x.id),
    );
    await until(
      'a third of the crawl',
      async () => {
        const p = await s!.rt.tracker.progress(crawlId);
        return !!p && p.discovering === 0 && p.done >= p.urls / 3;
      },
      60_000,
      20,
    );
    // A crash: SIGKILL, at most the last second of the AOF is lost. Down for 2 s, then back on the same port and files.
    await redis.kill();
    await new Promise((r) => setTimeout(r, 2000));
    redis = await startRedisServer({ port, appendonly: true, appendfsync: 'everysec', dir });
    const { progress, lost } = await waitForCrawl(s.rt, crawlId, { timeoutMs: 90_000 });
    expect(lost).toBe(0);
    expect(progress.finished).toBe(true);
    expect(progress.outcomes.failed).toBe(0);
    expect(workers.every((w) => w.child.exitCode === null)).toBe(true);
    expect(workers.map((w) => w.output()).join('')).toMatch(/redis connection error|worker error/);

    store = await s.openStore();
    const urls: string[] = [];
    for await (const a of store.scanArticles()) urls.push(a.article.url);
    expect(new Set(urls).size).toBe(urls.length);
    expect(urls.length).toBe(progress.outcomes.stored);
  }, 150_000);
});
