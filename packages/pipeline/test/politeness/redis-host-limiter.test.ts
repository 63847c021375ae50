import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { type RedisTestContext, redisTestContext } from '@vnevents/testkit';
import { Redis } from 'ioredis';
import { silentLogger } from '../../src/logging/index.js';
import { HostBusyError, RedisHostLimiter } from '../../src/politeness/index.js';
import { ACQUIRE } from '../../src/politeness/lease-scripts.js';

let ctx: RedisTestContext;
const conns: Redis[] = [];

beforeEach(async () => {
  ctx = await redisTestContext('limiter');
});
afterEach(async () => {
  await Promise.all(conns.splice(0).map((c) => c.quit()));
  await ctx.cleanup();
});

/** A limiter on its own connection, as a separate worker would have. */
function limiter(opts: { leaseTtlMs?: number; maxWaitMs?: number } = {}): RedisHostLimiter {
  const redis = new Redis(ctx.url);
  conns.push(redis);
  return new RedisHostLimiter({ redis, prefix: ctx.prefix, logger: silentLogger, ...opts });
}

describe('RedisHostLimiter', () => {
  it('never lets more than `concurrency` requests to one host run at once across many limiters', async () => {
    const limiters = Array.from({ length: 6 }, () => limiter());
    let inFlight = 0;
    let maxInFlight = 0;
    let done = 0;
    await Promise.all(
      Array.from({ length: 30 }, async (_, i) => {
        const release = await limiters[i % limiters.length]!.acquire('a.example', { concurrency: 2, delayMs: 0 });
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await sleep(5 + (i % 4) * 3);
        inFlight--;
        done++;
        await release();
      }),
    );
    expect(done).toBe(30);
    expect(maxInFlight).toBe(2);
  });

  it('spaces request starts to one host by the delay, across limiters (on the Redis clock)', async () => {
    const limiters = [limiter(), limiter(), limiter()];
    const [leases] = limiters[0]!.keys('b.example');
    // A lease's score is its expiry: grant time + ttl (60 s by default), both on the Redis clock.
    const granted = new Map<string, number>();
    await Promise.all(
      Array.from({ length: 6 }, async (_, i) => {
        const release = await limiters[i % 3]!.acquire('b.example', { concurrency: 3, delayMs: 60 });
        const held = await ctx.redis.zrange(leases, 0, -1, 'WITHSCORES');
        for (let j = 0; j < held.length; j += 2) granted.set(held[j]!, Number(held[j + 1]) - 60_000);
        await sleep(100);
        await release();
      }),
    );
    const starts = [...granted.values()].sort((a, b) => a - b);
    expect(starts).toHaveLength(6);
    for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(60);
  });

  it("counts each caller's delay from the last start, even one granted with a shorter delay (Crawl-delay)", async () => {
    const l = limiter();
    const [leases] = l.keys('cd.example');
    const grantedAt = async () => {
      const [, score] = await ctx.redis.zrange(leases, 0, 0, 'WITHSCORES');
      return Number(score) - 60_000;
    };
    const r1 = await l.acquire('cd.example', { concurrency: 1, delayMs: 0 });
    const t1 = await grantedAt();
    await r1();
    const r2 = await l.acquire('cd.example', { concurrency: 1, delayMs: 300 });
    const t2 = await grantedAt();
    await r2();
    expect(t2 - t1).toBeGreaterThanOrEqual(300);
  });

  it('accepts Infinity as "no concurrency limit"', async () => {
    const l = limiter({ maxWaitMs: 0 });
    const releases = await Promise.all(
      Array.from({ length: 20 }, () => l.acquire('inf.example', { concurrency: Number.POSITIVE_INFINITY, delayMs: 0 })),
    );
    expect(await l.inFlight('inf.example')).toBe(20);
    await Promise.all(releases.map((r) => r()));
    expect(await l.inFlight('inf.example')).toBe(0);
  });

  it('release({ retryAfterMs }) holds the host back for every limiter (Retry-After)', async () => {
    const a = limiter();
    const b = limiter({ maxWaitMs: 50 });
    const release = await a.acquire('ra.example', { concurrency: 2, delayMs: 0 });
    await release({ retryAfterMs: 400 });
    const err = await b.acquire('ra.example', { concurrency: 2, delayMs: 0 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostBusyError);
    expect((err as HostBusyError).retryAfterMs).toBeGreaterThan(300);
  });

  it('keeps hosts independent', async () => {
    const l = limiter({ maxWaitMs: 0 });
    const r1 = await l.acquire('c.example', { concurrency: 1, delayMs: 10_000 });
    const r2 = await l.acquire('d.example', { concurrency: 1, delayMs: 10_000 });
    await expect(l.acquire('c.example', { concurrency: 1, delayMs: 10_000 })).rejects.toBeInstanceOf(HostBusyError);
    await r1();
    await r2();
  });

  it('frees the lease of a worker that died without releasing it', async () => {
    const l = limiter({ maxWaitMs: 0 });
    const [leases, pace] = l.keys('e.example');
    // A "dead worker": took a 300 ms lease through the script and never renews or releases it.
    const res = (await ctx.redis.eval(ACQUIRE, 2, leases, pace, 'dead-worker', 1, 0, 300)) as number[];
    expect(res[0]).toBe(1);
    const busy = await l.acquire('e.example', { concurrency: 1, delayMs: 0 }).catch((e: unknown) => e);
    expect(busy).toBeInstanceOf(HostBusyError);
    expect((busy as HostBusyError).retryAfterMs).toBeGreaterThan(0);
    const patient = limiter();
    const release = await patient.acquire('e.example', { concurrency: 1, delayMs: 0 });
    expect(await ctx.redis.zrange(leases, 0, -1)).not.toContain('dead-worker');
    await release();
    expect(await ctx.redis.zcard(leases)).toBe(0);
  });

  it('renews a lease while it is held, so a slow request keeps its slot', async () => {
    const l = limiter({ leaseTtlMs: 600 });
    const release = await l.acquire('f.example', { concurrency: 1, delayMs: 0 });
    await sleep(1500); // 2.5 ttls: renewed every 200 ms
    const other = limiter({ leaseTtlMs: 600, maxWaitMs: 0 });
    await expect(other.acquire('f.example', { concurrency: 1, delayMs: 0 })).rejects.toBeInstanceOf(HostBusyError);
    await release();
    const r = await other.acquire('f.example', { concurrency: 1, delayMs: 0 });
    await r();
  });

  it('penalize() holds back every worker (a 429 seen by one of them)', async () => {
    const a = limiter();
    const b = limiter({ maxWaitMs: 50 });
    await a.penalize('g.example', 400);
    const err = await b.acquire('g.example', { concurrency: 4, delayMs: 0 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostBusyError);
    expect((err as HostBusyError).retryAfterMs).toBeGreaterThan(300);
    const [, pace] = a.keys('g.example');
    const until = Number(await ctx.redis.hget(pace, 'hold'));
    const release = await a.acquire('g.example', { concurrency: 4, delayMs: 0 });
    const [sec, usec] = await ctx.redis.time();
    expect(Number(sec) * 1000 + Number(usec) / 1000).toBeGreaterThanOrEqual(until);
    await release();
  });

  it('stops waiting when the signal aborts', async () => {
    const l = limiter();
    const r = await l.acquire('h.example', { concurrency: 1, delayMs: 0 });
    const ac = new AbortController();
    const pending = l.acquire('h.example', { concurrency: 1, delayMs: 0, signal: ac.signal });
    setTimeout(() => ac.abort(new Error('shutting down')), 50);
    await expect(pending).rejects.toThrow('shutting down');
    await r();
  });
});
