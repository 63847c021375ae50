import type { Command } from 'commander';
import { JobNotFoundError, retryFailed } from '../../status/index.js';
import { CliError, type CliIO } from '../io.js';
import {
  addConnectionOptions,
  type ConnectionOptions,
  configFrom,
  stderrLogger,
  withRuntime,
} from '../pipeline-options.js';
import { stageOption } from './failed.js';

interface RetryOptions extends ConnectionOptions {
  all?: boolean;
  queue?: string;
}

export function registerRetry(program: Command, io: CliIO): void {
  addConnectionOptions(
    program
      .command('retry')
      .description('move failed jobs back to their queue with fresh attempts')
      .argument('[ids...]', 'job ids as `vnevents failed` shows them')
      .option('--all', 'every failed job (of --queue, or of every stage)')
      .option('--queue <stage>', 'only this stage'),
  ).action(async (ids: string[], opts: RetryOptions) => {
    if (!opts.all && !ids.length) throw new CliError('name job ids to retry, or pass --all', 2);
    if (opts.all && ids.length) throw new CliError('either job ids or --all, not both', 2);
    const config = configFrom(opts);
    const stage = stageOption(opts.queue);
    try {
      const { retried } = await withRuntime(config, stderrLogger(config, 'vnevents'), (rt) =>
        retryFailed(rt, { ids, all: opts.all ?? false, ...(stage ? { stage } : {}) }),
      );
      for (const r of retried) io.out(`retrying ${r.stage} ${r.id}`);
      io.out(`${retried.length} job(s) back in their queue`);
    } catch (err) {
      if (err instanceof JobNotFoundError) throw new CliError(err.message, 1);
      throw err;
    }
  });
}
