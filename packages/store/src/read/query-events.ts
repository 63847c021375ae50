import { decodeCursor, encodeCursor } from '../cursor.js';
import { StoreUsageError } from '../errors.js';
import type { SqlExecutor } from '../sql/driver.js';
import type { EventPage, EventSummary, FacetBucket, Facets, PageRequest } from '../types.js';
import { SUMMARY_COLUMNS, type SummaryRow, toSummary } from './event-rows.js';
import { type CompiledFilter, whereSql } from './filter.js';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 1000;

/** One page in the stable order (sort date desc, id desc); keyset, so page N costs what page 1 costs. */
export async function queryPage(db: SqlExecutor, c: CompiledFilter, page: PageRequest = {}): Promise<EventPage> {
  const limit = page.limit ?? DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
    throw new StoreUsageError(`limit must be an integer from 1 to ${MAX_LIMIT}, not ${limit}`);
  if (c.impossible) return { items: [], next: null };
  const extra: string[] = [];
  const params = [...c.params];
  if (page.after) {
    const pos = decodeCursor(page.after);
    extra.push('(e.sort_date < ? OR (e.sort_date = ? AND e.id < ?))');
    params.push(pos.sortDate, pos.sortDate, pos.id);
  }
  const rows = await db.all<SummaryRow>(
    `SELECT ${SUMMARY_COLUMNS} FROM events e JOIN articles a ON a.id = e.article_id
     ${whereSql(c, extra)} ORDER BY e.sort_date DESC, e.id DESC LIMIT ?`,
    [...params, limit + 1],
  );
  const items: EventSummary[] = rows.slice(0, limit).map(toSummary);
  const last = items[items.length - 1];
  return { items, next: rows.length > limit && last ? encodeCursor({ sortDate: last.sortDate, id: last.id }) : null };
}

export async function countEvents(db: SqlExecutor, c: CompiledFilter): Promise<number> {
  if (c.impossible) return 0;
  const r = await db.all<{ n: number }>(`SELECT COUNT(*) AS n FROM events e ${whereSql(c)}`, c.params);
  return Number(r[0]?.n ?? 0);
}

/** Counts by province (new era), type, month and directive for the same filter. */
export async function facets(db: SqlExecutor, c: CompiledFilter, limit = 50): Promise<Facets> {
  if (c.impossible) return { total: 0, province: [], type: [], month: [], directive: [] };
  const w = whereSql(c);
  const buckets = async (sql: string, n = limit): Promise<FacetBucket[]> =>
    (await db.all<{ k: string | null; n: number }>(sql, [...c.params, n])).map((r) => ({
      key: r.k,
      count: Number(r.n),
    }));
  const total = await countEvents(db, c);
  const province = await buckets(
    `SELECT MAX(e.province_new) AS k, COUNT(*) AS n FROM events e ${w} GROUP BY e.province_new_key ORDER BY n DESC, e.province_new_key LIMIT ?`,
  );
  const type = await buckets(
    `SELECT e.type AS k, COUNT(*) AS n FROM events e ${w} GROUP BY e.type ORDER BY n DESC, k LIMIT ?`,
  );
  const month = await buckets(
    `SELECT substr(e.sort_date, 1, 7) AS k, COUNT(*) AS n FROM events e ${w} GROUP BY substr(e.sort_date, 1, 7) ORDER BY k DESC LIMIT ?`,
    MAX_LIMIT,
  );
  const directive = await buckets(
    `SELECT d.ref AS k, COUNT(*) AS n FROM events e JOIN event_directives ed ON ed.event_id = e.id
     JOIN directives d ON d.id = ed.directive_id ${w} GROUP BY d.id, d.ref, d.key ORDER BY n DESC, d.key LIMIT ?`,
  );
  return { total, province, type, month, directive };
}
