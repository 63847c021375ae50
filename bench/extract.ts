/**
 * Extraction speed on one core: articles per second over every fixture article (and the dev corpus when present),
 * with peak memory, printed next to the cost of reading the same texts once (NFC + one regular-expression pass)
 * measured in the same run. Target (issue 4): >= 2,000 articles/s, <= 0.5 ms for a 4 KB article.
 *
 *   npx tsx bench/extract.ts [--seconds 5]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '../packages/extractor/src/index.js';

const repo = join(import.meta.dirname, '..');
const dirs = [join(repo, 'fixtures', 'articles', 'text'), join(repo, '..', 'shared', 'corpus', 'dev', 'text')];
const texts = dirs
  .filter((d) => existsSync(d))
  .flatMap((d) =>
    readdirSync(d)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => readFileSync(join(d, f), 'utf8')),
  );
if (!texts.length) throw new Error('no articles found under fixtures/articles/text');
const secondsArg = process.argv.indexOf('--seconds');
const seconds = secondsArg > 0 ? Number(process.argv[secondsArg + 1]) : 5;
const totalChars = texts.reduce((n, t) => n + t.length, 0);
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);

let peakRss = 0;
const sample = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};

function run(name: string, fn: (t: string) => unknown): { name: string; perSecond: number; mbPerSecond: number } {
  for (const t of texts) fn(t); // warm-up: lexicons, gazetteer and JIT
  let articles = 0;
  let sink = 0;
  const start = process.hrtime.bigint();
  const until = start + BigInt(Math.round(seconds * 1e9));
  let now = start;
  while (now < until) {
    for (const t of texts) {
      const r = fn(t);
      sink += typeof r === 'number' ? r : 1;
      articles++;
    }
    sample();
    now = process.hrtime.bigint();
  }
  const elapsed = Number(now - start) / 1e9;
  if (sink < 0) console.log(sink);
  const perSecond = articles / elapsed;
  return { name, perSecond, mbPerSecond: (perSecond * bytes) / texts.length / 1e6 };
}

const baseline = run('read once (NFC + one regex pass)', (t) => t.normalize('NFC').match(/\p{L}+/gu)?.length ?? 0);
const heapBefore = process.memoryUsage().heapUsed;
const full = run('vnevents extract()', (t) => extract({ text: t }).events.length);
const avgBytes = bytes / texts.length;
const ms4k = (1000 / full.perSecond) * (4096 / avgBytes);

console.log(
  `articles: ${texts.length} (avg ${(avgBytes / 1024).toFixed(1)} KB, ${totalChars} chars), ${seconds}s per case, one core`,
);
for (const r of [baseline, full])
  console.log(
    `${r.name.padEnd(36)} ${r.perSecond.toFixed(0).padStart(9)} articles/s  ${r.mbPerSecond.toFixed(2).padStart(7)} MB/s`,
  );
console.log(`extract() costs ${(baseline.perSecond / full.perSecond).toFixed(1)}x reading the text once`);
console.log(`≈ ${ms4k.toFixed(3)} ms per 4 KB article (target <= 0.5 ms, i.e. >= 2,000 articles/s)`);
console.log(
  `peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MB; heap growth during extract ${((process.memoryUsage().heapUsed - heapBefore) / 2 ** 20).toFixed(1)} MB`,
);
