import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { NotFoundHttpError } from '../errors.js';
import { ERRORS } from '../openapi-schemas.js';
import { EventsQuery, FacetsQuery, IdParams, TrendsQuery, toEventFilter } from '../params.js';
import { routeSchema } from '../route-schema.js';
import { trends } from '../trends.js';
import type { RouteContext } from './context.js';

const FILTER_HELP =
  'Filters (all optional, all must hold): from/to (YYYY, YYYY-MM or YYYY-MM-DD, on the event day or else the ' +
  'publication day), province/district/commune (either administrative era, diacritics-insensitive), unit/leadUnit/' +
  'targetUnit (substring), official (fuzzy name), personId, directive (114-KL/TW or an alias such as "Kết luận 114"), ' +
  'type (repeat or comma-separate), site, run, text (full text of the article: words or "a quoted phrase", ' +
  'diacritics-insensitive), articleId, minConfidence.';

export function registerEventRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const { store } = ctx;

  app.get(
    '/api/events',
    {
      schema: routeSchema({
        summary: 'Search events',
        description: `${FILTER_HELP} Newest first (sort day, then id). Keyset pagination: pass the \`next\` of a page as \`after\`.`,
        querystring: EventsQuery,
        response: { 200: { $ref: 'EventPage#' }, ...ERRORS },
        security: ctx.secured,
      }),
    },
    async (req) => {
      const q = req.query as z.output<typeof EventsQuery>;
      return store.queryEvents(toEventFilter(q), { limit: q.limit, after: q.after ?? null });
    },
  );

  app.get(
    '/api/events/:id',
    {
      schema: routeSchema({
        summary: 'One event with its evidence',
        description:
          'The event, the normalised article text and every span of the event (path, [start, end) UTF-16 offsets ' +
          'into `text`, and the surface text.slice(start, end)).',
        params: IdParams,
        response: { 200: { $ref: 'EventDetail#' }, 404: { $ref: 'Error#' }, ...ERRORS },
        security: ctx.secured,
      }),
    },
    async (req) => {
      const { id } = req.params as z.output<typeof IdParams>;
      const detail = await store.getEvent(id);
      if (!detail) throw new NotFoundHttpError(`event ${id} does not exist: take ids from /api/events`);
      return detail;
    },
  );

  app.get(
    '/api/facets',
    {
      schema: routeSchema({
        summary: 'Counts by province, type, month and directive',
        description: `${FILTER_HELP} \`limit\` caps the province, type and directive buckets (months are all given).`,
        querystring: FacetsQuery,
        response: { 200: { $ref: 'Facets#' }, ...ERRORS },
        security: ctx.secured,
      }),
    },
    async (req) => {
      const q = req.query as z.output<typeof FacetsQuery>;
      return store.facets(toEventFilter(q), { limit: q.limit });
    },
  );

  app.get(
    '/api/trends',
    {
      schema: routeSchema({
        summary: 'Events per month, by province or by type',
        description:
          `${FILTER_HELP} Months oldest first, every month from the first to the last; one series per top province (new era) or type, plus a series ` +
          'with key null for the rest (and events without a province).',
        querystring: TrendsQuery,
        response: { 200: { $ref: 'Trends#' }, ...ERRORS },
        security: ctx.secured,
      }),
    },
    async (req) => {
      const q = req.query as z.output<typeof TrendsQuery>;
      return trends(store, toEventFilter(q), q.by, q.top);
    },
  );
}
