import { createHash } from 'node:crypto';
import type pg from 'pg';
import { StoreError, StoreUnavailableError } from '../errors.js';
import type { Dialect, Row, SqlDriver, SqlExecutor, TableSpec } from './driver.js';

/** `?` placeholders → `$1, $2 …` (the store's SQL never has `?` inside string literals). */
export function numberPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

const CONNECTION_LOST = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006']);
const RETRY_TX = new Set(['40P01', '40001']);

function pgCode(err: unknown): string | undefined {
  const c = (err as { code?: unknown }).code;
  return typeof c === 'string' ? c : undefined;
}

/** True when the connection itself is gone (terminated backend, reset socket), not just the statement. */
export function isConnectionLost(err: unknown): boolean {
  const code = pgCode(err);
  if (code && (CONNECTION_LOST.has(code) || code === 'ECONNRESET' || code === 'ECONNREFUSED' || code === 'EPIPE'))
    return true;
  const msg = err instanceof Error ? err.message : '';
  return /Connection terminated|connection is closed|Client has encountered a connection error|terminating connection/i.test(
    msg,
  );
}

export function mapPgError(err: unknown, location: string): unknown {
  if (err instanceof StoreError) return err;
  if (isConnectionLost(err))
    return new StoreUnavailableError(
      `lost the PostgreSQL connection to ${location} (${(err as Error).message}); the open transaction was rolled back by the server, so nothing half-written remains — retry`,
      { cause: err },
    );
  return err;
}

function statementName(sql: string): string {
  return `vn_${createHash('sha1').update(sql).digest('hex').slice(0, 24)}`;
}

class PgExecutor implements SqlExecutor {
  readonly dialect: Dialect = 'postgres';
  private readonly sequences = new Map<string, string>();

  constructor(
    private readonly q: pg.Pool | pg.PoolClient,
    readonly connectionId: number | null,
  ) {}

  async all<T = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    const r = await this.q.query(numberPlaceholders(sql), params as unknown[]);
    return r.rows as T[];
  }

  async run(sql: string, params: readonly unknown[] = []): Promise<number> {
    const r = await this.q.query(numberPlaceholders(sql), params as unknown[]);
    return r.rowCount ?? 0;
  }

  /** One statement per call whatever the row count: `INSERT … SELECT … FROM unnest($1::t[], …)`. */
  async insertRows(spec: TableSpec, rows: readonly (readonly unknown[])[]): Promise<void> {
    if (rows.length === 0) return;
    const cols = spec.columns;
    const args = cols.map((c, i) => `$${i + 1}::${c.pg}[]`);
    const alias = cols.map((_, i) => `c${i}`);
    const select = cols.map((c, i) => (c.pgExpr ? c.pgExpr.replace(/\bv\b/g, `u.c${i}`) : `u.c${i}`));
    const text =
      `INSERT INTO ${spec.table} (${cols.map((c) => c.name).join(', ')}) ` +
      `SELECT ${select.join(', ')} FROM unnest(${args.join(', ')}) AS u(${alias.join(', ')})` +
      (spec.onConflict ? ` ${spec.onConflict}` : '');
    const values = cols.map((_, i) => rows.map((r) => r[i] ?? null));
    await this.q.query({ name: statementName(text), text, values });
  }

  async allocateIds(table: string, n: number): Promise<number[]> {
    if (n === 0) return [];
    let seq = this.sequences.get(table);
    if (!seq) {
      const r = await this.q.query('SELECT pg_get_serial_sequence($1, $2) AS s', [table, 'id']);
      seq = String((r.rows[0] as { s: string }).s);
      this.sequences.set(table, seq);
    }
    const r = await this.q.query('SELECT nextval($1::regclass)::int AS id FROM generate_series(1, $2)', [seq, n]);
    return (r.rows as { id: number }[]).map((x) => x.id);
  }
}

/** A pg Pool. Transactions run on one checked-out client; deadlocks and serialisation failures are retried. */
export class PostgresDriver implements SqlDriver {
  readonly dialect: Dialect = 'postgres';
  readonly connectionId = null;
  private readonly exec: PgExecutor;

  constructor(
    readonly pool: pg.Pool,
    readonly location: string,
  ) {
    this.exec = new PgExecutor(pool, null);
  }

  private async guard<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      throw mapPgError(err, this.location);
    }
  }

  all<T = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return this.guard(() => this.exec.all<T>(sql, params));
  }

  run(sql: string, params: readonly unknown[] = []): Promise<number> {
    return this.guard(() => this.exec.run(sql, params));
  }

  insertRows(spec: TableSpec, rows: readonly (readonly unknown[])[]): Promise<void> {
    return this.guard(() => this.exec.insertRows(spec, rows));
  }

  allocateIds(table: string, n: number): Promise<number[]> {
    return this.guard(() => this.exec.allocateIds(table, n));
  }

  async transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const client = await this.guard(() => this.pool.connect());
      // A checked-out client has no error listener: a backend killed between two statements would
      // otherwise crash the process with an unhandled 'error' event. Record it; the next query fails.
      let lost: unknown;
      const onError = (err: unknown) => {
        lost = err;
      };
      client.on('error', onError);
      let retry = false;
      try {
        await client.query('BEGIN');
        const result = await fn(new PgExecutor(client, (client as unknown as { processID: number }).processID));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        if (!lost && isConnectionLost(err)) lost = err;
        if (!lost) await client.query('ROLLBACK').catch((e: unknown) => (lost = e));
        retry = !lost && RETRY_TX.has(pgCode(err) ?? '') && attempt < 4;
        if (!retry) throw mapPgError(lost && !isConnectionLost(err) ? lost : err, this.location);
      } finally {
        client.removeListener('error', onError);
        client.release(lost ? (lost instanceof Error ? lost : new Error(String(lost))) : undefined);
      }
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
