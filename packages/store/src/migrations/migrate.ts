import { DatabaseTooNewError } from '../errors.js';
import type { Dialect, SqlDriver } from '../sql/driver.js';
import { initialSchema } from './v001-initial.js';

export interface Migration {
  version: number;
  name: string;
  statements(dialect: Dialect): string[];
}

/** Forward-only, in order. Add a migration by appending; never edit one that has shipped. */
export const MIGRATIONS: readonly Migration[] = [{ version: 1, name: 'initial', statements: initialSchema }];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;

/**
 * Brings the database to SCHEMA_VERSION (all pending migrations in one transaction) and refuses a database
 * written by newer code. Concurrent openers are serialised (SQLite write lock; PostgreSQL advisory lock).
 */
export async function migrate(db: SqlDriver): Promise<{ from: number; to: number }> {
  return db.transaction(async (tx) => {
    if (tx.dialect === 'postgres')
      await tx.run("SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.vnevents'))");
    await tx.run(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)',
    );
    const row = (await tx.all<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations'))[0];
    const from = row?.v ?? 0;
    if (from > SCHEMA_VERSION) throw new DatabaseTooNewError(db.location, from, SCHEMA_VERSION);
    for (const m of MIGRATIONS) {
      if (m.version <= from) continue;
      for (const sql of m.statements(tx.dialect)) await tx.run(sql);
      await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
        m.version,
        m.name,
        new Date().toISOString(),
      ]);
    }
    return { from, to: Math.max(from, SCHEMA_VERSION) };
  });
}
