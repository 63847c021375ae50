import type { Article, ExtractionResult, HttpValidators } from '@vnevents/schema';
import { InvalidRecordError, NotFoundError, StoreUsageError } from './errors.js';
import { SCHEMA_VERSION } from './migrations/migrate.js';
import type { PlaceResolver } from './place.js';
import { findDirectives } from './read/directive.js';
import { getEvent } from './read/event-detail.js';
import { SUMMARY_COLUMNS, type SummaryRow, toSummary } from './read/event-rows.js';
import { compileFilter } from './read/filter.js';
import { PersonIndex, personTimeline } from './read/officials.js';
import { countEvents, facets, queryPage } from './read/query-events.js';
import { diffRuns, type RunDiff, type RunDiffOptions } from './read/run-diff.js';
import type { SqlDriver } from './sql/driver.js';
import type { OfficialsApi, OpenStoreOptions, Store, StoreTestHooks } from './store.js';
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
  PersonTimeline,
  RunCounts,
  RunInfo,
  RunRecord,
  SaveReport,
  SiteRecord,
  StoredArticle,
  StoredPage,
} from './types.js';
import {
  ARTICLE_COLUMNS,
  ARTICLE_FROM,
  type ArticleDbRow,
  getPage,
  getValidators,
  saveArticles,
  saveFetch,
  savePage,
  saveSite,
  toStoredArticle,
} from './write/crawl-records.js';
import { DictionaryCache } from './write/dictionary-cache.js';
import { saveExtractions } from './write/save-extractions.js';

interface RunRow {
  id: number;
  extractor_name: string;
  extractor_version: string;
  lexicon_version: string;
  params_json: string;
  note: string | null;
  started_at: string;
  finished_at: string | null;
  articles: number | null;
  events: number | null;
  errors: number | null;
  stored_articles: number;
  stored_events: number;
}

const RUN_SELECT = `SELECT r.*,
  (SELECT COUNT(*) FROM extractions x WHERE x.run_id = r.id) AS stored_articles,
  (SELECT COALESCE(SUM(x.event_count), 0) FROM extractions x WHERE x.run_id = r.id) AS stored_events
  FROM runs r`;

function toRun(r: RunRow): RunRecord {
  return {
    id: r.id,
    extractor: { name: r.extractor_name, version: r.extractor_version, lexiconVersion: r.lexicon_version },
    params: JSON.parse(r.params_json) as Record<string, unknown>,
    note: r.note,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    counts: r.finished_at === null ? null : { articles: r.articles ?? 0, events: r.events ?? 0, errors: r.errors ?? 0 },
    stored: { articles: Number(r.stored_articles), events: Number(r.stored_events) },
  };
}

function scanWhere(scan: ArticleScan): [string[], unknown[]] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (scan.site !== undefined) {
    where.push('a.site = ?');
    params.push(scan.site);
  }
  if (scan.since !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(scan.since))
      throw new StoreUsageError(`since must be a day YYYY-MM-DD, not "${scan.since}"`);
    where.push('a.published_at >= ?');
    params.push(scan.since);
  }
  return [where, params];
}

/** The Store over either SQL driver: one implementation, so both backends behave the same. */
export class SqlStore implements Store {
  private readonly cache = new DictionaryCache();
  private readonly persons: PersonIndex;
  readonly officials: OfficialsApi;

  constructor(
    private readonly db: SqlDriver,
    private readonly placeResolver: PlaceResolver,
    private readonly hooks: StoreTestHooks | undefined,
    private readonly tuning: OpenStoreOptions['tuning'] = {},
  ) {
    this.persons = new PersonIndex(db);
    this.officials = { search: (q, opts) => this.persons.search(q, opts) };
  }

  get dialect() {
    return this.db.dialect;
  }

  get location() {
    return this.db.location;
  }

  async schemaVersion(): Promise<number> {
    const r = await this.db.all<{ v: number }>('SELECT MAX(version) AS v FROM schema_migrations');
    return r[0]?.v ?? 0;
  }

  /** The version this code writes (for messages). */
  static readonly codeSchemaVersion = SCHEMA_VERSION;

  async optimize(): Promise<void> {
    if (this.db.dialect === 'sqlite') {
      // A sampled ANALYZE: seconds, not minutes, on a database of millions of rows.
      await this.db.run('PRAGMA analysis_limit = 1000');
      await this.db.run('ANALYZE');
    } else await this.db.run('ANALYZE');
  }

  close(): Promise<void> {
    return this.db.close();
  }

  saveSite(site: SiteRecord): Promise<void> {
    return saveSite(this.db, site);
  }

  async listSites(): Promise<SiteRecord[]> {
    const rows = await this.db.all<{
      id: string;
      name: string | null;
      base_url: string | null;
      province: string | null;
      entry_json: string | null;
    }>('SELECT id, name, base_url, province, entry_json FROM sites ORDER BY id');
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      baseUrl: r.base_url,
      province: r.province,
      ...(r.entry_json === null ? {} : { entry: JSON.parse(r.entry_json) as unknown }),
    }));
  }

  saveFetch(fetch: FetchRecord): Promise<number> {
    return saveFetch(this.db, fetch, true);
  }

  getValidators(url: string): Promise<HttpValidators | null> {
    return getValidators(this.db, url);
  }

  async putValidators(url: string, v: HttpValidators & { status: number; fetchedAt: string }): Promise<void> {
    await saveFetch(
      this.db,
      { url, status: v.status, headers: {}, etag: v.etag, lastModified: v.lastModified, fetchedAt: v.fetchedAt },
      false,
    );
  }

  savePage(raw: Uint8Array, meta: PageMeta): Promise<number> {
    return savePage(this.db, raw, meta);
  }

  getPage(id: number): Promise<StoredPage | null> {
    return getPage(this.db, id);
  }

  async saveArticle(pageId: number | null, article: Article): Promise<number> {
    const r = await saveArticles(this.db, [{ pageId, article }]);
    if (r.rejected[0]) throw r.rejected[0];
    return r.ids[0] as number;
  }

  saveArticles(items: { pageId: number | null; article: Article }[]) {
    return saveArticles(this.db, items);
  }

  async getArticle(id: number): Promise<StoredArticle | null> {
    const r = await this.db.all<ArticleDbRow>(`SELECT ${ARTICLE_COLUMNS} FROM ${ARTICLE_FROM} WHERE a.id = ?`, [id]);
    return r[0] ? toStoredArticle(r[0]) : null;
  }

  async *scanArticles(scan: ArticleScan = {}): AsyncIterable<StoredArticle> {
    const [where, params] = scanWhere(scan);
    const size = scan.batchSize ?? 500;
    let after = 0;
    for (;;) {
      const rows = await this.db.all<ArticleDbRow>(
        `SELECT ${ARTICLE_COLUMNS} FROM ${ARTICLE_FROM} WHERE ${['a.id > ?', ...where].join(' AND ')} ORDER BY a.id LIMIT ?`,
        [after, ...params, size],
      );
      for (const r of rows) yield toStoredArticle(r);
      if (rows.length < size) return;
      after = (rows[rows.length - 1] as ArticleDbRow).id;
    }
  }

  async countArticles(scan: ArticleScan = {}): Promise<number> {
    const [where, params] = scanWhere(scan);
    const r = await this.db.all<{ n: number }>(
      `SELECT COUNT(*) AS n FROM articles a${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`,
      params,
    );
    return Number(r[0]?.n ?? 0);
  }

  async startRun(info: RunInfo): Promise<number> {
    const r = await this.db.all<{ id: number }>(
      `INSERT INTO runs (extractor_name, extractor_version, lexicon_version, params_json, note, started_at)
       VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
      [
        info.extractor.name,
        info.extractor.version,
        info.extractor.lexiconVersion,
        JSON.stringify(info.params ?? {}),
        info.note ?? null,
        new Date().toISOString(),
      ],
    );
    return r[0]?.id as number;
  }

  async finishRun(runId: number, counts: RunCounts): Promise<void> {
    const n = await this.db.run('UPDATE runs SET finished_at = ?, articles = ?, events = ?, errors = ? WHERE id = ?', [
      new Date().toISOString(),
      counts.articles,
      counts.events,
      counts.errors,
      runId,
    ]);
    if (n === 0) throw new NotFoundError(`run ${runId} does not exist`);
  }

  async getRun(runId: number): Promise<RunRecord | null> {
    const r = await this.db.all<RunRow>(`${RUN_SELECT} WHERE r.id = ?`, [runId]);
    return r[0] ? toRun(r[0]) : null;
  }

  async listRuns(): Promise<RunRecord[]> {
    return (await this.db.all<RunRow>(`${RUN_SELECT} ORDER BY r.id`)).map(toRun);
  }

  async saveExtraction(runId: number, articleId: number, result: ExtractionResult): Promise<SaveReport> {
    const r = await this.saveExtractions(runId, [{ articleId, result }]);
    if (r.rejected[0]) throw r.rejected[0];
    const saved = r.saved[0];
    if (!saved) throw new InvalidRecordError(`ExtractionResult for article ${articleId}`, []);
    return saved;
  }

  saveExtractions(runId: number, items: ExtractionInput[]): Promise<BatchReport> {
    return saveExtractions(
      { db: this.db, cache: this.cache, placeResolver: this.placeResolver, hooks: this.hooks },
      runId,
      items,
    );
  }

  private compile(filter: EventFilter) {
    return compileFilter(filter, {
      db: this.db,
      personIds: (q) => this.persons.personIds(q),
      ...(this.tuning?.rareTermArticles !== undefined ? { rareTermArticles: this.tuning.rareTermArticles } : {}),
    });
  }

  async queryEvents(filter: EventFilter = {}, page: PageRequest = {}): Promise<EventPage> {
    return queryPage(this.db, await this.compile(filter), page);
  }

  async *iterateEvents(filter: EventFilter = {}, opts: { batchSize?: number } = {}): AsyncIterable<EventSummary> {
    const c = await this.compile(filter);
    let after: string | null = null;
    do {
      const page: EventPage = await queryPage(this.db, c, { limit: opts.batchSize ?? 500, after });
      yield* page.items;
      after = page.next;
    } while (after);
  }

  async facets(filter: EventFilter = {}, opts: { limit?: number } = {}): Promise<Facets> {
    return facets(this.db, await this.compile(filter), opts.limit);
  }

  getEvent(id: number): Promise<EventDetail | null> {
    return getEvent(this.db, id);
  }

  personTimeline(personId: number): Promise<PersonTimeline | null> {
    return personTimeline(this.db, personId);
  }

  async directive(ref: string, opts: { limit?: number } = {}): Promise<DirectiveEvents | null> {
    const [best, ...others] = await findDirectives(this.db, ref);
    if (!best) return null;
    const c = await this.compile({});
    c.where.push('e.id IN (SELECT event_id FROM event_directives WHERE directive_id = ?)');
    c.params.push(best.id);
    const total = await countEvents(this.db, c);
    const rows = await this.db.all<SummaryRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM events e JOIN articles a ON a.id = e.article_id
       WHERE ${c.where.join(' AND ')} ORDER BY e.sort_date DESC, e.id DESC LIMIT ?`,
      [...c.params, opts.limit ?? 1000],
    );
    return { directive: best, total, events: rows.map(toSummary), others };
  }

  async diffRuns(a: number, b: number, opts?: RunDiffOptions): Promise<RunDiff> {
    const ra = await this.getRun(a);
    const rb = await this.getRun(b);
    if (!ra) throw new NotFoundError(`run ${a} does not exist: see \`vnevents runs list\``);
    if (!rb) throw new NotFoundError(`run ${b} does not exist: see \`vnevents runs list\``);
    return diffRuns(this.db, ra, rb, opts);
  }
}
