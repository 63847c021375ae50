/**
 * Lua scripts of the per-host lease. Keys per host (one hash slot: the host is the hash tag):
 *   KEYS[1] `<prefix>:host:{<host>}:leases`  ZSET lease id → expiry (ms, Redis clock)
 *   KEYS[2] `<prefix>:host:{<host>}:pace`    HASH last = start of the last granted request, hold = no start before
 * Times come from Redis TIME, so the clocks of the machines running workers do not matter. Each caller's own delay is
 * counted from the last start, whoever made it: a robots.txt Crawl-delay is honoured even after a request granted
 * with a shorter delay.
 */

const NOW = `local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

/** Idle hosts are forgotten after an hour. */
const PACE_TTL_MS = 3_600_000;

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
local pace = redis.call('HMGET', KEYS[2], 'last', 'hold')
local nextAt = 0
if pace[1] then nextAt = tonumber(pace[1]) + delay end
if pace[2] and tonumber(pace[2]) > nextAt then nextAt = tonumber(pace[2]) end
if nextAt > now then
  return {0, nextAt - now, 'delay'}
end
redis.call('ZADD', KEYS[1], now + ttl, ARGV[1])
redis.call('PEXPIRE', KEYS[1], ttl)
redis.call('HSET', KEYS[2], 'last', now)
redis.call('PEXPIRE', KEYS[2], ${PACE_TTL_MS})
return {1, 0, 'ok'}`;

/** ARGV: lease id. Removes the lease; returns 1 when it was still held. */
export const RELEASE = `return redis.call('ZREM', KEYS[1], ARGV[1])`;

/** ARGV: lease id, ttl ms. Renews a lease still held; returns 0 when it had already expired. */
export const EXTEND = `${NOW}
local ttl = tonumber(ARGV[2])
local renewed = redis.call('ZADD', KEYS[1], 'XX', 'CH', now + ttl, ARGV[1])
if renewed == 1 then redis.call('PEXPIRE', KEYS[1], ttl) end
return renewed`;

/** ARGV: pause ms. No request to the host starts before now + pause (a 429 / Retry-After seen by any worker). */
export const PENALIZE = `${NOW}
local untilMs = now + tonumber(ARGV[1])
local hold = tonumber(redis.call('HGET', KEYS[2], 'hold') or '0')
if untilMs > hold then
  redis.call('HSET', KEYS[2], 'hold', untilMs)
  hold = untilMs
end
redis.call('PEXPIRE', KEYS[2], ${PACE_TTL_MS} + tonumber(ARGV[1]))
return hold`;
