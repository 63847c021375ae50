/**
 * Prints how long the lexicons and the gazetteer take to load and compile, and how fast the syllable-trie matcher
 * scans the dev articles compared with the obvious alternative measured in the same run: one case-insensitive
 * RegExp alternation of every surface (longest first) with word-boundary lookarounds.
 *
 *   npx tsx packages/extractor/scripts/bench-lexicon.ts [--rounds 50]
 *
 * Times are wall-clock and CPU milliseconds of this process; speeds and the ratio use CPU time, which a busy
 * machine disturbs less than wall-clock time. Nothing is asserted.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const corpus = resolve(here, '../../../../shared/corpus/dev/text');
const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1]) || 50;

/** Runs `f`, prints its wall-clock and CPU time, and returns its result and CPU milliseconds. */
function measure<T>(label: string, f: () => T): { result: T; cpu: number } {
  const before = process.cpuUsage();
  const t = performance.now();
  const result = f();
  const wall = performance.now() - t;
  const cpu = process.cpuUsage(before).user / 1000;
  console.log(`${label.padEnd(44)} ${wall.toFixed(1).padStart(8)} ms wall ${cpu.toFixed(1).padStart(8)} ms cpu`);
  return { result, cpu };
}
const timed = <T>(label: string, f: () => T): T => measure(label, f).result;

// Import inside the timed region would also time module evaluation; import first, then time the work.
const lexicon = await import('../src/lexicon/index.js');

const lexDir = lexicon.defaultLexiconDir();
for (const f of readdirSync(lexDir)
  .filter((f) => f.endsWith('.json'))
  .sort())
  console.log(`${`lexicons/${f}`.padEnd(44)} ${(statSync(join(lexDir, f)).size / 1024).toFixed(1).padStart(8)} KiB`);

const lex = timed('loadLexicons (read + validate 6 files)', () => lexicon.loadLexicons());
const matchers = timed('lexiconMatchers (compile 6 tries)', () => lexicon.lexiconMatchers(lex));
const g = timed('loadGazetteer (read + validate + index)', () => lexicon.loadGazetteer());
timed('compilePlaceMatcher (compile the place tries)', () => lexicon.compilePlaceMatcher(g));

const texts = readdirSync(corpus)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(join(corpus, f), 'utf8'));
const chars = texts.reduce((n, t) => n + t.length, 0);

// The alternative: one RegExp per lexicon over the same surfaces.
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
const regexps = (Object.keys(matchers) as (keyof typeof matchers)[]).map((name) => {
  const surfaces = lex[name].flatMap((e) => lexicon.surfacesOf(e)).sort((a, b) => b.length - a.length);
  return new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])(?:${surfaces.map(escapeRe).join('|')})(?![\\p{L}\\p{M}\\p{N}])`, 'giu');
});

let trieMatches = 0;
const trie = measure(`trie: 6 matchers × ${texts.length} articles × ${rounds}`, () => {
  for (let r = 0; r < rounds; r++)
    for (const text of texts) for (const m of Object.values(matchers)) trieMatches += m.findAll(text).length;
}).cpu;
let regexMatches = 0;
const regex = measure(`RegExp alternation: same work`, () => {
  for (let r = 0; r < rounds; r++)
    for (const text of texts) for (const re of regexps) for (const _ of text.matchAll(re)) regexMatches++;
}).cpu;
let places = 0;
const placeTime = measure(`findPlaces: ${texts.length} articles × ${rounds}`, () => {
  for (let r = 0; r < rounds; r++) for (const text of texts) places += lexicon.findPlaces(text).length;
}).cpu;

const mbps = (ms: number) => ((chars * rounds) / 1e6 / (ms / 1000)).toFixed(2); // per lexicon pass, CPU time
console.log(
  `\ntrie ${mbps(trie)} M chars/s (${trieMatches / rounds} matches/round); RegExp ${mbps(regex)} M chars/s (${regexMatches / rounds} matches/round, case rules not applied); trie is ${(regex / trie).toFixed(2)}× the RegExp's speed`,
);
console.log(`findPlaces ${mbps(placeTime)} M chars/s (${places / rounds} mentions/round)`);
