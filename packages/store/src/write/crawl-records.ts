import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { type Article, articleText, type HttpValidators, validateArticle } from '@vnevents/schema';
import { InvalidRecordError } from '../errors.js';
import { ftsDocument, tsvectorLiteral } from '../fts.js';
import { inList, type SqlDriver } from '../sql/driver.js';
import type { FetchRecord, PageMeta, SiteRecord, StoredArticle, StoredPage } from '../types.js';
import { T } from './tables.js';

export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

export async function saveSite(db: SqlDriver, s: SiteRecord): Promise<void> {
  await db.run(
    `INSERT INTO sites (id, name, base_url, province, entry_json, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, base_url = excluded.base_url, province = excluded.province,
       entry_json = excluded.entry_json, updated_at = excluded.updated_at`,
    [
      s.id,
      s.name,
      s.baseUrl,
      s.province,
      s.entry === undefined ? null : JSON.stringify(s.entry),
      new Date().toISOString(),
    ],
  );
}

export async function saveFetch(db: SqlDriver, f: FetchRecord, headers: boolean): Promise<number> {
  const r = await db.all<{ id: number }>(
    `INSERT INTO fetches (url, site, status, headers_json, etag, last_modified, fetched_at)
     VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    [f.url, f.site ?? null, f.status, headers ? JSON.stringify(f.headers) : null, f.etag, f.lastModified, f.fetchedAt],
  );
  return r[0]?.id as number;
}

/**
 * The validators of the body we hold for `url`: those of its last 2xx fetch, refreshed by any later 304
 * that sent new ones. A later 404/410 means the page is gone: no validators.
 */
export async function getValidators(db: SqlDriver, url: string): Promise<HttpValidators | null> {
  const rows = await db.all<{ status: number; etag: string | null; last_modified: string | null }>(
    `SELECT status, etag, last_modified FROM fetches
     WHERE url = ? AND ((status >= 200 AND status < 300) OR status IN (304, 404, 410))
     ORDER BY id DESC LIMIT 50`,
    [url],
  );
  let etag: string | null = null;
  let lastModified: string | null = null;
  for (const r of rows) {
    if (r.status === 404 || r.status === 410) return null;
    etag ??= r.etag;
    lastModified ??= r.last_modified;
    if (r.status !== 304) break;
  }
  return etag === null && lastModified === null ? null : { etag, lastModified };
}

export async function savePage(db: SqlDriver, raw: Uint8Array, meta: PageMeta): Promise<number> {
  const hash = sha256(raw);
  const canonical = meta.canonicalUrl ?? meta.url;
  const inserted = await db.all<{ id: number }>(
    `INSERT INTO pages (url, canonical_url, site, content_hash, raw, raw_size, charset, content_type, status, fetched_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (canonical_url, content_hash) DO NOTHING RETURNING id`,
    [
      meta.url,
      canonical,
      meta.site ?? null,
      hash,
      gzipSync(raw),
      raw.byteLength,
      meta.charset,
      meta.contentType ?? null,
      meta.status ?? null,
      meta.fetchedAt,
    ],
  );
  if (inserted[0]) return inserted[0].id;
  const existing = await db.all<{ id: number }>('SELECT id FROM pages WHERE canonical_url = ? AND content_hash = ?', [
    canonical,
    hash,
  ]);
  return existing[0]?.id as number;
}

export async function getPage(db: SqlDriver, id: number): Promise<StoredPage | null> {
  const r = (
    await db.all<{
      id: number;
      url: string;
      canonical_url: string;
      site: string | null;
      charset: string | null;
      content_type: string | null;
      status: number | null;
      fetched_at: string;
      content_hash: string;
      raw: Buffer;
    }>('SELECT * FROM pages WHERE id = ?', [id])
  )[0];
  if (!r) return null;
  return {
    id: r.id,
    url: r.url,
    canonicalUrl: r.canonical_url,
    site: r.site,
    charset: r.charset,
    contentType: r.content_type,
    status: r.status,
    fetchedAt: r.fetched_at,
    contentHash: r.content_hash,
    raw: gunzipSync(r.raw),
  };
}

/** Validates, then writes all valid articles in one transaction; an article already stored keeps its id. */
export async function saveArticles(
  db: SqlDriver,
  items: { pageId: number | null; article: Article }[],
): Promise<{ ids: (number | null)[]; rejected: InvalidRecordError[] }> {
  const rejected: InvalidRecordError[] = [];
  const ids: (number | null)[] = items.map(() => null);
  const valid: { i: number; row: unknown[]; key: string; text: string }[] = [];
  const now = new Date().toISOString();
  items.forEach(({ pageId, article }, i) => {
    const v = validateArticle(article);
    if (!v.ok) {
      const url = (article as { url?: unknown } | null)?.url;
      rejected.push(new InvalidRecordError(`Article ${typeof url === 'string' ? `"${url}"` : `#${i}`}`, v.issues));
      return;
    }
    const text = articleText(article);
    const hash = sha256(text);
    const a = article;
    const row = [pageId, a.url, a.canonicalUrl, a.site, a.title, a.publishedAt, a.lang, hash, JSON.stringify(a), now];
    valid.push({ i, row, key: `${a.canonicalUrl}\u0000${hash}`, text });
  });
  if (valid.length === 0) return { ids, rejected };

  await db.transaction(async (tx) => {
    const fresh = await tx.allocateIds('articles', valid.length);
    const pg = tx.dialect === 'postgres';
    await tx.insertRows(
      pg ? T.articlesPg : T.articles,
      valid.map((v, k) => [fresh[k], ...v.row, ...(pg ? [tsvectorLiteral(v.text)] : [])]),
    );
    // By canonical URL: the leading column of the unique (canonical_url, text_hash) index.
    const urls = [...new Set(valid.map((v) => v.row[2] as string))];
    const [cond, params] = inList(tx.dialect, 'canonical_url', urls);
    const found = new Map<string, number>();
    for (const r of await tx.all<{ id: number; canonical_url: string; text_hash: string }>(
      `SELECT id, canonical_url, text_hash FROM articles WHERE ${cond}`,
      params,
    ))
      found.set(`${r.canonical_url}\u0000${r.text_hash}`, r.id);
    const ftsRows: unknown[][] = [];
    valid.forEach((v, k) => {
      const id = found.get(v.key) ?? null;
      ids[v.i] = id;
      if (!pg && id === fresh[k]) ftsRows.push([id, ftsDocument(v.text)]);
    });
    await tx.insertRows(T.articlesFts, ftsRows);
  });
  return { ids, rejected };
}

interface ArticleDbRow {
  id: number;
  page_id: number | null;
  article_json: string;
  latest_run_id: number | null;
}

/** Select list over `articles a LEFT JOIN article_latest l`. */
export const ARTICLE_FROM = 'articles a LEFT JOIN article_latest l ON l.article_id = a.id';

/** The article's text is not stored twice: it is articleText() of the stored record. */
export function toStoredArticle(r: ArticleDbRow): StoredArticle {
  const article = JSON.parse(r.article_json) as Article;
  return { id: r.id, pageId: r.page_id, article, text: articleText(article), latestRunId: r.latest_run_id };
}

export const ARTICLE_COLUMNS = 'a.id, a.page_id, a.article_json, l.run_id AS latest_run_id';
export type { ArticleDbRow };
