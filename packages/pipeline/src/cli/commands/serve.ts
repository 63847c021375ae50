import { existsSync } from 'node:fs';
import { isPostgresUrl, openStore, redactUrl } from '@vnevents/store';
import { type Command, Option } from 'commander';
import { createLogger } from '../../logging/index.js';
import {
  assertSafeBinding,
  bullmqQueueCounts,
  DEFAULT_RATE_LIMIT,
  ServerConfigError,
  startServer,
} from '../../server/index.js';
import { CliError, type CliIO } from '../io.js';
import { addConnectionOptions, type ConnectionOptions, configFrom } from '../pipeline-options.js';

interface ServeOptions extends ConnectionOptions {
  host: string;
  port: string;
  db?: string;
  rateLimit: string;
  corsOrigin: string[];
}

const collect = (v: string, prev: string[]) => [...prev, v];

export function registerServe(program: Command, io: CliIO): void {
  addConnectionOptions(
    program
      .command('serve')
      .description(
        'the analyst interface: HTTP API, OpenAPI document, metrics and the web page, read-only over the store',
      )
      .option('--host <address>', 'address to listen on; any but loopback needs VNEVENTS_API_TOKEN', '127.0.0.1')
      .option('--port <n>', 'port to listen on (0: any free port)', '8080')
      .option(
        '--db <url>',
        'SQLite file or postgres:// URL (default: DATABASE_URL, else VNEVENTS_DB, else ./data/vnevents.db)',
      )
      .option(
        '--rate-limit <n>',
        'requests per minute per client address (0: no limit)',
        String(DEFAULT_RATE_LIMIT.max),
      )
      .addOption(
        new Option('--cors-origin <origin>', 'allow this origin to call the API from a browser (repeatable)')
          .argParser(collect)
          .default([], 'none: CORS off'),
      )
      .addHelpText(
        'after',
        '\nEnvironment: VNEVENTS_API_TOKEN (bearer token for /api/* and /metrics; required off loopback),\n' +
          'REDIS_URL (when set, /metrics reports the pipeline queue counts).\n' +
          'Endpoints: / (web page), /api/events, /api/events/:id, /api/facets, /api/trends, /api/officials?q=,\n' +
          '/api/officials/:id, /api/directives/:ref, /api/export, /openapi.json, /health, /metrics.',
      ),
  ).action(async (opts: ServeOptions) => {
    const config = configFrom(opts);
    const port = Number(opts.port);
    if (!Number.isInteger(port) || port < 0 || port > 65_535)
      throw new CliError(`--port must be a port number 0-65535, not "${opts.port}"`, 2);
    const rate = Number(opts.rateLimit);
    if (!Number.isInteger(rate) || rate < 0)
      throw new CliError(`--rate-limit must be a number of requests per minute (0: none), not "${opts.rateLimit}"`, 2);
    for (const o of opts.corsOrigin)
      if (!/^https?:\/\/[^/\s]+$/.test(o))
        throw new CliError(`--cors-origin must be an origin such as https://example.org (no path), not "${o}"`, 2);
    const token = process.env['VNEVENTS_API_TOKEN'] || null;
    try {
      assertSafeBinding(opts.host, token);
    } catch (err) {
      if (err instanceof ServerConfigError) throw new CliError(err.message, 2);
      throw err;
    }

    const url = opts.db ?? config.databaseUrl ?? config.dbPath;
    if (!isPostgresUrl(url) && !existsSync(url.replace(/^sqlite:(\/\/)?/i, '')))
      throw new CliError(
        `no database at ${url}: fill one first (vnevents run / vnevents crawl), or point --db, VNEVENTS_DB or DATABASE_URL at it`,
        2,
      );
    const log = createLogger({ level: config.logLevel, name: 'vnevents-serve' });
    // The server only reads. The SQLite quick check reads the whole file, too slow at startup for a large store.
    const store = await openStore({
      url,
      quickCheck: false,
      ...(config.databaseSchema ? { schema: config.databaseSchema } : {}),
    });
    const redisConfigured = opts.redisUrl !== undefined || !!process.env['REDIS_URL'];
    const queueCounts = redisConfigured
      ? bullmqQueueCounts({ redisUrl: config.redisUrl, prefix: config.prefix })
      : null;
    let server: Awaited<ReturnType<typeof startServer>>;
    try {
      server = await startServer({
        store,
        host: opts.host,
        port,
        token,
        logger: log,
        corsOrigins: opts.corsOrigin,
        rateLimit: rate === 0 ? false : { max: rate, timeWindowMs: 60_000 },
        queueCounts,
      });
    } catch (err) {
      await queueCounts?.close();
      await store.close();
      throw new CliError(`cannot listen on ${opts.host}:${port}: ${(err as Error).message}`, 1);
    }
    io.out(
      `vnevents serve: ${server.url}/ (store: ${store.dialect} ${redactUrl(url)}; API document: ${server.url}/openapi.json)`,
    );
    if (token) io.out('vnevents serve: /api/* and /metrics need Authorization: Bearer $VNEVENTS_API_TOKEN');
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    io.err('vnevents serve: stopping');
    await server.close();
    await store.close();
  });
}
