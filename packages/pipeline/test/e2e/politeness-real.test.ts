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
import type { OpenPorts } from '../../src/deps/index.js';
import { silentLogger } from '../../src/logging/index.js';
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
    // Two Fetchers (as two processes would have), one limiter in Redis.
    for (let i = 0; i < 2; i++) {
      const ports = await createDefaultPorts(
        h.config,
        silentLogger,
        { limiter: h.rt.limiter, redis: h.rt.redis },
        { sites: [site] },
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
    // Every page request started about the Crawl-delay (500 ms) after the request before it, whatever that was
    // (robots.txt is fetched with the site's 20 ms, before the Crawl-delay is known). The limiter grants starts 500 ms
    // apart on the Redis clock; the server sees them after the client's own latency (DNS check, connection, event
    // loop), so 100 ms of that jitter is allowed — still far above the site's 20 ms.
    const reqs = server.stats.requests({ host: '127.0.0.1' });
    const pages = reqs
      .map((r, i) => ({ r, gap: i ? r.startedAt - reqs[i - 1]!.startedAt : null }))
      .filter((x) => x.r.path !== '/robots.txt');
    expect(pages).toHaveLength(6);
    for (const p of pages) if (p.gap !== null) expect(p.gap).toBeGreaterThanOrEqual(400);
  });
});
