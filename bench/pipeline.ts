/**
 * End-to-end pipeline throughput, with and without the queues, in the same run: N generated article pages from the
 * local fixture server, politeness off, into a fresh SQLite store each round.
 *
 *  - in-process: for each URL, fetch → parse → extract → store called directly (the same port functions the
 *    workers call), `concurrency` URLs at a time;
 *  - queued: the same pages as BullMQ jobs on Redis through fetch → extract → store workers (the discover stage runs
 *    once per site, not per page, so pages enter at fetch), `concurrency` jobs per stage, workers in this process;
 *    the crawl is followed until every URL has an outcome.
 *
 * Rounds alternate between the two; medians of pages/s are printed with the ratio queued / in-process (the cost of
 * the queues: job writes and reads in Redis, gzip+base64 of bodies between stages, crawl tracking, lock renewal).
 *
 *   npx tsx bench/pipeline.ts [--pages 300] [--concurrency 8] [--rounds 3]     (Redis at REDIS_URL or 127.0.0.1:6379)
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalizeUrl, fixtureSite, generateArticle, startFixtureServer } from '../packages/crawler/src/index.js';
import { loadConfig } from '../packages/pipeline/src/config/index.js';
import { startUrlCrawl, waitForCrawl } from '../packages/pipeline/src/crawl/index.js';
import { createDefaultPorts, openConfiguredStore } from '../packages/pipeline/src/deps/default-ports.js';
import type { PipelinePorts } from '../packages/pipeline/src/deps/index.js';
import { silentLogger } from '../packages/pipeline/src/logging/index.js';
import { NoHostLimiter } from '../packages/pipeline/src/politeness/index.js';
import { contentHash } from '../packages/pipeline/src/queues/index.js';
import { openRedis, redisAnswers } from '../packages/pipeline/src/redis/index.js';
import { openRuntime } from '../packages/pipeline/src/runtime/index.js';
import { runWorkers } from '../packages/pipeline/src/workers/index.js';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}
const pages = arg('pages', 300);
const concurrency = arg('concurrency', 8);
const rounds = arg('rounds', 3);
const redisUrl = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
if (!(await redisAnswers(redisUrl))) {
  console.error(`Redis is not answering at ${redisUrl}: start one (redis-server) or set REDIS_URL.`);
  process.exit(1);
}

const server = await startFixtureServer();
const site = fixtureSite(server.url, 'fixture-news', { politeness: { delayMs: 0, concurrency: 1000 } });
let nextId = 10_000;
/** Fresh article URLs (new ids each round, so nothing is deduplicated against an earlier round). */
const urlsFor = (n: number) => Array.from({ length: n }, () => `${server.url}${generateArticle(nextId++).path}`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Ports on a fresh SQLite file, politeness off. */
async function freshPorts(dir: string, prefix: string) {
  const config = loadConfig(
    { redisUrl, prefix, dbPath: join(dir, 'bench.db'), databaseUrl: null, politeness: false, concurrency },
    {},
    undefined,
  );
  const store = await openConfiguredStore(config);
  const open = await createDefaultPorts(
    config,
    silentLogger,
    { limiter: new NoHostLimiter(), redis: null },
    {
      sites: [site],
      store,
    },
  );
  return { config, store, open };
}

/** fetch → parse → extract → store, called directly. */
async function oneInProcess(ports: PipelinePorts, url: string): Promise<void> {
  const signal = new AbortController().signal;
  const r = await ports.crawler.fetch(url, {
    site,
    validators: null,
    limiter: new NoHostLimiter(),
    signal,
    log: silentLogger,
  });
  if (r.kind !== 'page') throw new Error(`unexpected 304 for ${url}`);
  const parsed = ports.crawler.parse(r.html, r.finalUrl, site);
  const article = 'notArticle' in parsed ? null : parsed;
  await ports.store.savePageRecord({
    siteId: site.id,
    url,
    canonicalUrl: canonicalizeUrl(url),
    finalUrl: r.finalUrl,
    status: r.status,
    headers: r.headers,
    contentType: r.contentType,
    charset: r.charset,
    body: r.body,
    contentHash: r.contentHash ?? contentHash(r.body),
    etag: r.etag,
    lastModified: r.lastModified,
    fetchedAt: r.fetchedAt,
    article,
    notArticle: article ? null : (parsed as Exclude<typeof parsed, typeof article & object>),
    extraction: article ? ports.extractor.extract(article, site) : null,
  } as Parameters<PipelinePorts['store']['savePageRecord']>[0]);
}

interface Round {
  pagesPerSecond: number;
  /** CPU of this process (client, workers and the fixture server) per page, µs. */
  cpuPerPage: number;
  /** CPU of redis-server per page, µs (queued only). */
  redisCpuPerPage: number;
}

async function redisCpuMicros(): Promise<number> {
  const r = openRedis(redisUrl);
  try {
    const info = await r.info('cpu');
    const f = (k: string) => Number(new RegExp(`${k}:([\\d.]+)`).exec(info)?.[1] ?? 0);
    return (f('used_cpu_sys') + f('used_cpu_user')) * 1e6;
  } finally {
    r.disconnect();
  }
}

function measure(n: number, start: number, cpu: NodeJS.CpuUsage, redisStart = 0, redisEnd = 0): Round {
  const used = process.cpuUsage(cpu);
  return {
    pagesPerSecond: n / ((performance.now() - start) / 1000),
    cpuPerPage: (used.user + used.system) / n,
    redisCpuPerPage: (redisEnd - redisStart) / n,
  };
}

async function inProcessRound(n: number): Promise<Round> {
  const dir = await mkdtemp(join(tmpdir(), 'vnevents-bench-'));
  const { store, open } = await freshPorts(dir, 'unused');
  try {
    await oneInProcess(open.ports, urlsFor(1)[0]!); // warm the run and the extractor
    const urls = urlsFor(n);
    let next = 0;
    const start = performance.now();
    const cpu = process.cpuUsage();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < urls.length) await oneInProcess(open.ports, urls[next++]!);
      }),
    );
    return measure(n, start, cpu);
  } finally {
    await open.close();
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

async function queuedRound(n: number): Promise<Round> {
  const dir = await mkdtemp(join(tmpdir(), 'vnevents-bench-'));
  const prefix = `vnevents-bench-${randomBytes(3).toString('hex')}`;
  const { config, store, open } = await freshPorts(dir, prefix);
  const rt = openRuntime(config, silentLogger);
  const running = await runWorkers({
    config,
    log: silentLogger,
    stages: ['fetch', 'extract', 'store'],
    concurrency,
    ports: open,
  });
  try {
    const toCrawl = (urls: string[]) =>
      urls.map((url) => ({ url, canonicalUrl: canonicalizeUrl(url), siteId: site.id }));
    const warm = await startUrlCrawl(rt, toCrawl(urlsFor(1)));
    await waitForCrawl(rt, warm.crawlId, { pollMs: 20 });
    const urls = urlsFor(n);
    const redisStart = await redisCpuMicros();
    const start = performance.now();
    const cpu = process.cpuUsage();
    const { crawlId } = await startUrlCrawl(rt, toCrawl(urls));
    const { progress } = await waitForCrawl(rt, crawlId, { pollMs: 100 });
    const round = measure(n, start, cpu, redisStart, await redisCpuMicros());
    if (progress.outcomes.failed || progress.done !== n)
      throw new Error(`queued round lost pages: ${JSON.stringify(progress)}`);
    return round;
  } finally {
    await running.stop(1000);
    await rt.close();
    await open.close();
    await store.close();
    const r = openRedis(redisUrl);
    let cursor = '0';
    do {
      const [c, keys] = await r.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = c;
      if (keys.length) await r.del(...keys);
    } while (cursor !== '0');
    await r.quit();
    await rm(dir, { recursive: true, force: true });
  }
}

console.log(
  `pipeline bench: ${pages} generated article pages per round from the local fixture server, politeness off, ` +
    `SQLite store, ${concurrency} at a time, ${rounds} rounds, ${cpus().length} CPUs`,
);
const direct: Round[] = [];
const queued: Round[] = [];
const ms = (us: number) => (us / 1000).toFixed(1);
for (let r = 0; r < rounds; r++) {
  direct.push(await inProcessRound(pages));
  queued.push(await queuedRound(pages));
  const [a, b] = [direct.at(-1)!, queued.at(-1)!];
  console.log(
    `  round ${r + 1}: in-process ${a.pagesPerSecond.toFixed(1)} pages/s (${ms(a.cpuPerPage)} ms CPU/page), ` +
      `queued ${b.pagesPerSecond.toFixed(1)} pages/s (${ms(b.cpuPerPage)} ms CPU/page + Redis ${ms(b.redisCpuPerPage)} ms)`,
  );
}
const d = median(direct.map((x) => x.pagesPerSecond));
const q = median(queued.map((x) => x.pagesPerSecond));
const dc = median(direct.map((x) => x.cpuPerPage));
const qc = median(queued.map((x) => x.cpuPerPage + x.redisCpuPerPage));
console.log(`in-process (fetch → parse → extract → store, no queues): ${d.toFixed(1)} pages/s, ${ms(dc)} ms CPU/page`);
console.log(
  `through the BullMQ queues (fetch, extract, store workers): ${q.toFixed(1)} pages/s, ${ms(qc)} ms CPU/page incl. Redis`,
);
console.log(
  `queue overhead ratio (queued / in-process pages/s): ${(q / d).toFixed(2)}; CPU per page ×${(qc / dc).toFixed(2)}`,
);
await server.close();
