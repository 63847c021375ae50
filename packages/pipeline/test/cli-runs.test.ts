import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openStore, type RunDiff, type RunRecord } from '@vnevents/store';
import { runCli } from './support/cli.js';
import { EXTRACTOR, SEED, seedResult, seedStore } from './support/store-seed.js';

describe('vnevents runs', () => {
  let file: string;
  let dir: string;
  let run1: number;
  let run2: number;

  beforeAll(async () => {
    let articleIds: number[];
    ({ file, dir, articleIds, runId: run1 } = await seedStore());
    // Run 2: a new rule calls the Mường Ảng visit a supervision and drops the Lũng Cú event.
    const store = await openStore({ url: file });
    run2 = await store.startRun({ extractor: { ...EXTRACTOR, lexiconVersion: 'lex-test-2' }, note: 'new type rule' });
    const ext = { ...EXTRACTOR, lexiconVersion: 'lex-test-2' };
    await store.saveExtractions(run2, [
      { articleId: articleIds[0]!, result: seedResult(SEED[0]!, ext, (e) => (e.type = 'supervision')) },
      { articleId: articleIds[1]!, result: { ...seedResult(SEED[1]!, ext), events: [] } },
      { articleId: articleIds[2]!, result: seedResult(SEED[2]!, ext) },
    ]);
    await store.finishRun(run2, { articles: 3, events: 2, errors: 0 });
    await store.close();
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('lists runs with extractor and lexicon versions and what each stored', async () => {
    const r = await runCli('runs', 'list', '--db', file);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/^id\s+extractor\s+lexicon\s+started\s+finished\s+articles\s+events\s+errors\s+note$/);
    expect(lines[2]).toMatch(
      new RegExp(`^${run1}\\s+vnevents-rules 0\\.1\\.0\\s+lex-test\\s+.*\\s+4\\s+3\\s+0\\s+seed$`),
    );
    expect(lines[3]).toMatch(/lex-test-2 .*\s+3\s+2\s+0\s+new type rule$/);
    const json = JSON.parse((await runCli('runs', 'list', '--db', file, '--format', 'json')).out) as RunRecord[];
    expect(json.map((x) => x.id)).toEqual([run1, run2]);
  });

  it('diffs two runs per field, with examples', async () => {
    const r = await runCli('runs', 'diff', String(run1), String(run2), '--db', file);
    expect(r.code).toBe(0);
    expect(r.out).toContain('lexicon lex-test-2');
    expect(r.out).toContain('articles: 3 in both, 1 only in A (0 events), 0 only in B (0 events)');
    expect(r.out).toContain('A 3, B 2; matched 2 (unchanged 1), added 0, removed 1');
    expect(r.out).toMatch(/\ntype\s+1\n/);
    expect(r.out).toMatch(/\nlocation\s+0\n/);
    expect(r.out).toContain('inspection → supervision');
    expect(r.out).toMatch(/removed:\n {2}article \d+: event \d+ supervision 2023-03-05/);
    const json = JSON.parse(
      (await runCli('runs', 'diff', String(run1), String(run2), '--db', file, '--format', 'json')).out,
    ) as RunDiff;
    expect(json.fields.type.changed).toBe(1);
    expect(json.events.removed).toBe(1);
  });

  it('names a run that does not exist', async () => {
    const r = await runCli('runs', 'diff', String(run1), '999', '--db', file);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/run 999 does not exist: see `vnevents runs list`/);
    const bad = await runCli('runs', 'diff', 'one', '2', '--db', file);
    expect(bad.code).toBe(2);
  });
});
