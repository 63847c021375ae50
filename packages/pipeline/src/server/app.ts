import { createRequire } from 'node:module';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import { NotFoundError, type Store, StoreUnavailableError, StoreUsageError } from '@vnevents/store';
import Fastify, { type FastifyBaseLogger, type FastifyError, type FastifyInstance } from 'fastify';
import { NotFoundHttpError, RequestValidationError } from './errors.js';
import { registerMetrics } from './metrics.js';
import { SHARED_SCHEMAS } from './openapi-schemas.js';
import type { QueueCountsSource } from './queue-counts.js';
import { jsonSerializerCompiler, zodValidatorCompiler } from './route-schema.js';
import { registerEventRoutes } from './routes/events.js';
import { registerExportRoute } from './routes/export.js';
import { registerLookupRoutes } from './routes/lookups.js';
import { registerSystemRoutes } from './routes/system.js';
import { registerSecurity } from './security.js';
import { registerStatic } from './static-assets.js';

export interface RateLimitOptions {
  /** Requests per client address per window. */
  max: number;
  /** Window length (default one minute). */
  timeWindowMs?: number;
}

export interface ServerOptions {
  /** The store to read; the server calls only its query methods and never closes it. */
  store: Store;
  /** A pino logger (the CLI's), or false for none (default). */
  logger?: FastifyBaseLogger | false;
  /** VNEVENTS_API_TOKEN: when set, /api/* and /metrics need `Authorization: Bearer <token>`. */
  token?: string | null;
  /** Origins allowed to call the API cross-site; default none (CORS off). */
  corsOrigins?: string[];
  /** Per-address rate limit (default 600 requests a minute); false turns it off (benchmarks). */
  rateLimit?: RateLimitOptions | false;
  /** Pipeline queue counts for /metrics (when Redis is configured); closed with the server. */
  queueCounts?: QueueCountsSource | null;
  /** Serve the web page at / (default true). */
  web?: boolean;
  /** Trust X-Forwarded-For from a reverse proxy for the client address (default false). */
  trustProxy?: boolean;
}

const VERSION = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { max: 600, timeWindowMs: 60_000 };

const ERROR_NAMES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  429: 'Too Many Requests',
  503: 'Service Unavailable',
};

/**
 * The analyst interface: a read-only HTTP API over the store (events with keyset pagination, one event with its
 * evidence, facets, trends, officials, directives, a streamed export), its OpenAPI document, /health, /metrics and
 * the web page. Call `listen` on the result (or use startServer, which also checks the binding).
 */
export async function buildServer(opts: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...(opts.logger ? { loggerInstance: opts.logger } : { logger: false }),
    trustProxy: opts.trustProxy ?? false,
    // Path parameters are short; a long one is a mistake or an attack.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 500 },
  });
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(jsonSerializerCompiler);
  for (const s of SHARED_SCHEMAS) app.addSchema(s);

  const token = opts.token || null;
  registerSecurity(app, { token, corsOrigins: opts.corsOrigins ?? [] });
  const rate = opts.rateLimit === undefined ? DEFAULT_RATE_LIMIT : opts.rateLimit;
  if (rate)
    await app.register(fastifyRateLimit, {
      max: rate.max,
      timeWindow: rate.timeWindowMs ?? 60_000,
      errorResponseBuilder: (_req, c) => ({
        statusCode: 429,
        error: 'Too Many Requests',
        message: `more than ${c.max} requests in ${c.after}: wait ${c.ttl > 1000 ? `${Math.ceil(c.ttl / 1000)} s` : 'a moment'} and retry`,
      }),
    });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'vnevents analyst API',
        version: VERSION,
        description:
          'Read-only access to the events extracted from Vietnamese provincial news, each value with the span of ' +
          'article text that proves it. Every list is newest first with keyset pagination.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      tags: [
        { name: 'events', description: 'search, evidence, counts, export' },
        { name: 'officials', description: 'people named in events' },
        { name: 'directives', description: 'documents the events carry out' },
        { name: 'system', description: 'health and metrics' },
      ],
    },
    refResolver: { buildLocalReference: (json, _base, _frag, i) => String(json['$id'] ?? `def-${i}`) },
    transform: ({ schema, url }) => ({ schema: stripZodKeys(schema) as typeof schema, url }),
  });

  // Before the routes: a route takes the error handler in force when it is registered.
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const send = (status: number, message: string, extra: Record<string, unknown> = {}) =>
      reply.code(status).send({ statusCode: status, error: ERROR_NAMES[status] ?? 'Error', message, ...extra });
    if (err instanceof RequestValidationError) return send(400, err.message, { problems: err.problems });
    if (err instanceof StoreUsageError)
      return send(400, err.message, { problems: [{ path: 'query', message: err.message }] });
    if (err instanceof NotFoundHttpError || err instanceof NotFoundError) return send(404, err.message);
    if (err instanceof StoreUnavailableError) {
      req.log.warn({ err }, 'store unavailable');
      reply.header('retry-after', '5');
      return send(503, 'the store is not answering; retry in a few seconds');
    }
    const status = err.statusCode ?? 500;
    if (status < 500) return send(status, err.message);
    req.log.error({ err }, 'request failed');
    return send(500, `internal error (request ${req.id}); the server log has the details`);
  });
  app.setNotFoundHandler((req, reply) =>
    reply.code(404).send({
      statusCode: 404,
      error: 'Not Found',
      message: `no route ${req.method} ${req.url.split('?')[0]}: see /openapi.json`,
    }),
  );
  const metrics = registerMetrics(app, opts.queueCounts ?? null, app.log);
  const ctx = { store: opts.store, secured: token !== null };
  registerEventRoutes(app, ctx);
  registerLookupRoutes(app, ctx);
  registerExportRoute(app, ctx);
  registerSystemRoutes(app, ctx, metrics.registry);
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  if (opts.web !== false) await registerStatic(app);

  app.addHook('onClose', async () => {
    await opts.queueCounts?.close();
  });
  return app;
}

/** The OpenAPI document without the internal key that links a route schema to its zod schema. */
function stripZodKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stripZodKeys);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (k !== 'x-vnevents-zod') out[k] = stripZodKeys(x);
    return out;
  }
  return v;
}
