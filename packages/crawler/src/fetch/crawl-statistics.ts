import type { CrawlError } from '../errors/index.js';

export interface CrawlCounters {
  /** HTTP exchanges attempted (robots.txt, sitemaps, feeds, listings and articles; retries included). */
  requests: number;
  /** Attempts repeated after a retryable error. */
  retries: number;
  /** Article pages fetched with a 2xx. */
  pagesFetched: number;
  /** Conditional requests answered 304 (no body, no parsing). */
  notModified: number;
  /** Decoded body bytes read. */
  bytes: number;
  /** Candidate article URLs found by discovery. */
  discovered: number;
  /** Discovered URLs rejected by site scope or include/exclude patterns. */
  skippedFiltered: number;
  /** Discovered URLs older than the site's maxAgeDays. */
  skippedOld: number;
  /** Discovered URLs whose lastmod is not newer than the previous crawl. */
  skippedUnchanged: number;
  /** Pages whose canonical URL was already crawled. */
  duplicateUrls: number;
  /** Pages whose content hash was already seen. */
  duplicateContent: number;
  /** Pages whose text is a near-duplicate of one already seen. */
  nearDuplicates: number;
  /** Failures (grouped by kind in `errors`). */
  errors: number;
}

export interface ErrorGroup {
  /** Error class name (NonRetryableError, RetryableError …). */
  className: string;
  count: number;
  /** The first few messages (URL included). */
  examples: string[];
}

export interface CrawlStatisticsSnapshot {
  counters: CrawlCounters;
  statuses: Record<string, number>;
  errors: Record<string, ErrorGroup>;
  startedAt: string;
  durationMs: number;
}

const MAX_EXAMPLES = 3;

/** Counters of one crawl and its errors grouped by `kind` (after crawlee's `statistics.ts`). */
export class CrawlStatistics {
  readonly counters: CrawlCounters = {
    requests: 0,
    retries: 0,
    pagesFetched: 0,
    notModified: 0,
    bytes: 0,
    discovered: 0,
    skippedFiltered: 0,
    skippedOld: 0,
    skippedUnchanged: 0,
    duplicateUrls: 0,
    duplicateContent: 0,
    nearDuplicates: 0,
    errors: 0,
  };
  private readonly statuses = new Map<number, number>();
  private readonly errorGroups = new Map<string, ErrorGroup>();
  private readonly startedAt = new Date();
  private readonly started = performance.now();

  increment(counter: keyof CrawlCounters, by = 1): void {
    this.counters[counter] += by;
  }

  recordStatus(status: number): void {
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
  }

  recordError(error: CrawlError): void {
    this.counters.errors++;
    let g = this.errorGroups.get(error.kind);
    if (!g) {
      g = { className: error.name, count: 0, examples: [] };
      this.errorGroups.set(error.kind, g);
    }
    g.count++;
    if (g.examples.length < MAX_EXAMPLES) g.examples.push(error.message);
  }

  /** Count of errors of one kind (0 when none). */
  errorCount(kind: string): number {
    return this.errorGroups.get(kind)?.count ?? 0;
  }

  snapshot(): CrawlStatisticsSnapshot {
    return {
      counters: { ...this.counters },
      statuses: Object.fromEntries([...this.statuses].map(([k, v]) => [String(k), v])),
      errors: Object.fromEntries([...this.errorGroups].map(([k, g]) => [k, { ...g, examples: [...g.examples] }])),
      startedAt: this.startedAt.toISOString(),
      durationMs: Math.round(performance.now() - this.started),
    };
  }
}
