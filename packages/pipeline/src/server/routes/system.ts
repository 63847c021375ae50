import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import { routeSchema } from '../route-schema.js';
import type { RouteContext } from './context.js';

export function registerSystemRoutes(app: FastifyInstance, ctx: RouteContext, registry: Registry): void {
  app.get(
    '/health',
    {
      schema: routeSchema({
        summary: 'Liveness and the store',
        description: '200 when the store answers a query, 503 when it does not. Never needs a token.',
        tags: ['system'],
        response: {
          200: {
            type: 'object',
            properties: {
              status: { type: 'string', enum: ['ok'] },
              store: {
                type: 'object',
                properties: { dialect: { type: 'string' }, schemaVersion: { type: 'integer' } },
              },
            },
          },
          503: { $ref: 'Error#' },
        },
      }),
    },
    async () => ({
      status: 'ok',
      store: { dialect: ctx.store.dialect, schemaVersion: await ctx.store.schemaVersion() },
    }),
  );

  app.get(
    '/metrics',
    {
      schema: routeSchema({
        summary: 'Prometheus metrics',
        description:
          'Process metrics, requests and latency by route, and (when Redis is configured) the pipeline queue ' +
          'counts: vnevents_queue_jobs{queue,state}, vnevents_queue_up.',
        tags: ['system'],
        produces: ['text/plain'],
        security: ctx.secured,
      }),
    },
    async (_req, reply) => {
      const text = await registry.metrics();
      return reply.type(registry.contentType).send(text);
    },
  );
}
