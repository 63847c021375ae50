// HTTP API benchmark: loads N synthetic events into a SQLite store (the store bench's generator, through the batched
// write path), serves it on loopback in a child process and runs autocannon against /api/events with typical
// filters, next to /health measured in the same run as the baseline (the cost of HTTP, routing and one trivial query).
//   npx tsx bench/api.ts [--events 1000000] [--duration 10] [--connections 10] [--db FILE] [--keep]
// --db FILE reuses a database this bench filled before (loading 1,000,000 events takes minutes); without it a
// temporary file is used and removed afterwards unless --keep. Targets: p95 < 50 ms for every /api/events scenario.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startServer } from '../packages/pipeline/src/server/index.js';
import { articleText, EVENT_TYPES, type ExtractionResult } from '../packages/schema/src/index.js';
import { foldText, openStore, type Store } from '../packages/store/src/index.js';
import { fmtBytes, fmtInt, fmtMs, percentile, table } from './store-stats.js';
import { benchPlaceResolver, makeArticle, makeWorld, rng, type World } from './store-synth.js';

// autocannon is a dev dependency of the pipeline package (bench/ is outside the workspace): load it from there.
interface CannonResult {
  requests: { average: number; total: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}
interface CannonInstance {
  on(event: 'response', fn: (client: unknown, status: number, bytes: number, ms: number) => void): void;
}
type Autocannon = (
  opts: Record<string, unknown>,
  done: (err: Error | null, result: CannonResult) => void,
) => CannonInstance;
const autocannon = createRequire(new URL('../packages/pipeline/package.json', import.meta.url))(
  'autocannon',
) as Autocannon;

const { values: args } = parseArgs({
  options: {
    events: { type: 'string', default: '1000000' },
    batch: { type: 'string', default: '500' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '10' },
    db: { type: 'string' },
    keep: { type: 'boolean', default: false },
    serve: { type: 'boolean', default: false },
  },
});
const log = (s: string) => process.stderr.write(`${s}\n`);
const EXTRACTOR: ExtractionResult['extractor'] = { name: 'bench-synthetic', version: '1.0.0', lexiconVersion: 'bench' };

// ---- child: the server under test, alone in its process ---------------------------------------------------------

if (args.serve) {
  const store = await openStore({ url: args.db as string, quickCheck: false });
  const server = await startServer({ store, port: 0, rateLimit: false });
  process.stdout.write(`LISTENING ${server.url}\n`);
  const stop = async () => {
    await server.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
} else await main();

// ---- parent -----------------------------------------------------------------------------------------------------

async function countEvents(store: Store): Promise<number> {
  return (await store.facets({}, { limit: 1 })).total;
}

async function ingest(store: Store, world: World, n: number, batchSize: number): Promise<void> {
  const run = await store.startRun({ extractor: EXTRACTOR, params: { bench: 'api' } });
  let events = 0;
  let articles = 0;
  let next = n / 10;
  const t0 = performance.now();
  while (events < n) {
    const batch = [];
    for (let i = 0; i < batchSize && events < n; i++) {
      const a = makeArticle(world, articles++, EXTRACTOR);
      batch.push(a);
      events += a.events;
    }
    const saved = await store.saveArticles(batch.map((b) => ({ pageId: null, article: b.article })));
    if (saved.rejected.length) throw saved.rejected[0];
    const r = await store.saveExtractions(
      run,
      batch.map((b, i) => ({ articleId: saved.ids[i] as number, result: b.result(articleText(b.article)) })),
    );
    if (r.rejected.length) throw r.rejected[0];
    if (events >= next) {
      log(`  ${fmtInt(events)} events, ${fmtInt(events / ((performance.now() - t0) / 1000))} events/s`);
      next += n / 10;
    }
  }
  await store.finishRun(run, { articles, events, errors: 0 });
}

function startChild(db: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--serve', '--db', db], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.on('line', (line) => {
      const m = /^LISTENING (\S+)/.exec(line);
      if (m) resolve({ child, url: m[1] as string });
    });
    child.once('exit', (code) => reject(new Error(`the server process exited (${code}) before listening`)));
  });
}

interface Scenario {
  name: string;
  paths: string[];
}

async function scenarios(url: string, world: World): Promise<Scenario[]> {
  const r = rng(20_240_101);
  const year = () => String(2019 + r.int(6));
  const many = (f: () => string, n = 64) => Array.from({ length: n }, f);
  const q = encodeURIComponent;
  // Half the provinces and names are typed without diacritics, as analysts do.
  const spelled = (s: string) => (r.next() < 0.5 ? foldText(s) : s);
  const phrases = ['Mường Ảng', '"giải ngân"', 'Bình Liêu', '"hiến đất"', 'Cô Tô sinh hoạt', 'Tiên Yên', '"biên chế"'];
  const page2: string[] = [];
  for (let i = 0; i < 64; i++) {
    const filter = `type=${r.pick(EVENT_TYPES)}&from=${year()}`;
    const res = await fetch(`${url}/api/events?${filter}`);
    const body = (await res.json()) as { next: string | null };
    if (body.next) page2.push(`/api/events?${filter}&after=${q(body.next)}`);
  }
  return [
    { name: '/health (baseline)', paths: ['/health'] },
    {
      name: 'type + province',
      paths: many(() => `/api/events?type=${r.pick(EVENT_TYPES)}&province=${q(spelled(r.pick(world.provinces)))}`),
    },
    {
      name: 'directive + year',
      paths: many(() => {
        const y = year();
        return `/api/events?directive=${q(r.pick(world.directives).ref)}&from=${y}&to=${y}`;
      }),
    },
    { name: 'full text', paths: many(() => `/api/events?text=${q(spelled(r.pick(phrases)))}`) },
    { name: 'page 2 via cursor', paths: page2 },
    { name: 'official (fuzzy)', paths: many(() => `/api/events?official=${q(spelled(r.pick(world.officials).name))}`) },
  ];
}

interface Measured {
  name: string;
  rps: number;
  latencies: number[];
  bad: number;
}

function cannon(url: string, s: Scenario, seconds: number, connections: number): Promise<Measured> {
  let i = 0;
  const latencies: number[] = [];
  let bad = 0;
  return new Promise((resolve, reject) => {
    const inst = autocannon(
      {
        url,
        connections,
        duration: seconds,
        requests: [
          {
            setupRequest: (req: Record<string, unknown>) => ({ ...req, path: s.paths[i++ % s.paths.length] }),
          },
        ],
      },
      (err, result) => {
        if (err) reject(err);
        else
          resolve({
            name: s.name,
            rps: result.requests.average,
            latencies,
            bad: bad + result.errors + result.timeouts,
          });
      },
    );
    inst.on('response', (_c, status, _b, ms) => {
      latencies.push(ms);
      if (status !== 200) bad++;
    });
  });
}

async function main(): Promise<void> {
  const n = Number(args.events);
  const world = makeWorld();
  const file = args.db ?? join(tmpdir(), `vnevents-bench-api-${randomBytes(4).toString('hex')}.db`);
  const temporary = args.db === undefined;
  log(`api bench: ${fmtInt(n)} events in ${file}`);
  const store = await openStore({ url: file, placeResolver: benchPlaceResolver, quickCheck: false });
  let have = await countEvents(store);
  if (have === 0) {
    log('loading synthetic events (bench/store-synth.ts) through saveArticles + saveExtractions');
    await ingest(store, world, n, Number(args.batch));
    await store.optimize();
    have = await countEvents(store);
  } else log(`reusing ${fmtInt(have)} events already in ${file}`);
  await store.close();
  const bytes = [file, `${file}-wal`].reduce((s, f) => s + (statSync(f, { throwIfNoEntry: false })?.size ?? 0), 0);

  const { child, url } = await startChild(file);
  const results: Measured[] = [];
  try {
    const list = await scenarios(url, world);
    const seconds = Number(args.duration);
    const connections = Number(args.connections);
    for (const s of list) {
      log(`  ${s.name}: ${args.warmup} s warm-up, ${seconds} s measured, ${connections} connections`);
      await cannon(url, s, Number(args.warmup), connections);
      results.push(await cannon(url, s, seconds, connections));
    }
  } finally {
    child.kill('SIGTERM');
    if (temporary && !args.keep) for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
    else if (temporary) log(`kept ${file} (reuse it with --db ${file})`);
  }

  const base = results[0] as Measured;
  const baseP95 = percentile(base.latencies, 95);
  const rows = [['scenario', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'not 200', 'req/s vs /health', 'p95 vs /health']];
  for (const r of results) {
    const p95 = percentile(r.latencies, 95);
    rows.push([
      r.name,
      fmtInt(r.rps),
      fmtMs(percentile(r.latencies, 50)),
      fmtMs(p95),
      fmtMs(percentile(r.latencies, 99)),
      fmtInt(r.bad),
      r === base ? '1.00x' : `${(r.rps / base.rps).toFixed(2)}x`,
      r === base ? '1.00x' : `${(p95 / baseP95).toFixed(1)}x`,
    ]);
  }
  process.stdout.write(
    `\nHTTP API over SQLite: ${fmtInt(have)} events (${fmtBytes(bytes)}), server in its own process, ` +
      `autocannon ${args.connections} connections, ${args.duration} s per scenario, limit 50 per page\n\n${table(rows)}\n`,
  );
  const api = results.slice(1);
  const worst = Math.max(...api.map((r) => percentile(r.latencies, 95)));
  const failed = api.filter((r) => r.bad > 0).map((r) => r.name);
  process.stdout.write(
    `\ntarget: p95 < 50 ms for /api/events → ${worst < 50 ? 'met' : 'MISSED'} (worst ${fmtMs(worst)} ms)` +
      `${failed.length ? `; answers other than 200 in: ${failed.join(', ')}` : ''}\n`,
  );
}
