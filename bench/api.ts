// HTTP API benchmark: loads N synthetic events into a SQLite store (the store bench's generator, through the batched
// write path), serves it on loopback in a child process and runs autocannon against /api/events with typical
// filters, at one connection (an analyst's latency) and ten (throughput under load), next to two alternatives measured
// in the same run: /health (the cost of HTTP, routing and one trivial query) and the same requests as direct store
// calls (what the store alone costs, so the table shows where the time goes).
//   npx tsx bench/api.ts [--events 1000000] [--duration 10] [--connections 1,10] [--db FILE] [--keep]
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
import { EventsQuery, startServer, toEventFilter } from '../packages/pipeline/src/server/index.js';
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
    connections: { type: 'string', default: '1,10' },
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

/** The same requests as direct store calls (parsed by the server's own schema), one at a time: the in-run alternative. */
async function direct(store: Store, s: Scenario): Promise<number[]> {
  const out: number[] = [];
  for (const path of s.paths) {
    const [route, qs] = path.split('?') as [string, string | undefined];
    const t0 = performance.now();
    if (route === '/health') await store.schemaVersion();
    else {
      const query = EventsQuery.parse(Object.fromEntries(new URLSearchParams(qs ?? '')));
      await store.queryEvents(toEventFilter(query), { limit: query.limit, after: query.after ?? null });
    }
    out.push(performance.now() - t0);
  }
  return out;
}

interface Row {
  name: string;
  store: number[];
  http: Measured[];
}

async function main(): Promise<void> {
  const n = Number(args.events);
  const world = makeWorld();
  const file = args.db ?? join(tmpdir(), `vnevents-bench-api-${randomBytes(4).toString('hex')}.db`);
  const temporary = args.db === undefined;
  const levels = String(args.connections)
    .split(',')
    .map(Number)
    .filter((c) => Number.isInteger(c) && c > 0);
  log(`api bench: ${fmtInt(n)} events in ${file}`);
  const store = await openStore({ url: file, placeResolver: benchPlaceResolver, quickCheck: false });
  let have = await countEvents(store);
  if (have === 0) {
    log('loading synthetic events (bench/store-synth.ts) through saveArticles + saveExtractions');
    await ingest(store, world, n, Number(args.batch));
    await store.optimize();
    have = await countEvents(store);
  } else log(`reusing ${fmtInt(have)} events already in ${file}`);
  const bytes = [file, `${file}-wal`].reduce((s, f) => s + (statSync(f, { throwIfNoEntry: false })?.size ?? 0), 0);

  const { child, url } = await startChild(file);
  const rows: Row[] = [];
  try {
    const list = await scenarios(url, world);
    const seconds = Number(args.duration);
    for (const s of list) {
      log(`  ${s.name}: the store directly, then HTTP with ${levels.join(' and ')} connections`);
      await direct(store, s); // warms the page cache for both
      const row: Row = { name: s.name, store: await direct(store, s), http: [] };
      for (const c of levels) {
        await cannon(url, s, Number(args.warmup), c);
        row.http.push(await cannon(url, s, seconds, c));
      }
      rows.push(row);
    }
  } finally {
    child.kill('SIGTERM');
    await store.close();
    if (temporary && !args.keep) for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
    else if (temporary) log(`kept ${file} (reuse it with --db ${file})`);
  }
  process.stdout.write(`
${report(rows, levels, have, bytes)}
`);
}

function report(rows: Row[], levels: number[], events: number, bytes: number): string {
  const pct = (xs: number[]) => `${fmtMs(percentile(xs, 50))} / ${fmtMs(percentile(xs, 95))}`;
  const head = ['scenario', 'store direct p50 / p95 ms'];
  for (const c of levels) head.push(`HTTP ×${c} req/s`, `HTTP ×${c} p50 / p95 ms`);
  head.push(`HTTP ×${levels[0]} p95 / store p95`, `req/s vs /health (×${levels.at(-1)})`, 'not 200');
  const base = rows[0]?.http.at(-1);
  const table_ = [head];
  for (const r of rows) {
    const line = [r.name, pct(r.store)];
    for (const m of r.http) line.push(fmtInt(m.rps), pct(m.latencies));
    const first = r.http[0] as Measured;
    const last = r.http.at(-1) as Measured;
    line.push(
      `${(percentile(first.latencies, 95) / Math.max(percentile(r.store, 95), 0.01)).toFixed(1)}x`,
      base ? `${(last.rps / base.rps).toFixed(3)}x` : '',
      fmtInt(r.http.reduce((s, m) => s + m.bad, 0)),
    );
    table_.push(line);
  }
  const api = rows.slice(1);
  const worst = (i: number) => Math.max(...api.map((r) => percentile((r.http[i] as Measured).latencies, 95)));
  const verdicts = levels.map((c, i) => `×${c}: ${worst(i) < 50 ? 'met' : 'MISSED'} (worst ${fmtMs(worst(i))} ms)`);
  const storeWorst = Math.max(...api.map((r) => percentile(r.store, 95)));
  return [
    `HTTP API over SQLite: ${fmtInt(events)} events (${fmtBytes(bytes)}); server in its own process; autocannon for ` +
      `${args.duration} s per scenario and concurrency; 50 events per page. "store direct" runs the same requests as ` +
      'store.queryEvents calls in the bench process, one at a time (the alternative measured in the same run).',
    '',
    table(table_),
    '',
    `target p95 < 50 ms for /api/events → ${verdicts.join('; ')}; the store alone: worst p95 ${fmtMs(storeWorst)} ms`,
  ].join('\n');
}
