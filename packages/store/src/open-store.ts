import { closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { CorruptDatabaseError, StoreError, StoreUnavailableError, StoreUsageError } from './errors.js';
import { migrate } from './migrations/migrate.js';
import { identityPlaceResolver } from './place.js';
import { PostgresDriver } from './sql/postgres-driver.js';
import { mapSqliteError, SqliteDriver } from './sql/sqlite-driver.js';
import { SqlStore } from './sql-store.js';
import type { OpenStoreOptions, Store } from './store.js';

export const DEFAULT_SQLITE_PATH = './data/vnevents.db';

/** Where the store lives: the option, else DATABASE_URL, else VNEVENTS_DB, else ./data/vnevents.db. */
export function resolveStoreUrl(url?: string): string {
  return url || process.env['DATABASE_URL'] || process.env['VNEVENTS_DB'] || DEFAULT_SQLITE_PATH;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(url);
}

/** The URL with its password masked, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url.replace(/:[^:@/]*@/, ':***@');
  }
}

/** Opens (creating and migrating when needed) the store at `url`: PostgreSQL for postgres:// URLs, else a SQLite file. */
export async function openStore(opts: OpenStoreOptions = {}): Promise<Store> {
  const url = resolveStoreUrl(opts.url);
  const driver = isPostgresUrl(url) ? await openPostgres(url, opts) : openSqlite(url, opts);
  try {
    await migrate(driver);
  } catch (err) {
    await driver.close().catch(() => undefined);
    throw err;
  }
  return new SqlStore(driver, opts.placeResolver ?? identityPlaceResolver, opts.testHooks, opts.tuning);
}

const SQLITE_HEADER = 'SQLite format 3\u0000';
/** quickCheck 'auto' reads files up to this size in full at open. */
export const QUICK_CHECK_MAX_BYTES = 512 * 1024 * 1024;

function openSqlite(path: string, opts: OpenStoreOptions): SqliteDriver {
  const file = resolve(path.replace(/^sqlite:(\/\/)?/i, ''));
  mkdirSync(dirname(file), { recursive: true });
  if (existsSync(file)) {
    const st = statSync(file);
    if (st.isDirectory()) throw new StoreUsageError(`${file} is a directory: give the path of a database file`);
    if (st.size > 0) {
      const head = Buffer.alloc(16);
      const fd = openSync(file, 'r');
      try {
        readSync(fd, head, 0, 16, 0);
      } finally {
        closeSync(fd);
      }
      if (head.toString('latin1') !== SQLITE_HEADER)
        throw new CorruptDatabaseError(file, 'it does not start with the SQLite header; it is not a SQLite database');
    }
  }
  let db: Database.Database;
  try {
    db = new Database(file);
  } catch (err) {
    throw mapSqliteError(err, file);
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma(`busy_timeout = ${opts.busyTimeoutMs ?? 10_000}`);
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // The indexes of a million events are a few hundred MB; a cache that holds them saves a read per insert.
    db.pragma(`cache_size = -${Math.round((opts.cacheSizeMb ?? 256) * 1024)}`);
    db.pragma('temp_store = MEMORY');
    db.prepare('SELECT COUNT(*) FROM sqlite_schema').get();
    const check = opts.quickCheck ?? 'auto';
    const size = existsSync(file) ? statSync(file).size : 0;
    if (check === true || (check === 'auto' && size <= QUICK_CHECK_MAX_BYTES)) {
      const rows = db.pragma('quick_check') as { quick_check: string }[];
      const problems = rows.map((r) => r.quick_check).filter((m) => m !== 'ok');
      if (problems.length)
        throw new CorruptDatabaseError(file, `PRAGMA quick_check found: ${problems.slice(0, 3).join('; ')}`);
    }
  } catch (err) {
    db.close();
    const mapped = mapSqliteError(err, file);
    if (mapped instanceof StoreError) throw mapped;
    throw new CorruptDatabaseError(file, (err as Error).message, { cause: err });
  }
  return new SqliteDriver(db, file);
}

const HOW_TO_START_PG =
  'Start PostgreSQL (Debian/Ubuntu: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start), ' +
  'check DATABASE_URL / --db, or use the SQLite store (unset DATABASE_URL; VNEVENTS_DB=./data/vnevents.db).';

async function openPostgres(url: string, opts: OpenStoreOptions): Promise<PostgresDriver> {
  const schema = opts.schema;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/i.test(schema))
    throw new StoreUsageError(`schema "${schema}" is not a plain identifier (letters, digits, _)`);
  const config: pg.PoolConfig = {
    connectionString: url,
    max: opts.poolSize ?? 4,
    connectionTimeoutMillis: 5000,
    application_name: 'vnevents-store',
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === 20
          ? (v: string) => Number(v)
          : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
    },
  };
  if (schema) config.options = `-c search_path=${schema}`;
  const pool = new pg.Pool(config);
  // Errors of idle clients (server restart, terminated backend): the pool drops the client; nothing to do here.
  pool.on('error', () => undefined);
  const location = `${redactUrl(url)}${schema ? ` (schema ${schema})` : ''}`;
  try {
    if (schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    else await pool.query('SELECT 1');
  } catch (err) {
    await pool.end().catch(() => undefined);
    const code = (err as { code?: string }).code;
    if (code && /^(28|3D|42)/.test(code)) throw err;
    throw new StoreUnavailableError(
      `PostgreSQL is not answering at ${location} (${(err as Error).message}). ${HOW_TO_START_PG}`,
      {
        cause: err,
      },
    );
  }
  return new PostgresDriver(pool, location);
}
