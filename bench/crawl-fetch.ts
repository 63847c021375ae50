/**
 * Fetch throughput against a bare undici loop, in the same run and on the same local server: N article pages
 * from the fixture server with politeness off (no delay, high concurrency, robots.txt not consulted) through the
 * vnevents Fetcher (address check, limiter, manual redirects, size-limited body, charset detection and decoding,
 * canonical URL), the same with robots.txt and the content hash, and `undici.request(...).body.text()` sending the
 * same request headers.
 * Rounds alternate between the loops; medians of pages/s and of process CPU per page are printed.
 * Target (issue 5): the Fetcher with politeness off at ≥ 0.8 of bare undici.
 *
 *   npx tsx bench/crawl-fetch.ts [--pages 2000] [--concurrency 64] [--rounds 3]
 */
import { createRequire } from 'node:module';
import { Fetcher, generateArticle, InProcessHostLimiter, startFixtureServer } from '../packages/crawler/src/index.js';

// undici is a dependency of the crawler package, not of the workspace root: load the same copy the Fetcher uses.
type Undici = typeof import('../packages/crawler/node_modules/undici/index.js');
const { Agent, request } = createRequire(new URL('../packages/crawler/package.json', import.meta.url))(
  'undici',
) as Undici;

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}
const pages = arg('pages', 2000);
const concurrency = arg('concurrency', 64);
const rounds = arg('rounds', 3);

interface Round {
  pagesPerSecond: number;
  /** Process CPU (user + system) per page in µs: client and in-process server together. */
  cpuMicrosPerPage: number;
}

/** Runs `fn` over `items` with `limit` workers; returns the rate and the CPU spent per item. */
async function pool<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<unknown>): Promise<Round> {
  let next = 0;
  const start = performance.now();
  const cpu = process.cpuUsage();
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
  const used = process.cpuUsage(cpu);
  return {
    pagesPerSecond: items.length / ((performance.now() - start) / 1000),
    cpuMicrosPerPage: (used.user + used.system) / items.length,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const server = await startFixtureServer();
const urls = Array.from({ length: pages }, (_, i) => `${server.url}${generateArticle(i + 1).path}`);
const bytesPerPage = Buffer.byteLength(await (await request(urls[0]!)).body.text());

const fetcherOptions = {
  allowAddresses: ['loopback'] as const,
  politeness: { delayMs: 0, concurrency },
  connectionsPerOrigin: concurrency,
};
// Politeness off: no delay, per-host concurrency = the pool size, robots.txt not consulted.
const fetcher = new Fetcher({
  ...fetcherOptions,
  robots: false,
  limiter: new InProcessHostLimiter({ globalConcurrency: concurrency }),
});
// The same with robots.txt checked for every URL and the content hash read (what crawlSite does).
const fullFetcher = new Fetcher({
  ...fetcherOptions,
  limiter: new InProcessHostLimiter({ globalConcurrency: concurrency }),
});
const agent = new Agent({ connections: concurrency });
/** The bare loop sends what the Fetcher sends, so the server does the same work for both. */
const sameHeaders = {
  'user-agent': fetcher.userAgent,
  accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1',
  'accept-encoding': 'gzip, deflate, br',
  'accept-language': 'vi,en;q=0.5',
};

let checksum = 0;
const loops: [string, (url: string) => Promise<void>][] = [
  [
    'bare undici request loop',
    async (url) => {
      const res = await request(url, { dispatcher: agent, headers: sameHeaders });
      checksum += (await res.body.text()).length;
    },
  ],
  [
    'vnevents Fetcher (politeness off)',
    async (url) => {
      const page = await fetcher.fetchPage(url);
      if (!page.notModified) checksum += page.html.length;
    },
  ],
  [
    '  + robots.txt + content hash',
    async (url) => {
      const page = await fullFetcher.fetchPage(url);
      if (!page.notModified) checksum += page.contentHash.length;
    },
  ],
];

// Warm-up, one full round each: connections, JIT, robots.txt cache.
for (const [, fn] of loops) await pool(urls, concurrency, fn);

const results: Round[][] = loops.map(() => []);
for (let r = 0; r < rounds; r++)
  for (const [i, [, fn]] of loops.entries()) results[i]!.push(await pool(urls, concurrency, fn));
await fetcher.close();
await fullFetcher.close();
await agent.close();
await server.close();

const rate = (rs: Round[]) => median(rs.map((r) => r.pagesPerSecond));
const cpu = (rs: Round[]) => median(rs.map((r) => r.cpuMicrosPerPage));
const fmt = (n: number) => n.toFixed(0).padStart(7);
console.log(
  `crawl-fetch: ${pages} pages of ~${(bytesPerPage / 1024).toFixed(1)} KB from the local fixture server, concurrency ${concurrency}, median of ${rounds} rounds`,
);
const [bare] = results;
for (const [i, [name]] of loops.entries()) {
  const rs = results[i]!;
  const ratio =
    i === 0
      ? ''
      : `  ratio ${(rate(rs) / rate(bare!)).toFixed(2)} (pages/s), ${(cpu(bare!) / cpu(rs)).toFixed(2)} (CPU)`;
  console.log(
    `  ${name.padEnd(36)}${fmt(rate(rs))} pages/s ${fmt(cpu(rs))} µs CPU/page${ratio}   rounds: ${rs.map((r) => r.pagesPerSecond.toFixed(0)).join(', ')}`,
  );
}
console.log('  target: Fetcher (politeness off) ≥ 0.80 of bare undici. CPU per page includes the in-process server;');
console.log('  pages/s is noisy when other processes share the cores, CPU per page much less so.');
if (checksum < 0) console.log(checksum);
