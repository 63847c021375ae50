import type { ConditionalCache, HttpValidators } from '@vnevents/schema';

type Entry = HttpValidators & { status: number; fetchedAt: string };

/**
 * {@link ConditionalCache} in memory, for tests and standalone runs; the store implements the same interface
 * persistently. Entries with neither an ETag nor a Last-Modified are not kept (they cannot make a request
 * conditional).
 */
export class MemoryConditionalCache implements ConditionalCache {
  private readonly entries = new Map<string, Entry>();

  async getValidators(url: string): Promise<HttpValidators | null> {
    const e = this.entries.get(url);
    return e ? { etag: e.etag, lastModified: e.lastModified } : null;
  }

  async putValidators(url: string, v: Entry): Promise<void> {
    if (v.etag === null && v.lastModified === null) this.entries.delete(url);
    else this.entries.set(url, { ...v });
  }

  /** The stored entry (status and fetch time included), for inspection. */
  entry(url: string): Entry | undefined {
    return this.entries.get(url);
  }

  get size(): number {
    return this.entries.size;
  }
}
