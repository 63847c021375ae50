import { setTimeout as sleep } from 'node:timers/promises';
import {
  type Article,
  type ConditionalCache,
  type ExtractionResult,
  type HttpValidators,
  type SiteEntry,
  SiteEntrySchema,
} from '@vnevents/schema';
import type { FetchedPage, NotModified, PageRecord, PipelinePorts, StoredOutcome } from '../../src/deps/index.js';
import { sitesFromEntries } from '../../src/deps/index.js';

/**
 * Ports for testing the queue machinery in-process: a crawler whose "sites" are scripted in memory (each fetch
 * takes a lease from the real Redis limiter, like the real crawler) and an in-memory store that counts writes.
 * The real crawler and store are exercised by the end-to-end tests; these let a test make a URL throw what it likes.
 */
export interface Script {
  /** Throw an error for this URL on this attempt (1-based), or return undefined to succeed. */
  fail?: (url: string, attempt: number) => Error | undefined;
  latencyMs?: number;
  /** Validators the scripted server sends; a request with a matching ETag gets a 304. */
  etag?: (url: string) => string | null;
}

export function site(id: string, n: number, politeness = { delayMs: 0, concurrency: 2 }): SiteEntry {
  return SiteEntrySchema.parse({
    id,
    name: id,
    baseUrl: `http://${id}/`,
    kind: 'newspaper',
    province: null,
    startUrls: [`http://${id}/`],
    politeness,
    limits: { maxPages: n, maxDepth: 1, maxAgeDays: null },
    allowPrivateNetwork: true,
  });
}

export class MemoryStore {
  readonly pages = new Map<string, PageRecord>();
  readonly writes: string[] = [];
  readonly validators = new Map<string, HttpValidators>();
  failWrites = false;
  readonly cache: ConditionalCache = {
    getValidators: async (url) => this.validators.get(url) ?? null,
    putValidators: async (url, v) => {
      this.validators.set(url, { etag: v.etag, lastModified: v.lastModified });
    },
  };
  async savePageRecord(rec: PageRecord): Promise<StoredOutcome> {
    if (this.failWrites) throw new Error('connection refused (database down)');
    this.writes.push(rec.canonicalUrl);
    const key = `${rec.canonicalUrl}\n${rec.contentHash}`;
    const created = !this.pages.has(key);
    this.pages.set(key, rec);
    if (rec.etag || rec.lastModified)
      this.validators.set(rec.canonicalUrl, { etag: rec.etag, lastModified: rec.lastModified });
    return { created, events: rec.extraction?.events.length ?? 0 };
  }
  async recordNotModified(): Promise<void> {}
  async close(): Promise<void> {}
}

export interface ScriptedPorts extends PipelinePorts {
  store: MemoryStore & PipelinePorts['store'];
  attempts: Map<string, number>;
  /** Most requests in flight at once per host, as the scripted server saw them. */
  maxInFlight: Map<string, number>;
}

export function scriptedPorts(sites: SiteEntry[], script: Script = {}): ScriptedPorts {
  const attempts = new Map<string, number>();
  const inFlight = new Map<string, number>();
  const maxInFlight = new Map<string, number>();
  const store = new MemoryStore();
  const registry = sitesFromEntries(sites);
  const urlsOf = (s: SiteEntry) =>
    Array.from({ length: s.limits.maxPages }, (_, i) => `http://${s.id}/a/${i + 1}.html`);
  return {
    store,
    attempts,
    maxInFlight,
    sites: registry,
    crawler: {
      async discover(s) {
        return urlsOf(s).map((url) => ({ url, lastmod: null }));
      },
      canonicalize: (url) => new URL(url).href,
      async fetch(url, ctx): Promise<FetchedPage | NotModified> {
        const host = new URL(url).host;
        const pol = ctx.site?.politeness ?? { delayMs: 0, concurrency: 1 };
        const release = await ctx.limiter.acquire(host, { ...pol, signal: ctx.signal });
        const n = (inFlight.get(host) ?? 0) + 1;
        inFlight.set(host, n);
        maxInFlight.set(host, Math.max(maxInFlight.get(host) ?? 0, n));
        try {
          const attempt = (attempts.get(url) ?? 0) + 1;
          attempts.set(url, attempt);
          if (script.latencyMs) await sleep(script.latencyMs, undefined, { signal: ctx.signal });
          const err = script.fail?.(url, attempt);
          if (err) throw err;
          const etag = script.etag?.(url) ?? null;
          const fetchedAt = new Date().toISOString();
          if (etag && ctx.validators?.etag === etag)
            return { kind: 'not-modified', url, finalUrl: url, status: 304, fetchedAt };
          const html = `<html><head><title>${url}</title></head><body><p>Bài viết ${url}</p></body></html>`;
          return {
            kind: 'page',
            url,
            finalUrl: url,
            status: 200,
            headers: { 'content-type': 'text/html; charset=utf-8' },
            contentType: 'text/html; charset=utf-8',
            charset: 'utf-8',
            body: Buffer.from(html),
            html,
            etag,
            lastModified: null,
            fetchedAt,
          };
        } finally {
          inFlight.set(host, (inFlight.get(host) ?? 1) - 1);
          await release();
        }
      },
      parse(html, url) {
        if (url.endsWith('/')) return { notArticle: 'listing', url, detail: 'listing page' };
        const title = /<title>(.*)<\/title>/.exec(html)?.[1] ?? null;
        const a: Article = {
          url,
          canonicalUrl: url,
          site: new URL(url).host,
          title,
          publishedAt: null,
          modifiedAt: null,
          author: null,
          lead: null,
          paragraphs: [`Bài viết ${url}`],
          captions: [],
          breadcrumb: [],
          lang: 'vie',
          dateSource: null,
        };
        return a;
      },
    },
    extractor: {
      version: '0.0.0-test',
      extract(a): ExtractionResult {
        return {
          schemaVersion: 1,
          source: { id: a.url, url: a.url, path: null, title: a.title, publishedAt: null, lang: 'vie', site: a.site },
          extractor: { name: 'scripted', version: '0.0.0', lexiconVersion: 'test' },
          text: a.paragraphs.join('\n\n'),
          events: [],
        };
      },
    },
  };
}
