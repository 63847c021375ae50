import { describe, expect, it } from '@jest/globals';
import {
  type DateMention,
  type DayRef,
  findDates,
  findQuantities,
  inferYear,
  parseDateline,
} from '../../src/recognizers/index.js';
import { devArticles } from './corpus.js';

const articles = devArticles();
const article = (name: string) => {
  const a = articles.find((x) => x.name === name);
  if (!a) throw new Error(`dev article ${name} is missing from the corpus`);
  return a;
};

/**
 * The first day mentioned in the body (after the dateline), resolved the way the extractor is meant to: against the
 * dateline when there is one, else the first day written without a year, with the year inferred from context.
 */
function eventDay(text: string): { mention: DateMention | null; publishedAt: string | null } {
  const dl = parseDateline(text);
  const from = dl ? dl.end : 0;
  const isDay = (m: DateMention) => m.kind !== 'month' && m.day !== null;
  if (dl) {
    const [y, mo, d] = dl.iso.slice(0, 10).split('-').map(Number) as [number, number, number];
    const reference: DayRef = { year: y, month: mo, day: d };
    return { mention: findDates(text, { reference, from }).find(isDay) ?? null, publishedAt: dl.iso };
  }
  const undated = findDates(text, { from }).find((m) => m.kind === 'partial');
  if (!undated) return { mention: null, publishedAt: null };
  const year = inferYear(text, { month: undated.month });
  return {
    mention: findDates(text, { from, yearHint: year?.year ?? null }).find((m) => m.kind === 'partial') ?? null,
    publishedAt: null,
  };
}

describe('dev corpus: publication date and event day', () => {
  it.each(articles.map((a) => [a.name, a] as const))('%s', (_, a) => {
    const { mention, publishedAt } = eventDay(a.text);
    expect(publishedAt).toBe(a.gold.publishedAt);
    const gold = a.gold.events[0]!;
    if (gold.dateBasis === 'publication') {
      // No day in the body: the extractor falls back to the publication date.
      expect(mention).toBeNull();
      expect(publishedAt?.slice(0, 10)).toBe(gold.date);
    } else {
      expect([mention?.iso, mention?.basis]).toEqual([gold.date, gold.dateBasis]);
      expect(a.text.slice(mention!.start, mention!.end)).toBe(mention!.text);
    }
  });

  it('seed-00 reads "Sáng nay (21/10)" as one mention', () => {
    expect(eventDay(article('seed-00').text).mention?.text).toBe('Sáng nay (21/10)');
  });

  it('seed-02 takes the year of "Sáng 04/4" from the title "quý I/2024"', () => {
    const a = article('seed-02');
    const y = inferYear(a.text, { month: 4 });
    expect([y?.year, y?.text, y?.rule, y?.basis]).toEqual([2024, 'quý I/2024', 'year.heading-period', 'inferred']);
  });

  it('seed-03 takes 2020 from the banner, the anniversary and ten years since 2010', () => {
    const a = article('seed-03');
    const y = inferYear(a.text, { month: 7 })!;
    expect([y.year, y.text, y.rule]).toEqual([2020, 'năm 2020', 'year.heading-period']);
    expect(new Set(y.evidence.map((e) => e.rule))).toEqual(
      new Set(['year.heading-period', 'year.anniversary', 'year.elapsed']),
    );
    expect(y.evidence.every((e) => e.year === 2020)).toBe(true);
    for (const e of y.evidence) expect(a.text.slice(e.start, e.end)).toBe(e.text);
    const elapsed = y.evidence.find((e) => e.rule === 'year.elapsed')!;
    expect(a.text.slice(...elapsed.support[0]!)).toBe('ngày 5/11/2010');
  });
});

describe('dev corpus: metrics', () => {
  it('seed-00: the five gold metrics, in text order', () => {
    const a = article('seed-00');
    const found = findQuantities(a.text).map((q) => ({ value: q.value, unit: q.unit }));
    expect(found).toEqual(a.gold.events[0]!.metrics);
  });

  it.each(articles.map((a) => [a.name, a] as const))('%s: every gold metric is found', (_, a) => {
    const found = findQuantities(a.text).map((q) => `${q.value} ${q.unit}`);
    for (const ev of a.gold.events) for (const m of ev.metrics) expect(found).toContain(`${m.value} ${m.unit}`);
  });
});
