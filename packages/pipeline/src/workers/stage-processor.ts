import { DelayedError, type Job, UnrecoverableError, WaitingError } from 'bullmq';
import type { PipelinePorts } from '../deps/index.js';
import type { Stage } from '../queues/index.js';
import type { PipelineRuntime } from '../runtime/index.js';
import { discoverStage, extractStage, fetchStage, storeStage } from '../stages/index.js';
import { classifyError, formatReason, StageError } from './error-kinds.js';

// biome-ignore lint/suspicious/noExplicitAny: each stage has its own job data; the boundary is generic over them.
type AnyJob = Job<any, any, string>;
type StageFn = (job: AnyJob, signal: AbortSignal, rt: PipelineRuntime, ports: PipelinePorts) => Promise<unknown>;

export const STAGE_FUNCTIONS: Record<Stage, StageFn> = {
  discover: discoverStage as StageFn,
  fetch: fetchStage as StageFn,
  extract: extractStage as StageFn,
  store: storeStage as StageFn,
};

/** The host a job talks to (for holding back a throttled host). */
export function jobHost(job: AnyJob, ports: PipelinePorts): string | null {
  const d = job.data as { url?: string; siteId?: string };
  try {
    if (d.url) return new URL(d.url).host;
    const site = d.siteId ? ports.sites.get(d.siteId) : undefined;
    return site ? new URL(site.baseUrl).host : null;
  } catch {
    // A malformed URL in job data: nothing to hold back; the stage itself reports the URL as non-retryable.
    return null;
  }
}

export interface ProcessorState {
  /** Set when the worker shuts down: aborted jobs go back to `wait` instead of failing. */
  shuttingDown: boolean;
}

/**
 * The worker boundary: runs a stage and maps what went wrong to what BullMQ should do. Non-retryable and
 * critical errors become UnrecoverableError; throttled and host-busy jobs are delayed without using an attempt;
 * jobs aborted by a shutdown return to `wait`; everything else is retried with backoff (failed reason `[kind] …`).
 */
export function stageProcessor(stage: Stage, rt: PipelineRuntime, ports: PipelinePorts, state: ProcessorState) {
  const run = STAGE_FUNCTIONS[stage];
  const never = new AbortController().signal;
  return async (job: AnyJob, token: string | undefined, signal: AbortSignal | undefined): Promise<unknown> => {
    try {
      const result = await run(job, signal ?? never, rt, ports);
      await rt.stats.count(`${stage}:done`);
      return result;
    } catch (err) {
      if (state.shuttingDown && signal?.aborted) {
        await job.moveToWait(token);
        throw new WaitingError();
      }
      const c = classifyError(err);
      await rt.stats.count(`${stage}:error:${c.kind}`);
      await rt.stats.count(`action:${c.action}`);
      const log = rt.log.child({ stage, job: job.id });
      if (c.action === 'host-busy') {
        await job.moveToDelayed(Date.now() + (c.retryAfterMs ?? 1000), token);
        throw new DelayedError();
      }
      if (c.action === 'throttled') {
        const host = jobHost(job, ports);
        const wait = c.retryAfterMs ?? 1000;
        if (host) await rt.limiter.penalize(host, wait);
        const throttles = ((job.data as { throttles?: number }).throttles ?? 0) + 1;
        if (throttles <= rt.config.maxThrottles) {
          log.warn({ host, wait, throttles }, 'host throttled us: job delayed');
          await job.updateData({ ...job.data, throttles });
          await job.moveToDelayed(Date.now() + wait, token);
          throw new DelayedError();
        }
        log.warn({ host, throttles }, 'throttled too often: counted as a failed attempt');
      }
      if (c.action === 'non-retryable' || c.action === 'critical') {
        if (c.action === 'critical')
          log.error({ err: c.message }, 'critical error: fix the cause, then `vnevents retry`');
        throw new UnrecoverableError(formatReason(c));
      }
      log.debug({ err: c.message, attempt: job.attemptsMade + 1 }, 'attempt failed: will retry');
      throw new StageError(c, err);
    }
  };
}
