import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import {
  canonicalizeUrl,
  type FixtureServer,
  fixtureSite,
  generateArticle,
  startFixtureServer,
} from '@vnevents/crawler';
import { startUrlCrawl } from '../../src/crawl/index.js';
import { createDefaultPorts } from '../../src/deps/default-ports.js';
import type { HostLimiterPort, OpenPorts } from '../../src/deps/index.js';
import { silentLogger } from '../../src/logging/index.js';
import type { RedisHostLimiter } from '../../src/politeness/index.js';
import { startWorkers, type WorkerSet } from '../../src/workers/index.js';
import { type Harness, harness } from '../support/harness.js';
import { until } from '../support/processes.js';

let h: Harness | null = null;
let server: FixtureServer | null = null;
let dir = '';
const open: OpenPorts[] = [];
const sets: WorkerSet[] = [];
afterEach(async () => {
  await Promise.all(sets.splice(0).map((w) => w.close(1000)));
  await h?.close();
  h = null;
  await Promise.all(open.splice(0).map((o) => o.close()));
  await server?.close();
  server = null;
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('politeness with the real crawler, two worker sets sharing the Redis lease', () => {
  it("honours robots.txt Crawl-delay when it is larger than the site's delay (measured by the server)", async () => {
    server = await startFixtureServer();
    server.setRobots('*', 'User-agent: *\nCrawl-delay: 0.5\nDisallow: /private/\n');
    const site = fixtureSite(server.url, 'fixture-news', { politeness: { delayMs: 20, concurrency: 2 } });
    dir = await mkdtemp(join(tmpdir(), 'vnevents-pol-'));
    h = await harness('polreal', { dbPath: join(dir, 'v.db'), databaseUrl: null });
    // The shared limiter, watched: the delay each request asked for, and when Redis granted it (its clock).
    const [, pace] = (h.rt.limiter as RedisHostLimiter).keys(new URL(server.url).host);
    const asked: { delayMs: number; grantedAt: number }[] = [];
    const watched: HostLimiterPort = {
      penalize: (host, ms) => h!.rt.limiter.penalize(host, ms),
      async acquire(host, o) {
        const release = await h!.rt.limiter.acquire(host, o);
        asked.push({ delayMs: o.delayMs, grantedAt: Number(await h!.rt.redis.hget(pace, 'last')) });
        return release;
      },
    };
    // Two Fetchers (as two processes would have), one limiter in Redis.
    for (let i = 0; i < 2; i++) {
      const ports = await createDefaultPorts(
        h.config,
        silentLogger,
        { limiter: watched, redis: h.rt.redis },
        {
          sites: [site],
        },
      );
      open.push(ports);
      // Fetch only: a CPU-bound extraction in this same process would delay sending a granted request, and the
      // server would measure the event loop instead of the limiter.
      sets.push(startWorkers(h.rt, ports.ports, { stages: ['fetch'], concurrency: 4 }));
    }
    const urls = [1, 2, 3, 4, 5, 6].map((i) => `${server!.url}${generateArticle(500 + i).path}`);
    await startUrlCrawl(
      h.rt,
      urls.map((url) => ({ url, canonicalUrl: canonicalizeUrl(url), siteId: site.id })),
    );
    await until('six pages fetched', async () => (await h!.rt.queues.fetch.getCompletedCount()) === 6, 30_000);
    expect(await h.rt.queues.extract.getWaitingCount()).toBe(6);
    // robots.txt is fetched with the site's 20 ms (the Crawl-delay is not known yet); every page asks for 500 ms.
    expect(asked.map((a) => a.delayMs).sort()).toEqual([20, 20, 500, 500, 500, 500, 500, 500]);
    // Redis granted the page requests at least 500 ms after the start before them, whatever that was.
    const grants = asked.map((a) => a.grantedAt).sort((a, b) => a - b);
    asked.forEach((a) => {
      const i = grants.indexOf(a.grantedAt);
      if (a.delayMs === 500 && i > 0) expect(a.grantedAt - grants[i - 1]!).toBeGreaterThanOrEqual(500);
    });
    // The server saw them that far apart too, give or take the client's own latency on a busy machine (far above
    // the site's 20 ms all the same).
    const reqs = server.stats.requests({ host: '127.0.0.1' });
    const pages = reqs
      .map((r, i) => ({ r, gap: i ? r.startedAt - reqs[i - 1]!.startedAt : null }))
      .filter((x) => x.r.path !== '/robots.txt');
    expect(pages).toHaveLength(6);
    for (const p of pages) if (p.gap !== null) expect(p.gap).toBeGreaterThanOrEqual(250);
  });
});
