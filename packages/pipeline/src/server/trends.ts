import type { EventType } from '@vnevents/schema';
import type { EventFilter, Store } from '@vnevents/store';

export interface TrendSeries {
  /** Province (new era) or event type; null: everything else. */
  key: string | null;
  total: number;
  /** One count per month of `months`. */
  counts: number[];
}

export interface Trends {
  by: 'province' | 'type';
  /** YYYY-MM, oldest first. */
  months: string[];
  series: TrendSeries[];
}

/** Every month from the first to the last of `keys` (YYYY-MM), so a chart's time axis has no gaps. */
export function monthRange(keys: string[], max = 1200): string[] {
  const sorted = keys.filter((k) => /^\d{4}-\d{2}$/.test(k)).sort();
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (!first || !last) return [];
  let y = Number(first.slice(0, 4));
  let m = Number(first.slice(5, 7));
  const out: string[] = [];
  for (;;) {
    const k = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
    if (k > last || out.length >= max) break;
    out.push(k);
    if (++m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/**
 * Events per month for the top provinces or types of a filter. The store's facets count months and provinces
 * separately, so each series is the month facet of the filter narrowed to one key (top + 1 facet queries).
 */
export async function trends(store: Store, filter: EventFilter, by: Trends['by'], top: number): Promise<Trends> {
  const all = await store.facets(filter, { limit: top + 1 });
  const months = monthRange(all.month.map((b) => b.key).filter((k): k is string => k !== null));
  const totals = new Map(all.month.map((b) => [b.key, b.count]));
  const keys = (by === 'province' ? all.province : all.type).filter((b) => b.key !== null).slice(0, top);
  const series: TrendSeries[] = [];
  for (const b of keys) {
    const narrowed: EventFilter =
      by === 'province' ? { ...filter, province: b.key as string } : { ...filter, type: b.key as EventType };
    const f = await store.facets(narrowed, { limit: 1 });
    const perMonth = new Map(f.month.map((m) => [m.key, m.count]));
    series.push({ key: b.key, total: f.total, counts: months.map((m) => perMonth.get(m) ?? 0) });
  }
  // Clamped: a province filter matches either era, so in odd merger tables two series could share events.
  const rest = months.map((m, i) =>
    Math.max(0, (totals.get(m) ?? 0) - series.reduce((s, x) => s + (x.counts[i] ?? 0), 0)),
  );
  const restTotal = rest.reduce((a, b) => a + b, 0);
  if (restTotal > 0) series.push({ key: null, total: restTotal, counts: rest });
  return { by, months, series };
}
