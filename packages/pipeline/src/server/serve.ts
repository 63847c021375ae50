import type { FastifyInstance } from 'fastify';
import { buildServer, type ServerOptions } from './app.js';
import { assertSafeBinding } from './security.js';

export interface StartOptions extends ServerOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 8080; 0 picks a free port. */
  port?: number;
}

export interface RunningServer {
  app: FastifyInstance;
  /** http://host:port of the listening socket. */
  url: string;
  close(): Promise<void>;
}

/**
 * Checks the binding (a non-loopback address needs a token), builds the server and listens. Throws
 * ServerConfigError before opening any socket when the binding is unsafe.
 */
export async function startServer(opts: StartOptions): Promise<RunningServer> {
  const host = opts.host ?? '127.0.0.1';
  assertSafeBinding(host, opts.token);
  const app = await buildServer(opts);
  try {
    await app.listen({ host, port: opts.port ?? 8080 });
  } catch (err) {
    await app.close();
    throw err;
  }
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : (opts.port ?? 8080);
  const shown = host.includes(':') ? `[${host}]` : host;
  return { app, url: `http://${shown}:${port}`, close: () => app.close() };
}
