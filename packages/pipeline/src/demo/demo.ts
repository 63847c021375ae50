import { randomBytes } from 'node:crypto';
import type { EventSummary, Store } from '@vnevents/store';
import type { Logger } from 'pino';
import { loadConfig } from '../config/index.js';
import { startSiteCrawl, waitForCrawl } from '../crawl/index.js';
import { createDefaultPorts, openConfiguredStore } from '../deps/default-ports.js';
import { STAGES } from '../queues/index.js';
import { ensureRedis, openRedis } from '../redis/index.js';
import { openRuntime } from '../runtime/index.js';
import type { CrawlProgress } from '../tracking/index.js';
import { runWorkers } from '../workers/index.js';
import { startFixtureSites } from './fixture-sites.js';

export interface DemoOptions {
  /** Redis to use when it answers (REDIS_URL; default 127.0.0.1:6379); else a private redis-server is started. */
  redisUrl: string;
  /** SQLite file (default ./data/vnevents.db). */
  dbPath: string;
  concurrency?: number;
  log: Logger;
  /** Told what the demo is doing (the CLI prints it). */
  onStep?: (message: string) => void;
  onProgress?: (p: CrawlProgress) => void;
  /** Stop waiting for the crawl after this long (default 120 s). */
  timeoutMs?: number;
}

export interface DemoResult {
  progress: CrawlProgress;
  seconds: number;
  /** Events of the demo's sites in the store, newest first. */
  events: EventSummary[];
  redis: { url: string; private: boolean };
  storeLocation: string;
  sites: { id: string; url: string }[];
  lost: number;
  timedOut: boolean;
}

/** Deletes every key under `prefix` (the demo's queues and counters). */
async function dropPrefix(url: string, prefix: string): Promise<void> {
  const r = openRedis(url);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await r.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await r.del(...keys);
    } while (cursor !== '0');
  } finally {
    await r.quit();
  }
}

async function eventsOf(store: Store, siteIds: string[]): Promise<EventSummary[]> {
  const out: EventSummary[] = [];
  for (const site of siteIds) out.push(...(await store.queryEvents({ site }, { limit: 1000 })).items);
  return out.sort((a, b) => b.sortDate.localeCompare(a.sortDate) || a.id - b.id);
}

/**
 * The main job on embedded defaults: Redis (or a private one), the fixture sites on loopback, workers for every
 * stage in this process, one crawl of both sites through the queues into the SQLite store, and the events found.
 */
export async function runDemo(opts: DemoOptions): Promise<DemoResult> {
  const step = opts.onStep ?? (() => undefined);
  const redis = await ensureRedis(opts.redisUrl, opts.log);
  step(
    redis.child
      ? `no Redis at ${opts.redisUrl}: started a private redis-server at ${redis.url}`
      : `Redis at ${redis.url}`,
  );
  const prefix = `vnevents-demo-${randomBytes(3).toString('hex')}`;
  const config = loadConfig(
    { redisUrl: redis.url, prefix, dbPath: opts.dbPath, databaseUrl: null, concurrency: opts.concurrency ?? 4 },
    {},
    undefined,
  );
  const cleanups: (() => Promise<void>)[] = [];
  try {
    if (redis.child) cleanups.unshift(() => redis.child!.stop());
    else cleanups.unshift(() => dropPrefix(redis.url, prefix));
    const fixtures = await startFixtureSites();
    cleanups.unshift(() => fixtures.close());
    step(`fixture sites on loopback: ${fixtures.sites.map((s) => `${s.id} ${s.baseUrl}`).join(', ')}`);
    const store = await openConfiguredStore(config, opts.dbPath);
    cleanups.unshift(() => store.close());
    step(`store: ${store.location} (SQLite)`);
    const lent = openRuntime(config, opts.log);
    cleanups.unshift(() => lent.close());
    const ports = await createDefaultPorts(
      config,
      opts.log,
      { limiter: lent.limiter, redis: lent.redis },
      {
        sites: fixtures.sites,
        store,
      },
    );
    cleanups.unshift(() => ports.close());
    const running = await runWorkers({ config, log: opts.log, stages: STAGES, concurrency: config.concurrency, ports });
    cleanups.unshift(() => running.stop(2000));
    const started = Date.now();
    const siteIds = fixtures.sites.map((s) => s.id);
    const crawlId = await startSiteCrawl(running.runtime, siteIds, 'demo');
    step(`crawl ${crawlId}: discover → fetch → extract → store, ${config.concurrency} jobs per stage`);
    const waited = await waitForCrawl(running.runtime, crawlId, {
      timeoutMs: opts.timeoutMs ?? 120_000,
      ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    });
    const seconds = (Date.now() - started) / 1000;
    return {
      progress: waited.progress,
      seconds,
      events: await eventsOf(store, siteIds),
      redis: { url: redis.url, private: redis.child !== null },
      storeLocation: store.location,
      sites: fixtures.sites.map((s) => ({ id: s.id, url: s.baseUrl })),
      lost: waited.lost,
      timedOut: waited.timedOut,
    };
  } finally {
    for (const c of cleanups) await c().catch((err: unknown) => opts.log.warn({ err }, 'demo cleanup step failed'));
  }
}
