import type { Logger } from 'pino';
import type { PipelineConfig } from '../config/index.js';
import { loadPorts, type OpenPorts } from '../deps/index.js';
import type { Stage } from '../queues/index.js';
import { openRuntime, type PipelineRuntime } from '../runtime/index.js';
import { startWorkers, type WorkerSet } from './worker-set.js';

export interface RunWorkersOptions {
  config: PipelineConfig;
  log: Logger;
  stages: readonly Stage[];
  concurrency: number;
  /** Ports already open (in-process use); default: the real crawler, extractor and store of the configuration. */
  ports?: OpenPorts;
}

export interface RunningWorkers {
  runtime: PipelineRuntime;
  workers: WorkerSet;
  /** Graceful stop: in-flight jobs get `graceMs` to finish, then return to the queue; connections close. */
  stop(graceMs?: number): Promise<void>;
}

/** Opens the ports and the Redis runtime and starts a worker per stage. */
export async function runWorkers(opts: RunWorkersOptions): Promise<RunningWorkers> {
  const runtime = openRuntime(opts.config, opts.log);
  let open: OpenPorts;
  try {
    open = opts.ports ?? (await loadPorts(opts.config, opts.log, { limiter: runtime.limiter, redis: runtime.redis }));
  } catch (err) {
    await runtime.close();
    throw err;
  }
  const workers = startWorkers(runtime, open.ports, { stages: opts.stages, concurrency: opts.concurrency });
  await Promise.all([...workers.workers.values()].map((w) => w.waitUntilReady()));
  opts.log.info(
    {
      stages: opts.stages,
      concurrency: opts.concurrency,
      prefix: opts.config.prefix,
      politeness: opts.config.politeness,
    },
    'workers ready',
  );
  let stopping: Promise<void> | null = null;
  return {
    runtime,
    workers,
    stop(graceMs = 30_000) {
      stopping ??= (async () => {
        await workers.close(graceMs);
        await runtime.close();
        if (!opts.ports) await open.close();
        opts.log.info('workers stopped');
      })();
      return stopping;
    },
  };
}

/**
 * Runs workers until SIGINT or SIGTERM. The first signal stops taking jobs and lets in-flight jobs finish for
 * `graceMs` (then returns them to the queue); a second signal returns them at once.
 */
export async function runUntilSignal(opts: RunWorkersOptions & { graceMs: number }): Promise<void> {
  const running = await runWorkers(opts);
  await new Promise<void>((resolve, reject) => {
    let signals = 0;
    const onSignal = (sig: NodeJS.Signals) => {
      signals++;
      if (signals === 1) {
        opts.log.info(
          { signal: sig, graceMs: opts.graceMs },
          'shutting down: finishing in-flight jobs (again to hurry)',
        );
        running.stop(opts.graceMs).then(resolve, reject);
      } else {
        opts.log.warn({ signal: sig }, 'shutting down now: in-flight jobs return to the queue');
        for (const w of running.workers.workers.values()) w.cancelAllJobs('shutdown');
      }
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}
