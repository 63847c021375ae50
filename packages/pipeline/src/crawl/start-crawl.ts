import { setTimeout as sleep } from 'node:timers/promises';
import { discoverJobId, JOB_NAMES, STAGES } from '../queues/index.js';
import type { PipelineRuntime } from '../runtime/index.js';
import { type EnqueueSummary, enqueueUrls } from '../stages/index.js';
import { type CrawlProgress, CrawlTracker } from '../tracking/index.js';

/** Starts a crawl of registry sites: one discover job per site. Returns the crawl id. */
export async function startSiteCrawl(rt: PipelineRuntime, siteIds: string[], trigger = 'cli'): Promise<string> {
  const crawlId = CrawlTracker.newCrawlId();
  await rt.tracker.start(crawlId, siteIds, trigger);
  await rt.queues.discover.addBulk(
    siteIds.map((siteId) => ({
      name: JOB_NAMES.discover,
      data: { crawlId, siteId },
      opts: { jobId: discoverJobId(siteId, crawlId) },
    })),
  );
  return crawlId;
}

/** Starts a crawl of single URLs (no discovery). `force` fetches them even if fetched recently, unconditionally. */
export async function startUrlCrawl(
  rt: PipelineRuntime,
  urls: { url: string; canonicalUrl: string; siteId: string | null }[],
  opts: { force?: boolean; trigger?: string } = {},
): Promise<{ crawlId: string } & EnqueueSummary> {
  const crawlId = CrawlTracker.newCrawlId();
  await rt.tracker.start(crawlId, [], opts.trigger ?? 'cli');
  const total: EnqueueSummary = { added: 0, joined: 0, recent: 0 };
  const bySite = new Map<string | null, typeof urls>();
  for (const u of urls) bySite.set(u.siteId, [...(bySite.get(u.siteId) ?? []), u]);
  for (const [siteId, list] of bySite) {
    const s = await enqueueUrls(
      rt,
      crawlId,
      siteId,
      list.map((u) => ({ url: u.url, canonicalUrl: u.canonicalUrl, lastmod: null })),
      { force: opts.force ?? false },
    );
    total.added += s.added;
    total.joined += s.joined;
    total.recent += s.recent;
  }
  return { crawlId, ...total };
}

export interface WaitOptions {
  pollMs?: number;
  /** Called after every poll. */
  onProgress?: (p: CrawlProgress) => void;
  signal?: AbortSignal;
  /** Give up after this long (default: never). */
  timeoutMs?: number;
}

export interface WaitResult {
  progress: CrawlProgress;
  /**
   * URLs that will get no outcome: every queue went idle while the crawl still missed them (a job removed by
   * hand, or failed by the stalled-job check). 0 when the crawl finished normally.
   */
  lost: number;
  timedOut: boolean;
}

/** Thrown when a crawl id is unknown (expired after 7 days, or a typo). */
export class UnknownCrawlError extends Error {
  constructor(readonly crawlId: string) {
    super(`no crawl ${crawlId}: see the recent ones with \`vnevents status\``);
    this.name = 'UnknownCrawlError';
  }
}

/** Whether no stage has work waiting, running or delayed. */
export async function pipelineIdle(rt: PipelineRuntime): Promise<boolean> {
  for (const s of STAGES) {
    const c = await rt.queues[s].getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'paused');
    if (Object.values(c).some((n) => n > 0)) return false;
  }
  return true;
}

/** Polls a crawl until every URL it wanted has an outcome (stored, not modified, failed …). */
export async function waitForCrawl(rt: PipelineRuntime, crawlId: string, opts: WaitOptions = {}): Promise<WaitResult> {
  const pollMs = opts.pollMs ?? 250;
  const deadline = opts.timeoutMs ? Date.now() + opts.timeoutMs : Number.POSITIVE_INFINITY;
  let idlePolls = 0;
  let lastDone = -1;
  for (;;) {
    opts.signal?.throwIfAborted();
    const p = await rt.tracker.progress(crawlId);
    if (!p) throw new UnknownCrawlError(crawlId);
    opts.onProgress?.(p);
    if (p.finished) return { progress: p, lost: 0, timedOut: false };
    // Only a crawl that stopped moving is checked for an idle pipeline (four queue counts per stage).
    const moved = p.done !== lastDone;
    lastDone = p.done;
    idlePolls = !moved && (await pipelineIdle(rt)) ? idlePolls + 1 : 0;
    // Idle three polls in a row and still short: those URLs will not arrive (see WaitResult.lost).
    if (idlePolls >= 3) return { progress: p, lost: p.urls - p.done, timedOut: false };
    if (Date.now() > deadline) return { progress: p, lost: 0, timedOut: true };
    await sleep(pollMs, undefined, opts.signal ? { signal: opts.signal } : undefined);
  }
}
