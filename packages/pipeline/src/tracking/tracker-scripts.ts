/**
 * Lua scripts of the crawl tracker. A URL's "chain" (fetch → extract → store) is marked active while it runs;
 * every crawl that wants the URL while it runs joins its watchers, and the stage that ends the chain tells them all.
 * Keys (K = `<prefix>:crawl:<id>`, U = `<prefix>:url:<urlKey>`):
 *   K         HASH   meta and counters (`out:<outcome>`)
 *   K:urls    SET    url keys the crawl wants
 *   K:done    SET    url keys that reached an outcome for the crawl
 *   K:sites   SET    sites whose discovery is still running
 *   U:active  STRING the chain of this URL is in flight: the id of its fetch job
 *   U:watch   SET    crawls waiting for this URL's outcome
 */

/**
 * KEYS: K, K:urls, K:done, U:active, U:watch, the fetch queue's completed ZSET.
 * ARGV: crawl id, url key, ttl s, fetch job id.
 * Returns {result, fetch job id of the chain}: 'new' (start the chain: add the fetch job), 'joined' (in flight: this
 * crawl waits for its outcome) or 'recent' (the fetch job is kept as completed: fetched recently; counted done).
 */
export const CLAIM_URL = `
local ttl = tonumber(ARGV[3])
redis.call('SADD', KEYS[2], ARGV[2])
redis.call('EXPIRE', KEYS[2], ttl)
local running = redis.call('GET', KEYS[4])
if running then
  redis.call('SADD', KEYS[5], ARGV[1])
  redis.call('EXPIRE', KEYS[5], ttl)
  return {'joined', running}
end
if redis.call('ZSCORE', KEYS[6], ARGV[4]) then
  if redis.call('SADD', KEYS[3], ARGV[2]) == 1 then
    redis.call('HINCRBY', KEYS[1], 'out:recent', 1)
  end
  redis.call('EXPIRE', KEYS[3], ttl)
  return {'recent', ARGV[4]}
end
redis.call('SET', KEYS[4], ARGV[4], 'EX', ttl)
redis.call('SADD', KEYS[5], ARGV[1])
redis.call('EXPIRE', KEYS[5], ttl)
return {'new', ARGV[4]}`;

/**
 * KEYS: U:active, U:watch. ARGV: crawl key prefix (`<prefix>:crawl:`), url key, outcome, ttl s, crawl id of the job.
 * Marks the URL done with `outcome` for every crawl watching it (and the job's own crawl); ends the chain.
 * Returns the number of crawls told.
 */
export const FINISH_URL = `
local crawls = redis.call('SMEMBERS', KEYS[2])
local seen = {}
local told = 0
table.insert(crawls, ARGV[5])
for _, c in ipairs(crawls) do
  if c ~= '' and not seen[c] then
    seen[c] = true
    local k = ARGV[1] .. c
    if redis.call('EXISTS', k) == 1 then
      if redis.call('SADD', k .. ':done', ARGV[2]) == 1 then
        redis.call('HINCRBY', k, 'out:' .. ARGV[3], 1)
        told = told + 1
      end
      redis.call('EXPIRE', k .. ':done', tonumber(ARGV[4]))
    end
  end
end
redis.call('DEL', KEYS[1], KEYS[2])
return told`;
