import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { ACQUIRE, EXTEND, PENALIZE, RELEASE } from './lease-scripts.js';

/** Per-host politeness the crawler asks for before each request (the crawler's HostSlotOptions). */
export interface HostPoliteness {
  /** Minimum time between two request starts to the host (site delay or robots Crawl-delay, the larger). */
  delayMs: number;
  /** Requests to the host in flight at once (Infinity: no limit). */
  concurrency: number;
}

/**
 * Ends a lease (the crawler's ReleaseHostSlot): `retryAfterMs` holds the host back for every worker. Callers
 * need not await it; the promise never rejects (a failed release is logged, and the lease expires by itself).
 */
export type ReleaseLease = (outcome?: { retryAfterMs?: number }) => Promise<void>;

/** Thrown by acquire() when the host would be free only after `maxWaitMs`: the caller should come back later. */
export class HostBusyError extends Error {
  readonly kind = 'host-busy';
  constructor(
    readonly host: string,
    readonly retryAfterMs: number,
  ) {
    super(`host ${host} is busy for another ${retryAfterMs} ms (per-host politeness): delay the job and try again`);
    this.name = 'HostBusyError';
  }
}

export interface RedisHostLimiterOptions {
  redis: Redis;
  /** Root of the keys (the pipeline's prefix). */
  prefix: string;
  logger: Logger;
  /** A lease not renewed for this long frees itself (a dead worker). Renewed every ttl/3 while held. */
  leaseTtlMs?: number;
  /** Give up with HostBusyError when the host would be free only later than this (default: wait forever). */
  maxWaitMs?: number;
  /** Poll interval while every lease of the host is held (released leases are seen on the next poll). */
  busyPollMs?: number;
}

export interface AcquireOptions extends HostPoliteness {
  signal?: AbortSignal;
  /** Overrides the limiter's maxWaitMs for this call. */
  maxWaitMs?: number;
}

/**
 * Per-host politeness shared by every worker on every machine, backed by Redis: a ZSET of leases with expiry
 * bounds concurrency, the time of the last start (and any Retry-After hold) enforces the delay, both on the Redis clock.
 */
export class RedisHostLimiter {
  private readonly redis: Redis;
  private readonly prefix: string;
  private readonly log: Logger;
  private readonly ttl: number;
  private readonly maxWaitMs: number;
  private readonly busyPollMs: number;

  constructor(opts: RedisHostLimiterOptions) {
    this.redis = opts.redis;
    this.prefix = opts.prefix;
    this.log = opts.logger;
    this.ttl = opts.leaseTtlMs ?? 60_000;
    this.maxWaitMs = opts.maxWaitMs ?? Number.POSITIVE_INFINITY;
    this.busyPollMs = opts.busyPollMs ?? 25;
    if (!('vneventsLeaseAcquire' in this.redis)) {
      this.redis.defineCommand('vneventsLeaseAcquire', { numberOfKeys: 2, lua: ACQUIRE });
      this.redis.defineCommand('vneventsLeaseRelease', { numberOfKeys: 2, lua: RELEASE });
      this.redis.defineCommand('vneventsLeaseExtend', { numberOfKeys: 2, lua: EXTEND });
      this.redis.defineCommand('vneventsLeasePenalize', { numberOfKeys: 2, lua: PENALIZE });
    }
  }

  keys(host: string): [string, string] {
    const h = host.toLowerCase();
    return [`${this.prefix}:host:{${h}}:leases`, `${this.prefix}:host:{${h}}:pace`];
  }

  /** Waits for a lease on `host`; resolves to the function that releases it. */
  async acquire(host: string, opts: AcquireOptions): Promise<ReleaseLease> {
    const keys = this.keys(host);
    const id = `${process.pid}-${randomBytes(6).toString('hex')}`;
    const concurrency = Number.isFinite(opts.concurrency) ? Math.max(1, Math.floor(opts.concurrency)) : 1e9;
    const delayMs = Math.max(0, Math.ceil(opts.delayMs));
    const maxWait = opts.maxWaitMs ?? this.maxWaitMs;
    const started = Date.now();
    for (;;) {
      opts.signal?.throwIfAborted();
      const [ok, wait, reason] = (await this.call(
        'vneventsLeaseAcquire',
        keys,
        id,
        concurrency,
        delayMs,
        this.ttl,
      )) as [number, number, string];
      if (ok === 1) return this.holdLease(host, keys, id);
      const waited = Date.now() - started;
      // 'busy': a lease may be released at any moment, so poll; 'delay': the exact time is known.
      const pause = reason === 'busy' ? Math.min(wait, this.busyPollMs + Math.random() * this.busyPollMs) : wait;
      if (waited + (reason === 'busy' ? 0 : pause) > maxWait) {
        // 'delay': the host's next start is known. 'busy': a slot frees when a request ends; come back after about
        // one delay (at least 250 ms), spread so that the jobs that gave up do not all return at once.
        const retryAfter = reason === 'busy' ? Math.max(delayMs, 250) * (1 + Math.random()) : pause;
        throw new HostBusyError(host, Math.max(Math.ceil(retryAfter), 1));
      }
      try {
        await sleep(Math.max(1, pause), undefined, opts.signal ? { signal: opts.signal } : undefined);
      } catch (err) {
        // Report why the caller gave up (the signal's reason), not a generic AbortError.
        throw opts.signal?.aborted ? opts.signal.reason : err;
      }
    }
  }

  /** Pushes the host's next allowed start at least `ms` into the future (every worker sees it). */
  async penalize(host: string, ms: number): Promise<void> {
    await this.call('vneventsLeasePenalize', this.keys(host), Math.max(1, Math.ceil(ms)));
  }

  /** Leases currently held on `host` (for status and tests). */
  async inFlight(host: string): Promise<number> {
    const [leases] = this.keys(host);
    const now = await this.redisNowMs();
    return this.redis.zcount(leases, now, '+inf');
  }

  private async redisNowMs(): Promise<number> {
    const [s, us] = await this.redis.time();
    return Number(s) * 1000 + Math.floor(Number(us) / 1000);
  }

  private holdLease(host: string, keys: [string, string], id: string): ReleaseLease {
    const renew = setInterval(
      () => {
        this.call('vneventsLeaseExtend', keys, id, this.ttl).then(
          (renewed) => {
            if (renewed !== 1) this.log.warn({ host, lease: id }, 'host lease expired before release (slow request?)');
          },
          (err: unknown) => this.log.warn({ host, err }, 'could not renew host lease'),
        );
      },
      Math.max(50, Math.floor(this.ttl / 3)),
    );
    renew.unref();
    let released = false;
    // Fire-and-forget by contract (the crawler does not await it): failures are logged, and an unreleased
    // lease frees itself after its ttl.
    return async (outcome) => {
      if (released) return;
      released = true;
      clearInterval(renew);
      const pause = outcome?.retryAfterMs;
      const work = async () => {
        if (pause && pause > 0) await this.call('vneventsLeasePenalize', keys, Math.ceil(pause));
        await this.call('vneventsLeaseRelease', keys, id);
      };
      await work().catch((err: unknown) =>
        this.log.warn({ host, err }, 'could not release host lease (it expires by itself)'),
      );
    };
  }

  private call(cmd: string, keys: string[], ...args: (string | number)[]): Promise<unknown> {
    const fn = (this.redis as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[cmd];
    if (!fn) throw new Error(`Redis script ${cmd} is not defined on this connection`);
    return fn.call(this.redis, ...keys, ...args);
  }
}

/** Politeness off (benchmarks against local servers): every acquire succeeds at once. */
export class NoHostLimiter {
  async acquire(_host: string, _opts: AcquireOptions): Promise<ReleaseLease> {
    return async () => undefined;
  }
  async penalize(_host: string, _ms: number): Promise<void> {}
}
