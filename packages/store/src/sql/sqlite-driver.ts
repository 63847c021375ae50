import type BetterSqlite3 from 'better-sqlite3';
import { CorruptDatabaseError, StoreError, StoreUnavailableError } from '../errors.js';
import type { Dialect, Row, SqlDriver, SqlExecutor, TableSpec } from './driver.js';
import { Mutex } from './mutex.js';

type Statement = BetterSqlite3.Statement<unknown[], unknown>;

/** Turns a better-sqlite3 error into one that says what happened and what to do. */
export function mapSqliteError(err: unknown, file: string): unknown {
  const code = (err as { code?: unknown }).code;
  if (typeof code !== 'string') return err;
  const msg = (err as Error).message;
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code === 'SQLITE_LOCKED')
    return new StoreUnavailableError(
      `${file} stayed locked by another writer longer than the busy timeout (${msg}); nothing of this transaction was written — retry`,
      { cause: err },
    );
  if (code === 'SQLITE_FULL' || code.startsWith('SQLITE_IOERR'))
    return new StoreError(
      `${file}: the disk is full or failed (${msg}); the transaction was rolled back, nothing half-written remains. Free space and retry`,
      { cause: err },
    );
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') return new CorruptDatabaseError(file, msg, { cause: err });
  return err;
}

/**
 * Connections of one process to one file share a mutex: better-sqlite3 waits for a lock synchronously
 * (busy_timeout), so a second in-process connection asking for the write lock while the first is inside an
 * async transaction would block the very event loop the first needs to finish. Across processes,
 * WAL + busy_timeout do the waiting.
 */
const FILE_MUTEXES = new Map<string, Mutex>();

/** One better-sqlite3 connection; calls are serialised so a transaction never sees a stranger's statements. */
export class SqliteDriver implements SqlDriver {
  readonly dialect: Dialect = 'sqlite';
  readonly connectionId = null;
  private readonly statements = new Map<string, Statement>();
  private readonly mutex: Mutex;
  private readonly direct: SqlExecutor;

  constructor(
    readonly db: BetterSqlite3.Database,
    readonly location: string,
  ) {
    let mutex = FILE_MUTEXES.get(location);
    if (!mutex) {
      mutex = new Mutex();
      FILE_MUTEXES.set(location, mutex);
    }
    this.mutex = mutex;
    this.direct = {
      dialect: 'sqlite',
      connectionId: null,
      all: async <T>(sql: string, params: readonly unknown[] = []) => this.allNow<T>(sql, params),
      run: async (sql: string, params: readonly unknown[] = []) => this.runNow(sql, params),
      insertRows: async (spec, rows) => this.insertNow(spec, rows),
      allocateIds: async (table, n) => this.allocateNow(table, n),
    };
  }

  private prepare(sql: string): Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  private wrap<T>(fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      throw mapSqliteError(err, this.location);
    }
  }

  private allNow<T>(sql: string, params: readonly unknown[]): T[] {
    return this.wrap(() => this.prepare(sql).all(...params) as T[]);
  }

  private runNow(sql: string, params: readonly unknown[]): number {
    return this.wrap(() => {
      const s = this.prepare(sql);
      if (s.reader) {
        s.all(...params);
        return 0;
      }
      return s.run(...params).changes;
    });
  }

  private insertNow(spec: TableSpec, rows: readonly (readonly unknown[])[]): void {
    if (rows.length === 0) return;
    const cols = spec.columns.map((c) => c.name);
    const sql = `INSERT INTO ${spec.table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})${spec.onConflict ? ` ${spec.onConflict}` : ''}`;
    this.wrap(() => {
      const s = this.prepare(sql);
      for (const r of rows) s.run(...r);
    });
  }

  private allocateNow(table: string, n: number): number[] {
    if (n === 0) return [];
    const row = this.allNow<{ m: number }>(`SELECT COALESCE(MAX(id), 0) AS m FROM ${table}`, [])[0];
    const first = (row?.m ?? 0) + 1;
    return Array.from({ length: n }, (_, i) => first + i);
  }

  all<T = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return this.mutex.run(() => this.allNow<T>(sql, params));
  }

  run(sql: string, params: readonly unknown[] = []): Promise<number> {
    return this.mutex.run(() => this.runNow(sql, params));
  }

  insertRows(spec: TableSpec, rows: readonly (readonly unknown[])[]): Promise<void> {
    return this.transaction((tx) => tx.insertRows(spec, rows));
  }

  allocateIds(): Promise<number[]> {
    return Promise.reject(new Error('allocateIds needs a transaction: call it on the executor given to transaction()'));
  }

  /** BEGIN IMMEDIATE takes the write lock up front (waiting up to busy_timeout), so the transaction never deadlocks. */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.mutex.run(async () => {
      this.wrap(() => this.db.exec('BEGIN IMMEDIATE'));
      try {
        const result = await fn(this.direct);
        this.wrap(() => this.db.exec('COMMIT'));
        return result;
      } catch (err) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw err;
      }
    });
  }

  async close(): Promise<void> {
    await this.mutex.run(() => {
      if (this.db.open) this.db.close();
    });
  }
}
