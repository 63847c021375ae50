/** The two SQL dialects the store speaks. */
export type Dialect = 'sqlite' | 'postgres';

export type Row = Record<string, unknown>;

/** PostgreSQL array element types used by bulk inserts (`unnest($1::int[], …)`). */
export type PgType = 'int' | 'text' | 'float8' | 'bytea' | 'smallint';

export interface ColumnSpec {
  name: string;
  pg: PgType;
  /** PostgreSQL expression over the unnested value `v`, e.g. `to_tsvector('simple', v)`; the column gets its result. */
  pgExpr?: string;
}

/** A table written in bulk: the columns in row order, and what to do on a unique conflict. */
export interface TableSpec {
  table: string;
  columns: ColumnSpec[];
  /** e.g. `ON CONFLICT (key) DO NOTHING`; both dialects accept the same clause. */
  onConflict?: string;
}

/**
 * What the store needs from a database connection. SQL is written with `?` placeholders in a subset both
 * dialects accept; the PostgreSQL driver numbers them. Rows come back with plain JS numbers and strings.
 */
export interface SqlExecutor {
  readonly dialect: Dialect;
  all<T = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a statement; resolves to the number of rows it changed. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
  /** Inserts many rows, one array of values per row in `spec.columns` order. */
  insertRows(spec: TableSpec, rows: readonly (readonly unknown[])[]): Promise<void>;
  /** Reserves `n` fresh ids of `table` (its `id` column); inside a transaction. */
  allocateIds(table: string, n: number): Promise<number[]>;
  /** The server-side connection id (PostgreSQL backend pid), or null. */
  readonly connectionId: number | null;
}

export interface SqlDriver extends SqlExecutor {
  /** Runs `fn` in one transaction: everything it wrote is committed together, or nothing is. */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** Where the data lives, for messages: a file path or a URL without its password. */
  readonly location: string;
}

/** `col IN (…)` for a list of values, in the dialect's best form. An empty list matches nothing. */
export function inList(dialect: Dialect, column: string, values: readonly (number | string)[]): [string, unknown[]] {
  if (values.length === 0) return ['1 = 0', []];
  if (dialect === 'postgres') {
    const type = typeof values[0] === 'number' ? 'int' : 'text';
    return [`${column} = ANY(?::${type}[])`, [values]];
  }
  if (values.length <= 500) return [`${column} IN (${values.map(() => '?').join(', ')})`, [...values]];
  return [`${column} IN (SELECT value FROM json_each(?))`, [JSON.stringify(values)]];
}
