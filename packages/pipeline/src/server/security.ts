import { createHash, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ServerConfigError } from './errors.js';

/**
 * The page loads only its own scripts, styles and API; nothing inline, no plugins, no framing. Trusted Types make
 * the browser refuse string-to-HTML sinks (innerHTML & co.), so article text can only ever become text nodes.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types 'none'",
].join('; ');

const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
};

/** True for addresses only this machine can reach: 127.0.0.0/8, ::1, localhost. */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  if (isIP(h) === 6) return h === '::1' || /^::ffff:127\./.test(h);
  return false;
}

/** Refuses to serve on a reachable address without a token: the data would be open to the network. */
export function assertSafeBinding(host: string, token: string | null | undefined): void {
  if (isLoopbackHost(host) || token) return;
  throw new ServerConfigError(
    `refusing to listen on ${host} without an API token: anyone on the network could read the store. ` +
      'Set VNEVENTS_API_TOKEN to a long random secret (e.g. `openssl rand -hex 32`) and send it as ' +
      '`Authorization: Bearer <token>`, or bind to 127.0.0.1.',
  );
}

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/** Constant-time comparison of a presented bearer token with the configured one. */
export function tokenMatches(presented: string, expected: string): boolean {
  return timingSafeEqual(digest(presented), digest(expected));
}

export interface SecurityOptions {
  /** When set, /api/* and /metrics need `Authorization: Bearer <token>`. */
  token: string | null;
  /** Origins allowed to call the API from another site (CORS); empty = CORS off (the default). */
  corsOrigins: string[];
}

/** Routes anyone may call with a token set: the page and its files, liveness, the API document. */
const PUBLIC_ROUTES = new Set(['/', '/*', '/health', '/openapi.json', '/vendor/chart.umd.min.js']);

/**
 * Whether a request needs the token, decided by the route the router matched (default: yes), never by the raw URL:
 * `/%61pi/events` reaches the `/api/events` route. Requests that match no route get a 404 and read nothing.
 */
function needsToken(req: FastifyRequest): boolean {
  const route = req.routeOptions.url;
  return route !== undefined && !PUBLIC_ROUTES.has(route);
}

/** Security headers on every answer, the bearer token on data routes, and CORS only for the origins named. */
export function registerSecurity(app: FastifyInstance, opts: SecurityOptions): void {
  // onSend runs for every answer, errors, 401s and 429s included.
  app.addHook('onSend', async (_req, reply, payload) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) reply.header(k, v);
    return payload;
  });
  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    const origin = req.headers.origin;
    const corsAllowed = origin !== undefined && opts.corsOrigins.includes(origin);
    if (corsAllowed) {
      reply.header('access-control-allow-origin', origin);
      reply.header('vary', 'Origin');
      if (req.method === 'OPTIONS') {
        reply
          .header('access-control-allow-methods', 'GET, HEAD')
          .header('access-control-allow-headers', 'Authorization, Content-Type')
          .header('access-control-max-age', '600')
          .code(204)
          .send();
        return reply;
      }
    }
    if (opts.token && needsToken(req)) {
      const auth = req.headers.authorization ?? '';
      const m = /^Bearer\s+(\S+)\s*$/i.exec(auth);
      if (!m || !tokenMatches(m[1] as string, opts.token)) {
        reply
          .code(401)
          .header('www-authenticate', 'Bearer realm="vnevents"')
          .send({
            statusCode: 401,
            error: 'Unauthorized',
            message: m
              ? 'the bearer token is wrong: send the value of VNEVENTS_API_TOKEN'
              : 'this server needs a token: send `Authorization: Bearer <VNEVENTS_API_TOKEN>`',
          });
        return reply;
      }
    }
    return undefined;
  });
}
