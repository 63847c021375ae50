import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import { Redis } from 'ioredis';

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

const HOW_TO_START = [
  'Start one with:',
  '  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no',
  'or install it first (Debian/Ubuntu): apt-get install -y redis-server',
  'or point REDIS_URL at a running server.',
].join('\n');

export function redisUrl(): string {
  return process.env['REDIS_URL'] ?? DEFAULT_REDIS_URL;
}

/** A test's private slice of the real Redis: a random prefix for keys and queue names, removed by cleanup(). */
export interface RedisTestContext {
  url: string;
  /** Random, unique per call: use it for BullMQ `prefix` and key names. */
  prefix: string;
  /** Unique queue name under this context. */
  queueName(base: string): string;
  redis: Redis;
  cleanup(): Promise<void>;
}

/** Connects to REDIS_URL (default 127.0.0.1:6379); fails with the command that starts Redis when it is not answering. */
export async function redisTestContext(label = 'test'): Promise<RedisTestContext> {
  const url = redisUrl();
  try {
    await probe(url);
  } catch (err) {
    throw new Error(`Redis is not answering at ${url} (${(err as Error).message}).\n${HOW_TO_START}`);
  }
  const redis = new Redis(url, { maxRetriesPerRequest: 3 });
  await redis.ping();
  const prefix = `vnt-${label}-${randomBytes(4).toString('hex')}`;
  return {
    url,
    prefix,
    redis,
    queueName: (base) => `${base}-${randomBytes(3).toString('hex')}`,
    async cleanup() {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
        cursor = next;
        if (keys.length) await redis.del(...keys);
      } while (cursor !== '0');
      await redis.quit();
    },
  };
}

/** A plain TCP probe: ioredis keeps timers alive after a refused connection, a socket does not. */
function probe(url: string): Promise<void> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: u.hostname, port: Number(u.port || 6379) });
    socket.setTimeout(3000, () => socket.destroy(new Error('timed out after 3 s')));
    socket.once('connect', () => {
      socket.end();
      resolve();
    });
    socket.once('error', reject);
  });
}
