import type { ExtractorInfo, SiteEntry } from '@vnevents/schema';
import type { Store } from '@vnevents/store';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { PageRecord, StoredOutcome, StorePort } from './ports.js';

/**
 * The extraction run the pipeline writes into: one open run per extractor (name, version, lexicon version) shared by
 * every worker of every machine, found in the store (the source of truth) under a Redis lock so two workers starting
 * at once do not open two runs.
 */
export class PipelineRuns {
  private runId: number | null = null;

  constructor(
    private readonly store: Store,
    private readonly extractor: ExtractorInfo,
    private readonly redis: Redis | null,
    private readonly lockKey: string,
  ) {}

  async current(): Promise<number> {
    if (this.runId !== null) return this.runId;
    const token = `${process.pid}-${Math.random()}`;
    if (this.redis) {
      for (let i = 0; ; i++) {
        if ((await this.redis.set(this.lockKey, token, 'PX', 10_000, 'NX')) === 'OK') break;
        if (i > 200) throw new Error(`could not take ${this.lockKey} in 20 s: another worker holds it; retry`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    try {
      const e = this.extractor;
      const open = (await this.store.listRuns()).find(
        (r) =>
          r.finishedAt === null &&
          r.params['source'] === 'pipeline' &&
          r.extractor.name === e.name &&
          r.extractor.version === e.version &&
          r.extractor.lexiconVersion === e.lexiconVersion,
      );
      this.runId =
        open?.id ??
        (await this.store.startRun({
          extractor: e,
          params: { source: 'pipeline' },
          note: 'crawl pipeline: events of newly fetched pages',
        }));
      return this.runId;
    } finally {
      if (this.redis)
        await this.redis.eval(
          "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0",
          1,
          this.lockKey,
          token,
        );
    }
  }
}

/** The store behind the pipeline's StorePort: page, article and events, then the fetch (validators) last. */
export function storePort(
  store: Store,
  runs: PipelineRuns,
  sites: { get(id: string): SiteEntry | undefined },
  log: Logger,
): StorePort {
  const knownSites = new Set<string>();
  const ensureSite = async (id: string | null) => {
    if (!id || knownSites.has(id)) return;
    const s = sites.get(id);
    await store.saveSite({
      id,
      name: s?.name ?? null,
      baseUrl: s?.baseUrl ?? null,
      province: s?.province ?? null,
      ...(s ? { entry: s } : {}),
    });
    knownSites.add(id);
  };
  return {
    cache: store,
    async savePageRecord(rec: PageRecord): Promise<StoredOutcome> {
      await ensureSite(rec.siteId);
      const pageId = await store.savePage(rec.body, {
        url: rec.finalUrl,
        canonicalUrl: rec.canonicalUrl,
        site: rec.siteId,
        charset: rec.charset,
        contentType: rec.contentType,
        status: rec.status,
        fetchedAt: rec.fetchedAt,
      });
      let events = 0;
      if (rec.article) {
        const articleId = await store.saveArticle(pageId, rec.article);
        if (rec.extraction) {
          const report = await store.saveExtraction(await runs.current(), articleId, rec.extraction);
          events = report.events;
        }
      }
      // The fetch record carries the validators: written last, so a conditional GET never skips a page not stored.
      await store.saveFetch({
        url: rec.canonicalUrl,
        site: rec.siteId,
        status: rec.status,
        headers: rec.headers,
        etag: rec.etag,
        lastModified: rec.lastModified,
        fetchedAt: rec.fetchedAt,
      });
      log.debug({ url: rec.canonicalUrl, pageId, events }, 'stored');
      return { created: true, events };
    },
    async recordNotModified(url, fetchedAt) {
      await store.saveFetch({ url, status: 304, headers: {}, etag: null, lastModified: null, fetchedAt });
    },
    close: () => store.close(),
  };
}
