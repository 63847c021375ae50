import type { Job } from 'bullmq';
import type { PipelinePorts } from '../deps/index.js';
import { type StoreJobData, unpackBytes, unpackText, urlKey } from '../queues/index.js';
import type { PipelineRuntime } from '../runtime/index.js';
import type { Outcome } from '../tracking/index.js';

export interface StoreStageResult {
  outcome: Outcome;
  events: number;
}

/**
 * Page + article + events → the database, idempotently; the port writes the validators for the next conditional
 * GET last, so a 304 never stands for a page that was not stored.
 */
export async function storeStage(
  job: Job<StoreJobData>,
  _signal: AbortSignal,
  rt: PipelineRuntime,
  ports: PipelinePorts,
): Promise<StoreStageResult> {
  const { page, article, notArticle, extraction, crawlId } = job.data;
  const stored = await ports.store.savePageRecord({
    siteId: page.siteId,
    url: page.url,
    canonicalUrl: page.canonicalUrl,
    finalUrl: page.finalUrl,
    status: page.status,
    headers: page.headers,
    contentType: page.contentType,
    charset: page.charset,
    body: page.bodyGz === null ? Buffer.from(unpackText(page.htmlGz), 'utf8') : unpackBytes(page.bodyGz),
    contentHash: page.contentHash,
    etag: page.etag,
    lastModified: page.lastModified,
    fetchedAt: page.fetchedAt,
    article,
    notArticle,
    extraction,
  });
  const outcome: Outcome = notArticle ? 'not-article' : stored.created ? 'stored' : 'unchanged';
  await rt.tracker.finishUrl(crawlId, urlKey(page.canonicalUrl), outcome, stored.created ? stored.events : 0);
  await rt.stats.count(`pages:${outcome}`);
  if (stored.created && stored.events) await rt.stats.count('events:stored', stored.events);
  return { outcome, events: stored.events };
}
