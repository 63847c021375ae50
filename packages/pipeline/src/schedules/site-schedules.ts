import type { SiteEntry } from '@vnevents/schema';
import type { Queue } from 'bullmq';
import type { DiscoverJobData } from '../queues/index.js';
import { JOB_NAMES } from '../queues/index.js';

/** Site schedules are cron patterns in Vietnam time. */
export const SCHEDULE_TZ = 'Asia/Ho_Chi_Minh';
const PREFIX = 'site-';

export function schedulerId(siteId: string): string {
  return `${PREFIX}${siteId}`;
}

export interface ScheduleRow {
  siteId: string;
  pattern: string | null;
  tz: string | null;
  /** Next run (ms since epoch). */
  next: number | null;
}

export interface SyncSummary {
  added: string[];
  updated: string[];
  removed: string[];
  unchanged: string[];
}

/** The job schedulers of the discover queue that belong to sites. */
export async function listSchedules(queue: Queue<DiscoverJobData>): Promise<ScheduleRow[]> {
  const rows = await queue.getJobSchedulers(0, -1, true);
  return rows
    .filter((r) => (r.key ?? r.id ?? '').startsWith(PREFIX))
    .map((r) => ({
      siteId: (r.key ?? r.id ?? '').slice(PREFIX.length),
      pattern: r.pattern ?? null,
      tz: r.tz ?? null,
      next: r.next ?? null,
    }));
}

/**
 * Makes the discover queue's schedulers match the registry: one cron scheduler per site (BullMQ job schedulers,
 * so however many processes run `sync` or workers, each site is discovered once per tick); schedulers of sites no
 * longer in the registry are removed. A scheduled run's discover job carries an empty crawl id: the discover stage
 * derives one per run.
 */
export async function syncSchedules(queue: Queue<DiscoverJobData>, sites: SiteEntry[]): Promise<SyncSummary> {
  const existing = new Map((await listSchedules(queue)).map((r) => [r.siteId, r]));
  const out: SyncSummary = { added: [], updated: [], removed: [], unchanged: [] };
  for (const site of sites) {
    const cur = existing.get(site.id);
    existing.delete(site.id);
    if (cur && cur.pattern === site.schedule && cur.tz === SCHEDULE_TZ) {
      out.unchanged.push(site.id);
      continue;
    }
    await queue.upsertJobScheduler(
      schedulerId(site.id),
      { pattern: site.schedule, tz: SCHEDULE_TZ },
      { name: JOB_NAMES.discover, data: { crawlId: '', siteId: site.id } },
    );
    (cur ? out.updated : out.added).push(site.id);
  }
  for (const siteId of existing.keys()) {
    await queue.removeJobScheduler(schedulerId(siteId));
    out.removed.push(siteId);
  }
  return out;
}
