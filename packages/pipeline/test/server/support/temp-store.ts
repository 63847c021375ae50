import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type PlaceResolver, type Store } from '@vnevents/store';

export interface TempSqlite {
  store: Store;
  file: string;
  cleanup(): Promise<void>;
}

/** A fresh SQLite store in a temporary directory, removed by cleanup(). */
export async function tempSqliteStore(placeResolver?: PlaceResolver): Promise<TempSqlite> {
  const dir = await mkdtemp(join(tmpdir(), 'vnevents-server-'));
  const file = join(dir, 'vnevents.db');
  const store = await openStore({ url: file, ...(placeResolver ? { placeResolver } : {}) });
  return {
    store,
    file,
    async cleanup() {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
