import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';

const HOW_TO_START = [
  'Start it with (Debian/Ubuntu):',
  '  pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start',
  'or install it first: apt-get install -y postgresql',
  'and make sure a database "test" exists (createdb -U postgres test), or point DATABASE_URL at one.',
].join('\n');

export function databaseUrl(): string {
  return process.env['DATABASE_URL'] ?? DEFAULT_DATABASE_URL;
}

/** A test run's private PostgreSQL schema, dropped (with everything in it) by cleanup(). */
export interface PostgresTestContext {
  url: string;
  schema: string;
  /** A pool whose connections have `search_path` set to the private schema. */
  pool: pg.Pool;
  cleanup(): Promise<void>;
}

export async function postgresTestContext(label = 'test'): Promise<PostgresTestContext> {
  const url = databaseUrl();
  const schema = `vnt_${label.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (err) {
    await admin.end().catch(() => undefined);
    throw new Error(`PostgreSQL is not answering at ${url} (${(err as Error).message}).\n${HOW_TO_START}`);
  }
  try {
    await admin.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await admin.end();
  }
  const pool = new pg.Pool({ connectionString: url, options: `-c search_path=${schema}`, max: 4 });
  return {
    url,
    schema,
    pool,
    async cleanup() {
      await pool.end();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await c.end();
      }
    },
  };
}
