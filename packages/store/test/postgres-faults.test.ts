import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { type PostgresTestContext, postgresTestContext } from '@vnevents/testkit';
import pg from 'pg';
import { openStore, type Store, StoreUnavailableError } from '../src/index.js';
import { EXTRACTOR } from './support/builders.js';
import { corpus } from './support/corpus.js';

describe('PostgreSQL store: lost connections', () => {
  let ctx: PostgresTestContext;
  const stores: Store[] = [];
  const clients: pg.Client[] = [];

  beforeEach(async () => {
    ctx = await postgresTestContext('store_faults');
  });

  afterEach(async () => {
    for (const s of stores.splice(0)) await s.close();
    for (const c of clients.splice(0)) await c.end();
    await ctx.cleanup();
  });

  const count = async (table: string, where = 'true', params: unknown[] = []) =>
    Number((await ctx.pool.query(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`, params)).rows[0].n);

  it('a backend killed in the middle of saving an article leaves no half-written article, and the store recovers', async () => {
    let kill = true;
    let killed: number | null = null;
    const admin = new pg.Client({ connectionString: ctx.url });
    clients.push(admin);
    await admin.connect();
    const store = await openStore({
      url: ctx.url,
      schema: ctx.schema,
      testHooks: {
        // Between the event rows and their officials, units, directives and items: terminate this very backend.
        afterEventRows: async ({ connectionId }) => {
          if (!kill || connectionId === null) return;
          kill = false;
          const r = await admin.query('SELECT pg_terminate_backend($1) AS ok', [connectionId]);
          expect(r.rows[0].ok).toBe(true);
          killed = connectionId;
        },
      },
    });
    stores.push(store);
    const docs = corpus();
    const ids: number[] = [];
    for (const d of docs) ids.push(await store.saveArticle(null, d.article));
    const run = await store.startRun({ extractor: EXTRACTOR });

    const err = await store.saveExtraction(run, ids[0]!, docs[0]!.result).catch((e: unknown) => e);
    expect(killed).not.toBeNull();
    expect(err).toBeInstanceOf(StoreUnavailableError);
    expect((err as StoreUnavailableError).retryable).toBe(true);
    expect((err as Error).message).toMatch(/lost the PostgreSQL connection.*nothing half-written remains/);
    for (const t of [
      'extractions',
      'events',
      'event_officials',
      'event_units',
      'event_directives',
      'items',
      'metrics',
      'units',
      'directives',
      'persons',
      'person_aliases',
    ])
      expect([t, await count(t)]).toEqual([t, 0]);
    expect(await count('article_latest')).toBe(0);
    const gone = await admin.query('SELECT COUNT(*) AS n FROM pg_stat_activity WHERE pid = $1', [killed]);
    expect(Number(gone.rows[0].n)).toBe(0);

    // Retrying on the same store works: the broken client was discarded, the caches hold nothing from it.
    const saved = await store.saveExtraction(run, ids[0]!, docs[0]!.result);
    expect(saved).toMatchObject({ events: 1, latest: true });
    expect(await count('events')).toBe(1);
    expect(await count('items')).toBe(4);
    expect((await store.queryEvents({ directive: '114-KL/TW' })).items).toHaveLength(1);
  });

  it('says PostgreSQL is not answering, and how to start it, when it cannot connect', async () => {
    const err = await openStore({ url: 'postgres://postgres@127.0.0.1:1/test' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreUnavailableError);
    expect((err as Error).message).toMatch(/not answering at postgres:\/\/postgres@127\.0\.0\.1:1\/test/);
    expect((err as Error).message).toMatch(/pg_ctlcluster/);
  });
});
