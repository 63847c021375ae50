/**
 * Per-host politeness as an interface, so that one process can use {@link InProcessHostLimiter} and many
 * workers can share a Redis-backed implementation (the pipeline's).
 *
 * Contract for implementations:
 * - `acquire(host, { delayMs, concurrency })` resolves once a request to `host` may START: fewer than
 *   `concurrency` requests to that host hold a slot, and at least `delayMs` have passed since the previous
 *   start granted for that host AND since the previous release (the delay after the end is what makes the
 *   gaps between request starts, as the server measures them, ≥ delayMs whatever the network latency).
 *   Implementations may also enforce a global limit across hosts.
 * - The returned release function must be called exactly once when the exchange is over (body read or
 *   aborted); extra calls are ignored. `release({ retryAfterMs })` additionally keeps every request to the
 *   host waiting until `retryAfterMs` from now (a 429/503 Retry-After applies to the host, not one URL).
 * - `signal` aborts the wait: the promise rejects with the signal's reason and no slot is taken.
 * - `host` is the URL's host (hostname plus non-default port), already lower-cased.
 */
export interface HostLimiter {
  acquire(host: string, options: HostSlotOptions): Promise<ReleaseHostSlot>;
}

export interface HostSlotOptions {
  /** Minimum time between two request starts to this host, in milliseconds. */
  delayMs: number;
  /** Maximum requests to this host in flight at once (≥ 1; `Infinity` for no limit). */
  concurrency: number;
  signal?: AbortSignal;
}

export interface ReleaseOutcome {
  /** Keep the host paused this long from now (Retry-After of a 429 or 503). */
  retryAfterMs?: number;
}

export type ReleaseHostSlot = (outcome?: ReleaseOutcome) => void;

/** Politeness of one site: the registry's `politeness` block, and the defaults when a site has none. */
export interface Politeness {
  delayMs: number;
  concurrency: number;
}

/** One request at a time, starts at least one second apart. */
export const DEFAULT_POLITENESS: Readonly<Politeness> = Object.freeze({ delayMs: 1000, concurrency: 1 });

/** The limiter settings for a host: the site's politeness, with robots.txt's Crawl-delay when that is larger. */
export function effectivePoliteness(site: Politeness, crawlDelayMs: number | null): Politeness {
  return {
    delayMs: crawlDelayMs !== null && crawlDelayMs > site.delayMs ? crawlDelayMs : site.delayMs,
    concurrency: site.concurrency,
  };
}
