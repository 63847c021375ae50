import { estimateJaccard, MINHASH_SIZE } from './minhash.js';

/** What a fetched page is checked with. */
export interface DedupCandidate {
  canonicalUrl: string;
  /** sha256 of the normalised body text. */
  contentHash: string;
  /** MinHash of the main text (see pageMainText). */
  signature: Uint32Array;
}

/** The earlier page a new one duplicates: same canonical URL, same content hash, or near-duplicate text. */
export interface DuplicateMatch {
  kind: 'url' | 'content' | 'near';
  /** Canonical URL of the earlier page. */
  url: string;
  /** Estimated Jaccard similarity of the main texts (1 for url/content matches). */
  similarity: number;
}

/**
 * Remembers pages and finds the earlier one a new page duplicates. In memory here; the store can implement it
 * persistently so duplicates are found across runs and across sites (the same article on two portals).
 */
export interface DedupIndex {
  /** Returns the match, or records the page and returns null. */
  checkAndAdd(page: DedupCandidate): Promise<DuplicateMatch | null>;
}

export interface MemoryDedupIndexOptions {
  /** Estimated Jaccard similarity from which main texts count as the same article (default 0.8). */
  threshold?: number;
}

const BANDS = 16;
const ROWS = MINHASH_SIZE / BANDS;

/**
 * {@link DedupIndex} in memory. Near-duplicates are found with LSH over the MinHash signature (16 bands of
 * 8 rows: pairs at similarity 0.8 become candidates with probability 0.95, at 0.5 with 0.06) and confirmed
 * with the estimated similarity.
 */
export class MemoryDedupIndex implements DedupIndex {
  private readonly urls = new Set<string>();
  private readonly hashes = new Map<string, string>();
  private readonly buckets = new Map<string, number[]>();
  private readonly pages: { url: string; signature: Uint32Array }[] = [];
  private readonly threshold: number;

  constructor(options: MemoryDedupIndexOptions = {}) {
    this.threshold = options.threshold ?? 0.8;
  }

  get size(): number {
    return this.urls.size;
  }

  async checkAndAdd(page: DedupCandidate): Promise<DuplicateMatch | null> {
    if (this.urls.has(page.canonicalUrl)) return { kind: 'url', url: page.canonicalUrl, similarity: 1 };
    const sameHash = this.hashes.get(page.contentHash);
    if (sameHash !== undefined) return { kind: 'content', url: sameHash, similarity: 1 };
    const keys = bandKeys(page.signature);
    const empty = page.signature.every((v) => v === 0xffffffff);
    if (!empty) {
      let best: DuplicateMatch | null = null;
      const seen = new Set<number>();
      for (const key of keys)
        for (const i of this.buckets.get(key) ?? []) {
          if (seen.has(i)) continue;
          seen.add(i);
          const other = this.pages[i]!;
          const similarity = estimateJaccard(page.signature, other.signature);
          if (similarity >= this.threshold && (best === null || similarity > best.similarity))
            best = { kind: 'near', url: other.url, similarity };
        }
      if (best !== null) return best;
    }
    this.urls.add(page.canonicalUrl);
    this.hashes.set(page.contentHash, page.canonicalUrl);
    if (!empty) {
      const index = this.pages.push({ url: page.canonicalUrl, signature: page.signature }) - 1;
      for (const key of keys) {
        const bucket = this.buckets.get(key);
        if (bucket) bucket.push(index);
        else this.buckets.set(key, [index]);
      }
    }
    return null;
  }
}

function bandKeys(sig: Uint32Array): string[] {
  const keys: string[] = [];
  for (let b = 0; b < BANDS; b++) keys.push(`${b}:${Array.from(sig.subarray(b * ROWS, (b + 1) * ROWS)).join(',')}`);
  return keys;
}
