import type { Command } from 'commander';
import { destination } from 'pino';
import { ConfigError, loadConfig, type PipelineConfig, type PipelineConfigInput } from '../config/index.js';
import { createLogger, type Logger } from '../logging/index.js';
import { openRuntime, type PipelineRuntime } from '../runtime/index.js';
import { CliError } from './io.js';

/** Options every pipeline command accepts (they win over the environment and the config file). */
export interface ConnectionOptions {
  redisUrl?: string;
  prefix?: string;
  config?: string;
  logLevel?: string;
}

export function addConnectionOptions(cmd: Command): Command {
  return cmd
    .option('--redis-url <url>', 'Redis of the queues (env REDIS_URL; default redis://127.0.0.1:6379)')
    .option('--prefix <prefix>', 'key prefix of this installation in Redis (env VNEVENTS_PREFIX; default vnevents)')
    .option('--config <file>', 'JSON config file (env VNEVENTS_CONFIG); options > environment > file > defaults')
    .option('--log-level <level>', 'fatal|error|warn|info|debug|trace|silent (env LOG_LEVEL; default info)');
}

/** Options > environment > config file > defaults; a bad value ends the command with the key that is wrong. */
export function configFrom(opts: ConnectionOptions, extra: PipelineConfigInput = {}): PipelineConfig {
  try {
    return loadConfig(
      {
        ...(opts.redisUrl !== undefined ? { redisUrl: opts.redisUrl } : {}),
        ...(opts.prefix !== undefined ? { prefix: opts.prefix } : {}),
        ...(opts.logLevel !== undefined ? { logLevel: opts.logLevel as PipelineConfig['logLevel'] } : {}),
        ...extra,
      },
      process.env,
      opts.config ?? process.env['VNEVENTS_CONFIG'],
    );
  } catch (err) {
    if (err instanceof ConfigError) throw new CliError(err.message, 2);
    throw err;
  }
}

/** Logs of commands that print tables go to stderr, so stdout stays the command's output. */
export function stderrLogger(config: PipelineConfig, name: string): Logger {
  if (process.stderr.isTTY) return createLogger({ level: config.logLevel, name, pretty: true });
  return createLogger({ level: config.logLevel, name, pretty: false, destination: destination(2) });
}

/** Runs `fn` with the Redis runtime of the configuration and closes it afterwards. */
export async function withRuntime<T>(
  config: PipelineConfig,
  log: Logger,
  fn: (rt: PipelineRuntime) => Promise<T>,
): Promise<T> {
  const { redisAnswers, RedisUnavailableError } = await import('../redis/index.js');
  if (!(await redisAnswers(config.redisUrl)))
    throw new CliError(new RedisUnavailableError(config.redisUrl, 'no answer').message);
  const rt = openRuntime(config, log);
  try {
    return await fn(rt);
  } finally {
    await rt.close();
  }
}

export function parseIntOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new CliError(`${name} must be a positive integer, not "${value}"`, 2);
  return n;
}
