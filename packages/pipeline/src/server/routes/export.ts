import { Readable } from 'node:stream';
import type { EventSummary } from '@vnevents/store';
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { csvHeader, csvRow, jsonlRow } from '../export-format.js';
import { ERRORS } from '../openapi-schemas.js';
import { ExportQuery, toEventFilter } from '../params.js';
import { routeSchema } from '../route-schema.js';
import type { RouteContext } from './context.js';

export function registerExportRoute(app: FastifyInstance, ctx: RouteContext): void {
  const { store } = ctx;
  app.get(
    '/api/export',
    {
      schema: routeSchema({
        summary: 'Export the events of a filter',
        description:
          'The same filters as /api/events; every matching event, newest first, streamed as CSV (one row per event, ' +
          'lists joined with "; ", UTF-8 with a byte order mark) or JSONL (one event summary per line, with the ' +
          'whole event and its spans). `limit` caps the number of events.',
        querystring: ExportQuery,
        produces: ['text/csv', 'application/x-ndjson'],
        response: { 200: { description: 'the events', type: 'string' }, ...ERRORS },
        security: ctx.secured,
      }),
    },
    async (req, reply) => {
      const q = req.query as z.output<typeof ExportQuery>;
      const events = store.iterateEvents(toEventFilter(q), { batchSize: 500 })[Symbol.asyncIterator]();
      // The first page is read before answering, so a bad filter is still a 400 and not a cut-off download.
      const first = await events.next();
      const csv = q.format === 'csv';
      const line = csv ? csvRow : jsonlRow;
      const max = q.limit ?? Number.POSITIVE_INFINITY;
      async function* body(): AsyncGenerator<string> {
        if (csv) yield csvHeader();
        let n = 0;
        let r: IteratorResult<EventSummary> = first;
        let chunk = '';
        try {
          while (!r.done && n < max) {
            chunk += line(r.value);
            n++;
            if (chunk.length > 64_000) {
              yield chunk;
              chunk = '';
            }
            if (n < max) r = await events.next();
          }
          if (chunk) yield chunk;
        } finally {
          // Also when the client goes away mid-download: the store's page iterator is closed.
          await events.return?.();
        }
      }
      const stamp = new Date().toISOString().slice(0, 10);
      reply
        .type(csv ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8')
        .header('content-disposition', `attachment; filename="vnevents-${stamp}.${q.format}"`)
        .header('cache-control', 'no-store');
      return reply.send(Readable.from(body(), { objectMode: false }));
    },
  );
}
