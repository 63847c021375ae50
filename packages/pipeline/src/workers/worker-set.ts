import { hostname } from 'node:os';
import { Worker } from 'bullmq';
import type { PipelinePorts } from '../deps/index.js';
import { queueName, type Stage } from '../queues/index.js';
import type { PipelineRuntime } from '../runtime/index.js';
import { type ProcessorState, stageProcessor } from './stage-processor.js';
import { onTerminalFailure } from './terminal.js';

export interface WorkerSetOptions {
  stages: readonly Stage[];
  /** Jobs in parallel per stage in this process (discover is capped at 2). */
  concurrency: number;
}

export interface WorkerSet {
  workers: Map<Stage, Worker>;
  /**
   * Graceful stop: no new jobs; in-flight jobs get `graceMs` to finish, then they are aborted and returned to
   * the queue (no attempt used). Resolves when every worker has closed.
   */
  close(graceMs?: number): Promise<void>;
}

/** Starts one BullMQ worker per stage in this process. */
export function startWorkers(rt: PipelineRuntime, ports: PipelinePorts, opts: WorkerSetOptions): WorkerSet {
  const state: ProcessorState = { shuttingDown: false };
  const workers = new Map<Stage, Worker>();
  const { config, log } = rt;
  for (const stage of opts.stages) {
    const w = new Worker(queueName(stage), stageProcessor(stage, rt, ports, state), {
      connection: rt.redis,
      prefix: config.prefix,
      name: `${hostname()}:${process.pid}:${stage}`,
      concurrency: stage === 'discover' ? Math.min(2, opts.concurrency) : opts.concurrency,
      lockDuration: config.lockDurationMs,
      stalledInterval: config.stalledIntervalMs,
      maxStalledCount: config.maxStalledCount,
    });
    w.on('error', (err) => log.warn({ stage, err: err.message }, 'worker error (it keeps running)'));
    w.on('failed', (job) => {
      if (!job) return;
      job
        .getState()
        .then((s) => (s === 'failed' ? onTerminalFailure(stage, job, rt) : undefined))
        .catch((err: unknown) => log.error({ stage, job: job.id, err }, 'could not record a failed job'));
    });
    w.on('stalled', (jobId) => {
      log.warn({ stage, job: jobId }, 'job stalled (its worker died?): back in the queue');
      rt.queues[stage]
        .getJob(jobId)
        .then(async (job) => {
          if (job && (await job.getState()) === 'failed') await onTerminalFailure(stage, job, rt);
        })
        .catch((err: unknown) => log.error({ stage, job: jobId, err }, 'could not check a stalled job'));
    });
    workers.set(stage, w);
  }
  return {
    workers,
    async close(graceMs = 30_000) {
      state.shuttingDown = true;
      const timer = setTimeout(() => {
        log.warn({ graceMs }, 'in-flight jobs did not finish in time: returning them to the queue');
        for (const w of workers.values()) w.cancelAllJobs('shutdown');
      }, graceMs);
      try {
        await Promise.all([...workers.values()].map((w) => w.close()));
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
