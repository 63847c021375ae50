import type { ConditionalCache, HttpValidators, SiteEntry } from '@vnevents/schema';
import type { CharsetSource } from '../charset/index.js';
import type { HostLimiter, Politeness } from '../politeness/index.js';
import type { RedirectPolicy } from '../url/index.js';
import type { ContentKind } from './content-kind.js';
import type { CrawlStatistics } from './crawl-statistics.js';
import type { RetryOptions } from './retry-policy.js';
import type { AddressCategory, HostLookup } from './safety/index.js';

/** pino-compatible logger subset; library code never prints. */
export interface CrawlLogger {
  debug(obj: Record<string, unknown>, msg: string): void;
  warn(obj: Record<string, unknown>, msg: string): void;
}

export interface FetchTimeouts {
  /** TCP (+TLS) connect (default 10 s). */
  connectMs: number;
  /** From request sent to response headers (default 30 s). */
  headersMs: number;
  /** Longest silence while reading the body (default 30 s). */
  bodyMs: number;
  /** One attempt from sending the request to the end of the body (default 60 s); stops trickling bodies. */
  totalMs: number;
}

export interface RobotsOptions {
  /** Cache lifetime of robots.txt rules (default 24 h). */
  ttlMs?: number;
  /** Retries when robots.txt answers 5xx/429 or is unreachable, before disallowing (default 2). */
  unreachableRetries?: number;
  /** Wait between those retries (default 2 s). */
  retryDelayMs?: number;
  /** Crawl-delay above this is capped (default 60 s). */
  maxCrawlDelayMs?: number;
}

/** Options of a {@link Fetcher}: shared by every request it makes. */
export interface FetcherOptions {
  /** Sent as User-Agent; its first token is matched against robots.txt groups. */
  userAgent?: string;
  /** Politeness backend; default an InProcessHostLimiter with `globalConcurrency`. */
  limiter?: HostLimiter;
  /** Global concurrency of the default limiter (default 16). */
  globalConcurrency?: number;
  /** Politeness for requests that name no site (default 1 at a time, 1000 ms apart). */
  politeness?: Partial<Politeness>;
  /** ETag / Last-Modified store for conditional GET (none by default). */
  cache?: ConditionalCache;
  /** robots.txt handling, or false to ignore robots.txt (benchmarks, explicit operator choice only). */
  robots?: RobotsOptions | false;
  /** DNS resolution (tests inject one); every answer is checked before use. */
  lookup?: HostLookup;
  /** How long a checked DNS answer is reused and connections pinned to it (default 60 s). */
  dnsCacheTtlMs?: number;
  /** Address ranges allowed for every request (default none: public addresses only). */
  allowAddresses?: readonly AddressCategory[];
  timeouts?: Partial<FetchTimeouts>;
  /** Limit on the decoded body (default 5 MB). */
  maxBodyBytes?: number;
  /** Redirect hops followed (default 10). */
  maxRedirects?: number;
  /** Where redirects may lead (default same-site). */
  redirectPolicy?: RedirectPolicy;
  retry?: Partial<RetryOptions>;
  /** Sent as Accept-Language (default `vi,en;q=0.5`). */
  acceptLanguage?: string;
  /** Connections per origin in the pool (default unlimited). */
  connectionsPerOrigin?: number;
  /** Random source for backoff jitter (tests). */
  random?: () => number;
  logger?: CrawlLogger;
}

/** The per-site settings a fetch uses, as found in a registry entry. */
export type FetchSite = Partial<Pick<SiteEntry, 'politeness' | 'allowPrivateNetwork' | 'charset'>>;

/** Options of one {@link Fetcher.fetchPage} call; they override the fetcher's. */
export interface FetchPageOptions {
  /** The registry entry the URL belongs to: politeness, allowPrivateNetwork and charset come from it. */
  site?: FetchSite;
  /** Politeness for this request (wins over the site's); robots.txt Crawl-delay still applies when larger. */
  politeness?: Politeness;
  /** Expected content (default html): sets Accept and rejects other Content-Types before reading the body. */
  accept?: ContentKind;
  /** Send the cached validators and return a 304 as not-modified (default true when a cache is set). */
  conditional?: boolean;
  /** Check robots.txt (default true unless the fetcher disables robots). */
  robots?: boolean;
  redirectPolicy?: RedirectPolicy;
  maxRedirects?: number;
  maxBodyBytes?: number;
  retry?: Partial<RetryOptions>;
  signal?: AbortSignal;
  /** Counters to update (requests, retries, bytes, statuses, nothing else). */
  stats?: CrawlStatistics;
}

interface FetchResultBase {
  /** The URL asked for (fragment removed). */
  url: string;
  /** The URL that answered, after redirects. */
  finalUrl: string;
  /** Identity of the page: canonicalizeUrl(finalUrl), or the page's same-site rel=canonical. */
  canonicalUrl: string;
  /** Each redirect target, in order. */
  redirects: string[];
  /** Response headers, names lower-case, repeated headers joined with ", ". */
  headers: Record<string, string>;
  validators: HttpValidators;
  fetchedAt: string;
  /** Attempts of the last hop (1 when the first one succeeded). */
  attempts: number;
}

/** A 2xx response, decoded. */
export interface FetchedPage extends FetchResultBase {
  status: number;
  notModified: false;
  /** The decoded document: HTML for pages (XML or text for sitemaps, feeds, robots.txt). */
  html: string;
  /** Charset used to decode, and which step chose it. */
  charset: string;
  charsetSource: CharsetSource;
  contentType: string | null;
  /** Decoded body size in bytes (after Content-Encoding, and after gunzip for a .gz sitemap). */
  bytes: number;
  /** sha256 hex of the normalised body text (see pageBodyText); computed on first read, then kept. */
  readonly contentHash: string;
}

/** A 304 to a conditional request: nothing to read or parse. */
export interface NotModifiedPage extends FetchResultBase {
  status: 304;
  notModified: true;
}

export type FetchResult = FetchedPage | NotModifiedPage;
