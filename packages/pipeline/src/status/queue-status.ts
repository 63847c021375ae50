import { STAGES, type Stage } from '../queues/index.js';
import type { PipelineRuntime } from '../runtime/index.js';
import type { CrawlProgress } from '../tracking/index.js';
import { formatTable } from './table.js';

export interface StageStatus {
  stage: Stage;
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  /** Completed jobs still kept (fetch keeps them for the refetch window). */
  completed: number;
  workers: number;
  /** Jobs done per minute over the window. */
  perMinute: number;
}

export interface StatusReport {
  prefix: string;
  minutes: number;
  stages: StageStatus[];
  /** Page outcomes over the window (stored, unchanged, not-article, not-modified). */
  pages: Record<string, number>;
  /** Errors over the last hour by `stage kind` (every failed attempt, retried or not). */
  errors: { stage: string; kind: string; count: number }[];
  /** Jobs failed for good over the last hour, by kind. */
  failedByKind: Record<string, number>;
  crawls: CrawlProgress[];
}

/** Queue counts per stage, throughput over the last `minutes`, errors grouped by kind, recent crawls. */
export async function collectStatus(rt: PipelineRuntime, minutes = 5): Promise<StatusReport> {
  const [recent, hour] = await Promise.all([rt.stats.sum(minutes), rt.stats.sum(60)]);
  const stages = await Promise.all(
    STAGES.map(async (stage) => {
      const q = rt.queues[stage];
      const [c, workers] = await Promise.all([
        q.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'failed', 'completed', 'paused'),
        q.getWorkersCount(),
      ]);
      return {
        stage,
        waiting: (c['waiting'] ?? 0) + (c['prioritized'] ?? 0) + (c['paused'] ?? 0),
        active: c['active'] ?? 0,
        delayed: c['delayed'] ?? 0,
        failed: c['failed'] ?? 0,
        completed: c['completed'] ?? 0,
        workers,
        perMinute: (recent[`${stage}:done`] ?? 0) / minutes,
      };
    }),
  );
  const pages: Record<string, number> = {};
  for (const [k, v] of Object.entries(recent)) if (k.startsWith('pages:')) pages[k.slice(6)] = v;
  const errors: StatusReport['errors'] = [];
  const failedByKind: Record<string, number> = {};
  for (const [k, v] of Object.entries(hour)) {
    const m = /^([a-z]+):error:(.+)$/.exec(k);
    if (m) errors.push({ stage: m[1]!, kind: m[2]!, count: v });
    if (k.startsWith('failed:')) failedByKind[k.slice(7)] = v;
  }
  errors.sort((a, b) => b.count - a.count);
  const ids = await rt.tracker.recent(5);
  const crawls = (await Promise.all(ids.map((id) => rt.tracker.progress(id)))).filter((c): c is CrawlProgress => !!c);
  return { prefix: rt.config.prefix, minutes, stages, pages, errors, failedByKind, crawls };
}

export function formatStatus(r: StatusReport): string[] {
  const out: string[] = [];
  out.push(`Queues (prefix ${r.prefix}); throughput over the last ${r.minutes} min`);
  out.push(
    ...formatTable(
      ['stage', 'waiting', 'active', 'delayed', 'failed', 'kept', 'workers', 'jobs/min'],
      r.stages.map((s) => [
        s.stage,
        s.waiting,
        s.active,
        s.delayed,
        s.failed,
        s.completed,
        s.workers,
        s.perMinute.toFixed(1),
      ]),
    ),
  );
  const pages = Object.entries(r.pages);
  out.push(
    '',
    `Pages (last ${r.minutes} min): ${pages.length ? pages.map(([k, v]) => `${k} ${v}`).join(', ') : 'none'}`,
  );
  out.push('', 'Errors in the last 60 min, by kind (every failed attempt; retried ones included)');
  if (r.errors.length)
    out.push(
      ...formatTable(
        ['stage', 'kind', 'count'],
        r.errors.map((e) => [e.stage, e.kind, e.count]),
      ),
    );
  else out.push('  none');
  const failed = Object.entries(r.failedByKind);
  if (failed.length) out.push(`Failed for good: ${failed.map(([k, v]) => `${k} ${v}`).join(', ')}  (vnevents failed)`);
  out.push('', 'Recent crawls');
  if (r.crawls.length)
    out.push(
      ...formatTable(
        ['crawl', 'trigger', 'sites', 'urls', 'done', 'stored', 'failed', 'state'],
        r.crawls.map((c) => [
          c.id,
          c.trigger,
          c.sites.join(',') || '-',
          c.urls,
          c.done,
          c.outcomes.stored,
          c.outcomes.failed,
          c.finished ? 'finished' : c.discovering ? 'discovering' : 'running',
        ]),
        40,
      ),
    );
  else out.push('  none');
  return out;
}
