import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { charsetRoute } from './charset-routes.js';
import { faultRoute } from './fault-routes.js';
import { generatedSiteRoutes } from './generated-site-routes.js';
import { goldenRoute } from './golden-routes.js';
import type { RobotsSpec, Route, RouteContext, ServerState } from './route-context.js';
import { send } from './route-context.js';
import { FixtureServerStats } from './server-stats.js';

export interface FixtureServerOptions {
  /** Folder of golden pages (<root>/<template>/<slug>/source.html); default the repository's fixtures/sites. */
  root?: string;
  /** Port on 127.0.0.1 (default 0: any free port). */
  port?: number;
  /** Loopback address to listen on: 127.0.0.1 (default) or ::1. */
  host?: '127.0.0.1' | '::1';
  /** robots.txt per host name (`*` for all); default: allow all but /private/, Sitemap: /sitemap-index.xml. */
  robots?: Record<string, RobotsSpec>;
  /** Name shown on generated pages. */
  siteName?: string;
}

export interface FixtureServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  /** Requests as the server measured them (per-host in-flight counts, start times). */
  readonly stats: FixtureServerStats;
  /** `http://<host>:<port>`: the server under another host name (resolve it to 127.0.0.1 with a test lookup). */
  urlFor(host: string): string;
  /** Replaces robots.txt for a host (`*` for all). */
  setRobots(host: string, spec: RobotsSpec | null): void;
  /** Clears request records and the flaky-route counters. */
  reset(): void;
  close(): Promise<void>;
}

/** The repository's fixtures/sites, found from this file (packages/crawler/src/fixture-server/). */
export const DEFAULT_FIXTURE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../fixtures/sites');

const ROUTES: readonly Route[] = [faultRoute, charsetRoute, ...generatedSiteRoutes, goldenRoute];

function hostOf(req: IncomingMessage): string {
  const h = (req.headers.host ?? '127.0.0.1').toLowerCase();
  if (h.startsWith('[')) return h.slice(1, h.indexOf(']'));
  const colon = h.lastIndexOf(':');
  return colon >= 0 ? h.slice(0, colon) : h;
}

/**
 * A local site server for tests and demos, listening on loopback only. It serves golden pages from
 * fixtures/sites, a generated news site (home with feed links, paginated listings, articles with ETag and
 * Last-Modified, sitemaps plain/index/.gz, RSS and Atom, robots.txt per host) and fault routes under /fault/
 * (slow bodies, resets, 429/503 with Retry-After, redirect loops, endless bodies, gzip/br bombs, wrong content
 * types) and legacy charsets under /charset/. Any Host header is answered, so tests can give one server many
 * host names. See docs in each route file.
 */
export async function startFixtureServer(options: FixtureServerOptions = {}): Promise<FixtureServer> {
  const listenHost = options.host ?? '127.0.0.1';
  if (listenHost !== '127.0.0.1' && listenHost !== '::1')
    throw new Error(`fixture server listens on loopback only, not ${String(listenHost)}`);
  const stats = new FixtureServerStats();
  const state: ServerState = {
    counters: new Map(),
    robots: new Map(Object.entries(options.robots ?? {})),
    root: options.root ?? DEFAULT_FIXTURE_ROOT,
    siteName: options.siteName ?? 'Báo Thử Nghiệm',
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const host = hostOf(req);
    const finish = stats.begin({
      host,
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      userAgent: req.headers['user-agent'] ?? null,
      headers: req.headers,
      startedAt: performance.now(),
    });
    res.once('finish', finish);
    res.once('close', finish);
    const ctx: RouteContext = {
      req,
      res,
      url: new URL(req.url ?? '/', 'http://fixture.invalid'),
      host,
      origin: `http://${req.headers.host ?? '127.0.0.1'}`,
      state,
    };
    try {
      for (const route of ROUTES) if (await route(ctx)) return;
      send(ctx, 404, '<html><body>Không tìm thấy</body></html>');
    } catch (err) {
      if (!res.headersSent) send(ctx, 500, `fixture server error: ${(err as Error).message}`);
      else res.destroy(err as Error);
    }
  };

  const server = createServer({ keepAlive: true }, (req, res) => void handle(req, res));
  server.listen(options.port ?? 0, listenHost);
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  const bracket = (h: string) => (h.includes(':') ? `[${h}]` : h);

  return {
    url: `http://${bracket(listenHost)}:${port}`,
    port,
    stats,
    urlFor: (host) => `http://${bracket(host)}:${port}`,
    setRobots: (host, spec) => {
      if (spec === null) state.robots.delete(host);
      else state.robots.set(host, spec);
    },
    reset: () => {
      stats.reset();
      state.counters.clear();
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((r, j) => server.close((err) => (err ? j(err) : r())));
    },
  };
}
