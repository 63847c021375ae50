import type { Command } from 'commander';
import { collectStatus, formatStatus } from '../../status/index.js';
import type { CliIO } from '../io.js';
import {
  addConnectionOptions,
  type ConnectionOptions,
  configFrom,
  parseIntOption,
  stderrLogger,
  withRuntime,
} from '../pipeline-options.js';

interface StatusOptions extends ConnectionOptions {
  minutes: string;
  json?: boolean;
}

export function registerStatus(program: Command, io: CliIO): void {
  addConnectionOptions(
    program
      .command('status')
      .description('queue counts per stage, throughput, errors grouped by kind, recent crawls')
      .option('--minutes <n>', 'throughput window in minutes', '5')
      .option('--json', 'print the report as JSON'),
  ).action(async (opts: StatusOptions) => {
    const config = configFrom(opts);
    const minutes = parseIntOption('--minutes', opts.minutes) ?? 5;
    const report = await withRuntime(config, stderrLogger(config, 'vnevents'), (rt) => collectStatus(rt, minutes));
    if (opts.json) io.out(JSON.stringify(report, null, 2));
    else for (const line of formatStatus(report)) io.out(line);
  });
}
