import { execFile } from 'node:child_process';
import { mkdtemp, open as openFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { CorruptDatabaseError, openStore, resolveStoreUrl } from '../src/index.js';
import { EXTRACTOR, makeArticle } from './support/builders.js';

const run = promisify(execFile);

describe('SQLite store: files and processes', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vnevents-sqlite-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('detects a file that is not a database at open, naming it and saying what to do', async () => {
    const file = join(dir, 'garbage.db');
    await writeFile(file, Buffer.from('this is not sqlite at all, just some bytes '.repeat(200)));
    const err = await openStore({ url: file }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CorruptDatabaseError);
    const msg = (err as Error).message;
    expect(msg).toContain(file);
    expect(msg).toMatch(/restore it from a backup/);
    expect(msg).toMatch(/\.recover/);
    expect(msg).toMatch(/VNEVENTS_DB/);
  });

  it('detects a damaged database (valid header, broken pages) with PRAGMA quick_check', async () => {
    const file = join(dir, 'damaged.db');
    const store = await openStore({ url: file });
    const ids = await store.saveArticles(
      Array.from({ length: 300 }, (_, i) => ({
        pageId: null,
        article: makeArticle({ paragraphs: [`Đoạn văn số ${i}: ${'nội dung kiểm tra '.repeat(30)}`] }),
      })),
    );
    expect(ids.rejected).toEqual([]);
    await store.close();
    const { size } = await stat(file);
    const pageSize = 4096;
    const fh = await openFile(file, 'r+');
    // Overwrite a run of b-tree pages in the middle of the file (not page 1, which holds the header and schema).
    const garbage = Buffer.alloc(pageSize * 4, 0xa5);
    await fh.write(garbage, 0, garbage.length, Math.floor(size / pageSize / 2) * pageSize);
    await fh.close();
    const err = await openStore({ url: file }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CorruptDatabaseError);
    expect((err as Error).message).toContain(file);
    expect((err as Error).message).toMatch(/quick_check|malformed/);
  });

  it('uses WAL with a busy timeout, and creates the folder of the file', async () => {
    const file = join(dir, 'a', 'b', 'store.db');
    const store = await openStore({ url: file });
    await store.close();
    const db = new Database(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('resolves where the store lives: option, then DATABASE_URL, then VNEVENTS_DB, then ./data/vnevents.db', () => {
    const saved = { d: process.env['DATABASE_URL'], v: process.env['VNEVENTS_DB'] };
    try {
      delete process.env['DATABASE_URL'];
      delete process.env['VNEVENTS_DB'];
      expect(resolveStoreUrl()).toBe('./data/vnevents.db');
      process.env['VNEVENTS_DB'] = '/tmp/x.db';
      expect(resolveStoreUrl()).toBe('/tmp/x.db');
      process.env['DATABASE_URL'] = 'postgres://h/db';
      expect(resolveStoreUrl()).toBe('postgres://h/db');
      expect(resolveStoreUrl('/srv/y.db')).toBe('/srv/y.db');
    } finally {
      for (const [k, v] of [
        ['DATABASE_URL', saved.d],
        ['VNEVENTS_DB', saved.v],
      ] as const)
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
    }
  });

  it('lets several processes write the same database at once (WAL + busy timeout)', async () => {
    const file = join(dir, 'shared.db');
    const init = await openStore({ url: file });
    await init.close();
    const script = join(import.meta.dirname, 'support', 'writer-process.ts');
    const outs = await Promise.all(
      [0, 1, 2].map(() => run(process.execPath, ['--import', 'tsx', script, file, '40'], { timeout: 60_000 })),
    );
    for (const o of outs) expect(o.stdout).toMatch(/^run \d+/);
    const db = new Database(file, { readonly: true });
    const one = (sql: string) => Number((db.prepare(sql).get() as { n: number }).n);
    expect(one('SELECT COUNT(*) AS n FROM runs')).toBe(3);
    expect(one('SELECT COUNT(*) AS n FROM articles')).toBe(40);
    expect(one('SELECT COUNT(*) AS n FROM events')).toBe(120);
    expect(one('SELECT COUNT(*) AS n FROM events WHERE latest = 1')).toBe(40);
    expect(one('SELECT COUNT(*) AS n FROM persons')).toBe(1);
    expect(one('SELECT COUNT(*) AS n FROM units')).toBe(2);
    expect(one('SELECT COUNT(*) AS n FROM directives')).toBe(1);
    expect(one('SELECT COUNT(*) AS n FROM event_officials')).toBe(120);
    db.close();
    const store = await openStore({ url: file });
    expect((await store.listRuns()).map((r) => r.extractor)).toEqual([EXTRACTOR, EXTRACTOR, EXTRACTOR]);
    await store.close();
  });
});
