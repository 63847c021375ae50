/**
 * HTML → article: this parser against @mozilla/readability (over linkedom's DOM), same fixtures, same run.
 *
 *   npx tsx bench/parse.ts            # prints the table
 *   npx tsx bench/parse.ts --check    # exits 1 when a target is missed
 *
 * Per template family of fixtures/sites: body-text token F1 against expected.json (tokens are the
 * whitespace-split, lower-cased words of the joined body paragraphs; for Readability, of the textContent of
 * its result) and milliseconds per page for each tool, plus the speed ratio. Targets: F1 at least
 * Readability's on every family, and at least 5× faster per page.
 *
 * Fairness: both tools start from the same HTML string, so each timing includes building the DOM
 * (htmlparser2 inside cheerio for us, linkedom's parseHTML for Readability; Readability mutates the document,
 * so it needs a fresh one per run anyway). Files are read before timing and both tools are warmed up; each
 * family is timed in CYCLES cycles of one contiguous block per tool (≥ BLOCK_MS of CPU time in whole rounds
 * over the family's pages); times are medians over cycles and the speed-up is the median of the per-cycle
 * ratios. The time is CPU time (process.cpuUsage): on a shared machine wall-clock time mostly measures the
 * other processes; CPU time measures the work.
 * Pages that are not articles (listings, soft 404s) expect no body: an empty output scores F1 = 1, any text
 * scores 0 — Readability has no "not an article" answer, so it is charged for the text it returns there.
 * A second F1 column scores lead + paragraphs, for readers who count the sapo as body.
 */
import { createRequire } from 'node:module';
import { isNotArticle, type ParseResult, parse } from '../packages/crawler/src/parse/index.js';
import { loadSiteFixtures, type SiteFixture } from '../packages/crawler/test/parse/site-fixtures.js';
import { articleText } from '../packages/schema/src/index.js';

// Readability and linkedom are dev dependencies of packages/crawler: resolve them from there.
const require = createRequire(new URL('../packages/crawler/package.json', import.meta.url));
interface ReadabilityResult {
  textContent?: string | null;
}
const { Readability } = require('@mozilla/readability') as {
  Readability: new (doc: unknown) => { parse(): ReadabilityResult | null };
};
const { parseHTML } = require('linkedom') as { parseHTML(html: string): { document: unknown } };

const CYCLES = 11;
const BLOCK_MS = 100;
const MIN_ROUNDS = 2;
const check = process.argv.includes('--check');

function tokens(text: string): string[] {
  return text
    .toLowerCase()
    .split(/\s+/)
    .filter((t) => t.length > 0);
}

/** Bag-of-words F1; both empty = 1, one empty = 0. */
export function tokenF1(got: string[], want: string[]): number {
  if (got.length === 0 && want.length === 0) return 1;
  if (got.length === 0 || want.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const t of want) counts.set(t, (counts.get(t) ?? 0) + 1);
  let overlap = 0;
  for (const t of got) {
    const c = counts.get(t) ?? 0;
    if (c > 0) {
      overlap++;
      counts.set(t, c - 1);
    }
  }
  if (overlap === 0) return 0;
  const p = overlap / got.length;
  const r = overlap / want.length;
  return (2 * p * r) / (p + r);
}

function bodyOf(r: ParseResult | null): string {
  return r && !isNotArticle(r) ? r.paragraphs.join('\n') : '';
}

function leadBodyOf(r: ParseResult | null): string {
  return r && !isNotArticle(r) ? articleText({ title: null, lead: r.lead, paragraphs: r.paragraphs }) : '';
}

function readability(html: string): string {
  const { document } = parseHTML(html);
  return new Readability(document).parse()?.textContent ?? '';
}

function ours(f: SiteFixture): ParseResult {
  return parse(f.html, f.url);
}

interface Row extends Timing {
  family: string;
  pages: number;
  f1Ours: number;
  f1Read: number;
  f1LeadOurs: number;
  f1LeadRead: number;
}

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Whole rounds over `pages` until at least `ms` of CPU time have passed; CPU and wall ms per page. */
function block(pages: SiteFixture[], run: (p: SiteFixture) => unknown, ms: number): { cpu: number; wall: number } {
  let rounds = 0;
  const c0 = cpuMs();
  const t0 = process.hrtime.bigint();
  let cpu = 0;
  while (rounds < MIN_ROUNDS || cpu < ms) {
    for (const p of pages) run(p);
    rounds++;
    cpu = cpuMs() - c0;
  }
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  const n = rounds * pages.length;
  return { cpu: cpu / n, wall: wall / n };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

interface Timing {
  cpuOurs: number;
  cpuRead: number;
  wallOurs: number;
  wallRead: number;
  /** Median over cycles of (Readability CPU ms / our CPU ms) in adjacent blocks. */
  speedup: number;
}

/**
 * CYCLES cycles of one contiguous block per tool (so each tool mostly collects its own garbage rather than
 * the other's), tools alternating which goes first. Times are medians over cycles; the speed-up is the
 * median of the per-cycle ratios, each taken between two adjacent blocks that saw the same machine load.
 */
function timeFamily(pages: SiteFixture[]): Timing {
  const a: { cpu: number; wall: number }[] = [];
  const b: { cpu: number; wall: number }[] = [];
  const runRead = (p: SiteFixture): unknown => readability(p.html);
  for (let c = 0; c < CYCLES; c++) {
    if (c % 2 === 0) {
      a.push(block(pages, ours, BLOCK_MS));
      b.push(block(pages, runRead, BLOCK_MS));
    } else {
      b.push(block(pages, runRead, BLOCK_MS));
      a.push(block(pages, ours, BLOCK_MS));
    }
  }
  return {
    cpuOurs: median(a.map((x) => x.cpu)),
    cpuRead: median(b.map((x) => x.cpu)),
    wallOurs: median(a.map((x) => x.wall)),
    wallRead: median(b.map((x) => x.wall)),
    speedup: median(a.map((x, i) => b[i]!.cpu / x.cpu)),
  };
}

const fixtures = loadSiteFixtures();
const missing = fixtures.filter((f) => f.expected === null);
if (missing.length > 0) throw new Error(`no expected.json for ${missing.map((f) => f.dir).join(', ')}`);
const families = [...new Set(fixtures.map((f) => f.template))];

// Warm both tools up (JIT) before any timing.
for (let i = 0; i < 20; i++)
  for (const f of fixtures) {
    ours(f);
    readability(f.html);
  }

const rows: Row[] = [];
for (const family of families) {
  const pages = fixtures.filter((f) => f.template === family);
  let f1Ours = 0;
  let f1Read = 0;
  let f1LeadOurs = 0;
  let f1LeadRead = 0;
  for (const p of pages) {
    const want = tokens(bodyOf(p.expected));
    const wantLead = tokens(leadBodyOf(p.expected));
    const got = ours(p);
    const read = tokens(readability(p.html));
    f1Ours += tokenF1(tokens(bodyOf(got)), want);
    f1Read += tokenF1(read, want);
    f1LeadOurs += tokenF1(tokens(leadBodyOf(got)), wantLead);
    f1LeadRead += tokenF1(read, wantLead);
  }
  const n = pages.length;
  rows.push({
    family,
    pages: n,
    f1Ours: f1Ours / n,
    f1Read: f1Read / n,
    f1LeadOurs: f1LeadOurs / n,
    f1LeadRead: f1LeadRead / n,
    ...timeFamily(pages),
  });
}

const all: Row = {
  family: 'all',
  pages: fixtures.length,
  f1Ours: 0,
  f1Read: 0,
  f1LeadOurs: 0,
  f1LeadRead: 0,
  cpuOurs: 0,
  cpuRead: 0,
  wallOurs: 0,
  wallRead: 0,
  speedup: 0,
};
for (const r of rows) {
  const w = r.pages / fixtures.length;
  all.f1Ours += r.f1Ours * w;
  all.f1Read += r.f1Read * w;
  all.f1LeadOurs += r.f1LeadOurs * w;
  all.f1LeadRead += r.f1LeadRead * w;
  all.cpuOurs += r.cpuOurs * w;
  all.cpuRead += r.cpuRead * w;
  all.wallOurs += r.wallOurs * w;
  all.wallRead += r.wallRead * w;
  all.speedup += r.speedup * w;
}

const f = (x: number, d = 3): string => x.toFixed(d);
console.log(`HTML → article on ${fixtures.length} golden pages (fixtures/sites), node ${process.version}`);
console.log('F1: body-text token F1 against expected.json (F1+lead: lead and paragraphs).');
console.log('ms: CPU milliseconds per page (process.cpuUsage, median of 5 cycles), DOM building included;');
console.log('    wall-clock ms in brackets (inflated when the machine is busy). Speed-up: median of per-cycle');
console.log('    CPU-time ratios between adjacent blocks of the two tools (the "all" row: weighted by pages).\n');
console.log(
  [
    'family'.padEnd(11),
    'pages',
    'F1 ours',
    'F1 Readab.',
    'F1+lead ours',
    'F1+lead Readab.',
    'ms ours        ',
    'ms Readability   ',
    'speed-up',
  ].join('  '),
);
for (const r of [...rows, all]) {
  console.log(
    [
      r.family.padEnd(11),
      String(r.pages).padStart(5),
      f(r.f1Ours).padStart(7),
      f(r.f1Read).padStart(10),
      f(r.f1LeadOurs).padStart(12),
      f(r.f1LeadRead).padStart(15),
      `${f(r.cpuOurs, 2)} (${f(r.wallOurs, 2)})`.padStart(15),
      `${f(r.cpuRead, 2)} (${f(r.wallRead, 2)})`.padStart(17),
      `${f(r.speedup, 1)}×`.padStart(8),
    ].join('  '),
  );
}
const f1Misses = rows.filter((r) => r.f1Ours < r.f1Read);
const speedMisses = rows.filter((r) => r.speedup < 5);
console.log(
  `\ntargets: F1 ≥ Readability on every family: ${f1Misses.length === 0 ? 'yes' : `no (${f1Misses.map((r) => r.family).join(', ')})`}; ≥ 5× faster on every family: ${speedMisses.length === 0 ? 'yes' : `no (${speedMisses.map((r) => r.family).join(', ')})`}`,
);
if (check && (f1Misses.length > 0 || speedMisses.length > 0)) process.exit(1);
