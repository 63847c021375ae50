import { connect } from 'node:net';
import { Redis, type RedisOptions } from 'ioredis';

/** Thrown when Redis does not answer; says how to start one. */
export class RedisUnavailableError extends Error {
  constructor(
    readonly url: string,
    cause: string,
  ) {
    super(
      `Redis is not answering at ${url} (${cause}).\n` +
        'Start one with: redis-server --daemonize yes --bind 127.0.0.1 --port 6379\n' +
        'or install it first (Debian/Ubuntu): apt-get install -y redis-server\n' +
        'or point REDIS_URL at a running server.',
    );
    this.name = 'RedisUnavailableError';
  }
}

/**
 * A connection suitable for BullMQ workers and the pipeline's own scripts: commands wait for a reconnect
 * instead of failing (maxRetriesPerRequest null), so a Redis restart pauses the pipeline instead of failing jobs.
 */
export function openRedis(url: string, extra: RedisOptions = {}): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    retryStrategy: (times) => Math.min(100 * 2 ** Math.min(times, 6), 2000),
    ...extra,
  });
}

/** A plain TCP probe: ioredis keeps retrying and holding timers after a refused connection, a socket does not. */
export function probeTcp(host: string, port: number, timeoutMs = 1500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.setTimeout(timeoutMs, () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('connect', () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Resolves when something answers PING at `url`; false when nothing does within `timeoutMs`. */
export async function redisAnswers(url: string, timeoutMs = 1500): Promise<boolean> {
  const u = new URL(url);
  if (!(await probeTcp(u.hostname || '127.0.0.1', Number(u.port || 6379), timeoutMs))) return false;
  const r = new Redis(url, {
    maxRetriesPerRequest: 1,
    lazyConnect: true,
    retryStrategy: () => null,
    connectTimeout: timeoutMs,
  });
  try {
    await r.connect();
    return (await r.ping()) === 'PONG';
  } catch {
    // Something listens but is not Redis (or refuses AUTH): the caller reports "not answering".
    return false;
  } finally {
    r.disconnect();
  }
}
