import type { Redis } from 'ioredis';

const BUCKET_TTL_S = 3 * 3600;

/** Per-minute counters in Redis (`<prefix>:stats:<minute>`), summed by `vnevents status`. */
export class StageStats {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private bucket(ms = Date.now()): string {
    return `${this.prefix}:stats:${Math.floor(ms / 60_000)}`;
  }

  /** Counts `field` (e.g. `fetch:done`, `fetch:error:throttled`, `pages:stored`) in the current minute. */
  async count(field: string, by = 1): Promise<void> {
    const k = this.bucket();
    await this.redis.multi().hincrby(k, field, by).expire(k, BUCKET_TTL_S).exec();
  }

  /** Sums of every counter over the last `minutes` minutes (this one included). */
  async sum(minutes: number, now = Date.now()): Promise<Record<string, number>> {
    const m = this.redis.multi();
    for (let i = 0; i < minutes; i++) m.hgetall(this.bucket(now - i * 60_000));
    const res = (await m.exec()) ?? [];
    const out: Record<string, number> = {};
    for (const [err, h] of res) {
      if (err) throw err;
      for (const [f, v] of Object.entries(h as Record<string, string>)) out[f] = (out[f] ?? 0) + Number(v);
    }
    return out;
  }
}
