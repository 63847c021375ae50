import type { Command } from 'commander';
import type { PipelineConfigInput } from '../../config/index.js';
import { createLogger } from '../../logging/index.js';
import { parseStages, STAGES } from '../../queues/index.js';
import { runUntilSignal } from '../../workers/index.js';
import { CliError, type CliIO } from '../io.js';
import { addConnectionOptions, type ConnectionOptions, configFrom, parseIntOption } from '../pipeline-options.js';

interface RunOptions extends ConnectionOptions {
  concurrency?: string;
  stages: string;
  grace: string;
  db?: string;
  databaseUrl?: string;
  sites?: string;
  politeness: boolean;
}

export function registerRun(program: Command, _io: CliIO): void {
  addConnectionOptions(
    program
      .command('run')
      .description('start workers for the pipeline stages (SIGINT/SIGTERM: finish in-flight jobs, then stop)')
      .option('--concurrency <n>', 'jobs in parallel per stage in this process (env VNEVENTS_CONCURRENCY; default 4)')
      .option('--stages <list>', `comma-separated stages to work on: ${STAGES.join(',')}`, STAGES.join(','))
      .option(
        '--grace <seconds>',
        'on shutdown, how long in-flight jobs may finish before they return to the queue',
        '30',
      )
      .option('--db <file>', 'SQLite database file (env VNEVENTS_DB; default ./data/vnevents.db)')
      .option('--database-url <url>', 'PostgreSQL instead of SQLite (env DATABASE_URL)')
      .option('--sites <file>', 'sites registry (env VNEVENTS_SITES; default ./sites/registry.json)')
      .option('--no-politeness', 'no per-host delays or limits (benchmarks against local servers only)'),
  ).action(async (opts: RunOptions) => {
    let stages: ReturnType<typeof parseStages>;
    try {
      stages = parseStages(opts.stages);
    } catch (err) {
      throw new CliError((err as Error).message, 2);
    }
    const concurrency = parseIntOption('--concurrency', opts.concurrency);
    const grace = Number(opts.grace);
    if (!Number.isFinite(grace) || grace < 0)
      throw new CliError(`--grace must be a number of seconds, not "${opts.grace}"`, 2);
    const extra: PipelineConfigInput = {};
    if (concurrency !== undefined) extra.concurrency = concurrency;
    if (opts.db !== undefined) extra.dbPath = opts.db;
    if (opts.databaseUrl !== undefined) extra.databaseUrl = opts.databaseUrl;
    if (opts.sites !== undefined) extra.sitesPath = opts.sites;
    if (!opts.politeness) extra.politeness = false;
    const config = configFrom(opts, extra);
    const log = createLogger({ level: config.logLevel, name: 'vnevents' });
    await runUntilSignal({
      config,
      log,
      stages,
      concurrency: config.concurrency,
      graceMs: grace * 1000,
    });
  });
}
