import type { DateBasis } from '@vnevents/schema';
import { type DateMention, findDates } from '../recognizers/dates.js';
import type { DocRef } from '../recognizers/doc-refs.js';
import { inferYear } from '../recognizers/year-inference.js';

export interface EventDate {
  date: string | null;
  basis: DateBasis | null;
  span: [number, number] | null;
  rule: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/**
 * The day of the activity: a day written in the event's sentences, resolved against the publication date
 * (basis text), or against a year reasoned from context when there is no publication date (basis inferred);
 * else the publication date (basis publication).
 */
export function eventDate(
  text: string,
  windows: { start: number; end: number }[],
  publishedAt: string | null,
  excluded: [number, number][],
  head: { start: number; end: number }[] = [],
  /** The text's document references (findDocRefs(text)), when the caller has them: year inference reads them. */
  docRefs?: DocRef[],
): EventDate {
  const pub = publishedAt
    ? { year: +publishedAt.slice(0, 4), month: +publishedAt.slice(5, 7), day: +publishedAt.slice(8, 10) }
    : null;
  const inside = (m: DateMention) => excluded.some(([s, e]) => m.start >= s && m.end <= e);
  for (const w of windows) {
    const mentions = findDates(text, { reference: pub, from: w.start, to: w.end }).filter(
      (m) => !inside(m) && m.kind !== 'month' && m.day !== null,
    );
    const m = mentions[0];
    if (!m) continue;
    if (m.iso && m.year !== null)
      return { date: m.iso, basis: m.basis ?? 'text', span: [m.start, m.end], rule: `date.${m.kind}` };
    if (m.month === null || m.day === null) continue;
    if (pub) {
      let y = pub.year;
      // A day more than a week after publication belongs to the year before ("28/12" published on 3 January).
      if (iso(y, m.month, m.day) > iso(pub.year, pub.month, Math.min(pub.day + 7, 31)) && m.month - pub.month > 1) y--;
      return {
        date: iso(y, m.month, m.day),
        basis: 'text',
        span: [m.start, m.end],
        rule: 'date.partial-publication-year',
      };
    }
    const headingEnd = head.length ? Math.max(...head.map((h) => h.end)) : undefined;
    const y = inferYear(text, {
      month: m.month,
      ...(headingEnd !== undefined ? { headingEnd } : {}),
      ...(docRefs ? { docRefs } : {}),
    });
    if (y)
      return {
        date: iso(y.year, m.month, m.day),
        basis: 'inferred',
        span: [m.start, m.end],
        rule: 'date.partial-inferred-year',
      };
    return { date: null, basis: null, span: [m.start, m.end], rule: 'date.partial-no-year' };
  }
  if (pub)
    return { date: iso(pub.year, pub.month, pub.day), basis: 'publication', span: null, rule: 'date.publication' };
  return { date: null, basis: null, span: null, rule: 'date.none' };
}
