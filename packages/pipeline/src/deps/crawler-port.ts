import {
  type CrawlLogger,
  canonicalizeUrl,
  discoverSite,
  type Fetcher,
  type FetchResult,
  parse,
} from '@vnevents/crawler';
import type { ConditionalCache, HttpValidators, SiteEntry } from '@vnevents/schema';
import type { Logger } from 'pino';
import type { CrawlerPort, DiscoveredUrl, FetchedPage, NotModified } from './ports.js';

/**
 * The cache the Fetcher sees: the validators the fetch stage read from the store for this one request (so a store
 * outage surfaces in the pipeline as a retryable error, not as the crawler's critical cache error), and no writes
 * (the store stage records the validators once the page is stored).
 */
export class PerRequestValidators implements ConditionalCache {
  private readonly byUrl = new Map<string, HttpValidators>();
  async getValidators(url: string): Promise<HttpValidators | null> {
    return this.byUrl.get(url) ?? null;
  }
  async putValidators(): Promise<void> {}
  set(url: string, v: HttpValidators): void {
    this.byUrl.set(url, v);
  }
  delete(url: string): void {
    this.byUrl.delete(url);
  }
}

export function crawlLogger(log: Logger): CrawlLogger {
  return { debug: (o, m) => log.debug(o, m), warn: (o, m) => log.warn(o, m) };
}

/** The crawler's Fetcher, discovery and parser behind the pipeline's CrawlerPort. */
export function crawlerPort(fetcher: Fetcher, validators: PerRequestValidators, polite = true): CrawlerPort {
  return {
    async discover(site, ctx): Promise<DiscoveredUrl[]> {
      const out: DiscoveredUrl[] = [];
      let errors = 0;
      for await (const d of discoverSite({
        source: fetcher,
        site,
        signal: ctx.signal,
        onError: (e) => {
          errors++;
          ctx.log.warn({ kind: e.kind, url: e.url, err: e.message }, 'discovery: a sitemap, feed or listing failed');
        },
      })) {
        out.push({ url: d.url, lastmod: d.lastmod ? d.lastmod.toISOString() : null });
        if (out.length >= site.limits.maxPages) break;
      }
      if (errors) ctx.log.info({ errors, found: out.length }, 'discovery finished with errors (skipped)');
      return out;
    },
    canonicalize: (url) => canonicalizeUrl(url),
    async fetch(url, ctx): Promise<FetchedPage | NotModified> {
      const key = canonicalizeUrl(url);
      if (ctx.validators) validators.set(key, ctx.validators);
      let r: FetchResult;
      try {
        r = await fetcher.fetchPage(url, {
          ...(ctx.site ? { site: ctx.site } : {}),
          conditional: ctx.validators !== null,
          signal: ctx.signal,
          ...(polite ? {} : { politeness: { delayMs: 0, concurrency: Number.POSITIVE_INFINITY } }),
        });
      } finally {
        validators.delete(key);
      }
      if (r.notModified)
        return { kind: 'not-modified', url, finalUrl: r.finalUrl, status: 304, fetchedAt: r.fetchedAt };
      return {
        kind: 'page',
        url,
        finalUrl: r.finalUrl,
        status: r.status,
        headers: r.headers,
        contentType: r.contentType,
        // The Fetcher returns the decoded text, not the bytes on the wire: the page is kept as UTF-8.
        charset: 'utf-8',
        body: Buffer.from(r.html, 'utf8'),
        bodyIsHtml: true,
        html: r.html,
        etag: r.validators.etag,
        lastModified: r.validators.lastModified,
        fetchedAt: r.fetchedAt,
        contentHash: r.contentHash,
      };
    },
    parse(html, url, site: SiteEntry | null) {
      return parse(html, url, {
        ...(site?.selectors ? { selectors: site.selectors } : {}),
        ...(site ? { site: site.id } : {}),
      });
    },
  };
}
