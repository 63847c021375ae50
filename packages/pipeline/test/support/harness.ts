import { type RedisTestContext, redisTestContext } from '@vnevents/testkit';
import { loadConfig, type PipelineConfig, type PipelineConfigInput } from '../../src/config/index.js';
import type { PipelinePorts } from '../../src/deps/index.js';
import { silentLogger } from '../../src/logging/index.js';
import { STAGES, type Stage } from '../../src/queues/index.js';
import { openRuntime, type PipelineRuntime } from '../../src/runtime/index.js';
import { startWorkers, type WorkerSet } from '../../src/workers/index.js';

/** A pipeline in this process on a private Redis prefix: runtime, workers on `ports`, cleanup. */
export interface Harness {
  ctx: RedisTestContext;
  config: PipelineConfig;
  rt: PipelineRuntime;
  workers: WorkerSet | null;
  start(ports: PipelinePorts, opts?: { stages?: Stage[]; concurrency?: number }): WorkerSet;
  close(): Promise<void>;
}

/** Fast retries and stall detection for tests; everything else as in production. */
export function testConfig(prefix: string, url: string, over: PipelineConfigInput = {}): PipelineConfig {
  return loadConfig(
    {
      redisUrl: url,
      prefix,
      attempts: 3,
      backoffMs: 50,
      lockDurationMs: 5000,
      stalledIntervalMs: 2000,
      hostMaxWaitMs: 5000,
      ...over,
    },
    {},
    undefined,
  );
}

export async function harness(label: string, over: PipelineConfigInput = {}): Promise<Harness> {
  const ctx = await redisTestContext(label);
  const config = testConfig(ctx.prefix, ctx.url, over);
  const rt = openRuntime(config, silentLogger);
  const h: Harness = {
    ctx,
    config,
    rt,
    workers: null,
    start(ports, opts = {}) {
      h.workers = startWorkers(rt, ports, { stages: opts.stages ?? STAGES, concurrency: opts.concurrency ?? 4 });
      return h.workers;
    },
    async close() {
      await h.workers?.close(1000);
      await rt.close();
      await ctx.cleanup();
    },
  };
  return h;
}
