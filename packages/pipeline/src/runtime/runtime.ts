import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { PipelineConfig } from '../config/index.js';
import type { HostLimiterPort } from '../deps/index.js';
import { NoHostLimiter, RedisHostLimiter } from '../politeness/index.js';
import { closeQueues, openQueues, type StageQueues } from '../queues/index.js';
import { openRedis } from '../redis/index.js';
import { CrawlTracker, StageStats } from '../tracking/index.js';

/** Everything on the Redis side a process of the pipeline needs: queues, limiter, tracker, counters. */
export interface PipelineRuntime {
  config: PipelineConfig;
  redis: Redis;
  queues: StageQueues;
  tracker: CrawlTracker;
  stats: StageStats;
  limiter: HostLimiterPort;
  log: Logger;
  close(): Promise<void>;
}

export function openRuntime(config: PipelineConfig, log: Logger): PipelineRuntime {
  const redis = openRedis(config.redisUrl, { connectionName: `vnevents:${process.pid}` });
  redis.on('error', (err: Error) => log.warn({ err: err.message }, 'redis connection error (reconnecting)'));
  const queues = openQueues(redis, config);
  const limiter: HostLimiterPort = config.politeness
    ? new RedisHostLimiter({
        redis,
        prefix: config.prefix,
        logger: log,
        leaseTtlMs: config.hostLeaseTtlMs,
        maxWaitMs: config.hostMaxWaitMs,
      })
    : new NoHostLimiter();
  const stats = new StageStats(redis, config.prefix);
  return {
    config,
    redis,
    queues,
    tracker: new CrawlTracker(redis, config.prefix),
    stats,
    limiter,
    log,
    async close() {
      await stats.flush().catch((err: unknown) => log.warn({ err }, 'could not write the last counters'));
      await closeQueues(queues);
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
