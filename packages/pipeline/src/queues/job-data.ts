import type { Article, ExtractionResult, NotArticle } from '@vnevents/schema';

/** What each stage's jobs carry. Bodies travel gzip-compressed and base64-encoded (job data is JSON). */

export interface DiscoverJobData {
  crawlId: string;
  siteId: string;
}

export interface FetchJobData {
  crawlId: string;
  siteId: string | null;
  url: string;
  canonicalUrl: string;
  lastmod: string | null;
  /** Skip conditional GET (a forced re-fetch). */
  unconditional?: boolean;
  /** How often this job has been delayed by a throttled host (429 / Retry-After). */
  throttles?: number;
}

/** A fetched page between stages. */
export interface PagePayload {
  siteId: string | null;
  url: string;
  canonicalUrl: string;
  finalUrl: string;
  status: number;
  headers: Record<string, string>;
  contentType: string | null;
  charset: string | null;
  etag: string | null;
  lastModified: string | null;
  fetchedAt: string;
  contentHash: string;
  /** gzip + base64 of the raw bytes; null when they are the UTF-8 encoding of the HTML (sent once, as htmlGz). */
  bodyGz: string | null;
  /** gzip + base64 of the decoded HTML. */
  htmlGz: string;
}

export interface ExtractJobData {
  crawlId: string;
  /** The fetch job that produced the page (removed when the chain fails, so the next crawl fetches again). */
  fetchJobId: string | null;
  page: PagePayload;
}

export interface StoreJobData {
  crawlId: string;
  fetchJobId: string | null;
  page: PagePayload;
  article: Article | null;
  notArticle: NotArticle | null;
  extraction: ExtractionResult | null;
}

/** Job names (BullMQ's `name`): what `vnevents failed` shows next to the id. */
export const JOB_NAMES = { discover: 'site', fetch: 'url', extract: 'page', store: 'page' } as const;
