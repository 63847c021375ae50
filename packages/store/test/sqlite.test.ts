import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openStore } from '../src/index.js';
import { type Harness, storeConformance } from './conformance.js';

async function sqliteHarness(): Promise<Harness> {
  const dir = await mkdtemp(join(tmpdir(), 'vnevents-store-'));
  const file = join(dir, 'nested', 'vnevents.db');
  let raw: Database.Database | null = null;
  return {
    open: (opts = {}) => openStore({ ...opts, url: file }),
    async sql<T>(sql: string, params: unknown[] = []) {
      raw ??= new Database(file);
      const s = raw.prepare(sql);
      if (s.reader) return s.all(...params) as T[];
      s.run(...params);
      return [];
    },
    async cleanup() {
      raw?.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

storeConformance('SQLite', sqliteHarness);
