import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { CLAIM_URL, FINISH_URL } from './tracker-scripts.js';

/** How a URL ended, for one crawl. */
export const OUTCOMES = ['stored', 'unchanged', 'not-article', 'not-modified', 'recent', 'failed'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface ClaimResult {
  result: 'new' | 'joined' | 'recent';
  /** The fetch job of the URL's chain (for 'joined': the job already in flight, maybe under another id). */
  fetchJobId: string;
}

export interface CrawlProgress {
  id: string;
  createdAt: number;
  trigger: string;
  sites: string[];
  /** Sites whose discovery has not finished yet. */
  discovering: number;
  urls: number;
  done: number;
  outcomes: Record<Outcome, number>;
  /** Events extracted from the pages stored by this crawl. */
  events: number;
  /** Discovery failures (site id → message). */
  discoverErrors: Record<string, string>;
  finished: boolean;
}

const TTL_S = 7 * 24 * 3600;

/** Crawls and their URLs in Redis: what `crawl --wait`, `status` and the demo show. */
export class CrawlTracker {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {
    if (!('vneventsClaimUrl' in redis)) {
      redis.defineCommand('vneventsClaimUrl', { numberOfKeys: 6, lua: CLAIM_URL });
      redis.defineCommand('vneventsFinishUrl', { numberOfKeys: 2, lua: FINISH_URL });
    }
  }

  static newCrawlId(): string {
    const d = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
    return `${d}-${randomBytes(3).toString('hex')}`;
  }

  private key(crawlId: string): string {
    return `${this.prefix}:crawl:${crawlId}`;
  }

  /** Registers a crawl of `sites` (their discovery jobs are about to be added). Repeating it changes nothing. */
  async start(crawlId: string, sites: string[], trigger: string): Promise<void> {
    const k = this.key(crawlId);
    const m = this.redis.multi();
    m.hsetnx(k, 'createdAt', Date.now());
    m.hsetnx(k, 'events', 0);
    m.hset(k, { trigger, sites: sites.join(',') });
    m.expire(k, TTL_S);
    if (sites.length) {
      m.sadd(`${k}:sites`, ...sites);
      m.expire(`${k}:sites`, TTL_S);
    }
    m.zadd(`${this.prefix}:crawls`, Date.now(), crawlId);
    m.zremrangebyscore(`${this.prefix}:crawls`, '-inf', Date.now() - TTL_S * 1000);
    await m.exec();
  }

  /** The site's discovery ended (with an error message when it failed for good). */
  async discoverDone(crawlId: string, siteId: string, error?: string): Promise<void> {
    const k = this.key(crawlId);
    const m = this.redis.multi().srem(`${k}:sites`, siteId);
    if (error) m.hset(`${k}:errors`, siteId, error).expire(`${k}:errors`, TTL_S);
    await m.exec();
  }

  /**
   * A crawl wants a URL. `completedKey` is the fetch queue's completed ZSET: a fetch job kept there means the URL
   * was fetched within the refetch window.
   */
  async claimUrl(crawlId: string, urlKey: string, fetchJobId: string, completedKey: string): Promise<ClaimResult> {
    const k = this.key(crawlId);
    const u = `${this.prefix}:url:${urlKey}`;
    const [result, jobId] = (await this.script('vneventsClaimUrl', [
      k,
      `${k}:urls`,
      `${k}:done`,
      `${u}:active`,
      `${u}:watch`,
      completedKey,
      crawlId,
      urlKey,
      TTL_S,
      fetchJobId,
    ])) as [ClaimResult['result'], string];
    return { result, fetchJobId: jobId };
  }

  /** The URL's chain ended with `outcome`: every crawl watching it counts it done. */
  async finishUrl(crawlId: string, urlKey: string, outcome: Outcome, events = 0): Promise<number> {
    const u = `${this.prefix}:url:${urlKey}`;
    const told = (await this.script('vneventsFinishUrl', [
      `${u}:active`,
      `${u}:watch`,
      `${this.prefix}:crawl:`,
      urlKey,
      outcome,
      TTL_S,
      crawlId,
    ])) as number;
    if (events > 0 && told > 0) await this.redis.hincrby(this.key(crawlId), 'events', events);
    return told;
  }

  async progress(crawlId: string): Promise<CrawlProgress | null> {
    const k = this.key(crawlId);
    const [meta, discovering, urls, done, errors] = await Promise.all([
      this.redis.hgetall(k),
      this.redis.scard(`${k}:sites`),
      this.redis.scard(`${k}:urls`),
      this.redis.scard(`${k}:done`),
      this.redis.hgetall(`${k}:errors`),
    ]);
    if (!meta['createdAt']) return null;
    const outcomes = Object.fromEntries(
      ['stored', 'unchanged', 'not-article', 'not-modified', 'recent', 'failed'].map((o) => [
        o,
        Number(meta[`out:${o}`] ?? 0),
      ]),
    ) as Record<Outcome, number>;
    return {
      id: crawlId,
      createdAt: Number(meta['createdAt']),
      trigger: meta['trigger'] ?? '',
      sites: meta['sites'] ? meta['sites'].split(',') : [],
      discovering,
      urls,
      done,
      outcomes,
      events: Number(meta['events'] ?? 0),
      discoverErrors: errors,
      finished: discovering === 0 && done >= urls,
    };
  }

  /** The most recent crawls, newest first. */
  async recent(limit = 5): Promise<string[]> {
    return this.redis.zrevrange(`${this.prefix}:crawls`, 0, limit - 1);
  }

  private script(cmd: string, args: (string | number)[]): Promise<unknown> {
    const fn = (this.redis as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[cmd];
    if (!fn) throw new Error(`Redis script ${cmd} is not defined on this connection`);
    return fn.apply(this.redis, args);
  }
}
