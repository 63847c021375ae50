import type { Command } from 'commander';
import { isStage, STAGES, type Stage } from '../../queues/index.js';
import { formatTable, listFailed } from '../../status/index.js';
import { CliError, type CliIO } from '../io.js';
import {
  addConnectionOptions,
  type ConnectionOptions,
  configFrom,
  parseIntOption,
  stderrLogger,
  withRuntime,
} from '../pipeline-options.js';

interface FailedOptions extends ConnectionOptions {
  queue?: string;
  limit: string;
  json?: boolean;
}

export function stageOption(value: string | undefined): Stage | undefined {
  if (value === undefined) return undefined;
  if (!isStage(value)) throw new CliError(`--queue must be one of ${STAGES.join(', ')}, not "${value}"`, 2);
  return value;
}

export function registerFailed(program: Command, io: CliIO): void {
  addConnectionOptions(
    program
      .command('failed')
      .description('list jobs that failed for good (newest first), with the kind of error and the reason')
      .option('--queue <stage>', `only this stage: ${STAGES.join(', ')}`)
      .option('--limit <n>', 'at most this many', '20')
      .option('--json', 'print JSON (full reasons)'),
  ).action(async (opts: FailedOptions) => {
    const config = configFrom(opts);
    const stage = stageOption(opts.queue);
    const limit = parseIntOption('--limit', opts.limit) ?? 20;
    const rows = await withRuntime(config, stderrLogger(config, 'vnevents'), (rt) =>
      listFailed(rt, { limit, ...(stage ? { stage } : {}) }),
    );
    if (opts.json) {
      io.out(JSON.stringify(rows, null, 2));
      return;
    }
    if (!rows.length) {
      io.out('no failed jobs');
      return;
    }
    for (const line of formatTable(
      ['stage', 'id', 'kind', 'attempts', 'failed at', 'url / site', 'reason'],
      rows.map((r) => [r.stage, r.id, r.kind, r.attempts, r.failedAt, r.subject, r.reason]),
    ))
      io.out(line);
    io.out(`${rows.length} shown; retry with: vnevents retry ID… (or --all)`);
  });
}
