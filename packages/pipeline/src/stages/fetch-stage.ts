import type { Job } from 'bullmq';
import type { PipelinePorts } from '../deps/index.js';
import {
  contentHash,
  type ExtractJobData,
  extractJobId,
  type FetchJobData,
  JOB_NAMES,
  packBytes,
  packText,
  urlKey,
} from '../queues/index.js';
import type { PipelineRuntime } from '../runtime/index.js';

export interface FetchResult {
  status: number;
  contentHash: string | null;
  next: string | null;
}

/** A URL → its page (conditional GET with the validators the store kept), handed to `extract`. */
export async function fetchStage(
  job: Job<FetchJobData>,
  signal: AbortSignal,
  rt: PipelineRuntime,
  ports: PipelinePorts,
): Promise<FetchResult> {
  const d = job.data;
  const site = (d.siteId ? ports.sites.get(d.siteId) : undefined) ?? ports.sites.forUrl(d.url) ?? null;
  const log = rt.log.child({ stage: 'fetch', url: d.url, crawl: d.crawlId });
  const validators = d.unconditional ? null : await ports.store.cache.getValidators(d.canonicalUrl);
  const r = await ports.crawler.fetch(d.url, { site, validators, limiter: rt.limiter, signal, log });
  if (r.kind === 'not-modified') {
    await ports.store.recordNotModified(d.canonicalUrl, r.fetchedAt);
    await rt.tracker.finishUrl(d.crawlId, urlKey(d.canonicalUrl), 'not-modified');
    await rt.stats.count('pages:not-modified');
    return { status: 304, contentHash: null, next: null };
  }
  const hash = r.contentHash ?? contentHash(r.body);
  const next = extractJobId(d.canonicalUrl, hash, ports.extractor.version);
  const data: ExtractJobData = {
    crawlId: d.crawlId,
    fetchJobId: job.id ?? null,
    page: {
      siteId: site?.id ?? d.siteId,
      url: d.url,
      canonicalUrl: d.canonicalUrl,
      finalUrl: r.finalUrl,
      status: r.status,
      headers: r.headers,
      contentType: r.contentType,
      charset: r.charset,
      etag: r.etag,
      lastModified: r.lastModified,
      fetchedAt: r.fetchedAt,
      contentHash: hash,
      bodyGz: r.bodyIsHtml ? null : packBytes(r.body),
      htmlGz: packText(r.html),
    },
  };
  await rt.queues.extract.add(JOB_NAMES.extract, data, { jobId: next });
  await rt.stats.count('pages:fetched');
  return { status: r.status, contentHash: hash, next };
}
