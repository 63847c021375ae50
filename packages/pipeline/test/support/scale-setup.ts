import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '@vnevents/store';
import {
  type PostgresTestContext,
  postgresTestContext,
  type RedisTestContext,
  redisTestContext,
} from '@vnevents/testkit';
import type { PipelineConfig } from '../../src/config/index.js';
import { type FixtureSites, startFixtureSites } from '../../src/demo/fixture-sites.js';
import { silentLogger } from '../../src/logging/index.js';
import { openRuntime, type PipelineRuntime } from '../../src/runtime/index.js';
import { testConfig } from './harness.js';
import { spawnWorker, type WorkerProcess } from './processes.js';

export interface ScaleSetupOptions {
  label: string;
  backend: 'sqlite' | 'postgres';
  /** Politeness of the news site (the golden one keeps the registry's 4 at a time). */
  politeness?: { delayMs: number; concurrency: number };
  /** At most this many article URLs from the news site. */
  newsMaxPages?: number;
  /** Redis to use instead of the testkit's (a private redis-server). */
  redisUrl?: string;
  /** PostgreSQL host:port the workers connect to instead of 127.0.0.1:5432 (a proxy). */
  pgPort?: number;
  env?: Record<string, string>;
}

/** Fixture sites, a registry file, a store, a Redis prefix, and worker processes wired to all of them. */
export interface ScaleSetup {
  redis: RedisTestContext;
  pg: PostgresTestContext | null;
  fixtures: FixtureSites;
  dir: string;
  env: Record<string, string>;
  config: PipelineConfig;
  /** The test's own view of the queues (to start and follow crawls). */
  rt: PipelineRuntime;
  workers: WorkerProcess[];
  spawn(name: string, extraEnv?: Record<string, string>): WorkerProcess;
  /** The store the workers write, opened in the test process. */
  openStore(): Promise<Store>;
  close(): Promise<void>;
}

export async function scaleSetup(o: ScaleSetupOptions): Promise<ScaleSetup> {
  const redis = await redisTestContext(o.label);
  const pg = o.backend === 'postgres' ? await postgresTestContext(o.label) : null;
  const fixtures = await startFixtureSites(
    { news: 0, golden: 0 },
    o.politeness ?? { delayMs: 10, concurrency: 2 },
    o.newsMaxPages ? { limits: { maxPages: o.newsMaxPages, maxDepth: 3, maxAgeDays: 365 } } : {},
  );
  const dir = await mkdtemp(join(tmpdir(), `vnevents-${o.label}-`));
  const sitesPath = join(dir, 'registry.json');
  await writeFile(sitesPath, JSON.stringify({ sites: fixtures.sites }));
  const redisUrl = o.redisUrl ?? redis.url;
  let dbUrl = join(dir, 'vnevents.db');
  if (pg) {
    const u = new URL(pg.url);
    if (o.pgPort) u.port = String(o.pgPort);
    dbUrl = u.toString();
  }
  const env: Record<string, string> = {
    REDIS_URL: redisUrl,
    VNEVENTS_PREFIX: redis.prefix,
    VNEVENTS_SITES: sitesPath,
    ...(pg ? { DATABASE_URL: dbUrl, VNEVENTS_DB_SCHEMA: pg.schema } : { VNEVENTS_DB: dbUrl }),
    VNEVENTS_CONCURRENCY: '4',
    VNEVENTS_LOCK_MS: '3000',
    VNEVENTS_STALLED_INTERVAL_MS: '1000',
    VNEVENTS_HOST_LEASE_MS: '3000',
    VNEVENTS_ATTEMPTS: '8',
    VNEVENTS_BACKOFF_MS: '300',
    ...o.env,
  };
  if (!pg) delete (env as Record<string, string | undefined>)['DATABASE_URL'];
  const config = testConfig(redis.prefix, redisUrl, { lockDurationMs: 3000, stalledIntervalMs: 1000 });
  const rt = openRuntime(config, silentLogger);
  const workers: WorkerProcess[] = [];
  const setup: ScaleSetup = {
    redis,
    pg,
    fixtures,
    dir,
    env,
    config,
    rt,
    workers,
    spawn(name, extraEnv = {}) {
      const w = spawnWorker(name, { ...env, ...extraEnv, ...(pg ? {} : { DATABASE_URL: '' }) });
      workers.push(w);
      return w;
    },
    openStore: () => openStore(pg ? { url: pg.url, schema: pg.schema } : { url: join(dir, 'vnevents.db') }),
    async close() {
      await Promise.all(workers.map((w) => w.kill('SIGKILL')));
      await rt.close();
      await fixtures.close();
      await redis.cleanup();
      await pg?.cleanup();
      await rm(dir, { recursive: true, force: true });
    },
  };
  return setup;
}
