import type {
  Article,
  ConditionalCache,
  ExtractionResult,
  HttpValidators,
  NotArticle,
  SiteEntry,
} from '@vnevents/schema';
import type { Logger } from 'pino';
import type { AcquireOptions, ReleaseLease } from '../politeness/index.js';

/**
 * What the pipeline needs from the crawler, the extractor and the store: the stages are written against these
 * ports, `createDefaultPorts` wires the real packages, and tests or other deployments may wire others.
 */

/** The limiter the crawler calls before every request (structurally the crawler's HostLimiter). */
export interface HostLimiterPort {
  acquire(host: string, opts: AcquireOptions): Promise<ReleaseLease>;
  penalize(host: string, ms: number): Promise<void>;
}

export interface DiscoveredUrl {
  url: string;
  /** Sitemap lastmod / feed date (ISO) when known: a new lastmod means the page is fetched again. */
  lastmod: string | null;
}

export interface DiscoverContext {
  limiter: HostLimiterPort;
  signal: AbortSignal;
  log: Logger;
}

/** A fetched page as the stages carry it. */
export interface FetchedPage {
  kind: 'page';
  url: string;
  /** After redirects. */
  finalUrl: string;
  status: number;
  headers: Record<string, string>;
  contentType: string | null;
  charset: string | null;
  /** Raw bytes as received (decompressed transfer encoding). */
  body: Buffer;
  /** The body is exactly the UTF-8 encoding of `html` (then it travels between stages once). */
  bodyIsHtml?: boolean;
  /** The body decoded to text (charset resolved by the crawler). */
  html: string;
  etag: string | null;
  lastModified: string | null;
  fetchedAt: string;
  /** The crawler's hash of the page text, when it computes one (else the stage hashes the bytes). */
  contentHash?: string;
}

export interface NotModified {
  kind: 'not-modified';
  url: string;
  finalUrl: string;
  status: 304;
  fetchedAt: string;
}

export interface FetchContext {
  site: SiteEntry | null;
  validators: HttpValidators | null;
  limiter: HostLimiterPort;
  signal: AbortSignal;
  log: Logger;
}

export interface CrawlerPort {
  /** All article URLs of a site worth fetching (the crawler applies the site's limits and include/exclude). */
  discover(site: SiteEntry, ctx: DiscoverContext): Promise<DiscoveredUrl[]>;
  canonicalize(url: string, site: SiteEntry | null): string;
  /** Throws the crawler's classified errors (their `kind` tells the worker boundary what to do). */
  fetch(url: string, ctx: FetchContext): Promise<FetchedPage | NotModified>;
  parse(html: string, url: string, site: SiteEntry | null): Article | NotArticle;
}

export interface ExtractorPort {
  /** Name, version and lexicon version recorded with every result; the version is part of the job ids. */
  readonly version: string;
  extract(article: Article, site: SiteEntry | null): ExtractionResult;
}

/** A page with its parse and extraction, written in one idempotent transaction. */
export interface PageRecord {
  siteId: string | null;
  url: string;
  canonicalUrl: string;
  finalUrl: string;
  status: number;
  headers: Record<string, string>;
  contentType: string | null;
  charset: string | null;
  body: Buffer;
  contentHash: string;
  etag: string | null;
  lastModified: string | null;
  fetchedAt: string;
  article: Article | null;
  notArticle: NotArticle | null;
  extraction: ExtractionResult | null;
}

export interface StoredOutcome {
  /** False when the page (same URL and content, same extractor version) was already stored. */
  created: boolean;
  events: number;
}

export interface StorePort {
  /** Validators for conditional GET (read by `fetch`; written by `store` after the page is safely stored). */
  readonly cache: ConditionalCache;
  savePageRecord(rec: PageRecord): Promise<StoredOutcome>;
  /** A 304: records the fetch so the validators stay fresh. */
  recordNotModified(url: string, fetchedAt: string): Promise<void>;
  close(): Promise<void>;
}

export interface SitesPort {
  get(id: string): SiteEntry | undefined;
  list(): SiteEntry[];
  /** The site a URL belongs to (by host), when it is in the registry. */
  forUrl(url: string): SiteEntry | undefined;
}

export interface PipelinePorts {
  crawler: CrawlerPort;
  extractor: ExtractorPort;
  store: StorePort;
  sites: SitesPort;
}
