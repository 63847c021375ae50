import { HostBusyError } from '../politeness/index.js';

/**
 * What the worker boundary does with an error:
 *   non-retryable  → UnrecoverableError: failed at once, kept for `vnevents failed`
 *   critical       → UnrecoverableError too, logged at error level (configuration or environment is broken)
 *   throttled      → delayed by Retry-After, the host held back for every worker; no attempt used
 *   host-busy      → per-host politeness would make the job wait long: delayed, no attempt used
 *   retryable      → retried with exponential backoff (also anything unclassified, e.g. a dropped connection)
 * Sources: the crawler's error classes (NonRetryableError, RetryableError, ThrottledError, CriticalError), the
 * store's `retryable` flag (InvalidRecordError is not, StoreUnavailableError is), the pipeline's own errors.
 */
export type Action = 'non-retryable' | 'critical' | 'throttled' | 'host-busy' | 'retryable';

export interface ClassifiedError {
  action: Action;
  /** Finer kind for grouping: the crawler's `kind` (`http-404`, `timeout-headers` …), else the error's name. */
  kind: string;
  /** For throttled / host-busy: how long to wait. */
  retryAfterMs: number | null;
  message: string;
}

const BY_NAME: Record<string, Action> = {
  NonRetryableError: 'non-retryable',
  CriticalError: 'critical',
  ThrottledError: 'throttled',
  RetryableError: 'retryable',
  HostBusyError: 'host-busy',
  CorruptDatabaseError: 'critical',
  DatabaseTooNewError: 'critical',
  StoreUsageError: 'critical',
  UnknownSiteError: 'non-retryable',
};

type ErrLike = {
  name?: unknown;
  kind?: unknown;
  retryable?: unknown;
  retryAfterMs?: unknown;
  message?: unknown;
  code?: unknown;
  cause?: unknown;
};

function causes(err: unknown): ErrLike[] {
  const out: ErrLike[] = [];
  let e = err as ErrLike | null;
  while (e && typeof e === 'object' && out.length < 5) {
    out.push(e);
    e = e.cause as ErrLike | null;
  }
  return out;
}

export function classifyError(err: unknown): ClassifiedError {
  const chain = causes(err);
  const top = chain[0] ?? null;
  const message = top && typeof top.message === 'string' ? top.message : String(err);
  // A limiter busy deep inside the crawler's fetch still means "come back later".
  const busy = chain.find((e) => e instanceof HostBusyError) as HostBusyError | undefined;
  if (busy) return { action: 'host-busy', kind: 'host-busy', retryAfterMs: busy.retryAfterMs, message };
  let action: Action = 'retryable';
  const name = top && typeof top.name === 'string' ? top.name : '';
  if (BY_NAME[name]) action = BY_NAME[name];
  else if (top && top.retryable === false && /Error$/.test(name) && name !== 'Error') action = 'non-retryable';
  const kind =
    top && typeof top.kind === 'string' && top.kind
      ? top.kind
      : top && typeof top.code === 'string'
        ? top.code
        : name || 'error';
  const ra = top && typeof top.retryAfterMs === 'number' && Number.isFinite(top.retryAfterMs) ? top.retryAfterMs : null;
  const needsWait = action === 'throttled' || action === 'host-busy';
  return { action, kind, retryAfterMs: needsWait ? (ra ?? 1000) : ra, message };
}

/** The error BullMQ stores for a failed attempt: `[action kind] message`, the original kept as `cause`. */
export class StageError extends Error {
  constructor(
    readonly classified: ClassifiedError,
    cause: unknown,
  ) {
    super(formatReason(classified), { cause });
    this.name = 'StageError';
    if (cause instanceof Error && cause.stack) this.stack = `${this.name}: ${this.message}\n  caused by ${cause.stack}`;
  }
}

export function formatReason(c: ClassifiedError): string {
  return `[${c.action} ${c.kind}] ${c.message}`;
}

/** The kind recorded in a failed job's reason (`[action kind] message`), for grouping. */
export function kindOfReason(reason: string | undefined): string {
  const m = /^\[([a-z-]+) ([^\]]+)\]/.exec(reason ?? '');
  if (m) return m[2]!;
  if (reason?.includes('stalled')) return 'stalled';
  return 'unknown';
}
