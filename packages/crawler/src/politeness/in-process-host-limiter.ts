import type { HostLimiter, HostSlotOptions, ReleaseHostSlot, ReleaseOutcome } from './host-limiter.js';

interface Waiter {
  options: HostSlotOptions;
  resolve: (release: ReleaseHostSlot) => void;
  reject: (reason: unknown) => void;
  onAbort: (() => void) | null;
}

interface HostState {
  active: number;
  /** Earliest time (ms, monotonic clock) the next request may start. */
  nextStartAt: number;
  waiters: Waiter[];
  timer: NodeJS.Timeout | null;
}

export interface InProcessHostLimiterOptions {
  /** Requests in flight across all hosts (default 16; `Infinity` for none). */
  globalConcurrency?: number;
  /** Monotonic clock in ms (tests). */
  now?: () => number;
}

/**
 * {@link HostLimiter} for one process: FIFO per host, per-host concurrency, a global concurrency limit across
 * hosts, and a delay per host counted from the later of the previous start and the previous end (as Nutch and
 * Heritrix do): request starts are then ≥ delayMs apart as the server sees them, even when connecting took the
 * previous request a while. Idle hosts are forgotten once their delay has passed, so memory stays bounded by the
 * hosts in use.
 */
export class InProcessHostLimiter implements HostLimiter {
  private readonly hosts = new Map<string, HostState>();
  /** Hosts that have a grantable waiter but no global slot, in the order they asked. */
  private readonly blockedOnGlobal = new Set<string>();
  private readonly globalConcurrency: number;
  private readonly now: () => number;
  private globalActive = 0;

  constructor(options: InProcessHostLimiterOptions = {}) {
    this.globalConcurrency = options.globalConcurrency ?? 16;
    this.now = options.now ?? (() => performance.now());
    if (!(this.globalConcurrency >= 1)) throw new RangeError('globalConcurrency must be ≥ 1');
  }

  /** Requests currently holding a slot (all hosts). */
  get inFlight(): number {
    return this.globalActive;
  }

  acquire(host: string, options: HostSlotOptions): Promise<ReleaseHostSlot> {
    if (!(options.concurrency >= 1)) return Promise.reject(new RangeError(`concurrency for ${host} must be ≥ 1`));
    if (options.signal?.aborted) return Promise.reject(options.signal.reason);
    const state = this.stateOf(host);
    return new Promise<ReleaseHostSlot>((resolve, reject) => {
      const waiter: Waiter = { options, resolve, reject, onAbort: null };
      if (options.signal) {
        const signal = options.signal;
        waiter.onAbort = () => {
          const i = state.waiters.indexOf(waiter);
          if (i >= 0) state.waiters.splice(i, 1);
          if (state.waiters.length === 0 && state.timer !== null) {
            clearTimeout(state.timer);
            state.timer = null;
          }
          reject(signal.reason);
          this.pump(host);
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      state.waiters.push(waiter);
      this.pump(host);
    });
  }

  private stateOf(host: string): HostState {
    let s = this.hosts.get(host);
    if (!s) {
      s = { active: 0, nextStartAt: 0, waiters: [], timer: null };
      this.hosts.set(host, s);
    }
    return s;
  }

  private pump(host: string): void {
    const state = this.hosts.get(host);
    if (!state) return;
    while (state.waiters.length > 0) {
      const head = state.waiters[0]!;
      if (state.active >= head.options.concurrency) return;
      const now = this.now();
      if (now < state.nextStartAt) {
        this.wakeAt(host, state, state.nextStartAt - now);
        return;
      }
      if (this.globalActive >= this.globalConcurrency) {
        this.blockedOnGlobal.add(host);
        return;
      }
      state.waiters.shift();
      this.grant(host, state, head, now);
    }
    if (state.active === 0 && state.timer === null && this.now() >= state.nextStartAt) this.hosts.delete(host);
  }

  private grant(host: string, state: HostState, waiter: Waiter, now: number): void {
    state.active++;
    this.globalActive++;
    state.nextStartAt = now + waiter.options.delayMs;
    if (waiter.onAbort) waiter.options.signal?.removeEventListener('abort', waiter.onAbort);
    let released = false;
    waiter.resolve((outcome?: ReleaseOutcome) => {
      if (released) return;
      released = true;
      this.release(host, state, waiter.options.delayMs, outcome);
    });
  }

  private release(host: string, state: HostState, delayMs: number, outcome: ReleaseOutcome | undefined): void {
    state.active--;
    this.globalActive--;
    const now = this.now();
    // The delay also runs from the end of the exchange: the server then sees starts ≥ delayMs apart whatever
    // the connect latency of the previous request was.
    state.nextStartAt = Math.max(state.nextStartAt, now + delayMs);
    if (outcome?.retryAfterMs !== undefined && outcome.retryAfterMs > 0)
      state.nextStartAt = Math.max(state.nextStartAt, now + outcome.retryAfterMs);
    if (!this.hosts.has(host)) this.hosts.set(host, state);
    this.pump(host);
    for (const blocked of [...this.blockedOnGlobal]) {
      if (this.globalActive >= this.globalConcurrency) break;
      this.blockedOnGlobal.delete(blocked);
      this.pump(blocked);
    }
  }

  private wakeAt(host: string, state: HostState, ms: number): void {
    if (state.timer !== null) return;
    state.timer = setTimeout(() => {
      state.timer = null;
      this.pump(host);
    }, Math.ceil(ms));
  }
}
