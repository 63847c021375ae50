import type { Job } from 'bullmq';
import type { PipelinePorts } from '../deps/index.js';
import type { DiscoverJobData } from '../queues/index.js';
import type { PipelineRuntime } from '../runtime/index.js';
import { type EnqueueSummary, enqueueUrls } from './enqueue.js';

/** Thrown when a job names a site the registry does not have: fix the registry or run `vnevents schedule sync`. */
export class UnknownSiteError extends Error {
  readonly kind = 'non-retryable';
  constructor(readonly siteId: string) {
    super(
      `site "${siteId}" is not in the sites registry: add it, or run \`vnevents schedule sync\` to drop its schedule`,
    );
    this.name = 'UnknownSiteError';
  }
}

export interface DiscoverResult extends EnqueueSummary {
  found: number;
}

/**
 * The crawl a discover job belongs to. A scheduled run (job scheduler, empty crawl id in the template) gets one
 * derived from its job id, so a retry of that run stays in the same crawl.
 */
export function crawlIdOf(job: Job<DiscoverJobData>): string {
  if (job.data.crawlId) return job.data.crawlId;
  const stamp = new Date(job.timestamp).toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
  return `sched-${job.data.siteId}-${stamp}`;
}

/** A site → fetch jobs for the article URLs its sitemaps, feeds and listings name. */
export async function discoverStage(
  job: Job<DiscoverJobData>,
  signal: AbortSignal,
  rt: PipelineRuntime,
  ports: PipelinePorts,
): Promise<DiscoverResult> {
  const { siteId } = job.data;
  const crawlId = crawlIdOf(job);
  const site = ports.sites.get(siteId);
  if (!site) throw new UnknownSiteError(siteId);
  if (!job.data.crawlId) await rt.tracker.start(crawlId, [siteId], 'schedule');
  const log = rt.log.child({ stage: 'discover', site: siteId, crawl: crawlId });
  const found = await ports.crawler.discover(site, { limiter: rt.limiter, signal, log });
  const urls = found.map((d) => ({
    url: d.url,
    canonicalUrl: ports.crawler.canonicalize(d.url, site),
    lastmod: d.lastmod,
  }));
  const summary = await enqueueUrls(rt, crawlId, siteId, urls);
  await rt.tracker.discoverDone(crawlId, siteId);
  await rt.stats.count('urls:discovered', found.length);
  log.info({ found: found.length, ...summary }, 'discovered');
  return { found: found.length, ...summary };
}
