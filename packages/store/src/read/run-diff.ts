import type { Event } from '@vnevents/schema';
import type { SqlExecutor } from '../sql/driver.js';
import type { RunRecord } from '../types.js';

/** The fields of an event compared between runs. */
export const DIFF_FIELDS = [
  'type',
  'date',
  'dateBasis',
  'leadOfficial',
  'officials',
  'leadUnit',
  'targetUnits',
  'location',
  'directives',
  'results',
  'limitations',
  'recommendations',
  'proposals',
  'confidence',
] as const;
export type DiffField = (typeof DIFF_FIELDS)[number];

export interface FieldChange {
  articleId: number;
  eventA: number;
  eventB: number;
  before: unknown;
  after: unknown;
}

export interface EventRef {
  articleId: number;
  eventId: number;
  type: string;
  date: string | null;
}

export interface RunDiff {
  a: RunRecord;
  b: RunRecord;
  articles: { both: number; onlyA: number; onlyB: number };
  events: {
    /** Events of the articles both runs covered. */
    a: number;
    b: number;
    matched: number;
    unchanged: number;
    added: number;
    removed: number;
    /** Events of articles only one run covered (not counted as added or removed). */
    onlyA: number;
    onlyB: number;
  };
  fields: Record<DiffField, { changed: number; examples: FieldChange[] }>;
  addedExamples: EventRef[];
  removedExamples: EventRef[];
}

export interface RunDiffOptions {
  /** Examples kept per field and for added/removed events (default 5). */
  examples?: number;
}

/** What a field compares as: a JSON-able value without spans and rule ids. */
export function fieldValue(ev: Event, f: DiffField): unknown {
  switch (f) {
    case 'leadOfficial':
      return ev.leadOfficial ? { name: ev.leadOfficial.name, title: ev.leadOfficial.title } : null;
    case 'officials':
      return ev.officials.map((o) => `${o.name} (${o.role}${o.title ? `, ${o.title}` : ''})`).sort();
    case 'leadUnit':
      return ev.leadUnit?.name ?? null;
    case 'targetUnits':
      return ev.targetUnits.map((u) => u.name).sort();
    case 'location':
      return { province: ev.location.province, district: ev.location.district, commune: ev.location.commune };
    case 'directives':
      return ev.directives.map((d) => d.ref).sort();
    case 'results':
      return ev.results.map((r) => ({ text: r.text, metrics: r.metrics.map((m) => m.text) }));
    case 'limitations':
    case 'proposals':
      return ev[f].map((x) => x.text);
    case 'recommendations':
      return ev.recommendations.map((x) => ({ text: x.text, by: x.by }));
    case 'confidence':
      return Math.round(ev.confidence * 1000) / 1000;
    default:
      return ev[f];
  }
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

interface Ev {
  id: number;
  event: Event;
}

/** Pairs events of one article across runs: most shared identity fields first, leftovers unpaired. */
export function pairEvents(a: Ev[], b: Ev[]): { pairs: [Ev, Ev][]; removed: Ev[]; added: Ev[] } {
  const score = (x: Event, y: Event) =>
    (x.type === y.type ? 2 : 0) +
    (x.date !== null && x.date === y.date ? 2 : 0) +
    (x.leadUnit && x.leadUnit.name === y.leadUnit?.name ? 1 : 0) +
    (x.location.province !== null && x.location.province === y.location.province ? 1 : 0) +
    (x.leadOfficial && x.leadOfficial.name === y.leadOfficial?.name ? 1 : 0);
  const cands: { i: number; j: number; s: number }[] = [];
  a.forEach((x, i) => {
    b.forEach((y, j) => {
      const s = score(x.event, y.event);
      if (s >= 2) cands.push({ i, j, s });
    });
  });
  cands.sort((p, q) => q.s - p.s || Math.abs(p.i - p.j) - Math.abs(q.i - q.j) || p.i - q.i);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const pairs: [Ev, Ev][] = [];
  for (const c of cands) {
    if (usedA.has(c.i) || usedB.has(c.j)) continue;
    usedA.add(c.i);
    usedB.add(c.j);
    pairs.push([a[c.i] as Ev, b[c.j] as Ev]);
  }
  return {
    pairs,
    removed: a.filter((_, i) => !usedA.has(i)),
    added: b.filter((_, j) => !usedB.has(j)),
  };
}

/** Streams (article, its events) of a run in article order: extractions merged with their events. */
async function* runArticles(
  db: SqlExecutor,
  runId: number,
  page = 2000,
): AsyncGenerator<{ articleId: number; events: Ev[] }> {
  let afterArticle = -1;
  let pending: { article_id: number; id: number; event_json: string }[] = [];
  for (;;) {
    const xs = await db.all<{ article_id: number }>(
      'SELECT article_id FROM extractions WHERE run_id = ? AND article_id > ? ORDER BY article_id LIMIT ?',
      [runId, afterArticle, page],
    );
    if (xs.length === 0) return;
    const lastArticle = (xs[xs.length - 1] as { article_id: number }).article_id;
    pending = await db.all(
      `SELECT article_id, id, event_json FROM events WHERE run_id = ? AND article_id > ? AND article_id <= ?
       ORDER BY article_id, ord`,
      [runId, afterArticle, lastArticle],
    );
    const byArticle = new Map<number, Ev[]>();
    for (const e of pending) {
      const list = byArticle.get(e.article_id) ?? [];
      list.push({ id: e.id, event: JSON.parse(e.event_json) as Event });
      byArticle.set(e.article_id, list);
    }
    for (const x of xs) yield { articleId: x.article_id, events: byArticle.get(x.article_id) ?? [] };
    afterArticle = lastArticle;
  }
}

export async function diffRuns(
  db: SqlExecutor,
  a: RunRecord,
  b: RunRecord,
  opts: RunDiffOptions = {},
): Promise<RunDiff> {
  const max = opts.examples ?? 5;
  const fields = Object.fromEntries(
    DIFF_FIELDS.map((f) => [f, { changed: 0, examples: [] as FieldChange[] }]),
  ) as RunDiff['fields'];
  const d: RunDiff = {
    a,
    b,
    articles: { both: 0, onlyA: 0, onlyB: 0 },
    events: { a: 0, b: 0, matched: 0, unchanged: 0, added: 0, removed: 0, onlyA: 0, onlyB: 0 },
    fields,
    addedExamples: [],
    removedExamples: [],
  };
  const ref = (articleId: number, e: Ev): EventRef => ({
    articleId,
    eventId: e.id,
    type: e.event.type,
    date: e.event.date,
  });
  const ia = runArticles(db, a.id);
  const ib = runArticles(db, b.id);
  let xa = await ia.next();
  let xb = await ib.next();
  while (!xa.done || !xb.done) {
    if (xb.done || (!xa.done && xa.value.articleId < xb.value.articleId)) {
      const v = xa.value as { articleId: number; events: Ev[] };
      d.articles.onlyA++;
      d.events.onlyA += v.events.length;
      xa = await ia.next();
      continue;
    }
    if (xa.done || xb.value.articleId < xa.value.articleId) {
      d.articles.onlyB++;
      d.events.onlyB += xb.value.events.length;
      xb = await ib.next();
      continue;
    }
    const articleId = xa.value.articleId;
    const ea = xa.value.events;
    const eb = xb.value.events;
    d.articles.both++;
    d.events.a += ea.length;
    d.events.b += eb.length;
    const { pairs, removed, added } = pairEvents(ea, eb);
    d.events.removed += removed.length;
    d.events.added += added.length;
    for (const r of removed) if (d.removedExamples.length < max) d.removedExamples.push(ref(articleId, r));
    for (const r of added) if (d.addedExamples.length < max) d.addedExamples.push(ref(articleId, r));
    for (const [x, y] of pairs) {
      d.events.matched++;
      let changed = false;
      for (const f of DIFF_FIELDS) {
        const before = fieldValue(x.event, f);
        const after = fieldValue(y.event, f);
        if (same(before, after)) continue;
        changed = true;
        fields[f].changed++;
        if (fields[f].examples.length < max)
          fields[f].examples.push({ articleId, eventA: x.id, eventB: y.id, before, after });
      }
      if (!changed) d.events.unchanged++;
    }
    xa = await ia.next();
    xb = await ib.next();
  }
  return d;
}
