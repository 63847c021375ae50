import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Store } from '@vnevents/store';
import { redisTestContext } from '@vnevents/testkit';
import { Queue } from 'bullmq';
import { queueName } from '../../src/queues/index.js';
import {
  assertSafeBinding,
  buildServer,
  bullmqQueueCounts,
  isLoopbackHost,
  ServerConfigError,
  startServer,
} from '../../src/server/index.js';
import { runCli } from '../support/cli.js';
import { loopback } from './support/http-client.js';
import { type TempSqlite, tempSqliteStore } from './support/temp-store.js';

let db: TempSqlite;
let store: Store;

beforeAll(async () => {
  db = await tempSqliteStore();
  store = db.store;
});

afterAll(async () => {
  await db?.cleanup();
});

describe('bearer token', () => {
  it('guards /api/* and /metrics, not the page, /health or the API document', async () => {
    const app = await loopback(await buildServer({ store, token: 's3cret-token', rateLimit: false }));
    try {
      const none = await app.inject({ url: '/api/events' });
      expect(none.statusCode).toBe(401);
      expect(none.headers['www-authenticate']).toBe('Bearer realm="vnevents"');
      expect(none.json().message).toMatch(/Authorization: Bearer/);
      const wrong = await app.inject({ url: '/api/events', headers: { authorization: 'Bearer nope' } });
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json().message).toMatch(/token is wrong/);
      const right = await app.inject({ url: '/api/events', headers: { authorization: 'Bearer s3cret-token' } });
      expect(right.statusCode).toBe(200);
      expect((await app.inject({ url: '/metrics' })).statusCode).toBe(401);
      // Decided by the matched route, not the raw URL: percent-encoded paths reach the same routes.
      for (const url of ['/%61pi/events', '/%6detrics', '/api/events/', '/api/directives/114-KL%2FTW'])
        expect({ url, status: (await app.inject({ url })).statusCode }).toEqual({ url, status: 401 });
      expect((await app.inject({ url: '/api//events' })).statusCode).toBe(404);
      expect((await app.inject({ url: '/styles.css' })).statusCode).toBe(200);
      expect((await app.inject({ url: '/vendor/chart.umd.min.js' })).statusCode).toBe(200);
      expect((await app.inject({ url: '/api/export?format=csv' })).statusCode).toBe(401);
      expect((await app.inject({ url: '/health' })).statusCode).toBe(200);
      expect((await app.inject({ url: '/' })).statusCode).toBe(200);
      const doc = await app.inject({ url: '/openapi.json' });
      expect(
        doc.json<{ paths: Record<string, { get: { security: unknown } }> }>().paths['/api/events']?.get.security,
      ).toEqual([{ bearer: [] }]);
    } finally {
      await app.close();
    }
  });
});

describe('binding', () => {
  it('knows loopback addresses', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost', 'api.localhost'])
      expect(isLoopbackHost(h)).toBe(true);
    for (const h of ['0.0.0.0', '::', '192.168.1.5', '10.0.0.1', 'example.org']) expect(isLoopbackHost(h)).toBe(false);
  });

  it('refuses a non-loopback address without a token, before opening a socket', async () => {
    expect(() => assertSafeBinding('0.0.0.0', null)).toThrow(ServerConfigError);
    expect(() => assertSafeBinding('0.0.0.0', null)).toThrow(/VNEVENTS_API_TOKEN/);
    expect(() => assertSafeBinding('0.0.0.0', 'tok')).not.toThrow();
    expect(() => assertSafeBinding('127.0.0.1', null)).not.toThrow();
    await expect(startServer({ store, host: '0.0.0.0', port: 0 })).rejects.toThrow(/refusing to listen on 0.0.0.0/);
  });

  it('`vnevents serve --host 0.0.0.0` exits 2 naming VNEVENTS_API_TOKEN when none is set', async () => {
    const saved = process.env['VNEVENTS_API_TOKEN'];
    delete process.env['VNEVENTS_API_TOKEN'];
    try {
      const r = await runCli('serve', '--host', '0.0.0.0', '--port', '0', '--db', db.file);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/refusing to listen on 0\.0\.0\.0 without an API token.*VNEVENTS_API_TOKEN/s);
    } finally {
      if (saved !== undefined) process.env['VNEVENTS_API_TOKEN'] = saved;
    }
  });

  it('`vnevents serve` names a missing database instead of creating an empty one', async () => {
    const r = await runCli('serve', '--port', '0', '--db', `${db.file}.missing`);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no database at .*\.missing/);
  });

  it('listens on loopback and answers over a real socket', async () => {
    const server = await startServer({ store, port: 0, rateLimit: false });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const res = await fetch(`${server.url}/health`);
      expect(res.status).toBe(200);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await res.json()).toMatchObject({ status: 'ok' });
    } finally {
      await server.close();
    }
  });
});

describe('rate limit and CORS', () => {
  it('answers 429 with a message and Retry-After past the limit, security headers included', async () => {
    const app = await loopback(await buildServer({ store, rateLimit: { max: 3, timeWindowMs: 60_000 } }));
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) codes.push((await app.inject({ url: '/api/events?limit=1' })).statusCode);
      expect(codes).toEqual([200, 200, 200, 429]);
      const res = await app.inject({ url: '/api/events?limit=1' });
      expect(res.statusCode).toBe(429);
      expect(res.json().message).toMatch(/more than 3 requests in 1 minute: wait/);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(res.headers['content-security-policy']).toBeDefined();
    } finally {
      await app.close();
    }
  });

  it('is off by default and allows only the origins named', async () => {
    const app = await loopback(
      await buildServer({ store, rateLimit: false, corsOrigins: ['https://analyst.example'] }),
    );
    try {
      const ok = await app.inject({ url: '/api/facets', headers: { origin: 'https://analyst.example' } });
      expect(ok.headers['access-control-allow-origin']).toBe('https://analyst.example');
      const other = await app.inject({ url: '/api/facets', headers: { origin: 'https://other.example' } });
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
      const preflight = await app.inject({
        method: 'OPTIONS',
        url: '/api/events',
        headers: { origin: 'https://analyst.example', 'access-control-request-method': 'GET' },
      });
      expect(preflight.statusCode).toBe(204);
      expect(preflight.headers['access-control-allow-methods']).toBe('GET, HEAD');
    } finally {
      await app.close();
    }
  });
});

describe('/metrics with Redis configured', () => {
  it("reports the pipeline's queue counts by stage and state, read with BullMQ", async () => {
    const ctx = await redisTestContext('server-metrics');
    const fetchQ = new Queue(queueName('fetch'), { connection: ctx.redis.duplicate(), prefix: ctx.prefix });
    const storeQ = new Queue(queueName('store'), { connection: ctx.redis.duplicate(), prefix: ctx.prefix });
    const counts = bullmqQueueCounts({ redisUrl: ctx.url, prefix: ctx.prefix });
    const app = await loopback(await buildServer({ store, rateLimit: false, queueCounts: counts }));
    try {
      await fetchQ.add('url', { n: 1 });
      await fetchQ.add('url', { n: 2 });
      await storeQ.add('page', { n: 3 }, { delay: 60_000 });
      const body = (await app.inject({ url: '/metrics' })).body;
      expect(body).toContain('vnevents_queue_jobs{queue="fetch",state="waiting"} 2');
      expect(body).toContain('vnevents_queue_jobs{queue="store",state="delayed"} 1');
      expect(body).toContain('vnevents_queue_jobs{queue="discover",state="waiting"} 0');
      expect(body).toContain('vnevents_queue_up 1');
    } finally {
      await app.close(); // closes the counts source too
      await fetchQ.close();
      await storeQ.close();
      await ctx.cleanup();
    }
  });

  it('still answers, with vnevents_queue_up 0, when Redis does not', async () => {
    const counts = bullmqQueueCounts({ redisUrl: 'redis://127.0.0.1:1', prefix: 'vnt-none', timeoutMs: 300 });
    const app = await loopback(await buildServer({ store, rateLimit: false, queueCounts: counts }));
    try {
      const res = await app.inject({ url: '/metrics' });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('vnevents_queue_up 0');
      expect(res.body).not.toMatch(/vnevents_queue_jobs\{/);
    } finally {
      await app.close();
    }
  });
});
