import { z } from 'zod';
import { Anchored, scanAnchored } from './anchored.js';
import { type DateMention, findDates } from './dates.js';
import { alternation, firstCharLookahead, loadLexicon, lookupKey, RecognizerLexiconError } from './lexicon.js';
import {
  DIGITS_SOURCE,
  parseVietnameseNumber,
  SCALE_SOURCE,
  SPELLED_WORD_SOURCE,
  SPELLED_WORDS,
  scaleValue,
} from './numbers.js';
import { B, dropOverlaps, E, groupSpan, type Span, viewUpTo, WS, window } from './scan.js';
import data from './units.json' with { type: 'json' };

export type Qualifier = 'trên' | 'hơn' | 'gần' | 'khoảng' | 'gần như' | 'đạt' | 'dưới' | 'tới' | 'lên đến';
const QUALIFIERS = ['trên', 'hơn', 'gần', 'khoảng', 'gần như', 'đạt', 'dưới', 'tới', 'lên đến'] as const;

export interface Quantity {
  start: number;
  end: number;
  /** The number and its unit as written ("83,2ha", "20.000 ngày công"); the qualifier is not included. */
  text: string;
  value: number;
  /** The unit from units.json ("ha", "tỷ đồng", "%"); a form differing only in case is kept as written. */
  unit: string;
  /** What a rate is per, as written after the slash: "năm" in "4,5%/năm", "người/tháng"; null for a plain amount. */
  per: string | null;
  qualifier: Qualifier | null;
  /** Span of the qualifier as written ("trên", "ước đạt"), or null. */
  qualifierSpan: Span | null;
  rule: string;
}

const forms = z.array(z.string()).min(1);
const Schema = z
  .object({
    $comment: z.string().optional(),
    units: z.array(z.object({ unit: z.string().min(1), forms }).strict()).min(1),
    per: forms,
    qualifiers: z.array(z.object({ qualifier: z.enum(QUALIFIERS), forms }).strict()).min(1),
    numberBlockers: forms,
  })
  .strict();

const FILE = 'units.json';
const lex = loadLexicon(FILE, Schema, data, (v) => ({
  'units.forms': v.units.flatMap((u) => u.forms),
  'units.unit': v.units.map((u) => u.unit),
  per: v.per,
  'qualifiers.forms': v.qualifiers.flatMap((q) => q.forms),
  numberBlockers: v.numberBlockers,
}));

function keyedMap<T>(what: string, entries: [string, T][]): Map<string, T> {
  const m = new Map<string, T>();
  for (const [form, value] of entries) {
    const k = lookupKey(form);
    if (m.has(k)) throw new RecognizerLexiconError(FILE, what, `"${form}" appears twice`);
    m.set(k, value);
  }
  return m;
}
const UNIT_OF = keyedMap(
  'units',
  lex.units.flatMap((u) => u.forms.map((f): [string, string] => [f, u.unit])),
);
const QUALIFIER_OF = keyedMap(
  'qualifiers',
  lex.qualifiers.flatMap((q) => q.forms.map((f): [string, Qualifier] => [f, q.qualifier])),
);

const S = WS;
const UNITS = alternation(lex.units.flatMap((u) => u.forms));
const PER = alternation([...new Set([...lex.per, ...lex.units.flatMap((u) => u.forms)])]);
const NUMBER = `(?<![\\p{L}\\p{M}\\p{N}.,:/\\-])(?:(?<digits>${DIGITS_SOURCE})|(?<words>(?:${SPELLED_WORD_SOURCE})(?:${S}+(?:${SPELLED_WORD_SOURCE})){0,5}))(?![\\p{N}]|[.,]\\p{N})`;
const QUALIFIER_FORMS = lex.qualifiers.flatMap((q) => q.forms);
const QTY_RE = new RegExp(
  // The first-character look-ahead lets the engine skip most positions before the costly look-behinds.
  `(?:(?=\\d)|${firstCharLookahead([...QUALIFIER_FORMS, ...SPELLED_WORDS])})` +
    `${B}(?<!(?:${alternation(lex.numberBlockers)})${S}+)` +
    `(?:(?<qual>${alternation(QUALIFIER_FORMS)})${S}+)?` +
    `${NUMBER}(?:${S}*(?<scale>${SCALE_SOURCE})(?![\\p{L}\\p{M}]))?${S}{0,2}` +
    `(?<oq>[“"])?(?<unit>${UNITS})(?:(?<cq>[”"])|(?<per>(?:/(?:${PER})){1,2}))?${E}`,
  'dgiu',
);
/** QTY_RE as findQuantities runs it: tried only at digits, qualifiers and spelled numbers (anchored.ts). */
const QTY = new Anchored(QTY_RE, { digits: true, words: [...QUALIFIER_FORMS, ...SPELLED_WORDS] });

/** Spelled single words that are more often something else: "một" (a/one), "năm" (year), "không" (not). */
const AMBIGUOUS_SINGLE = new Set(['một', 'năm', 'không'].map(lookupKey));

/**
 * Quantities — a number with a unit from units.json and an optional qualifier — in `text` or in [from, to):
 * "83,2ha" → 83.2 "ha"; "trên 110 tỷ đồng" → 110 "tỷ đồng" qualifier "trên"; "100%"; "56 dự án";
 * "trên 20.000 ngày công lao động" → 20000 "ngày công". A scale word multiplies the value unless scale and unit
 * together are a unit ("2 nghìn người" → 2000 "người", "1 tỷ đồng" → 1 "tỷ đồng"). Numbers inside dates and
 * times, after blockers ("số 5", "lần thứ 68", "năm 2020") and without a unit are not quantities. Never throws.
 */
export function findQuantities(fullText: string, from?: number, to?: number): Quantity[] {
  if (typeof fullText !== 'string' || fullText.length === 0) return [];
  const [f, t] = window(fullText, from, to);
  const text = viewUpTo(fullText, t);
  // The dates of the window, read only when a candidate gets as far as needing them.
  let dates: DateMention[] | undefined;
  const out: Quantity[] = [];
  for (const m of scanAnchored(QTY, fullText, f, t, text)) {
    const gr = m.groups!;
    const ix = m.indices.groups!;
    const numSpan = (ix['digits'] ?? ix['words'])!;
    if (gr['words'] !== undefined && AMBIGUOUS_SINGLE.has(lookupKey(gr['words']))) continue;
    if (gr['digits'] !== undefined && /^0\d{2}/.test(gr['digits'])) continue; // phone and serial numbers
    let value = parseVietnameseNumber(gr['digits'] ?? gr['words']!);
    if (value === null) continue;
    const head = gr['unit']!;
    // A quoted unit ('18 “Điểm chữa cháy công cộng”') must close its quote.
    if ((gr['oq'] === undefined) !== (gr['cq'] === undefined)) continue;
    let unit = UNIT_OF.get(lookupKey(head));
    if (unit === undefined) continue;
    if (gr['scale'] !== undefined) {
      const combined = UNIT_OF.get(lookupKey(`${gr['scale']} ${head}`));
      if (combined !== undefined) unit = combined;
      else value = Number((value * (scaleValue(gr['scale']) ?? 1)).toPrecision(15));
    }
    // Report a form that is the unit itself as written ("nhà Đại đoàn kết"); aliases as the unit ("héc-ta" → ha).
    const writtenHead = gr['scale'] !== undefined && unit.includes(' ') ? `${gr['scale']} ${head}` : head;
    if (lookupKey(writtenHead) === lookupKey(unit)) unit = writtenHead.replace(/\s+/gu, ' ');
    const start = numSpan[0];
    const end = (ix['cq'] ?? ix['per'] ?? ix['unit'])![1];
    dates ??= findDates(fullText, { from: f, to: t });
    if (dates.some((d) => d.start < end && start < d.end)) continue;
    const qual = groupSpan(m, 'qual');
    out.push({
      start,
      end,
      text: text.slice(start, end),
      value,
      unit,
      per: gr['per'] === undefined ? null : gr['per'].slice(1).replace(/\s+/gu, ' '),
      qualifier: gr['qual'] === undefined ? null : (QUALIFIER_OF.get(lookupKey(gr['qual'])) ?? null),
      qualifierSpan: qual,
      rule: gr['words'] !== undefined ? 'quantity.words' : 'quantity.digits',
    });
  }
  return dropOverlaps(out);
}
