import type { Redis } from 'ioredis';

const BUCKET_TTL_S = 3 * 3600;

/**
 * Per-minute counters in Redis (`<prefix>:stats:<minute>`), summed by `vnevents status`. Counts are gathered in
 * memory and written once a second (one round trip for all of them), so counting costs the stages nothing.
 */
export class StageStats {
  private pending = new Map<string, Map<string, number>>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly flushMs = 1000,
  ) {}

  private bucket(ms = Date.now()): string {
    return `${this.prefix}:stats:${Math.floor(ms / 60_000)}`;
  }

  /** Counts `field` (e.g. `fetch:done`, `fetch:error:http-503`, `pages:stored`) in the current minute. */
  async count(field: string, by = 1): Promise<void> {
    const k = this.bucket();
    let fields = this.pending.get(k);
    if (!fields) {
      fields = new Map();
      this.pending.set(k, fields);
    }
    fields.set(field, (fields.get(field) ?? 0) + by);
    if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = null;
        void this.flush().catch(() => undefined);
      }, this.flushMs);
      this.timer.unref();
    }
  }

  /** Writes the counts gathered so far (also called before reading and on close). */
  async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = new Map();
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    this.flushing = this.flushing.then(async () => {
      if (!batch.size) return;
      const m = this.redis.multi();
      for (const [k, fields] of batch) {
        for (const [f, n] of fields) m.hincrby(k, f, n);
        m.expire(k, BUCKET_TTL_S);
      }
      await m.exec();
    });
    await this.flushing;
  }

  /** Sums of every counter over the last `minutes` minutes (this one included). */
  async sum(minutes: number, now = Date.now()): Promise<Record<string, number>> {
    await this.flush();
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
