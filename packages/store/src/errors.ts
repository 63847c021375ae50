import type { ValidationIssue } from '@vnevents/schema';

/** Base class of every error the store throws on purpose. `retryable` tells a runner whether to try again. */
export class StoreError extends Error {
  readonly retryable: boolean = false;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A record failed validation; it was not written, and nothing else was lost. Fix the producer, not the store. */
export class InvalidRecordError extends StoreError {
  constructor(
    /** What the record is: `ExtractionResult <source id> (article 12)`, `Article <url>` … */
    readonly record: string,
    readonly issues: ValidationIssue[],
  ) {
    const shown = issues
      .slice(0, 5)
      .map((i) => `${i.path}: ${i.message} [rule: ${i.rule}]`)
      .join('; ');
    const more = issues.length > 5 ? ` (+${issues.length - 5} more)` : '';
    super(`rejected invalid ${record}: ${shown}${more}. Nothing was written for it; fix the record and save it again.`);
  }
}

/** The database file cannot be used: not SQLite, or damaged. Restore a backup or point the store elsewhere. */
export class CorruptDatabaseError extends StoreError {
  constructor(
    readonly file: string,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(
      `${file} is not a usable vnevents SQLite database (${detail}). ` +
        `If it is a copy of real data, restore it from a backup or try \`sqlite3 ${file} .recover | sqlite3 recovered.db\`; ` +
        'otherwise move it aside and open again (a new database is created), or point VNEVENTS_DB / --db at another file.',
      options,
    );
  }
}

/** The database was written by a newer vnevents; this code would misread it. */
export class DatabaseTooNewError extends StoreError {
  constructor(location: string, found: number, known: number) {
    super(
      `${location} has schema version ${found}, but this vnevents knows versions up to ${known}. ` +
        'Upgrade vnevents (git pull && pnpm install) before opening it; migrations only go forward.',
    );
  }
}

/** The database could not be reached or dropped the connection; nothing half-written remains. Retry later. */
export class StoreUnavailableError extends StoreError {
  override readonly retryable = true;
}

/** A referenced row (run, article, page, event) does not exist. */
export class NotFoundError extends StoreError {}

/** A caller passed a bad argument (a malformed cursor, an unknown option). */
export class StoreUsageError extends StoreError {}
