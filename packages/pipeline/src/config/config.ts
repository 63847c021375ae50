import { readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * One schema for the pipeline's configuration. Precedence: options > environment > config file > defaults
 * (the config file is JSON, named by `--config` or VNEVENTS_CONFIG).
 */
export const PipelineConfigSchema = z
  .object({
    /** REDIS_URL */
    redisUrl: z.string().default('redis://127.0.0.1:6379'),
    /** VNEVENTS_PREFIX: BullMQ prefix and the root of every Redis key the pipeline writes. */
    prefix: z
      .string()
      .regex(/^[A-Za-z0-9_.-]+$/, 'prefix: letters, digits, "_", "." or "-"')
      .default('vnevents'),
    /** DATABASE_URL: a PostgreSQL URL; when unset the store is the SQLite file `dbPath`. */
    databaseUrl: z.string().nullable().default(null),
    /** VNEVENTS_DB_SCHEMA: PostgreSQL schema for the tables (created when missing; default the search_path). */
    databaseSchema: z.string().nullable().default(null),
    /** VNEVENTS_DB */
    dbPath: z.string().default('./data/vnevents.db'),
    /** VNEVENTS_SITES: the sites registry. */
    sitesPath: z.string().default('./sites/registry.json'),
    /** LOG_LEVEL */
    logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** VNEVENTS_CONCURRENCY: jobs in parallel per stage per process (discover is capped at 2). */
    concurrency: z.number().int().positive().default(4),
    /** Attempts per job before it is kept as failed (VNEVENTS_ATTEMPTS). */
    attempts: z.number().int().positive().default(8),
    /** First retry delay; doubled on each attempt (VNEVENTS_BACKOFF_MS). */
    backoffMs: z.number().int().nonnegative().default(1000),
    /** How long a worker's job lock lives without renewal; a dead worker's jobs return after about this long. */
    lockDurationMs: z.number().int().positive().default(30_000),
    /** Interval of the stalled-job check (VNEVENTS_STALLED_INTERVAL_MS). */
    stalledIntervalMs: z.number().int().positive().default(15_000),
    /** How often one job may stall (its worker died) before it is failed. */
    maxStalledCount: z.number().int().nonnegative().default(3),
    /** A fetched URL is not fetched again within this window unless its sitemap lastmod changes. */
    refetchAfterHours: z.number().positive().default(24),
    /** Failed jobs are kept this long for `vnevents failed` / `vnevents retry`. */
    keepFailedDays: z.number().positive().default(14),
    /** VNEVENTS_POLITENESS=off disables per-host delays and concurrency (benchmarks against local servers only). */
    politeness: z.boolean().default(true),
    /** How long a host lease lives without renewal: a dead worker's lease frees after this. */
    hostLeaseTtlMs: z.number().int().positive().default(60_000),
    /** Waiting longer than this for a host moves the job to the delayed set instead of holding a worker slot. */
    hostMaxWaitMs: z.number().int().nonnegative().default(5_000),
    /** How many times a throttled job (429 / Retry-After) is delayed before it counts as a failure. */
    maxThrottles: z.number().int().nonnegative().default(20),
  })
  .strict();

export type PipelineConfig = z.infer<typeof PipelineConfigSchema>;
export type PipelineConfigInput = z.input<typeof PipelineConfigSchema>;

/** Thrown when the configuration is invalid; names the key and the source it came from. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(`${message}\nFix the option, the environment variable or the config file named above.`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const num = (v: string | undefined) => (v === undefined || v === '' ? undefined : Number(v));
const bool = (v: string | undefined) =>
  v === undefined || v === '' ? undefined : !['0', 'off', 'false', 'no'].includes(v.toLowerCase());

/** The configuration keys that environment variables set. */
export function configFromEnv(env: Env): PipelineConfigInput {
  const raw: Record<string, unknown> = {
    redisUrl: env['REDIS_URL'],
    prefix: env['VNEVENTS_PREFIX'],
    databaseUrl: env['DATABASE_URL'],
    databaseSchema: env['VNEVENTS_DB_SCHEMA'],
    dbPath: env['VNEVENTS_DB'],
    sitesPath: env['VNEVENTS_SITES'],
    logLevel: env['LOG_LEVEL'],
    concurrency: num(env['VNEVENTS_CONCURRENCY']),
    attempts: num(env['VNEVENTS_ATTEMPTS']),
    backoffMs: num(env['VNEVENTS_BACKOFF_MS']),
    lockDurationMs: num(env['VNEVENTS_LOCK_MS']),
    stalledIntervalMs: num(env['VNEVENTS_STALLED_INTERVAL_MS']),
    politeness: bool(env['VNEVENTS_POLITENESS']),
    hostLeaseTtlMs: num(env['VNEVENTS_HOST_LEASE_MS']),
    maxStalledCount: num(env['VNEVENTS_MAX_STALLED']),
    refetchAfterHours: num(env['VNEVENTS_REFETCH_HOURS']),
  };
  // An empty variable counts as unset (DATABASE_URL= means "no PostgreSQL").
  return Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v !== '')) as PipelineConfigInput;
}

function readConfigFile(path: string): PipelineConfigInput {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ConfigError(`cannot read config file ${path}: ${(err as Error).message}`);
  }
  try {
    return JSON.parse(text) as PipelineConfigInput;
  } catch (err) {
    throw new ConfigError(`config file ${path} is not valid JSON: ${(err as Error).message}`);
  }
}

/** Options > environment > config file > defaults, validated once. */
export function loadConfig(
  options: PipelineConfigInput = {},
  env: Env = process.env,
  configFile: string | undefined = env['VNEVENTS_CONFIG'],
): PipelineConfig {
  const file = configFile ? readConfigFile(configFile) : {};
  const definedOptions = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
  const merged = { ...file, ...configFromEnv(env), ...definedOptions };
  const r = PipelineConfigSchema.safeParse(merged);
  if (!r.success) {
    const first = r.error.issues[0];
    const where = first?.path.join('.') || '(root)';
    throw new ConfigError(`invalid configuration at ${where}: ${first?.message ?? r.error.message}`);
  }
  return r.data;
}
