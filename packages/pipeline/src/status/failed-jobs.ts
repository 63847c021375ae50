import type { Job } from 'bullmq';
import { STAGES, type Stage } from '../queues/index.js';
import type { PipelineRuntime } from '../runtime/index.js';
import { kindOfReason } from '../workers/index.js';

export interface FailedJobRow {
  stage: Stage;
  id: string;
  kind: string;
  attempts: number;
  failedAt: string | null;
  /** URL or site the job was about. */
  subject: string;
  reason: string;
}

function subjectOf(job: Job): string {
  const d = job.data as { url?: string; siteId?: string; page?: { url: string } };
  return d.url ?? d.page?.url ?? (d.siteId ? `site ${d.siteId}` : '');
}

/** Failed jobs (newest first), of one stage or all. */
export async function listFailed(
  rt: PipelineRuntime,
  opts: { stage?: Stage; limit?: number } = {},
): Promise<FailedJobRow[]> {
  const limit = opts.limit ?? 20;
  const stages = opts.stage ? [opts.stage] : STAGES;
  const rows: FailedJobRow[] = [];
  for (const stage of stages) {
    const jobs = await rt.queues[stage].getFailed(0, limit - 1);
    for (const j of jobs) {
      if (!j) continue;
      rows.push({
        stage,
        id: j.id ?? '',
        kind: kindOfReason(j.failedReason),
        attempts: j.attemptsMade,
        failedAt: j.finishedOn ? new Date(j.finishedOn).toISOString() : null,
        subject: subjectOf(j),
        reason: j.failedReason ?? '',
      });
    }
  }
  rows.sort((a, b) => (b.failedAt ?? '').localeCompare(a.failedAt ?? ''));
  return rows.slice(0, limit);
}

/** Thrown when `retry` names a job no stage has as failed. */
export class JobNotFoundError extends Error {
  constructor(readonly id: string) {
    super(`no failed job with id ${id} in any stage: list them with \`vnevents failed\``);
    this.name = 'JobNotFoundError';
  }
}

async function retryJob(job: Job): Promise<void> {
  await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
}

/** Moves failed jobs back to `wait` with fresh attempts: the named ones, or all (of one stage or every stage). */
export async function retryFailed(
  rt: PipelineRuntime,
  opts: { ids?: string[]; all?: boolean; stage?: Stage },
): Promise<{ retried: { stage: Stage; id: string }[] }> {
  const stages = opts.stage ? [opts.stage] : STAGES;
  const retried: { stage: Stage; id: string }[] = [];
  if (opts.all) {
    for (const stage of stages) {
      const q = rt.queues[stage];
      const total = await q.getFailedCount();
      let left = total;
      while (left > 0) {
        const jobs = (await q.getFailed(0, Math.min(left, 200) - 1)).filter((j): j is Job => !!j);
        if (!jobs.length) break;
        for (const j of jobs) {
          await retryJob(j);
          retried.push({ stage, id: j.id ?? '' });
        }
        left -= jobs.length;
      }
    }
    return { retried };
  }
  for (const id of opts.ids ?? []) {
    let found = false;
    for (const stage of stages) {
      const j = await rt.queues[stage].getJob(id);
      if (j && (await j.getState()) === 'failed') {
        await retryJob(j);
        retried.push({ stage, id });
        found = true;
        break;
      }
    }
    if (!found) throw new JobNotFoundError(id);
  }
  return { retried };
}
