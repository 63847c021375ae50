import { type Anchored, leftMatchAnchored, scanAnchored } from './anchored.js';
import {
  addDays,
  type DayRef,
  dayNumber,
  fromDayNumber,
  isoDay,
  isoWeekday,
  isValidDate,
  isValidDayMonth,
  isValidRef,
  MAX_YEAR,
  MIN_YEAR,
  yearNearReference,
} from './calendar.js';
import { dateWords, type PartOfDay, type WeekdayModifier } from './date-lexicon.js';
import { DATE_SCANS as D } from './date-patterns.js';
import { dropOverlaps, type Hit, hitOf, type IndexedMatch, viewUpTo, window } from './scan.js';

export type { DayRef } from './calendar.js';
export type { PartOfDay } from './date-lexicon.js';

export type DateBasis = 'text' | 'publication' | 'inferred';

export interface DateMention {
  start: number;
  end: number;
  /** `text.slice(start, end)`: the date with the cue words that carry meaning ("Sáng nay (21/10)", "ngày 14/7/2015"). */
  text: string;
  /** absolute: day, month and year written; partial: day and month; relative: hôm qua, sáng nay, thứ Ba tuần trước…; month: a month, quarter or year. */
  kind: 'absolute' | 'partial' | 'relative' | 'month';
  year: number | null;
  month: number | null;
  day: number | null;
  /** YYYY-MM-DD when the day is fully resolved. */
  iso: string | null;
  /** Where the year (or, for a relative day, the day) comes from; null when unresolved. See README.md. */
  basis: DateBasis | null;
  partOfDay: PartOfDay | null;
  /** 1 = Monday … 7 = Sunday, as written. */
  weekday: number | null;
  /** 1–4 for "quý I" … "quý IV" (kind 'month'), else null. */
  quarter: number | null;
  /** Id of the rule that produced the mention. */
  rule: string;
}

export interface FindDatesOptions {
  /** The day the text was written (its publication date), for partial and relative dates. */
  reference?: DayRef | null;
  /** How the reference itself is known: 'publication' (default) gives basis 'text', 'inferred' gives 'inferred'. */
  referenceBasis?: 'publication' | 'inferred';
  /** A year reasoned from context (see inferYear), used for partial dates when there is no reference day. */
  yearHint?: number | null;
  /** Only mentions starting in [from, to) are returned (the text around is still seen by look-behinds). */
  from?: number;
  to?: number;
}

interface Ctx {
  /** The text as given (the recognizers' patterns find their anchors in it once, see anchored.ts). */
  full: string;
  /** The text cut a little after the window (see viewUpTo): where the patterns run. */
  text: string;
  ref: DayRef | null;
  refBasis: DateBasis;
  yearHint: number | null;
}

interface Candidate {
  start: number;
  end: number;
  mentions: DateMention[];
}

const g = (m: Hit, name: string): string | undefined => m.groups[name];
const int = (s: string | undefined): number | null => (s === undefined ? null : Number.parseInt(s, 10));

function mention(
  ctx: Ctx,
  start: number,
  end: number,
  fields: Partial<Omit<DateMention, 'start' | 'end' | 'text'>> & Pick<DateMention, 'kind' | 'rule'>,
): DateMention {
  const m: DateMention = {
    start,
    end,
    text: ctx.text.slice(start, end),
    year: null,
    month: null,
    day: null,
    iso: null,
    basis: null,
    partOfDay: null,
    weekday: null,
    quarter: null,
    ...fields,
  };
  if (m.iso === null && m.year !== null && m.month !== null && m.day !== null && isValidDate(m.year, m.month, m.day))
    m.iso = isoDay(m.year, m.month, m.day);
  return m;
}

/** Year of a day written without one: from the reference day (see yearNearReference), else the year hint. */
function resolveYear(
  ctx: Ctx,
  d: number,
  mo: number,
  weekday: number | null,
): { year: number; basis: DateBasis } | null {
  if (ctx.ref) {
    const y = yearNearReference(d, mo, ctx.ref, weekday);
    return y === null ? null : { year: y, basis: ctx.refBasis };
  }
  if (ctx.yearHint !== null && isValidDate(ctx.yearHint, mo, d)) return { year: ctx.yearHint, basis: 'inferred' };
  return null;
}

function prefixInfo(m: Hit): { pod: PartOfDay | null; weekday: number | null; cued: boolean } {
  const pod = dateWords.partOfDay(g(m, 'pod'));
  const weekday = dateWords.weekday(g(m, 'wd') ?? g(m, 'wd2'));
  const cued =
    pod !== null ||
    weekday !== null ||
    g(m, 'rel') !== undefined ||
    g(m, 'rel2') !== undefined ||
    g(m, 'cue') !== undefined ||
    g(m, 'tu') !== undefined ||
    (g(m, 'paren') !== undefined && g(m, 'close') !== undefined);
  return { pod, weekday, cued };
}

/**
 * A date core with the cue words written before it ("Sáng nay (", "Thứ Hai, ", "ngày "). A parenthesis is the
 * date's own only when it also closes right after it ("(21/10)"); otherwise the cues do not reach the date.
 */
function withCues(ctx: Ctx, core: IndexedMatch, left$: Anchored, floor: number): Hit {
  const c = hitOf(core);
  const left = leftMatchAnchored(left$, ctx.full, ctx.text, c.index, 48, floor);
  if (left === null || left.index === left.end) return c;
  if (left.groups['paren'] !== undefined && c.groups['close'] === undefined) return c;
  return { index: left.index, end: c.end, groups: merged(left.groups, c.groups), spans: merged(left.spans, c.spans) };
}

/** `{ ...a, ...b }` for the few named groups of two matches, without the cost of spreading them. */
function merged<T>(a: Record<string, T>, b: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k in a) out[k] = a[k]!;
  for (const k in b) out[k] = b[k]!;
  return out;
}

/** A day and month, with or without a year, and its cue words. */
function dayCandidate(ctx: Ctx, m: Hit, rule: string): Candidate | null {
  const d = int(g(m, 'd'));
  const mo = int(g(m, 'm'));
  const y = int(g(m, 'y'));
  if (d === null || mo === null || !isValidDayMonth(d, mo)) return null;
  const { pod, weekday, cued } = prefixInfo(m);
  const start = m.index;
  let end = m.end;
  if (g(m, 'paren') === undefined && g(m, 'close') !== undefined) end = (m.spans['y'] ?? m.spans['m'])![1];
  if (y !== null) {
    if (y < MIN_YEAR || y > MAX_YEAR || !isValidDate(y, mo, d)) return null;
    return {
      start,
      end,
      mentions: [
        mention(ctx, start, end, {
          kind: 'absolute',
          rule: `${rule}.absolute`,
          year: y,
          month: mo,
          day: d,
          basis: 'text',
          partOfDay: pod,
          weekday,
        }),
      ],
    };
  }
  // A day without a year needs a cue: "3/5 xã" is a fraction, "1-1" a score, "12.5" a decimal.
  if (!cued) return null;
  if (g(m, 's') === '.' && g(m, 'cue') === undefined && pod === null && weekday === null) return null;
  const r = resolveYear(ctx, d, mo, weekday);
  return {
    start,
    end,
    mentions: [
      mention(ctx, start, end, {
        kind: 'partial',
        rule: `${rule}.partial`,
        year: r?.year ?? null,
        month: mo,
        day: d,
        basis: r?.basis ?? null,
        partOfDay: pod,
        weekday,
      }),
    ],
  };
}

function rangeCandidate(ctx: Ctx, m: Hit): Candidate | null {
  const second = dayCandidate(ctx, m, 'date.range');
  const d1 = int(g(m, 'd1'));
  if (!second || d1 === null) return null;
  const s2 = second.mentions[0]!;
  if (s2.month === null || s2.day === null || d1 >= s2.day) return null;
  const { cued } = prefixInfo(m);
  if (!cued && s2.kind !== 'absolute') return null;
  const d1Span = m.spans['d1']!;
  const secondStart = m.spans['cue2']?.[0] ?? m.spans['d']![0];
  const year = s2.year;
  const first = mention(ctx, m.index, d1Span[1], {
    kind: s2.kind,
    rule: 'date.range.first',
    year,
    month: s2.month,
    day: d1,
    basis: s2.basis,
    partOfDay: s2.partOfDay,
    weekday: null,
  });
  if (year !== null && !isValidDate(year, s2.month, d1)) return null;
  const last = mention(ctx, secondStart, second.end, {
    kind: s2.kind,
    rule: 'date.range.last',
    year: s2.year,
    month: s2.month,
    day: s2.day,
    basis: s2.basis,
  });
  return { start: m.index, end: second.end, mentions: [first, last] };
}

function relativeDayCandidate(ctx: Ctx, m: Hit): Candidate | null {
  const offset =
    g(m, 'rel') !== undefined ? dateWords.relativeDayAfterPartOfDay(g(m, 'rel')) : dateWords.relativeDay(g(m, 'rel2'));
  if (offset === null) return null;
  const day = ctx.ref ? addDays(ctx.ref, offset) : null;
  const end = m.end;
  return {
    start: m.index,
    end,
    mentions: [
      mention(ctx, m.index, end, {
        kind: 'relative',
        rule: 'date.relative.day',
        year: day?.year ?? null,
        month: day?.month ?? null,
        day: day?.day ?? null,
        basis: day ? ctx.refBasis : null,
        partOfDay: dateWords.partOfDay(g(m, 'pod')),
      }),
    ],
  };
}

/** The day a weekday phrase points to, relative to the reference day (rules in README.md). */
export function weekdayDay(ref: DayRef, weekday: number, modifier: WeekdayModifier | null): DayRef {
  const refN = dayNumber(ref.year, ref.month, ref.day);
  const refWd = isoWeekday(ref.year, ref.month, ref.day);
  const monday = refN - (refWd - 1);
  switch (modifier) {
    case 'previous-week':
      return fromDayNumber(monday - 7 + weekday - 1);
    case 'this-week':
      return fromDayNumber(monday + weekday - 1);
    case 'next-week':
      return fromDayNumber(monday + 7 + weekday - 1);
    case 'next':
      return fromDayNumber(refN + (((weekday - refWd + 6) % 7) + 1));
    case 'last':
      return fromDayNumber(refN - (((refWd - weekday + 6) % 7) + 1));
    default:
      // A bare weekday in a report ("sáng thứ Ba") is the latest such day on or before the reference.
      return fromDayNumber(refN - ((refWd - weekday + 7) % 7));
  }
}

function weekdayCandidate(ctx: Ctx, m: Hit): Candidate | null {
  const weekday = dateWords.weekday(g(m, 'wd'));
  const pod = dateWords.partOfDay(g(m, 'pod'));
  const modifier = dateWords.weekdayModifier(g(m, 'mod'));
  // "thứ hai" alone is also the ordinal "second": a weekday needs a part of day or a modifier ("chủ nhật" does not).
  if (weekday === null || (pod === null && modifier === null && weekday !== 7)) return null;
  const day = ctx.ref ? weekdayDay(ctx.ref, weekday, modifier) : null;
  const end = m.end;
  return {
    start: m.index,
    end,
    mentions: [
      mention(ctx, m.index, end, {
        kind: 'relative',
        rule: 'date.relative.weekday',
        year: day?.year ?? null,
        month: day?.month ?? null,
        day: day?.day ?? null,
        basis: day ? ctx.refBasis : null,
        partOfDay: pod,
        weekday,
      }),
    ],
  };
}

function simpleCandidate(ctx: Ctx, m: Hit, fields: Parameters<typeof mention>[3]): Candidate {
  const end = m.end;
  return { start: m.index, end, mentions: [mention(ctx, m.index, end, fields)] };
}

function periodYear(ctx: Ctx, y: number | null): { year: number | null; basis: DateBasis | null } {
  if (y !== null) return { year: y, basis: 'text' };
  if (ctx.ref) return { year: ctx.ref.year, basis: ctx.refBasis };
  if (ctx.yearHint !== null) return { year: ctx.yearHint, basis: 'inferred' };
  return { year: null, basis: null };
}

function inYearRange(y: number | null): boolean {
  return y === null || (y >= MIN_YEAR && y <= MAX_YEAR);
}

/**
 * Every date expression in `text` (or in [from, to)), in text order, without overlaps. Never throws.
 * Partial and relative dates are resolved against `reference` (basis 'text': the day is written in the text,
 * relative to the article's own date) or, for partial dates only, `yearHint` (basis 'inferred').
 */
export function findDates(fullText: string, opts: FindDatesOptions = {}): DateMention[] {
  if (typeof fullText !== 'string' || fullText.length === 0) return [];
  const [from, to] = window(fullText, opts.from, opts.to);
  const text = viewUpTo(fullText, to);
  const ctx: Ctx = {
    full: fullText,
    text,
    ref: isValidRef(opts.reference) ? opts.reference : null,
    refBasis: opts.referenceBasis === 'inferred' ? 'inferred' : 'text',
    yearHint:
      typeof opts.yearHint === 'number' && Number.isInteger(opts.yearHint) && inYearRange(opts.yearHint)
        ? opts.yearHint
        : null,
  };
  const cands: Candidate[] = [];
  const push = (c: Candidate | null) => {
    if (c && c.end <= to) cands.push(c);
  };
  // Each pattern is tried only where a match can open (anchored.ts): the same matches as scanning every position.
  const scan = (p: Anchored) => scanAnchored(p, fullText, from, to, text);
  const hits = (p: Anchored) => scan(p).map((m) => hitOf(m));
  for (const m of scan(D.numericCore)) push(dayCandidate(ctx, withCues(ctx, m, D.left, from), 'date.numeric'));
  for (const m of scan(D.wordedCore)) push(dayCandidate(ctx, withCues(ctx, m, D.left, from), 'date.words'));
  for (const m of scan(D.rangeCore)) push(rangeCandidate(ctx, withCues(ctx, m, D.leftRange, from)));
  for (const m of hits(D.relDay)) push(relativeDayCandidate(ctx, m));
  for (const m of hits(D.weekday)) push(weekdayCandidate(ctx, m));
  for (const m of hits(D.week)) push(simpleCandidate(ctx, m, { kind: 'relative', rule: 'date.relative.week' }));
  for (const m of hits(D.relYear)) {
    const off = dateWords.relativeYear(g(m, 'yr'));
    if (off === null) continue;
    push(
      simpleCandidate(ctx, m, {
        kind: 'month',
        rule: 'date.relative.year',
        year: ctx.ref ? ctx.ref.year + off : null,
        basis: ctx.ref ? ctx.refBasis : null,
      }),
    );
  }
  for (const m of hits(D.month)) {
    const mo = int(g(m, 'm'));
    const y = int(g(m, 'y'));
    if (mo === null || mo < 1 || mo > 12 || !inYearRange(y)) continue;
    push(simpleCandidate(ctx, m, { kind: 'month', rule: 'date.month', month: mo, ...periodYear(ctx, y) }));
  }
  for (const m of hits(D.quarter)) {
    const q = dateWords.quarter(g(m, 'q'));
    const y = int(g(m, 'y'));
    if (q === null || !inYearRange(y)) continue;
    push(simpleCandidate(ctx, m, { kind: 'month', rule: 'date.quarter', quarter: q, ...periodYear(ctx, y) }));
  }
  for (const m of hits(D.year)) {
    const y = int(g(m, 'y'));
    if (!inYearRange(y)) continue;
    push(simpleCandidate(ctx, m, { kind: 'month', rule: 'date.year', year: y, basis: 'text' }));
  }
  return dropOverlaps(cands).flatMap((c) => c.mentions);
}
