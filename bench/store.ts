// Store benchmark: loads N synthetic events into SQLite and PostgreSQL through the batched write path
// (saveArticles + saveExtractions, many articles per transaction) and times typical analyst queries.
//   npx tsx bench/store.ts [--events 1000000] [--batch 500] [--samples 40] [--backend both|sqlite|postgres] [--keep]
// PostgreSQL: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test), in a schema of its own, dropped after.
// Only the store calls are timed (generating the synthetic articles is not).
import { randomBytes } from 'node:crypto';
import { rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { articleText, EVENT_TYPES, type ExtractionResult } from '../packages/schema/src/index.js';
import { type EventFilter, foldText, openStore, type Store } from '../packages/store/src/index.js';
import { postgresTestContext } from '../packages/testkit/src/index.js';
import { fmtBytes, fmtInt, fmtMs, percentile, table } from './store-stats.js';
import { benchPlaceResolver, makeArticle, makeWorld, rng, type World } from './store-synth.js';

const { values: args } = parseArgs({
  options: {
    events: { type: 'string', default: '1000000' },
    batch: { type: 'string', default: '500' },
    samples: { type: 'string', default: '40' },
    backend: { type: 'string', default: 'both' },
    keep: { type: 'boolean', default: false },
  },
});
const N = Number(args.events);
const BATCH = Number(args.batch);
const SAMPLES = Number(args.samples);
const EXTRACTOR: ExtractionResult['extractor'] = { name: 'bench-synthetic', version: '1.0.0', lexiconVersion: 'bench' };

const QUERY_KINDS = [
  'type + directive + year',
  'province + date range',
  'official (fuzzy, no diacritics)',
  'full text',
  'facets (province + year)',
  'keyset page 2',
] as const;
type QueryKind = (typeof QUERY_KINDS)[number];

interface Result {
  backend: string;
  articles: number;
  events: number;
  ingestSeconds: number;
  analyzeSeconds: number;
  queries: Record<QueryKind, number[]>;
  facetsAll: number;
  bytes: number;
}

const log = (s: string) => process.stderr.write(`${s}\n`);

async function ingest(store: Store, world: World): Promise<{ articles: number; events: number; seconds: number }> {
  const run = await store.startRun({ extractor: EXTRACTOR, params: { bench: true } });
  let events = 0;
  let articles = 0;
  let busy = 0;
  let nextReport = N / 10;
  while (events < N) {
    const batch = [];
    for (let i = 0; i < BATCH && events < N; i++) {
      const a = makeArticle(world, articles++, EXTRACTOR);
      batch.push(a);
      events += a.events;
    }
    const t0 = performance.now();
    const saved = await store.saveArticles(batch.map((b) => ({ pageId: null, article: b.article })));
    if (saved.rejected.length) throw saved.rejected[0];
    const r = await store.saveExtractions(
      run,
      batch.map((b, i) => ({ articleId: saved.ids[i] as number, result: b.result(articleText(b.article)) })),
    );
    if (r.rejected.length) throw r.rejected[0];
    busy += performance.now() - t0;
    if (events >= nextReport) {
      log(`  ${fmtInt(events)} events, ${fmtInt(events / (busy / 1000))} events/s`);
      nextReport += N / 10;
    }
  }
  await store.finishRun(run, { articles, events, errors: 0 });
  return { articles, events, seconds: busy / 1000 };
}

function filters(world: World, kind: QueryKind, i: number): EventFilter {
  const r = rng(1000 + i * 7919 + kind.length);
  const year = String(2019 + r.int(6));
  switch (kind) {
    case 'type + directive + year':
      return { type: r.pick(EVENT_TYPES), directive: r.pick(world.directives).ref, from: year, to: year };
    case 'province + date range': {
      const m = 1 + r.int(9);
      return {
        province: r.pick(world.provinces),
        from: `${year}-${String(m).padStart(2, '0')}-01`,
        to: `${year}-${String(m + 3).padStart(2, '0')}-31`,
      };
    }
    case 'official (fuzzy, no diacritics)':
      return { official: foldText(r.pick(world.officials).name) };
    case 'full text':
      return {
        text: r.pick([
          'Mường Ảng',
          '"giải ngân"',
          'Bình Liêu',
          '"hiến đất"',
          'Cô Tô sinh hoạt',
          'Tiên Yên',
          '"biên chế"',
        ]),
      };
    case 'facets (province + year)':
      return { province: r.pick(world.provinces), from: year, to: year };
    case 'keyset page 2':
      return { type: r.pick(EVENT_TYPES), from: year };
  }
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

async function runQueries(store: Store, world: World): Promise<{ queries: Result['queries']; facetsAll: number }> {
  const queries = Object.fromEntries(QUERY_KINDS.map((k) => [k, [] as number[]])) as Result['queries'];
  for (const kind of QUERY_KINDS) {
    for (let i = -3; i < SAMPLES; i++) {
      const f = filters(world, kind, i + 3);
      let ms: number;
      if (kind === 'facets (province + year)') ms = await time(() => store.facets(f));
      else if (kind === 'keyset page 2') {
        const p1 = await store.queryEvents(f, { limit: 50 });
        ms = await time(() => store.queryEvents(f, { limit: 50, after: p1.next }));
      } else ms = await time(() => store.queryEvents(f, { limit: 50 }));
      if (i >= 0) queries[kind].push(ms); // the first three warm caches
    }
  }
  const facetsAll = await time(() => store.facets({}));
  return { queries, facetsAll };
}

async function benchSqlite(world: World): Promise<Result> {
  const file = join(tmpdir(), `vnevents-bench-${randomBytes(4).toString('hex')}.db`);
  log(`SQLite: ${file}`);
  const store = await openStore({ url: file, placeResolver: benchPlaceResolver });
  try {
    const ing = await ingest(store, world);
    const analyzeSeconds = (await time(() => store.optimize())) / 1000;
    const q = await runQueries(store, world);
    await store.close();
    let bytes = 0;
    for (const f of [file, `${file}-wal`, `${file}-shm`]) bytes += statSync(f, { throwIfNoEntry: false })?.size ?? 0;
    return { backend: 'SQLite', ...ing, ingestSeconds: ing.seconds, analyzeSeconds, ...q, bytes };
  } finally {
    await store.close().catch(() => undefined);
    if (!args.keep) for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
    else log(`kept ${file}`);
  }
}

async function benchPostgres(world: World): Promise<Result> {
  // A private schema (testkit), dropped afterwards unless --keep.
  const ctx = await postgresTestContext('bench');
  log(`PostgreSQL: ${ctx.url} schema ${ctx.schema}`);
  const store = await openStore({ url: ctx.url, schema: ctx.schema, placeResolver: benchPlaceResolver });
  try {
    const ing = await ingest(store, world);
    const analyzeSeconds = (await time(() => store.optimize())) / 1000;
    const q = await runQueries(store, world);
    const size = await ctx.pool.query(
      `SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0)::bigint AS n FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind = 'r'`,
      [ctx.schema],
    );
    return {
      backend: 'PostgreSQL',
      ...ing,
      ingestSeconds: ing.seconds,
      analyzeSeconds,
      ...q,
      bytes: Number(size.rows[0].n),
    };
  } finally {
    await store.close().catch(() => undefined);
    if (!args.keep) await ctx.cleanup();
    else {
      await ctx.pool.end();
      log(`kept schema ${ctx.schema}`);
    }
  }
}

function report(results: Result[]): string {
  const cell = (r: Result, k: QueryKind) =>
    `${fmtMs(percentile(r.queries[k], 50))} / ${fmtMs(percentile(r.queries[k], 95))}`;
  const ratio = (a: number | undefined, b: number | undefined) =>
    a !== undefined && b !== undefined && a > 0 ? `${(b / a).toFixed(2)}x` : '';
  const [a, b] = results;
  const head = ['', ...results.map((r) => r.backend), ...(b ? [`${b.backend}/${a?.backend}`] : [])];
  const rows: string[][] = [head];
  const add = (label: string, f: (r: Result) => string, num?: (r: Result) => number) =>
    rows.push([label, ...results.map(f), ...(b && num ? [ratio(num(a as Result), num(b))] : b ? [''] : [])]);
  add('events', (r) => fmtInt(r.events));
  add('articles', (r) => fmtInt(r.articles));
  add(
    'ingest, events/s (batched)',
    (r) => fmtInt(r.events / r.ingestSeconds),
    (r) => r.events / r.ingestSeconds,
  );
  add(
    'ingest time',
    (r) => `${r.ingestSeconds.toFixed(0)} s`,
    (r) => r.ingestSeconds,
  );
  add(
    'ANALYZE after load',
    (r) => `${r.analyzeSeconds.toFixed(1)} s`,
    (r) => r.analyzeSeconds,
  );
  rows.push([`query p50 / p95, ms (${SAMPLES} samples, limit 50)`, ...results.map(() => ''), ...(b ? [''] : [])]);
  for (const k of QUERY_KINDS)
    add(
      `  ${k}`,
      (r) => cell(r, k),
      (r) => percentile(r.queries[k], 95),
    );
  add(
    '  facets, no filter (1 run)',
    (r) => fmtMs(r.facetsAll),
    (r) => r.facetsAll,
  );
  add(
    'database size on disk',
    (r) => fmtBytes(r.bytes),
    (r) => r.bytes,
  );
  return table(rows);
}

const world = makeWorld();
const results: Result[] = [];
log(`store bench: ${fmtInt(N)} events, ${BATCH} articles per transaction`);
if (args.backend === 'both' || args.backend === 'sqlite') results.push(await benchSqlite(world));
if (args.backend === 'both' || args.backend === 'postgres') results.push(await benchPostgres(world));
process.stdout.write(`\n${report(results)}\n`);
const worst = Math.max(...results.flatMap((r) => QUERY_KINDS.map((k) => percentile(r.queries[k], 95))));
const slowest = Math.min(...results.map((r) => r.events / r.ingestSeconds));
process.stdout.write(
  `\ntargets: ingest ≥ 5,000 events/s → ${slowest >= 5000 ? 'met' : 'MISSED'} (slowest ${fmtInt(slowest)}); ` +
    `p95 < 50 ms per query → ${worst < 50 ? 'met' : 'MISSED'} (worst ${fmtMs(worst)} ms)\n`,
);
