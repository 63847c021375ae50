import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { queueName, STAGES, type Stage } from '../queues/index.js';

/** Job states the metrics report per stage queue. */
export const QUEUE_STATES = ['waiting', 'prioritized', 'active', 'delayed', 'failed', 'completed', 'paused'] as const;
export type QueueState = (typeof QUEUE_STATES)[number];

export type QueueCounts = Record<Stage, Record<QueueState, number>>;

/** Where /metrics reads the pipeline's queue counts from. */
export interface QueueCountsSource {
  counts(): Promise<QueueCounts>;
  close(): Promise<void>;
}

export interface BullmqCountsOptions {
  redisUrl: string;
  /** The BullMQ prefix of the installation (VNEVENTS_PREFIX, default vnevents). */
  prefix: string;
  /** A scrape waits at most this long for Redis (default 2000 ms). */
  timeoutMs?: number;
}

/** Thrown when Redis did not answer a scrape in time; /metrics then reports vnevents_queue_up 0. */
export class QueueCountsTimeoutError extends Error {
  constructor(url: string, ms: number) {
    super(`Redis at ${url} did not answer within ${ms} ms: queue counts are missing from this scrape`);
    this.name = 'QueueCountsTimeoutError';
  }
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}

/**
 * Counts of the pipeline's stage queues through BullMQ's Queue.getJobCounts (read-only: no job is touched). The
 * connection fails fast (no offline queue), so a Redis outage makes a scrape report `vnevents_queue_up 0` instead of
 * hanging the metrics endpoint.
 */
export function bullmqQueueCounts(opts: BullmqCountsOptions): QueueCountsSource {
  const timeoutMs = opts.timeoutMs ?? 2000;
  const redis = new Redis(opts.redisUrl, {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    connectTimeout: timeoutMs,
    retryStrategy: (times) => Math.min(200 * times, 5000),
  });
  // Connection errors surface as a failed scrape; ioredis would otherwise print them as unhandled.
  redis.on('error', () => undefined);
  const queues = Object.fromEntries(
    STAGES.map((s) => [s, new Queue(queueName(s), { connection: redis, prefix: opts.prefix })]),
  ) as Record<Stage, Queue>;
  for (const q of Object.values(queues)) q.on('error', () => undefined);
  return {
    async counts() {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new QueueCountsTimeoutError(redact(opts.redisUrl), timeoutMs)), timeoutMs);
      });
      try {
        const all = await Promise.race([
          Promise.all(STAGES.map((s) => queues[s].getJobCounts(...QUEUE_STATES))),
          timeout,
        ]);
        return Object.fromEntries(
          STAGES.map((s, i) => [
            s,
            Object.fromEntries(QUEUE_STATES.map((st) => [st, Number(all[i]?.[st] ?? 0)])) as Record<QueueState, number>,
          ]),
        ) as QueueCounts;
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      await Promise.all(Object.values(queues).map((q) => q.close().catch(() => undefined)));
      redis.disconnect();
    },
  };
}
