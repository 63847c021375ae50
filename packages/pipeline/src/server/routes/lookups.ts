import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { NotFoundHttpError } from '../errors.js';
import { ERRORS } from '../openapi-schemas.js';
import { DirectiveParams, DirectiveQuery, IdParams, OfficialsQuery } from '../params.js';
import { routeSchema } from '../route-schema.js';
import type { RouteContext } from './context.js';

export function registerLookupRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const { store } = ctx;

  app.get(
    '/api/officials',
    {
      schema: routeSchema({
        summary: 'Find officials by name',
        description:
          'Fuzzy and diacritics-insensitive: "dang huu ngo" finds Đặng Hữu Ngọ; a given name alone ("Ngọ") matches ' +
          'whole words. Best first.',
        tags: ['officials'],
        querystring: OfficialsQuery,
        response: {
          200: { type: 'object', properties: { items: { type: 'array', items: { $ref: 'PersonMatch#' } } } },
          ...ERRORS,
        },
        security: ctx.secured,
      }),
    },
    async (req) => {
      const q = req.query as z.output<typeof OfficialsQuery>;
      return { items: await store.officials.search(q.q, { limit: q.limit }) };
    },
  );

  app.get(
    '/api/officials/:id',
    {
      schema: routeSchema({
        summary: "An official's timeline",
        description: 'The person, the titles seen with their first and last day, and the events, oldest first.',
        tags: ['officials'],
        params: IdParams,
        response: { 200: { type: 'object' }, 404: { $ref: 'Error#' }, ...ERRORS },
        security: ctx.secured,
      }),
    },
    async (req) => {
      const { id } = req.params as z.output<typeof IdParams>;
      const t = await store.personTimeline(id);
      if (!t) throw new NotFoundHttpError(`official ${id} does not exist: take ids from /api/officials?q=`);
      return t;
    },
  );

  app.get(
    '/api/directives/*',
    {
      schema: routeSchema({
        summary: 'A directive and the events that cite it',
        description:
          'The reference as written, slashes included: /api/directives/114-KL/TW (114-KL/TƯ and 114-kl/tw are the ' +
          'same), or an alias: /api/directives/Kết%20luận%20114. `others` lists other directives the same alias names.',
        tags: ['directives'],
        params: DirectiveParams,
        querystring: DirectiveQuery,
        response: { 200: { $ref: 'DirectiveEvents#' }, 404: { $ref: 'Error#' }, ...ERRORS },
        security: ctx.secured,
      }),
    },
    async (req) => {
      const ref = (req.params as z.output<typeof DirectiveParams>)['*'];
      const { limit } = req.query as z.output<typeof DirectiveQuery>;
      const d = await store.directive(ref, { limit });
      if (!d) throw new NotFoundHttpError(`no stored event cites a directive "${ref}"`);
      return d;
    },
  );
}
