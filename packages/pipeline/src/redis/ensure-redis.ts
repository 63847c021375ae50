import type { Logger } from 'pino';
import { redisAnswers } from './connection.js';
import {
  type RedisServerChild,
  RedisServerMissingError,
  redisServerInstalled,
  startRedisServer,
} from './redis-server.js';

export interface EnsuredRedis {
  url: string;
  /** The private redis-server started because none answered; stop it when done. */
  child: RedisServerChild | null;
}

/**
 * Redis at `url` when it answers; else a private redis-server child on a free loopback port (nothing persisted).
 * Throws RedisServerMissingError, naming the install command, when there is neither.
 */
export async function ensureRedis(url: string, log: Logger): Promise<EnsuredRedis> {
  if (await redisAnswers(url)) return { url, child: null };
  if (!redisServerInstalled()) throw new RedisServerMissingError(url);
  const child = await startRedisServer();
  log.info({ url: child.url, instead: url }, 'no Redis answered: started a private redis-server');
  return { url: child.url, child };
}
