/**
 * A worker process: `node --import tsx packages/pipeline/src/worker-main.ts [--stages a,b] [--concurrency n]
 * [--grace seconds]`. Configuration comes from the environment (REDIS_URL, VNEVENTS_PREFIX, DATABASE_URL,
 * VNEVENTS_DB, VNEVENTS_SITES, …; see config/config.ts); `vnevents run` does the same with command-line options.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from './config/index.js';
import { createLogger } from './logging/index.js';
import { parseStages, STAGES } from './queues/index.js';
import { runUntilSignal } from './workers/index.js';

const { values } = parseArgs({
  options: {
    stages: { type: 'string', default: STAGES.join(',') },
    concurrency: { type: 'string' },
    grace: { type: 'string', default: '30' },
  },
});
const config = loadConfig(values.concurrency ? { concurrency: Number(values.concurrency) } : {});
const log = createLogger({ level: config.logLevel, name: 'vnevents-worker' });
try {
  await runUntilSignal({
    config,
    log,
    stages: parseStages(values.stages ?? STAGES.join(',')),
    concurrency: config.concurrency,
    graceMs: Number(values.grace) * 1000,
  });
  process.exit(0);
} catch (err) {
  log.fatal({ err }, 'worker failed to start or stop');
  process.exit(1);
}
