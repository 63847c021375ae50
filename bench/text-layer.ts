// Throughput of the extractor's text layer on the real dev articles, against a named baseline measured in the
// same run: (a) NFC + one regular-expression pass (counting /\p{L}+/gu), (b) the text layer — normalise,
// paragraphs, sentences, tokens (with their match keys) and the diacritic-folded match key of each article.
//
//   npx tsx bench/text-layer.ts [--mb 20] [--rounds 5] [--corpus ../shared/corpus/dev/text]
//
// The articles are repeated (each copy made distinct, so no cache sees the same string twice) to about --mb MB of
// UTF-8, processed one article at a time on one core. Prints MB/s of both passes, their ratio, and ms per 4 KB.
//
// Hook for later steps (lexicon matchers, recognisers): push onto `textLayerSteps`; each step gets the normalised
// text and returns a count (so the work cannot be optimised away), and is timed inside pass (b).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { matchKey, normalise, paragraphs, sentences, tokens } from '../packages/extractor/src/text/index.js';

export interface TextLayerStep {
  name: string;
  run: (text: string) => number;
}

/** Steps run after normalisation in pass (b), in order. Add lexicon matchers here. */
export const textLayerSteps: TextLayerStep[] = [
  {
    name: 'paragraphs + sentences + tokens',
    run: (text) => {
      let n = 0;
      for (const p of paragraphs(text)) {
        for (const s of sentences(text, p.start, p.end)) n += tokens(text, s.start, s.end).length;
      }
      return n;
    },
  },
  { name: 'matchKey (folded)', run: (text) => matchKey(text, { foldDiacritics: true }).length },
];

/** Pass (b) over one raw article: normalise, then every step of `textLayerSteps`. */
export function textLayerPass(raw: string): number {
  const { text } = normalise(raw);
  let n = text.length;
  for (const step of textLayerSteps) n += step.run(text);
  return n;
}

const LETTERS = /\p{L}+/gu;

/** Pass (a), the baseline: NFC and one regular-expression pass. */
export function baselinePass(raw: string): number {
  const text = raw.normalize('NFC');
  let n = 0;
  LETTERS.lastIndex = 0;
  while (LETTERS.exec(text) !== null) n++;
  return n;
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1]! : fallback;
}

interface Timing {
  /** Wall-clock milliseconds of the best round. */
  wall: number;
  /** CPU milliseconds (user + system) of the best round: steadier than wall time on a busy machine. */
  cpu: number;
}

function once(fn: (s: string) => number, docs: readonly string[]): Timing & { sink: number } {
  let sink = 0;
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (const d of docs) sink += fn(d);
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000, sink };
}

/**
 * Best round of each pass. Rounds alternate between the passes so that both see the same machine load; round 0
 * warms up the JIT and the lazily filled tables and is not counted.
 */
function timeInterleaved(
  passes: readonly ((s: string) => number)[],
  docs: readonly string[],
  rounds: number,
): Timing[] {
  const best = passes.map(() => ({ wall: Number.POSITIVE_INFINITY, cpu: Number.POSITIVE_INFINITY }));
  for (let r = 0; r <= rounds; r++) {
    passes.forEach((fn, i) => {
      const t = once(fn, docs);
      if (t.sink === 0) console.log('(nothing counted)');
      if (r === 0) return;
      best[i]!.wall = Math.min(best[i]!.wall, t.wall);
      best[i]!.cpu = Math.min(best[i]!.cpu, t.cpu);
    });
  }
  return best;
}

function main(): void {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const corpus = path.resolve(here, '..', arg('corpus', '../shared/corpus/dev/text'));
  if (!existsSync(corpus)) {
    console.error(`bench/text-layer: no corpus at ${corpus}.`);
    console.error(
      'Check out the shared corpus next to the repository (../shared/corpus/dev/text) or pass --corpus DIR.',
    );
    process.exit(2);
  }
  const files = readdirSync(corpus).filter((f) => f.endsWith('.txt'));
  if (files.length === 0) {
    console.error(`bench/text-layer: ${corpus} holds no .txt articles.`);
    process.exit(2);
  }
  const articles = files.map((f) => readFileSync(path.join(corpus, f), 'utf8'));
  const targetBytes = Number(arg('mb', '20')) * 1e6;
  const rounds = Number(arg('rounds', '5'));
  const docs: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < targetBytes; i++) {
    const d = `${articles[i % articles.length]}\n\nBài số ${i}`; // distinct copies: no cache hits across articles
    docs.push(d);
    bytes += Buffer.byteLength(d, 'utf8');
  }
  const mb = bytes / 1e6;
  const avgBytes = bytes / docs.length;
  console.log(`text layer bench: ${files.length} articles from ${corpus}`);
  console.log(
    `${docs.length} articles, ${mb.toFixed(1)} MB UTF-8 (avg ${(avgBytes / 1024).toFixed(1)} KB), best of ${rounds} rounds, one core`,
  );
  const load = os.loadavg()[0]!;
  const cores = os.availableParallelism();
  if (load > cores) {
    console.log(`note: load average ${load.toFixed(1)} on ${cores} cores — wall times are inflated; compare the ratio`);
  }
  const [a, b] = timeInterleaved([baselinePass, textLayerPass], docs, rounds) as [Timing, Timing];
  const rate = (ms: number) => (mb / (ms / 1000)).toFixed(1);
  const per4k = (ms: number) => ((ms / bytes) * 4096).toFixed(3);
  const rows = [
    ['pass', 'wall ms', 'MB/s', 'cpu ms', 'MB/s (cpu)', 'ms / 4 KB (cpu)'],
    ['(a) baseline: NFC + /\\p{L}+/gu', a.wall.toFixed(0), rate(a.wall), a.cpu.toFixed(0), rate(a.cpu), per4k(a.cpu)],
    [
      `(b) text layer: normalise + ${textLayerSteps.map((s) => s.name).join(' + ')}`,
      b.wall.toFixed(0),
      rate(b.wall),
      b.cpu.toFixed(0),
      rate(b.cpu),
      per4k(b.cpu),
    ],
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const r of rows)
    console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('   '));
  console.log(
    `ratio (b)/(a): ${(b.wall / a.wall).toFixed(2)}× wall, ${(b.cpu / a.cpu).toFixed(2)}× cpu; target for (b): ≥ 20 MB/s`,
  );
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
