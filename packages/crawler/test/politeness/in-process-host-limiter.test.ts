import { describe, expect, it } from '@jest/globals';
import { effectivePoliteness, InProcessHostLimiter, robotsProductToken } from '../../src/fetch/index.js';

/** Acquires `n` slots for `host`, holds each for `holdMs`, and returns grant times and the in-flight maximum. */
async function run(
  limiter: InProcessHostLimiter,
  host: string,
  n: number,
  delayMs: number,
  concurrency: number,
  holdMs: number,
) {
  const grants: number[] = [];
  let active = 0;
  let maxActive = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      const release = await limiter.acquire(host, { delayMs, concurrency });
      grants.push(performance.now());
      active++;
      maxActive = Math.max(maxActive, active);
      await new Promise((r) => setTimeout(r, holdMs));
      active--;
      release();
    }),
  );
  grants.sort((a, b) => a - b);
  return { grants, maxActive, gaps: grants.slice(1).map((t, i) => t - grants[i]!) };
}

describe('InProcessHostLimiter', () => {
  it('keeps one request per host in flight and starts them at least delayMs apart', async () => {
    const { maxActive, gaps } = await run(new InProcessHostLimiter(), 'a.test', 4, 120, 1, 10);
    expect(maxActive).toBe(1);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(119);
  });

  it('allows per-host concurrency above one', async () => {
    const { maxActive } = await run(new InProcessHostLimiter(), 'a.test', 6, 0, 3, 40);
    expect(maxActive).toBe(3);
  });

  it('enforces the global limit across hosts', async () => {
    const limiter = new InProcessHostLimiter({ globalConcurrency: 2 });
    let active = 0;
    let maxActive = 0;
    await Promise.all(
      ['a', 'b', 'c', 'd', 'e'].map(async (h) => {
        const release = await limiter.acquire(`${h}.test`, { delayMs: 0, concurrency: 1 });
        active++;
        maxActive = Math.max(maxActive, active);
        await new Promise((r) => setTimeout(r, 30));
        active--;
        release();
      }),
    );
    expect(maxActive).toBe(2);
    expect(limiter.inFlight).toBe(0);
  });

  it('does not make one host wait for another', async () => {
    const limiter = new InProcessHostLimiter();
    const a1 = await limiter.acquire('a.test', { delayMs: 10_000, concurrency: 1 });
    // b.test is granted at once although a.test's next start is 10 s away.
    const b = await limiter.acquire('b.test', { delayMs: 10_000, concurrency: 1 });
    b();
    a1();
    const aborted = new AbortController();
    const pending = limiter.acquire('a.test', { delayMs: 0, concurrency: 1, signal: aborted.signal });
    aborted.abort(new Error('gave up'));
    await expect(pending).rejects.toThrow('gave up');
  });

  it('pauses a host after release({ retryAfterMs })', async () => {
    const limiter = new InProcessHostLimiter();
    const first = await limiter.acquire('a.test', { delayMs: 0, concurrency: 1 });
    const released = performance.now();
    first({ retryAfterMs: 150 });
    const second = await limiter.acquire('a.test', { delayMs: 0, concurrency: 1 });
    expect(performance.now() - released).toBeGreaterThanOrEqual(149);
    second();
  });

  it('ignores a second release', async () => {
    const limiter = new InProcessHostLimiter({ globalConcurrency: 1 });
    const r = await limiter.acquire('a.test', { delayMs: 0, concurrency: 1 });
    r();
    r();
    expect(limiter.inFlight).toBe(0);
    const again = await limiter.acquire('b.test', { delayMs: 0, concurrency: 1 });
    expect(limiter.inFlight).toBe(1);
    again();
  });

  it('rejects a concurrency below one', async () => {
    await expect(new InProcessHostLimiter().acquire('a.test', { delayMs: 0, concurrency: 0 })).rejects.toThrow(
      RangeError,
    );
  });
});

describe('politeness helpers', () => {
  it('uses Crawl-delay only when it is larger than the site delay', () => {
    expect(effectivePoliteness({ delayMs: 1000, concurrency: 1 }, 5000)).toEqual({ delayMs: 5000, concurrency: 1 });
    expect(effectivePoliteness({ delayMs: 1000, concurrency: 1 }, 200)).toEqual({ delayMs: 1000, concurrency: 1 });
    expect(effectivePoliteness({ delayMs: 1000, concurrency: 2 }, null)).toEqual({ delayMs: 1000, concurrency: 2 });
  });

  it('derives the robots.txt token from the User-Agent', () => {
    expect(robotsProductToken('vnevents/0.1 (+https://github.com/vnevents/vnevents)')).toBe('vnevents');
  });
});
