/**
 * Lua scripts of the per-host lease. Keys per host (one hash slot: the host is the hash tag):
 *   KEYS[1] `<prefix>:host:{<host>}:leases`  ZSET lease id → expiry (ms, Redis clock)
 *   KEYS[2] `<prefix>:host:{<host>}:next`    earliest start of the next request (ms, Redis clock)
 * Times come from Redis TIME, so the clocks of the machines running workers do not matter.
 */

const NOW = `local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

/**
 * ARGV: lease id, concurrency, delay ms (between request starts), lease ttl ms.
 * Returns {1, 0} when the lease is taken, else {0, wait ms, reason} (reason 'busy' or 'delay').
 */
export const ACQUIRE = `${NOW}
local concurrency = tonumber(ARGV[2])
local delay = tonumber(ARGV[3])
local ttl = tonumber(ARGV[4])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= concurrency then
  local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return {0, tonumber(first[2]) - now, 'busy'}
end
local nextAt = tonumber(redis.call('GET', KEYS[2]) or '0')
if nextAt > now then
  return {0, nextAt - now, 'delay'}
end
redis.call('ZADD', KEYS[1], now + ttl, ARGV[1])
redis.call('PEXPIRE', KEYS[1], ttl)
if delay > 0 then
  redis.call('SET', KEYS[2], now + delay, 'PX', delay)
end
return {1, 0, 'ok'}`;

/** ARGV: lease id. Removes the lease; returns 1 when it was still held. */
export const RELEASE = `return redis.call('ZREM', KEYS[1], ARGV[1])`;

/** ARGV: lease id, ttl ms. Renews a lease still held; returns 0 when it had already expired. */
export const EXTEND = `${NOW}
local ttl = tonumber(ARGV[2])
local renewed = redis.call('ZADD', KEYS[1], 'XX', 'CH', now + ttl, ARGV[1])
if renewed == 1 then redis.call('PEXPIRE', KEYS[1], ttl) end
return renewed`;

/** ARGV: pause ms. Pushes the host's next start to at least now + pause (a 429 / Retry-After seen by any worker). */
export const PENALIZE = `${NOW}
local pause = tonumber(ARGV[1])
local nextAt = tonumber(redis.call('GET', KEYS[2]) or '0')
if now + pause > nextAt then
  redis.call('SET', KEYS[2], now + pause, 'PX', pause)
  return now + pause
end
return nextAt`;
