import type { Article, ConditionalCache, ExtractionResult } from '@vnevents/schema';
import type { PlaceResolver } from './place.js';
import type { RunDiff, RunDiffOptions } from './read/run-diff.js';
import type { Dialect } from './sql/driver.js';
import type {
  ArticleScan,
  BatchReport,
  DirectiveEvents,
  EventDetail,
  EventFilter,
  EventPage,
  EventSummary,
  ExtractionInput,
  Facets,
  FetchRecord,
  PageMeta,
  PageRequest,
  PersonMatch,
  PersonTimeline,
  RunCounts,
  RunInfo,
  RunRecord,
  SaveReport,
  SiteRecord,
  StoredArticle,
  StoredPage,
} from './types.js';

/** Called inside a save transaction, for fault-injection tests only. Throwing (or killing the connection) there must roll back. */
export interface StoreTestHooks {
  afterEventRows?: (ctx: { runId: number; articleIds: number[]; connectionId: number | null }) => void | Promise<void>;
}

export interface OpenStoreOptions {
  /**
   * `postgres://…` / `postgresql://…` → PostgreSQL; anything else is a SQLite file path.
   * Default: DATABASE_URL, else VNEVENTS_DB, else ./data/vnevents.db.
   */
  url?: string;
  /** PostgreSQL schema (created when missing); its tables are found through search_path. */
  schema?: string;
  /** Maps written places to both administrative eras; without one both eras hold the written name. */
  placeResolver?: PlaceResolver;
  /**
   * SQLite: run PRAGMA quick_check at open. It reads the whole file, so by default ('auto') it runs on files up
   * to 512 MB; larger ones get the header and schema checks only (pass quickCheck: true, or run
   * `sqlite3 FILE 'PRAGMA quick_check'`, to check them fully).
   */
  quickCheck?: boolean | 'auto';
  /** PostgreSQL pool size (default 4). */
  poolSize?: number;
  /** SQLite page cache per connection in MB (default 256; filled only as pages are read). */
  cacheSizeMb?: number;
  /** SQLite busy timeout in ms (default 10000). */
  busyTimeoutMs?: number;
  testHooks?: StoreTestHooks;
  /** Query planning knobs; the defaults suit a million events. */
  tuning?: { rareTermArticles?: number };
}

export interface OfficialsApi {
  /** Persons whose name (any spelling) matches `q`: fuzzy on folded names, best first. */
  search(q: string, opts?: { limit?: number; minScore?: number }): Promise<PersonMatch[]>;
}

/**
 * Persistence of everything vnevents collects, and the analyst queries over it. SQLite and PostgreSQL
 * implement it identically (test/conformance.ts). Also the crawler's ConditionalCache.
 */
export interface Store extends ConditionalCache {
  readonly dialect: Dialect;
  /** File path or URL without password. */
  readonly location: string;
  schemaVersion(): Promise<number>;
  /** Refreshes planner statistics (ANALYZE); call after a large load. */
  optimize(): Promise<void>;
  close(): Promise<void>;

  saveSite(site: SiteRecord): Promise<void>;
  listSites(): Promise<SiteRecord[]>;
  saveFetch(fetch: FetchRecord): Promise<number>;
  /** Idempotent by (canonical URL, sha256 of raw): the same bytes return the same id. */
  savePage(raw: Uint8Array, meta: PageMeta): Promise<number>;
  getPage(id: number): Promise<StoredPage | null>;
  /** Validates, then saves; idempotent by (canonical URL, text hash). Returns the article id. */
  saveArticle(pageId: number | null, article: Article): Promise<number>;
  /** Many articles in one transaction; invalid ones are rejected (ids[i] = null) and named in `rejected`. */
  saveArticles(
    items: { pageId: number | null; article: Article }[],
  ): Promise<{ ids: (number | null)[]; rejected: Error[] }>;
  getArticle(id: number): Promise<StoredArticle | null>;
  /** Streams stored articles (id order) without loading them all. */
  scanArticles(scan?: ArticleScan): AsyncIterable<StoredArticle>;
  countArticles(scan?: ArticleScan): Promise<number>;

  startRun(info: RunInfo): Promise<number>;
  finishRun(runId: number, counts: RunCounts): Promise<void>;
  getRun(runId: number): Promise<RunRecord | null>;
  listRuns(): Promise<RunRecord[]>;
  /**
   * Validates and saves one article's extraction in one transaction. Re-saving the same (run, article)
   * replaces it. Throws InvalidRecordError (nothing written) for an invalid record.
   */
  saveExtraction(runId: number, articleId: number, result: ExtractionResult): Promise<SaveReport>;
  /** The same write path for many articles in one transaction; invalid records are rejected, the rest saved. */
  saveExtractions(runId: number, items: ExtractionInput[]): Promise<BatchReport>;

  queryEvents(filter?: EventFilter, page?: PageRequest): Promise<EventPage>;
  /** Every event matching the filter, streamed page by page in the stable order. */
  iterateEvents(filter?: EventFilter, opts?: { batchSize?: number }): AsyncIterable<EventSummary>;
  facets(filter?: EventFilter, opts?: { limit?: number }): Promise<Facets>;
  getEvent(id: number): Promise<EventDetail | null>;
  readonly officials: OfficialsApi;
  personTimeline(personId: number): Promise<PersonTimeline | null>;
  directive(ref: string, opts?: { limit?: number }): Promise<DirectiveEvents | null>;
  /** Per field, what changed between two runs over the articles both covered. */
  diffRuns(a: number, b: number, opts?: RunDiffOptions): Promise<RunDiff>;
}
