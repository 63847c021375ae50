import { CrawlError, CriticalError, classifyError, RetryableError } from '../errors/index.js';
import { allowAllRules, disallowAllRules, parseRobotsRules, type RobotsRules } from './robots-rules.js';

/** The robots.txt response as the cache needs it. Network failures are thrown (as {@link CrawlError}s). */
export interface RobotsResponse {
  status: number;
  body: string;
}

/** Fetches robots.txt; `context` is what the caller passed to {@link RobotsCache.get} (site settings). */
export type RobotsFetch<C = unknown> = (robotsUrl: string, context: C | undefined) => Promise<RobotsResponse>;

export interface RobotsCacheOptions<C = unknown> {
  fetch: RobotsFetch<C>;
  /** Product token matched against User-agent groups, e.g. `vnevents`. */
  agent: string;
  /** How long rules are kept (default 24 h, the RFC 9309 ceiling). */
  ttlMs?: number;
  /** Attempts after the first when the file is unreachable or answers 5xx/429 (default 2). */
  unreachableRetries?: number;
  /** Wait between those attempts (default 2 s). */
  retryDelayMs?: number;
  /** Crawl-delay above this is capped (default 60 s). */
  maxCrawlDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/**
 * robots.txt per origin, cached with a TTL and fetched once for concurrent callers (RFC 9309):
 * 2xx → the rules; 4xx → allow everything; 5xx, 429 or unreachable → wait and retry, then disallow everything
 * until the TTL expires.
 */
export class RobotsCache<C = unknown> {
  private readonly entries = new Map<string, { rules: RobotsRules; expiresAt: number }>();
  private readonly pending = new Map<string, Promise<RobotsRules>>();
  private readonly options: Required<Omit<RobotsCacheOptions<C>, 'fetch' | 'agent'>> &
    Pick<RobotsCacheOptions<C>, 'fetch' | 'agent'>;

  constructor(options: RobotsCacheOptions<C>) {
    this.options = {
      ttlMs: 24 * 3600_000,
      unreachableRetries: 2,
      retryDelayMs: 2000,
      maxCrawlDelayMs: 60_000,
      sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
      now: () => Date.now(),
      ...options,
    };
  }

  /**
   * Rules for the origin of `url`, fetching robots.txt when not cached or expired. `context` goes to the fetch
   * function (concurrent callers share the first caller's fetch).
   */
  async get(url: string | URL, context?: C): Promise<RobotsRules> {
    const origin = typeof url === 'string' ? new URL(url).origin : url.origin;
    const hit = this.entries.get(origin);
    if (hit && hit.expiresAt > this.options.now()) return hit.rules;
    let p = this.pending.get(origin);
    if (!p) {
      p = this.load(origin, context).finally(() => this.pending.delete(origin));
      this.pending.set(origin, p);
    }
    return p;
  }

  /** Cached rules without fetching, or undefined. */
  peek(url: string | URL): RobotsRules | undefined {
    const hit = this.entries.get(new URL(url).origin);
    return hit && hit.expiresAt > this.options.now() ? hit.rules : undefined;
  }

  invalidate(url: string | URL): void {
    this.entries.delete(new URL(url).origin);
  }

  private async load(origin: string, context: C | undefined): Promise<RobotsRules> {
    const robotsUrl = `${origin}/robots.txt`;
    let lastStatus: number | null = null;
    for (let attempt = 0; attempt <= this.options.unreachableRetries; attempt++) {
      if (attempt > 0) await this.options.sleep(this.options.retryDelayMs);
      let res: RobotsResponse;
      try {
        res = await this.options.fetch(robotsUrl, context);
      } catch (err) {
        const e = classifyError(err, robotsUrl);
        if (e instanceof CriticalError) throw e;
        lastStatus = e.status;
        // 4xx-like failures (a refused address, a redirect off-site) will not change by waiting.
        if (!(e instanceof RetryableError)) return this.store(origin, disallowAllRules(origin, e.status));
        continue;
      }
      lastStatus = res.status;
      if (res.status >= 200 && res.status < 300)
        return this.store(
          origin,
          parseRobotsRules(origin, res.status, res.body, this.options.agent, this.options.maxCrawlDelayMs),
        );
      if (res.status >= 400 && res.status < 500 && res.status !== 429)
        return this.store(origin, allowAllRules(origin, res.status));
    }
    return this.store(origin, disallowAllRules(origin, lastStatus));
  }

  private store(origin: string, rules: RobotsRules): RobotsRules {
    this.entries.set(origin, { rules, expiresAt: this.options.now() + this.options.ttlMs });
    return rules;
  }
}
