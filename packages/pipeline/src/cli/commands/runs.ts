import { DIFF_FIELDS, type RunDiff, type RunRecord } from '@vnevents/store';
import type { Command } from 'commander';
import { CliError, type CliIO } from '../io.js';
import { addStoreOptions, type StoreOptions, textTable, withStore } from './query.js';

interface ListOptions extends StoreOptions {
  format: string;
}

interface DiffOptions extends StoreOptions {
  format: string;
  examples: string;
}

function checkFormat(f: string): void {
  if (f !== 'table' && f !== 'json') throw new CliError(`--format must be table or json, not "${f}"`, 2);
}

function runId(name: string, v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0)
    throw new CliError(`${name} must be a run id (see vnevents runs list), not "${v}"`, 2);
  return n;
}

function runLine(r: RunRecord): string[] {
  const e = r.extractor;
  return [
    String(r.id),
    `${e.name} ${e.version}`,
    e.lexiconVersion,
    r.startedAt.slice(0, 19).replace('T', ' '),
    r.finishedAt ? r.finishedAt.slice(0, 19).replace('T', ' ') : '(open)',
    String(r.stored.articles),
    String(r.stored.events),
    r.counts ? String(r.counts.errors) : '',
    r.note ?? '',
  ];
}

const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/** The diff as text: counts, then per field how many events changed, with a few before → after examples. */
export function formatDiff(d: RunDiff): string[] {
  const out: string[] = [];
  const name = (r: RunRecord) =>
    `run ${r.id} (${r.extractor.name} ${r.extractor.version}, lexicon ${r.extractor.lexiconVersion})`;
  out.push(`A: ${name(d.a)}`, `B: ${name(d.b)}`, '');
  out.push(
    `articles: ${d.articles.both} in both, ${d.articles.onlyA} only in A (${d.events.onlyA} events), ${d.articles.onlyB} only in B (${d.events.onlyB} events)`,
  );
  out.push(
    `events of the articles in both: A ${d.events.a}, B ${d.events.b}; matched ${d.events.matched} (unchanged ${d.events.unchanged}), added ${d.events.added}, removed ${d.events.removed}`,
  );
  out.push('');
  for (const l of textTable(
    ['field', 'changed'],
    DIFF_FIELDS.map((f) => [f, String(d.fields[f].changed)]),
  ))
    out.push(l);
  for (const f of DIFF_FIELDS) {
    const x = d.fields[f];
    if (!x.examples.length) continue;
    out.push('', `${f}:`);
    for (const e of x.examples)
      out.push(`  article ${e.articleId} (event ${e.eventA} → ${e.eventB}): ${show(e.before)} → ${show(e.after)}`);
  }
  if (d.addedExamples.length) {
    out.push('', 'added:');
    for (const e of d.addedExamples)
      out.push(`  article ${e.articleId}: event ${e.eventId} ${e.type} ${e.date ?? ''}`.trimEnd());
  }
  if (d.removedExamples.length) {
    out.push('', 'removed:');
    for (const e of d.removedExamples)
      out.push(`  article ${e.articleId}: event ${e.eventId} ${e.type} ${e.date ?? ''}`.trimEnd());
  }
  return out;
}

export function registerRuns(program: Command, io: CliIO): void {
  const runs = program.command('runs').description('extraction runs: list them, or compare two field by field');

  addStoreOptions(
    runs
      .command('list')
      .description('every extraction run: extractor and lexicon versions, times, articles and events stored')
      .option('--format <format>', 'table | json', 'table'),
  ).action(async (opts: ListOptions) => {
    checkFormat(opts.format);
    await withStore(opts, async (store) => {
      const list = await store.listRuns();
      if (opts.format === 'json') return io.out(JSON.stringify(list, null, 2));
      if (!list.length) return io.out('no runs yet: vnevents run (pipeline) or vnevents reextract make them');
      for (const l of textTable(
        ['id', 'extractor', 'lexicon', 'started', 'finished', 'articles', 'events', 'errors', 'note'],
        list.map(runLine),
      ))
        io.out(l);
    });
  });

  addStoreOptions(
    runs
      .command('diff')
      .description('what changed between run A and run B, per field, over the articles both covered')
      .argument('<a>', 'the earlier run id')
      .argument('<b>', 'the later run id')
      .option('--examples <n>', 'examples shown per field', '5')
      .option('--format <format>', 'table | json', 'table'),
  ).action(async (a: string, b: string, opts: DiffOptions) => {
    checkFormat(opts.format);
    const examples = Number(opts.examples);
    if (!Number.isInteger(examples) || examples < 0)
      throw new CliError(`--examples must be a whole number, not "${opts.examples}"`, 2);
    const ra = runId('A', a);
    const rb = runId('B', b);
    await withStore(opts, async (store) => {
      const d = await store.diffRuns(ra, rb, { examples });
      if (opts.format === 'json') return io.out(JSON.stringify(d, null, 2));
      for (const l of formatDiff(d)) io.out(l);
    });
  });
}
