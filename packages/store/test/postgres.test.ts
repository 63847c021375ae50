import { postgresTestContext } from '@vnevents/testkit';
import { openStore } from '../src/index.js';
import { numberPlaceholders } from '../src/sql/postgres-driver.js';
import { type Harness, storeConformance } from './conformance.js';

async function postgresHarness(): Promise<Harness> {
  const ctx = await postgresTestContext('store');
  return {
    open: (opts = {}) => openStore({ ...opts, url: ctx.url, schema: ctx.schema }),
    async sql<T>(sql: string, params: unknown[] = []) {
      return (await ctx.pool.query(numberPlaceholders(sql), params)).rows as T[];
    },
    cleanup: () => ctx.cleanup(),
  };
}

storeConformance('PostgreSQL', postgresHarness);
