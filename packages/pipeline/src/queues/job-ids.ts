import { createHash } from 'node:crypto';

/**
 * Job ids derived from what the job is about, so the same work enqueued twice collapses into one job (BullMQ
 * ignores an add whose jobId exists). Hashed: BullMQ forbids ':' in custom ids and URLs are long.
 */
function h(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 32);
}

/** Identity of a URL across stages and crawls: the hash of its canonical form. */
export function urlKey(canonicalUrl: string): string {
  return h('url', canonicalUrl);
}

/** One fetch per canonical URL (and per sitemap lastmod, so a changed page is fetched again). */
export function fetchJobId(canonicalUrl: string, lastmod: string | null): string {
  return `f-${h('fetch', canonicalUrl, lastmod ?? '')}`;
}

/** A forced fetch (`vnevents crawl URL`): never collapses with an earlier fetch of the URL. */
export function forcedFetchJobId(canonicalUrl: string, nonce: string): string {
  return `f-${h('fetch', canonicalUrl, 'force', nonce)}`;
}

/** One extraction per page content and extractor version. */
export function extractJobId(canonicalUrl: string, contentHash: string, extractorVersion: string): string {
  return `x-${h('extract', canonicalUrl, contentHash, extractorVersion)}`;
}

/** One write per page content and extractor version. */
export function storeJobId(canonicalUrl: string, contentHash: string, extractorVersion: string): string {
  return `s-${h('store', canonicalUrl, contentHash, extractorVersion)}`;
}

/** One discovery per site per crawl. */
export function discoverJobId(siteId: string, crawlId: string): string {
  return `d-${h('discover', siteId, crawlId)}`;
}

export function contentHash(body: Uint8Array | string): string {
  return createHash('sha256').update(body).digest('hex');
}
