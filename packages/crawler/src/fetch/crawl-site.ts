import type { SiteEntry } from '@vnevents/schema';
import { type DiscoveredUrl, discoverSite } from '../discovery/index.js';
import { type CrawlError, CriticalError, classifyError } from '../errors/index.js';
import { CrawlStatistics } from './crawl-statistics.js';
import {
  type DedupIndex,
  type DuplicateMatch,
  MemoryDedupIndex,
  minhashSignature,
  pageMainText,
} from './dedup/index.js';
import type { FetchedPage, NotModifiedPage } from './fetch-types.js';
import type { Fetcher } from './fetcher.js';

/** A fetched article page with where it was found and whether it duplicates an earlier page. */
export interface CrawledPage extends FetchedPage {
  siteId: string;
  discovery: DiscoveredUrl;
  /** MinHash of the main text (see pageMainText), for near-duplicate checks by a persistent index. */
  signature: Uint32Array;
  /** Set only when `keepDuplicates` is on: the earlier page this one duplicates. */
  duplicateOf: DuplicateMatch | null;
}

/** A 304: the article is unchanged since the validators were stored. */
export interface UnchangedPage extends NotModifiedPage {
  siteId: string;
  discovery: DiscoveredUrl;
}

export type CrawlOutcome = CrawledPage | UnchangedPage;

export interface CrawlSiteOptions {
  fetcher: Fetcher;
  /** Previous crawl of this site: sitemap/feed entries not modified since are skipped. */
  since?: Date | null;
  now?: Date;
  /** Shared across sites to find the same article on two portals (default: a fresh in-memory index). */
  dedup?: DedupIndex;
  stats?: CrawlStatistics;
  signal?: AbortSignal;
  /** Article fetches in flight (default: the site's politeness.concurrency; the limiter has the last word). */
  concurrency?: number;
  /** Yield duplicates with `duplicateOf` set instead of skipping them (default false). */
  keepDuplicates?: boolean;
  /** Listing pages fetched in total (default 50). */
  maxListingPages?: number;
  /** Told about every failed URL; the crawl continues. */
  onError?: (error: CrawlError) => void;
}

/** One crawl of one site: iterate it for pages; `stats` fills as it goes. */
export interface SiteCrawl extends AsyncIterable<CrawlOutcome> {
  readonly stats: CrawlStatistics;
}

/**
 * Crawls one site: discovery (sitemaps, feeds, listings) → polite fetch of each candidate → pages yielded as they
 * arrive (304s included as unchanged), at most `limits.maxPages` article fetches. Duplicates by canonical URL
 * (rel=canonical included), by content hash and near-duplicates by MinHash are skipped and counted. A failing
 * URL is counted by kind and skipped — one broken page never stops the crawl; only a CriticalError does.
 */
export function crawlSite(site: SiteEntry, options: CrawlSiteOptions): SiteCrawl {
  const stats = options.stats ?? new CrawlStatistics();
  return {
    stats,
    [Symbol.asyncIterator]: () => run(site, options, stats)[Symbol.asyncIterator](),
  };
}

async function* run(site: SiteEntry, options: CrawlSiteOptions, stats: CrawlStatistics): AsyncGenerator<CrawlOutcome> {
  const dedup = options.dedup ?? new MemoryDedupIndex();
  const concurrency = Math.max(1, options.concurrency ?? site.politeness.concurrency);
  const discovery = discoverSite({
    source: options.fetcher,
    site,
    stats,
    ...(options.since !== undefined ? { since: options.since } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.maxListingPages !== undefined ? { maxListingPages: options.maxListingPages } : {}),
    ...(options.onError ? { onError: options.onError } : {}),
  });

  const fetchOne = async (d: DiscoveredUrl): Promise<CrawlOutcome | null> => {
    try {
      const page = await options.fetcher.fetchPage(d.url, {
        site,
        accept: 'html',
        stats,
        ...(options.signal ? { signal: options.signal } : {}),
      });
      if (page.notModified) return { ...page, siteId: site.id, discovery: d };
      stats.increment('pagesFetched');
      const signature = minhashSignature(pageMainText(page.html));
      const duplicateOf = await dedup.checkAndAdd({
        canonicalUrl: page.canonicalUrl,
        contentHash: page.contentHash,
        signature,
      });
      if (duplicateOf !== null) {
        stats.increment(
          duplicateOf.kind === 'url'
            ? 'duplicateUrls'
            : duplicateOf.kind === 'content'
              ? 'duplicateContent'
              : 'nearDuplicates',
        );
        if (!options.keepDuplicates) return null;
      }
      return { ...page, siteId: site.id, discovery: d, signature, duplicateOf };
    } catch (err) {
      const e = classifyError(err, d.url);
      if (e instanceof CriticalError) throw e;
      stats.recordError(e);
      options.onError?.(e);
      return null;
    }
  };

  // Up to `concurrency` fetches in flight; results are yielded in completion order.
  const inFlight = new Map<number, Promise<{ id: number; result: CrawlOutcome | null }>>();
  let nextId = 0;
  let started = 0;
  const iterator = discovery[Symbol.asyncIterator]();
  let exhausted = false;
  try {
    while (true) {
      while (!exhausted && inFlight.size < concurrency && started < site.limits.maxPages) {
        const n = await iterator.next();
        if (n.done) {
          exhausted = true;
          break;
        }
        const id = nextId++;
        started++;
        inFlight.set(
          id,
          fetchOne(n.value).then((result) => ({ id, result })),
        );
      }
      if (inFlight.size === 0) break;
      const { id, result } = await Promise.race(inFlight.values());
      inFlight.delete(id);
      if (result !== null) yield result;
    }
  } finally {
    await iterator.return?.(undefined);
  }
}
