import { z } from 'zod';
import data from './date-words.json' with { type: 'json' };
import { alternation, loadLexicon, lookupKey, RecognizerLexiconError } from './lexicon.js';

export type PartOfDay = 'sáng' | 'trưa' | 'chiều' | 'tối' | 'đêm';
export type WeekdayModifier = 'previous-week' | 'this-week' | 'next-week' | 'last' | 'next';

const forms = z.array(z.string()).min(1);
const Schema = z
  .object({
    $comment: z.string().optional(),
    weekdays: z.array(z.object({ weekday: z.number().int().min(1).max(7), forms }).strict()).length(7),
    partsOfDay: z
      .array(z.object({ partOfDay: z.enum(['sáng', 'trưa', 'chiều', 'tối', 'đêm']), forms }).strict())
      .min(1),
    dayCues: forms,
    relativeDays: z
      .array(z.object({ offset: z.number().int(), forms, afterPartOfDay: z.array(z.string()) }).strict())
      .min(1),
    relativeWeeks: z.array(z.object({ offset: z.number().int(), forms }).strict()).min(1),
    weekdayModifiers: z
      .array(
        z.object({ modifier: z.enum(['previous-week', 'this-week', 'next-week', 'last', 'next']), forms }).strict(),
      )
      .min(1),
    relativeYears: z.array(z.object({ offset: z.number().int(), forms }).strict()).min(1),
    quarters: z.array(z.object({ quarter: z.number().int().min(1).max(4), forms }).strict()).length(4),
    ordinalBlockers: forms,
  })
  .strict();

const FILE = 'date-words.json';
const lex = loadLexicon(FILE, Schema, data, (v) => ({
  weekdays: v.weekdays.flatMap((w) => w.forms),
  partsOfDay: v.partsOfDay.flatMap((p) => p.forms),
  dayCues: v.dayCues,
  relativeDays: v.relativeDays.flatMap((r) => r.forms),
  relativeDaysAfterPartOfDay: v.relativeDays.flatMap((r) => r.afterPartOfDay),
  relativeWeeks: v.relativeWeeks.flatMap((r) => r.forms),
  weekdayModifiers: v.weekdayModifiers.flatMap((r) => r.forms),
  relativeYears: v.relativeYears.flatMap((r) => r.forms),
  quarters: v.quarters.flatMap((r) => r.forms),
  ordinalBlockers: v.ordinalBlockers,
}));

function mapOf<T>(what: string, entries: [string[], T][]): Map<string, T> {
  const m = new Map<string, T>();
  for (const [fs, value] of entries)
    for (const f of fs) {
      const k = lookupKey(f);
      if (m.has(k)) throw new RecognizerLexiconError(FILE, what, `"${f}" appears twice`);
      m.set(k, value);
    }
  return m;
}

const weekdayMap = mapOf(
  'weekdays',
  lex.weekdays.map((w) => [w.forms, w.weekday]),
);
const partOfDayMap = mapOf(
  'partsOfDay',
  lex.partsOfDay.map((p) => [p.forms, p.partOfDay as PartOfDay]),
);
const relDayMap = mapOf(
  'relativeDays',
  lex.relativeDays.map((r) => [r.forms, r.offset]),
);
const relDayAfterPodMap = mapOf(
  'relativeDays.afterPartOfDay',
  lex.relativeDays.map((r) => [r.afterPartOfDay, r.offset]),
);
const relWeekMap = mapOf(
  'relativeWeeks',
  lex.relativeWeeks.map((r) => [r.forms, r.offset]),
);
const modifierMap = mapOf(
  'weekdayModifiers',
  lex.weekdayModifiers.map((r) => [r.forms, r.modifier as WeekdayModifier]),
);
const relYearMap = mapOf(
  'relativeYears',
  lex.relativeYears.map((r) => [r.forms, r.offset]),
);
const quarterMap = mapOf(
  'quarters',
  lex.quarters.map((r) => [r.forms, r.quarter]),
);

/** The phrases of each word class, as in the data file. */
export const DATE_PHRASES = {
  weekday: lex.weekdays.flatMap((w) => w.forms),
  partOfDay: lex.partsOfDay.flatMap((p) => p.forms),
  dayCue: lex.dayCues,
  relativeDay: lex.relativeDays.flatMap((r) => r.forms),
  relativeWeek: lex.relativeWeeks.flatMap((r) => r.forms),
  relativeYear: lex.relativeYears.flatMap((r) => r.forms),
} as const;

/** Regex sources (alternations, longest first) of each word class. */
export const DATE_SOURCES = {
  weekday: alternation(lex.weekdays.flatMap((w) => w.forms)),
  partOfDay: alternation(lex.partsOfDay.flatMap((p) => p.forms)),
  dayCue: alternation(lex.dayCues),
  relativeDay: alternation(lex.relativeDays.flatMap((r) => r.forms)),
  relativeDayAfterPartOfDay: alternation(lex.relativeDays.flatMap((r) => r.afterPartOfDay)),
  relativeWeek: alternation(lex.relativeWeeks.flatMap((r) => r.forms)),
  weekdayModifier: alternation(lex.weekdayModifiers.flatMap((r) => r.forms)),
  relativeYear: alternation(lex.relativeYears.flatMap((r) => r.forms)),
  quarter: alternation(lex.quarters.flatMap((r) => r.forms)),
  ordinalBlocker: alternation(lex.ordinalBlockers),
} as const;

const get = <T>(m: Map<string, T>, surface: string | undefined): T | null =>
  surface === undefined ? null : (m.get(lookupKey(surface)) ?? null);

export const dateWords = {
  weekday: (s: string | undefined) => get(weekdayMap, s),
  partOfDay: (s: string | undefined) => get(partOfDayMap, s),
  relativeDay: (s: string | undefined) => get(relDayMap, s),
  relativeDayAfterPartOfDay: (s: string | undefined) => get(relDayAfterPodMap, s),
  relativeWeek: (s: string | undefined) => get(relWeekMap, s),
  weekdayModifier: (s: string | undefined) => get(modifierMap, s),
  relativeYear: (s: string | undefined) => get(relYearMap, s),
  quarter: (s: string | undefined) => get(quarterMap, s),
};
