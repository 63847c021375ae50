import { type Event, type ExtractionResult, type ValidationIssue, validateExtractionResult } from '@vnevents/schema';
import { InvalidRecordError, NotFoundError } from '../errors.js';
import { nameForm } from '../people/name-form.js';
import { type PlaceResolver, placeKey } from '../place.js';
import { inList, type SqlDriver, type SqlExecutor } from '../sql/driver.js';
import type { StoreTestHooks } from '../store.js';
import type { BatchReport, ExtractionInput, SaveReport } from '../types.js';
import { sha256 } from './crawl-records.js';
import type { DictionaryCache } from './dictionary-cache.js';
import { resolveDirectives, resolveUnits } from './resolve-dictionaries.js';
import { resolvePersons } from './resolve-persons.js';
import { T } from './tables.js';

export interface WriteContext {
  db: SqlDriver;
  cache: DictionaryCache;
  placeResolver: PlaceResolver;
  hooks: StoreTestHooks | undefined;
}

interface ArticleRow {
  id: number;
  site: string | null;
  published_at: string | null;
  text_hash: string;
}

function describe(item: { articleId: number; result: unknown }): string {
  const src = (item.result as { source?: { id?: unknown; url?: unknown; path?: unknown } } | null)?.source;
  const name = [src?.url, src?.path, src?.id].find((x) => typeof x === 'string' && x);
  return `ExtractionResult ${name ? `"${String(name)}" ` : ''}for article ${item.articleId}`;
}

function issue(path: string, rule: string, message: string): ValidationIssue {
  return { path, rule, message };
}

/**
 * Serialises writers of the same articles and reads each one's current run. Articles seen for the first
 * time are claimed for this run by inserting their `article_latest` row (a concurrent writer waits on the
 * unique key); the others are locked (PostgreSQL: FOR UPDATE). Returns article id → previous latest run.
 */
async function claimArticles(tx: SqlExecutor, runId: number, ids: number[]): Promise<Map<number, number>> {
  const [c, p] = inList(tx.dialect, 'article_id', ids);
  const claimed = new Set<number>();
  if (tx.dialect === 'postgres') {
    const r = await tx.all<{ article_id: number }>(
      'INSERT INTO article_latest (article_id, run_id) SELECT a, ? FROM unnest(?::int[]) AS a ON CONFLICT (article_id) DO NOTHING RETURNING article_id',
      [runId, ids],
    );
    for (const x of r) claimed.add(x.article_id);
  } else {
    const known = new Set(
      (await tx.all<{ article_id: number }>(`SELECT article_id FROM article_latest WHERE ${c}`, p)).map(
        (x) => x.article_id,
      ),
    );
    const fresh = ids.filter((id) => !known.has(id));
    await tx.insertRows(
      T.articleLatest,
      fresh.map((id) => [id, runId]),
    );
    for (const id of fresh) claimed.add(id);
  }
  const prev = new Map<number, number>();
  const rest = ids.filter((id) => !claimed.has(id));
  if (rest.length) {
    const [rc, rp] = inList(tx.dialect, 'article_id', rest);
    const lock = tx.dialect === 'postgres' ? ' ORDER BY article_id FOR UPDATE' : '';
    for (const r of await tx.all<{ article_id: number; run_id: number }>(
      `SELECT article_id, run_id FROM article_latest WHERE ${rc}${lock}`,
      rp,
    ))
      prev.set(r.article_id, r.run_id);
  }
  return prev;
}

/** Re-saving replaces: the rows a previous save of (run, article) left go first, children before parents. */
async function deletePrevious(tx: SqlExecutor, runId: number, ids: number[]): Promise<void> {
  const [c, p] = inList(tx.dialect, 'article_id', ids);
  const old = (await tx.all<{ id: number }>(`SELECT id FROM events WHERE run_id = ? AND ${c}`, [runId, ...p])).map(
    (r) => r.id,
  );
  if (old.length) {
    const [ec, ep] = inList(tx.dialect, 'event_id', old);
    await tx.run(`DELETE FROM metrics WHERE item_id IN (SELECT id FROM items WHERE ${ec})`, ep);
    for (const t of ['items', 'event_officials', 'event_units', 'event_directives'])
      await tx.run(`DELETE FROM ${t} WHERE ${ec}`, ep);
    const [ic, ip] = inList(tx.dialect, 'id', old);
    await tx.run(`DELETE FROM events WHERE ${ic}`, ip);
  }
  await tx.run(`DELETE FROM extractions WHERE run_id = ? AND ${c}`, [runId, ...p]);
}

/**
 * The one write path of extraction results: validate each record, then save all valid ones in one
 * transaction (one article when called by saveExtraction). Per article: its previous rows for this run are
 * replaced, its events become the current ones when the run is the article's latest, and units,
 * directives and persons are resolved to shared rows.
 */
export async function saveExtractions(
  ctx: WriteContext,
  runId: number,
  items: ExtractionInput[],
): Promise<BatchReport> {
  const rejected: InvalidRecordError[] = [];
  const byArticle = new Map<number, ExtractionResult>();
  const runRow = (
    await ctx.db.all<{ extractor_name: string; extractor_version: string }>(
      'SELECT extractor_name, extractor_version FROM runs WHERE id = ?',
      [runId],
    )
  )[0];
  if (!runRow) throw new NotFoundError(`run ${runId} does not exist: start it with startRun() first`);

  for (const item of items) {
    const v = validateExtractionResult(item.result);
    if (!v.ok) {
      rejected.push(new InvalidRecordError(describe(item), v.issues));
      continue;
    }
    const ex = item.result.extractor;
    if (ex.name !== runRow.extractor_name || ex.version !== runRow.extractor_version) {
      rejected.push(
        new InvalidRecordError(describe(item), [
          issue(
            'extractor',
            'run-extractor',
            `made by ${ex.name} ${ex.version}, but run ${runId} is ${runRow.extractor_name} ${runRow.extractor_version}: start a run for that extractor`,
          ),
        ]),
      );
      continue;
    }
    byArticle.set(item.articleId, item.result);
  }
  if (byArticle.size === 0) return { saved: [], rejected };

  // Ids learnt in the transaction reach the shared cache only once it committed (a retried attempt starts afresh).
  const { saved, missing, learnt } = await ctx.db.transaction(async (tx) => {
    const learnt = ctx.cache.layer();
    return { ...(await writeBatch(tx, ctx, learnt, runId, byArticle)), learnt };
  });
  learnt.commit();
  for (const id of missing)
    rejected.push(
      new InvalidRecordError(describe({ articleId: id, result: byArticle.get(id) }), [
        issue('(article)', 'article-exists', `article ${id} is not in the store: save the article first`),
      ]),
    );
  return { saved, rejected };
}

async function writeBatch(
  tx: SqlExecutor,
  ctx: WriteContext,
  cache: DictionaryCache,
  runId: number,
  byArticle: Map<number, ExtractionResult>,
): Promise<{ saved: SaveReport[]; missing: number[] }> {
  const now = new Date().toISOString();
  const ids = [...byArticle.keys()].sort((a, b) => a - b);
  const [cond, params] = inList(tx.dialect, 'id', ids);
  const rows = await tx.all<ArticleRow>(`SELECT id, site, published_at, text_hash FROM articles WHERE ${cond}`, params);
  const articles = new Map(rows.map((r) => [r.id, r]));
  const missing = ids.filter((id) => !articles.has(id));
  const present = ids.filter((id) => articles.has(id));
  if (present.length === 0) return { saved: [], missing };

  const prevRun = await claimArticles(tx, runId, present);
  await deletePrevious(tx, runId, present);

  // The article's current events all belong to its latest run: demote them when this run takes over.
  const latestIds = present.filter((id) => {
    const prev = prevRun.get(id);
    return prev === undefined || runId >= prev;
  });
  const demote = new Map<number, number[]>();
  for (const id of latestIds) {
    const prev = prevRun.get(id);
    if (prev !== undefined && prev !== runId) demote.set(prev, [...(demote.get(prev) ?? []), id]);
  }
  for (const [prev, list] of demote) {
    const [lc, lp] = inList(tx.dialect, 'article_id', list);
    await tx.run(`UPDATE events SET latest = 0 WHERE run_id = ? AND ${lc}`, [prev, ...lp]);
  }
  const takeOver = latestIds.filter((id) => prevRun.has(id) && prevRun.get(id) !== runId);
  if (takeOver.length) {
    const [ac, ap] = inList(tx.dialect, 'article_id', takeOver);
    await tx.run(`UPDATE article_latest SET run_id = ? WHERE ${ac}`, [runId, ...ap]);
  }
  const isLatest = new Set(latestIds);

  const allEvents: { articleId: number; ord: number; ev: Event; result: ExtractionResult }[] = [];
  for (const id of present) {
    const result = byArticle.get(id) as ExtractionResult;
    result.events.forEach((ev, ord) => allEvents.push({ articleId: id, ord, ev, result }));
  }

  const unitOf = await resolveUnits(
    tx,
    cache,
    allEvents.flatMap(({ ev }) => [...(ev.leadUnit ? [ev.leadUnit.name] : []), ...ev.targetUnits.map((u) => u.name)]),
  );
  const directiveOf = await resolveDirectives(
    tx,
    cache,
    allEvents.flatMap(({ ev }) => ev.directives),
  );
  const personOf = await resolvePersons(
    tx,
    cache,
    allEvents.flatMap(({ ev }) => [
      ...(ev.leadOfficial ? [ev.leadOfficial.name] : []),
      ...ev.officials.map((o) => o.name),
    ]),
    now,
  );
  const person = (name: string) => {
    const id = personOf.get(nameForm(name).lower);
    if (id === undefined) throw new Error(`person "${name}" was not resolved`);
    return id;
  };

  await tx.insertRows(
    T.extractions,
    present.map((id) => {
      const r = byArticle.get(id) as ExtractionResult;
      const same = sha256(r.text) === articles.get(id)?.text_hash;
      return [runId, id, same ? null : r.text, JSON.stringify(r.source), r.events.length, now];
    }),
  );

  const eventIds = await tx.allocateIds('events', allEvents.length);
  const eventRows: unknown[][] = [];
  allEvents.forEach(({ articleId, ord, ev, result }, i) => {
    const a = articles.get(articleId) as ArticleRow;
    const site = a.site ?? result.source.site;
    const published = a.published_at ?? result.source.publishedAt;
    const written = { province: ev.location.province, district: ev.location.district, commune: ev.location.commune };
    const p = ctx.placeResolver(written, { date: ev.date, site });
    eventRows.push([
      eventIds[i],
      runId,
      articleId,
      ord,
      isLatest.has(articleId) ? 1 : 0,
      ev.type,
      ev.date,
      ev.dateBasis,
      ev.date ?? published?.slice(0, 10) ?? '0000-00-00',
      site,
      published,
      written.province,
      written.district,
      written.commune,
      p.old.province,
      p.old.district,
      p.old.commune,
      p.new.province,
      p.new.district,
      p.new.commune,
      placeKey(p.old.province),
      placeKey(p.old.district),
      placeKey(p.old.commune),
      placeKey(p.new.province),
      placeKey(p.new.district),
      placeKey(p.new.commune),
      ev.leadUnit?.name ?? null,
      ev.leadOfficial?.name ?? null,
      ev.leadOfficial?.title ?? null,
      ev.leadOfficial ? person(ev.leadOfficial.name) : null,
      ev.confidence,
      JSON.stringify(ev),
    ]);
  });
  await tx.insertRows(T.events, eventRows);
  await ctx.hooks?.afterEventRows?.({ runId, articleIds: present, connectionId: tx.connectionId });

  const officials: unknown[][] = [];
  const units: unknown[][] = [];
  const directives: unknown[][] = [];
  const itemRows: unknown[][] = [];
  const metricRows: unknown[][] = [];
  const itemCount = allEvents.reduce(
    (n, { ev }) => n + ev.results.length + ev.limitations.length + ev.recommendations.length + ev.proposals.length,
    0,
  );
  const itemIds = await tx.allocateIds('items', itemCount);
  let nextItem = 0;
  allEvents.forEach(({ ev }, i) => {
    const eid = eventIds[i];
    const firstItem = nextItem;
    // The lead official gets a row of its own only when the officials list does not name them.
    const lead = ev.leadOfficial;
    if (lead && !ev.officials.some((o) => nameForm(o.name).lower === nameForm(lead.name).lower))
      officials.push([eid, -1, person(lead.name), lead.name, lead.title, 'lead', lead.span[0], lead.span[1]]);
    ev.officials.forEach((o, j) =>
      officials.push([eid, j, person(o.name), o.name, o.title, o.role, o.span[0], o.span[1]]),
    );
    if (ev.leadUnit) units.push([eid, -1, 'lead', unitOf(ev.leadUnit.name), ev.leadUnit.name, ...ev.leadUnit.span]);
    ev.targetUnits.forEach((u, j) => units.push([eid, j, 'target', unitOf(u.name), u.name, u.span[0], u.span[1]]));
    ev.directives.forEach((d, j) => directives.push([eid, j, directiveOf(d.ref), JSON.stringify(d.spans)]));
    const items: { kind: string; list: { text: string; span: [number, number]; by?: string | null }[] }[] = [
      { kind: 'result', list: ev.results },
      { kind: 'limitation', list: ev.limitations },
      { kind: 'recommendation', list: ev.recommendations },
      { kind: 'proposal', list: ev.proposals },
    ];
    for (const { kind, list } of items)
      list.forEach((it, j) => {
        itemRows.push([itemIds[nextItem], eid, kind, j, it.text, it.span[0], it.span[1], it.by ?? null]);
        nextItem++;
      });
    ev.results.forEach((r, j) => {
      const iid = itemIds[firstItem + j];
      r.metrics.forEach((m, k) =>
        metricRows.push([iid, k, m.value, m.unit, m.qualifier, m.text, m.span[0], m.span[1]]),
      );
    });
  });
  await tx.insertRows(T.eventOfficials, officials);
  await tx.insertRows(T.eventUnits, units);
  await tx.insertRows(T.eventDirectives, directives);
  await tx.insertRows(T.items, itemRows);
  await tx.insertRows(T.metrics, metricRows);

  const saved = present.map((id) => ({
    runId,
    articleId: id,
    events: (byArticle.get(id) as ExtractionResult).events.length,
    latest: isLatest.has(id),
  }));
  return { saved, missing };
}
