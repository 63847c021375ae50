import { type JobsOptions, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { PipelineConfig } from '../config/index.js';
import type { DiscoverJobData, ExtractJobData, FetchJobData, StoreJobData } from './job-data.js';
import { queueName, STAGES, type Stage } from './stages.js';

export interface StageQueues {
  discover: Queue<DiscoverJobData>;
  fetch: Queue<FetchJobData>;
  extract: Queue<ExtractJobData>;
  store: Queue<StoreJobData>;
}

/**
 * Default options of each stage's jobs: retries with exponential backoff and jitter; failed jobs kept for
 * inspection; completed fetch jobs kept for the refetch window (their ids are what collapses a re-discovered
 * URL); completed extract/store jobs removed at once (they carry page bodies).
 */
export function stageJobOptions(stage: Stage, config: PipelineConfig): JobsOptions {
  const base: JobsOptions = {
    attempts: config.attempts,
    backoff: { type: 'exponential', delay: config.backoffMs, jitter: 0.3 },
    removeOnFail: { age: Math.round(config.keepFailedDays * 86_400) },
  };
  switch (stage) {
    case 'discover':
      return { ...base, removeOnComplete: { age: 7 * 86_400, count: 1000 } };
    case 'fetch':
      return { ...base, removeOnComplete: { age: Math.round(config.refetchAfterHours * 3600) } };
    case 'extract':
    case 'store':
      return { ...base, removeOnComplete: true };
  }
}

/** The queues of every stage on one connection (BullMQ queues share it; workers open their own). */
export function openQueues(redis: Redis, config: PipelineConfig): StageQueues {
  const make = <T>(stage: Stage) =>
    new Queue<T>(queueName(stage), {
      connection: redis,
      prefix: config.prefix,
      defaultJobOptions: stageJobOptions(stage, config),
    });
  return {
    discover: make<DiscoverJobData>('discover'),
    fetch: make<FetchJobData>('fetch'),
    extract: make<ExtractJobData>('extract'),
    store: make<StoreJobData>('store'),
  };
}

export async function closeQueues(q: StageQueues): Promise<void> {
  await Promise.all(STAGES.map((s) => q[s].close()));
}

/** The Redis key of a queue's set of jobs in `state` (BullMQ's layout: `<prefix>:<queue>:<state>`). */
export function queueKey(config: Pick<PipelineConfig, 'prefix'>, stage: Stage, suffix: string): string {
  return `${config.prefix}:${queueName(stage)}:${suffix}`;
}
