import type { FastifyInstance } from 'fastify';

/**
 * Requests over a real loopback socket, shaped like fastify.inject's answers. fastify.inject itself cannot run here:
 * light-my-request 6.8 requires the ESM-only cookie@2, which Jest's module runtime cannot `require` on Node 20.
 */
export interface InjectLike {
  statusCode: number;
  headers: Record<string, string | undefined>;
  body: string;
  /** The parsed body; the default type fits the API's error answers. */
  json<T = { message: string; problems?: { path: string; message: string }[] }>(): T;
}

export interface LoopbackClient {
  url: string;
  inject(opts: { url: string; method?: string; headers?: Record<string, string> }): Promise<InjectLike>;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1 (any free port) and returns a client for it; close() closes the server. */
export async function loopback(app: FastifyInstance): Promise<LoopbackClient> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  const addr = app.server.address();
  if (!addr || typeof addr !== 'object') throw new Error('server did not report its port');
  const url = `http://127.0.0.1:${addr.port}`;
  return {
    url,
    async inject({ url: path, method = 'GET', headers = {} }) {
      const res = await fetch(url + path, { method, headers, redirect: 'manual' });
      // ignoreBOM: keep a byte order mark in the text (the CSV export starts with one), as inject would.
      const body = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
      const h: Record<string, string> = {};
      res.headers.forEach((v, k) => {
        h[k] = v;
      });
      return {
        statusCode: res.status,
        headers: h,
        body,
        json: <T>() => JSON.parse(body) as T,
      };
    },
    close: () => app.close(),
  };
}
