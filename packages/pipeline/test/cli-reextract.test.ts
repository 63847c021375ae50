import { rm } from 'node:fs/promises';
import { afterAll, beforeEach, describe, expect, it } from '@jest/globals';
import { type ExtractionResult, validateExtractionResult } from '@vnevents/schema';
import { openStore } from '@vnevents/store';
import { Command } from 'commander';
import { type ExtractFn, registerReextract } from '../src/cli/commands/reextract.js';
import { runCli } from './support/cli.js';
import { seedStore } from './support/store-seed.js';

/** A tiny real extractor: one "briefing" event when the text says "Ngày", with the span of that word. */
const tinyExtract: ExtractFn = (input) => {
  const m = /Ngày/d.exec(input.text);
  const result: ExtractionResult = {
    schemaVersion: 1,
    source: {
      id: input.url ?? 'x',
      url: input.url ?? null,
      path: null,
      title: input.title ?? null,
      publishedAt: input.publishedAt ?? null,
      lang: 'vie',
      site: input.site ?? null,
    },
    extractor: { name: 'tiny', version: '2.0.0', lexiconVersion: 'none' },
    text: input.text,
    events: [],
  };
  if (m?.indices?.[0])
    result.events.push({
      type: 'briefing',
      typeSpan: m.indices[0],
      date: null,
      dateBasis: null,
      leadOfficial: null,
      officials: [],
      leadUnit: null,
      targetUnits: [],
      location: { province: null, district: null, commune: null },
      directives: [],
      results: [],
      limitations: [],
      recommendations: [],
      proposals: [],
      confidence: 0.1,
    });
  if (input.url?.includes('explode')) throw new Error('boom');
  return result;
};

async function reextract(extract: ExtractFn, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  let code = 0;
  const program = new Command('vnevents').exitOverride();
  registerReextract(program, { out: (l) => out.push(l), err: (l) => err.push(l) }, (c) => (code = Math.max(code, c)), {
    extract,
    placeResolver: (w) => ({ old: { ...w }, new: { ...w } }),
  });
  await program.parseAsync(['node', 'vnevents', 'reextract', ...args]);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('vnevents reextract', () => {
  let file: string;
  let dir: string;
  let run1: number;
  const dirs: string[] = [];

  beforeEach(async () => {
    ({ file, dir, runId: run1 } = await seedStore());
    dirs.push(dir);
  });

  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it('runs an extractor over the stored articles without fetching and records a new current run', async () => {
    expect(validateExtractionResult(tinyExtract({ text: 'Ngày 1' })).ok).toBe(true);
    const r = await reextract(tinyExtract, '--db', file, '--note', 'tiny rules');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^run (\d+): 4 articles re-extracted, 3 events, 0 errors$/);
    const store = await openStore({ url: file });
    try {
      const runs = await store.listRuns();
      expect(runs.map((x) => [x.extractor.name, x.note, x.counts])).toEqual([
        ['vnevents-rules', 'seed', { articles: 4, events: 3, errors: 0 }],
        ['tiny', 'tiny rules', { articles: 4, events: 3, errors: 0 }],
      ]);
      expect(runs[1]?.params).toEqual({ source: 'reextract' });
      expect((await store.queryEvents()).items.map((e) => e.type)).toEqual(['briefing', 'briefing', 'briefing']);
      expect((await store.queryEvents({ run: run1 })).items).toHaveLength(3);
    } finally {
      await store.close();
    }
  });

  it('takes only the articles of a site, or published since a day', async () => {
    const site = await reextract(tinyExtract, '--db', file, '--site', 'baodienbienphu.info.vn');
    expect(site.out).toMatch(/2 articles re-extracted, 1 events/);
    const since = await reextract(tinyExtract, '--db', file, '--since', '2024-06-01');
    expect(since.out).toMatch(/3 articles re-extracted, 2 events/);
    const none = await reextract(tinyExtract, '--db', file, '--site', 'nowhere.vn');
    expect(none.out).toBe('no stored articles match: nothing to re-extract, no run recorded');
  });

  it('counts an article the extractor fails on, names it, and keeps the others', async () => {
    const failing: ExtractFn = (input) =>
      tinyExtract({ ...input, url: input.url?.includes('lung-cu') ? `${input.url}#explode` : (input.url ?? null) });
    const r = await reextract(failing, '--db', file);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/4 articles re-extracted, 2 events, 1 errors/);
    expect(r.err).toMatch(/article \d+ \(https:\/\/baohagiang\.vn\/lung-cu\.html\): boom/);
  });

  it('uses the real extractor from the CLI', async () => {
    const r = await runCli('reextract', '--db', file);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^run \d+: 4 articles re-extracted, \d+ events, 0 errors$/);
    const list = await runCli('runs', 'list', '--db', file, '--format', 'json');
    const runs = JSON.parse(list.out) as { extractor: { name: string }; params: Record<string, unknown> }[];
    expect(runs[1]?.extractor.name).toBe('vnevents-rules');
    expect(runs[1]?.params['source']).toBe('reextract');
  });
});
