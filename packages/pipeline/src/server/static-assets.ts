import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** The web page's files: plain HTML, JS modules and CSS, no build step. */
export const WEB_ROOT = fileURLToPath(new URL('./web/', import.meta.url));

/** Chart.js's UMD bundle from node_modules (no CDN: the page works offline). */
function chartJsPath(): string {
  const entry = createRequire(import.meta.url).resolve('chart.js');
  return join(dirname(entry), 'chart.umd.min.js');
}

export async function registerStatic(app: FastifyInstance): Promise<void> {
  const chart = readFileSync(chartJsPath());
  app.get('/vendor/chart.umd.min.js', { schema: { hide: true } }, async (_req, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=86400').send(chart),
  );
  await app.register(fastifyStatic, {
    root: WEB_ROOT,
    prefix: '/',
    index: 'index.html',
    wildcard: true,
    // Revalidated on every load (ETag): a deploy never leaves a stale page talking to a newer API.
    cacheControl: false,
    setHeaders: (res) => res.setHeader('cache-control', 'no-cache'),
    schemaHide: true,
  });
}
