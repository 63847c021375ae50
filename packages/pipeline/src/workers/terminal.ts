import type { Job } from 'bullmq';
import type { DiscoverJobData, Stage } from '../queues/index.js';
import { urlKey } from '../queues/index.js';
import type { PipelineRuntime } from '../runtime/index.js';
import { crawlIdOf } from '../stages/index.js';
import { kindOfReason } from './error-kinds.js';

/**
 * A job failed for good (no attempts left, unrecoverable, or stalled too often): tell the crawls waiting for it,
 * count it, and let the next crawl fetch the URL again.
 */
export async function onTerminalFailure(stage: Stage, job: Job, rt: PipelineRuntime): Promise<void> {
  const reason = job.failedReason ?? 'unknown';
  const kind = kindOfReason(reason);
  const d = job.data as {
    crawlId?: string;
    siteId?: string;
    canonicalUrl?: string;
    fetchJobId?: string | null;
    page?: { canonicalUrl: string };
  };
  await rt.stats.count(`${stage}:failed`);
  await rt.stats.count(`failed:${kind}`);
  rt.log.warn(
    { stage, job: job.id, kind, reason },
    'job failed for good: kept for `vnevents failed` / `vnevents retry`',
  );
  if (stage === 'discover') {
    await rt.tracker.discoverDone(crawlIdOf(job as Job<DiscoverJobData>), d.siteId ?? '', reason);
    return;
  }
  if (!d.crawlId) return;
  const canonical = stage === 'fetch' ? d.canonicalUrl : d.page?.canonicalUrl;
  if (canonical) await rt.tracker.finishUrl(d.crawlId, urlKey(canonical), 'failed');
  if (stage !== 'fetch' && d.fetchJobId) {
    // The fetch succeeded but a later stage failed: drop the kept fetch so the next crawl does not skip the URL.
    await rt.queues.fetch.remove(d.fetchJobId).catch(() => 0);
  }
}
