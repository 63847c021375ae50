import type { IncomingMessage, ServerResponse } from 'node:http';

/** robots.txt answer for a host: a body (200), or a status with an optional body. */
export type RobotsSpec = string | { status: number; body?: string };

export interface ServerState {
  /** Per-key hit counters of the flaky routes. */
  readonly counters: Map<string, number>;
  /** robots.txt per host (`*` for every host without its own). */
  readonly robots: Map<string, RobotsSpec>;
  /** Folder of golden pages: <root>/<template>/<slug>/source.html. */
  readonly root: string;
  readonly siteName: string;
}

export interface RouteContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** Host header without port, lower-case. */
  host: string;
  /** `http://<Host header>`: links on generated pages point back to the host the client asked for. */
  origin: string;
  state: ServerState;
}

/** Handles the request and returns true, or returns false to let the next route try. */
export type Route = (ctx: RouteContext) => boolean | Promise<boolean>;

export function send(
  ctx: RouteContext,
  status: number,
  body: string | Buffer,
  headers: Record<string, string | number> = {},
): true {
  const buf = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  ctx.res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': buf.length,
    ...headers,
  });
  ctx.res.end(buf);
  return true;
}

export function intParam(url: URL, name: string, fallback: number): number {
  const v = url.searchParams.get(name);
  const n = v === null ? Number.NaN : Number.parseInt(v, 10);
  return Number.isFinite(n) ? n : fallback;
}
