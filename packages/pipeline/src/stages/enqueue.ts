import { randomBytes } from 'node:crypto';
import type { FetchJobData } from '../queues/index.js';
import { fetchJobId, forcedFetchJobId, JOB_NAMES, queueKey, urlKey } from '../queues/index.js';
import type { PipelineRuntime } from '../runtime/index.js';

export interface UrlToFetch {
  url: string;
  canonicalUrl: string;
  lastmod: string | null;
}

export interface EnqueueSummary {
  /** New fetch jobs. */
  added: number;
  /** Already in flight for another crawl: this crawl waits for its outcome. */
  joined: number;
  /** Fetched within the refetch window (and unchanged lastmod): nothing to do. */
  recent: number;
}

/**
 * Adds fetch jobs for a crawl, deduplicated by canonical URL: a URL in flight is joined, a URL fetched recently is
 * skipped, a URL whose earlier fetch failed for good is tried again. `force` fetches even recent URLs, unconditionally.
 */
export async function enqueueUrls(
  rt: PipelineRuntime,
  crawlId: string,
  siteId: string | null,
  urls: UrlToFetch[],
  opts: { force?: boolean } = {},
): Promise<EnqueueSummary> {
  const summary: EnqueueSummary = { added: 0, joined: 0, recent: 0 };
  const completedKey = queueKey(rt.config, 'fetch', 'completed');
  const failedKey = queueKey(rt.config, 'fetch', 'failed');
  const seen = new Set<string>();
  const toAdd: { id: string; data: FetchJobData }[] = [];
  const nonce = randomBytes(4).toString('hex');
  const unique: (UrlToFetch & { id: string })[] = [];
  for (const u of urls) {
    if (seen.has(u.canonicalUrl)) continue;
    seen.add(u.canonicalUrl);
    unique.push({
      ...u,
      id: opts.force ? forcedFetchJobId(u.canonicalUrl, nonce) : fetchJobId(u.canonicalUrl, u.lastmod),
    });
  }
  // Sent together (ioredis pipelines commands issued in one tick): one round trip for many claims.
  const claims = await Promise.all(
    unique.map((u) => rt.tracker.claimUrl(crawlId, urlKey(u.canonicalUrl), u.id, completedKey)),
  );
  for (const [i, u] of unique.entries()) {
    const claim = claims[i]!;
    const id = u.id;
    if (claim.result === 'recent') {
      summary.recent++;
      continue;
    }
    if (claim.result === 'joined') {
      summary.joined++;
      // In flight under another job (another lastmod, a forced fetch …): wait for it. Its job may be missing only
      // if whoever claimed the URL died before adding it: then add ours.
      if (claim.fetchJobId !== id && (await rt.queues.fetch.getJob(claim.fetchJobId))) continue;
    } else summary.added++;
    const data: FetchJobData = { crawlId, siteId, url: u.url, canonicalUrl: u.canonicalUrl, lastmod: u.lastmod };
    if (opts.force) data.unconditional = true;
    toAdd.push({ id, data });
  }
  if (!toAdd.length) return summary;
  // A fetch that failed for good is kept for inspection under the same id: remove it so the URL is tried again.
  const failed = await Promise.all(toAdd.map((t) => rt.redis.zscore(failedKey, t.id)));
  await Promise.all(toAdd.filter((_, i) => failed[i] !== null).map((t) => rt.queues.fetch.remove(t.id)));
  for (let i = 0; i < toAdd.length; i += 500) {
    await rt.queues.fetch.addBulk(
      toAdd.slice(i, i + 500).map((t) => ({ name: JOB_NAMES.fetch, data: t.data, opts: { jobId: t.id } })),
    );
  }
  return summary;
}
