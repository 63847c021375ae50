// Public API of the network half of the crawler (fetching, politeness, robots.txt, discovery, URLs, charsets,
// the fixture server). packages/crawler/src/index.ts re-exports this barrel.
export * from '../charset/index.js';
export * from '../discovery/index.js';
export * from '../errors/index.js';
export * from '../fixture-server/index.js';
export * from '../politeness/index.js';
export * from '../robots/index.js';
export * from '../url/index.js';
export { acceptHeader, type ContentKind, isAcceptableContentType, mediaType } from './content-kind.js';
export {
  type CrawledPage,
  type CrawlOutcome,
  type CrawlSiteOptions,
  crawlSite,
  type SiteCrawl,
  type UnchangedPage,
} from './crawl-site.js';
export {
  type CrawlCounters,
  CrawlStatistics,
  type CrawlStatisticsSnapshot,
  type ErrorGroup,
} from './crawl-statistics.js';
export * from './dedup/index.js';
export type {
  CrawlLogger,
  FetchedPage,
  FetcherOptions,
  FetchPageOptions,
  FetchResult,
  FetchSite,
  FetchTimeouts,
  NotModifiedPage,
  RobotsOptions,
} from './fetch-types.js';
export { Fetcher, type RobotsContext } from './fetcher.js';
export { MemoryConditionalCache } from './memory-conditional-cache.js';
export { DEFAULT_MAX_BODY_BYTES, type ReadBodyOptions, readBody } from './read-body.js';
export * from './registry/index.js';
export { DEFAULT_RETRY, parseRetryAfter, type RetryOptions, retryDelayMs } from './retry-policy.js';
export * from './safety/index.js';
