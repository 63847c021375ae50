import { EVENT_TYPES, type EventType } from '@vnevents/schema';
import { StoreUsageError } from '../errors.js';
import { directiveAliasKey, directiveKey, escapeLike, foldKey } from '../fold.js';
import { compileTextQuery } from '../fts.js';
import { placeKey } from '../place.js';
import { inList, type SqlExecutor } from '../sql/driver.js';
import type { EventFilter } from '../types.js';

/** SQL conditions over `events e`, with their parameters. `impossible`: nothing can match (skip the query). */
export interface CompiledFilter {
  where: string[];
  params: unknown[];
  impossible: boolean;
}

export interface FilterDeps {
  db: SqlExecutor;
  /** Person ids whose names match an official filter (fuzzy). */
  personIds(q: string): Promise<number[]>;
  /** SQLite: up to this many matching articles, a full-text filter drives the query (default RARE_TERM_ARTICLES). */
  rareTermArticles?: number;
}

const DAY = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

/** Up to this many matching articles, a full-text filter drives the query (SQLite). */
export const RARE_TERM_ARTICLES = 20_000;

function day(value: string, end: boolean, name: string): string {
  if (!DAY.test(value)) throw new StoreUsageError(`${name} must be YYYY, YYYY-MM or YYYY-MM-DD, not "${value}"`);
  if (!end) return value;
  return value.length === 4 ? `${value}-12-31` : value.length === 7 ? `${value}-31` : value;
}

export async function directiveIds(db: SqlExecutor, ref: string): Promise<number[]> {
  const rows = await db.all<{ id: number }>(
    'SELECT id FROM directives WHERE key = ? UNION SELECT directive_id AS id FROM directive_aliases WHERE alias_key = ?',
    [directiveKey(ref), directiveAliasKey(ref)],
  );
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

export async function compileFilter(f: EventFilter, deps: FilterDeps): Promise<CompiledFilter> {
  const { db } = deps;
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, ...p: unknown[]) => {
    where.push(sql);
    params.push(...p);
  };
  const impossible = { where, params, impossible: true };

  if (f.run !== undefined) add('e.run_id = ?', f.run);
  else where.push('e.latest = 1');
  if (f.from) add('e.sort_date >= ?', day(f.from, false, 'from'));
  if (f.to) add('e.sort_date <= ?', day(f.to, true, 'to'));
  for (const level of ['province', 'district', 'commune'] as const) {
    const v = f[level];
    if (v === undefined) continue;
    const k = placeKey(v);
    if (!k) return impossible;
    if (level === 'province' && f.run === undefined) {
      // Old or new era: a union of two index ranges (province key, day), not an OR that no index serves.
      const days: string[] = [];
      const dp: unknown[] = [];
      if (f.from) {
        days.push(' AND sort_date >= ?');
        dp.push(day(f.from, false, 'from'));
      }
      if (f.to) {
        days.push(' AND sort_date <= ?');
        dp.push(day(f.to, true, 'to'));
      }
      const one = (col: string) => `SELECT id FROM events WHERE latest = 1 AND ${col} = ?${days.join('')}`;
      add(`e.id IN (${one('province_old_key')} UNION ${one('province_new_key')})`, k, ...dp, k, ...dp);
    } else add(`(e.${level}_old_key = ? OR e.${level}_new_key = ?)`, k, k);
  }
  if (f.type !== undefined) {
    const types = Array.isArray(f.type) ? f.type : [f.type];
    for (const t of types)
      if (!EVENT_TYPES.includes(t as EventType))
        throw new StoreUsageError(`unknown event type "${t}": use one of ${EVENT_TYPES.join(', ')}`);
    const [c, p] = inList(db.dialect, 'e.type', types);
    add(c, ...p);
  }
  if (f.site !== undefined) add('e.site = ?', f.site);
  if (f.articleId !== undefined) add('e.article_id = ?', f.articleId);
  if (f.minConfidence !== undefined) add('e.confidence >= ?', f.minConfidence);

  for (const [value, role] of [
    [f.unit, null],
    [f.leadUnit, 'lead'],
    [f.targetUnit, 'target'],
  ] as const) {
    if (value === undefined) continue;
    const k = foldKey(value);
    if (!k) return impossible;
    add(
      `e.id IN (SELECT eu.event_id FROM event_units eu JOIN units u ON u.id = eu.unit_id WHERE u.key LIKE ? ESCAPE '\\'${role ? ` AND eu.role = '${role}'` : ''})`,
      `%${escapeLike(k)}%`,
    );
  }

  const persons: number[][] = [];
  if (f.personId !== undefined) persons.push([f.personId]);
  if (f.official !== undefined) persons.push(await deps.personIds(f.official));
  for (const ids of persons) {
    if (ids.length === 0) return impossible;
    const [c, p] = inList(db.dialect, 'person_id', ids);
    add(`e.id IN (SELECT event_id FROM event_officials WHERE ${c})`, ...p);
  }

  if (f.directive !== undefined) {
    const ids = await directiveIds(db, f.directive);
    if (ids.length === 0) return impossible;
    const [c, p] = inList(db.dialect, 'directive_id', ids);
    add(`e.id IN (SELECT event_id FROM event_directives WHERE ${c})`, ...p);
  }

  if (f.text !== undefined) {
    const q = compileTextQuery(db.dialect, f.text);
    if (q === null) return impossible;
    if (db.dialect === 'postgres') add('e.article_id IN (SELECT id FROM articles WHERE fts @@ ?::tsquery)', q);
    else {
      // FTS5 cannot say how many articles match before reading them: read up to a cap. A term in fewer
      // articles drives the query through their ids (cost grows with the matches); a commoner one is checked
      // row by row along the day order (cost grows with the rows read until a page is full, so falls as
      // the term gets commoner). The cap sits where the two costs cross on a million events.
      const hits = await db.all<{ id: number }>(
        'SELECT rowid AS id FROM articles_fts WHERE articles_fts MATCH ? LIMIT ?',
        [q, RARE_TERM_ARTICLES + 1],
      );
      if (hits.length === 0) return impossible;
      if (hits.length <= RARE_TERM_ARTICLES) {
        const [c, p] = inList(
          db.dialect,
          'e.article_id',
          hits.map((h) => h.id),
        );
        add(c, ...p);
      } else add('EXISTS (SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? AND rowid = e.article_id)', q);
    }
  }
  return { where, params, impossible: false };
}

export function whereSql(c: CompiledFilter, extra: string[] = []): string {
  const all = [...c.where, ...extra];
  return all.length ? `WHERE ${all.join(' AND ')}` : '';
}
