import { MAX_YEAR, MIN_YEAR } from './calendar.js';
import { type DateMention, findDates } from './dates.js';
import { type DocRef, findDocRefs } from './doc-refs.js';
import { phraseSource } from './lexicon.js';
import { parseVietnameseNumber, SPELLED_WORD_SOURCE } from './numbers.js';
import { B, type Span, scan, WS } from './scan.js';

export type YearRule = 'year.heading-period' | 'year.body-period' | 'year.elapsed' | 'year.anniversary';

/** One reason to believe the text's events happened in `year`. */
export interface YearEvidence {
  year: number;
  /** The phrase that justifies the year: "quý I/2024", "10 năm thực hiện … Quyết định số 40-QĐ/TU …". */
  start: number;
  end: number;
  text: string;
  basis: 'inferred';
  rule: YearRule;
  /** Votes: a period in the heading 3, elapsed time since a dated document 2, an anniversary 2, a body period 1. */
  weight: number;
  /** Other spans the reasoning uses (the date of the document an elapsed time counts from). */
  support: Span[];
}

export interface YearInference extends YearEvidence {
  /** Every piece of evidence found, in text order. */
  evidence: YearEvidence[];
}

export interface InferYearOptions {
  /** Month (and day) of the event whose year is wanted: a quarter or month under review lies before it. */
  month?: number | null;
  /** Document references of the text (computed when absent). */
  docRefs?: DocRef[];
  /** End of the heading (title, banner); by default the leading short lines within the first 600 characters. */
  headingEnd?: number;
}

const S = WS;
const NAM = phraseSource('năm');
const WEIGHT: Record<YearRule, number> = {
  'year.heading-period': 3,
  'year.elapsed': 2,
  'year.anniversary': 2,
  'year.body-period': 1,
};

/** Periods that are not the time of the report: a start ("từ năm 2020"), a target ("đến năm 2030"), a term. */
const PERIOD_BLOCKER = new RegExp(
  `(?:${['từ', 'đến', 'tới', 'trước', 'sau', 'giai đoạn', 'nhiệm kỳ', 'cuối', 'kể từ'].map(phraseSource).join('|')})${S}+$`,
  'iu',
);
const COUNT = `(?<n>\\d{1,3}|(?:${SPELLED_WORD_SOURCE})(?:${S}+(?:${SPELLED_WORD_SOURCE})){0,5})`;
const ELAPSED_RE = new RegExp(
  `${B}(?<![Hh]ơn${S}+|[Gg]ần${S}+|[Tt]rên${S}+)${COUNT}${S}+${NAM}${S}+` +
    `(?:${['thực hiện', 'triển khai thực hiện', 'triển khai', 'thi hành', 'triển khai, thực hiện'].map(phraseSource).join('|')})(?![\\p{L}\\p{M}])`,
  'dgiu',
);
const ELAPSED_SCOPE_END = new RegExp(`[.!?\\n]|${phraseSource('gắn với')}`, 'gu');
const ANNIVERSARY_RE = new RegExp(
  `${B}(?<n>\\d{1,3})${S}+${NAM}(?<mid>[^\\n()]{0,160}?)\\((?<inner>[^()\\n]{0,60})\\)`,
  'dgiu',
);
const KY_NIEM = new RegExp(`${phraseSource('kỷ niệm')}${S}*$`, 'iu');

const LINE_RE = /[^\n]*(?:\n|$)/gy;

/**
 * Where the heading ends: the leading lines (title, banner, dateline, menus) up to the first paragraph — a line
 * longer than 300 characters or ending like a sentence — within 600 characters.
 */
export function headingEnd(text: string): number {
  const limit = Math.min(text.length, 600);
  LINE_RE.lastIndex = 0;
  let pos = 0;
  while (pos < limit) {
    const m = LINE_RE.exec(text);
    if (m === null || m[0].length === 0) break;
    const line = m[0].trim();
    if (line.length > 300 || /[.!?…]$/u.test(line)) break;
    pos = m.index + m[0].length;
  }
  LINE_RE.lastIndex = 0;
  return Math.min(pos, text.length);
}

/** The year of the report that a period implies, given the event's month: "quý IV/2023" seen in January is 2024. */
function periodYear(p: DateMention, month: number | null): number | null {
  if (p.year === null) return null;
  if (month === null) return p.year;
  const first = p.quarter !== null ? 3 * p.quarter - 2 : p.month;
  return first !== null && month < first ? p.year + 1 : p.year;
}

const inRange = (y: number) => y >= MIN_YEAR && y <= MAX_YEAR;

function evidence(
  text: string,
  year: number,
  start: number,
  end: number,
  rule: YearRule,
  support: Span[] = [],
): YearEvidence {
  return { year, start, end, text: text.slice(start, end), basis: 'inferred', rule, weight: WEIGHT[rule], support };
}

/**
 * Evidence for the year of a text's events when no day carries one (general rules, see README.md):
 * a period in the heading ("Giao ban … quý I/2024", "Chủ đề công tác năm 2020"), a period in the body that is
 * not a start, target or term ("Trong quý I năm 2024", "6 tháng đầu năm 2023"), the time elapsed since a dated
 * document ("sơ kết 01 năm thực hiện Đề án số 06-ĐA/TU ngày 03/02/2023" → 2024; "10 năm thực hiện … Quyết định số
 * 40-QĐ/TU ngày 5/11/2010" → 2020) and an anniversary ("90 năm Ngày thành lập Đảng (03/02/1930 - 03/02/2020)").
 * Years inside document titles are ignored. Never throws.
 */
export function findYearEvidence(text: string, opts: InferYearOptions = {}): YearEvidence[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const month = typeof opts.month === 'number' && opts.month >= 1 && opts.month <= 12 ? opts.month : null;
  const docs = opts.docRefs ?? findDocRefs(text);
  const heading = typeof opts.headingEnd === 'number' && opts.headingEnd >= 0 ? opts.headingEnd : headingEnd(text);
  const titles = docs.flatMap((d) => (d.titleSpan ? [d.titleSpan] : []));
  const out: YearEvidence[] = [];

  for (const p of findDates(text)) {
    if (p.kind !== 'month' || p.rule === 'date.relative.year') continue;
    if (titles.some(([s, e]) => p.start >= s && p.end <= e)) continue;
    if (PERIOD_BLOCKER.test(text.slice(Math.max(0, p.start - 20), p.start))) continue;
    const y = periodYear(p, month);
    if (y === null || !inRange(y)) continue;
    out.push(evidence(text, y, p.start, p.end, p.start < heading ? 'year.heading-period' : 'year.body-period'));
  }

  for (const m of scan(ELAPSED_RE, text, 0, text.length)) {
    const n = parseVietnameseNumber(m.groups!['n']!);
    if (n === null || !Number.isInteger(n) || n < 1 || n > 200) continue;
    const scopeStart = m.index + m[0].length;
    ELAPSED_SCOPE_END.lastIndex = scopeStart;
    const stop = ELAPSED_SCOPE_END.exec(text);
    ELAPSED_SCOPE_END.lastIndex = 0;
    const scopeEnd = stop ? stop.index : text.length;
    // The documents implemented for n years, each with the span that names it inside the scope.
    const named = docs
      .filter((d) => d.date !== null && d.dateSpan !== null)
      .map((d) => ({ d, span: d.spans.find(([s]) => s >= scopeStart && s < scopeEnd) }))
      .filter((x): x is { d: DocRef; span: Span } => x.span !== undefined);
    if (named.length === 0) continue;
    // Several documents implemented together: the n years count from the oldest.
    const oldest = named.reduce((a, b) => (b.d.date! < a.d.date! ? b : a));
    const y = Number(oldest.d.date!.slice(0, 4)) + n;
    if (!inRange(y)) continue;
    out.push(evidence(text, y, m.index, Math.max(oldest.span[1], scopeStart), 'year.elapsed', [oldest.d.dateSpan!]));
  }

  for (const m of scan(ANNIVERSARY_RE, text, 0, text.length)) {
    const n = Number(m.groups!['n']);
    const years = [...m.groups!['inner']!.matchAll(/(?<![\p{N}])\d{4}(?![\p{N}])/gu)].map((x) => Number(x[0]));
    let y: number | null = null;
    if (years.length >= 2 && years[years.length - 1]! - years[0]! === n) y = years[years.length - 1]!;
    else if (years.length === 1 && KY_NIEM.test(text.slice(Math.max(0, m.index - 30), m.index))) y = years[0]! + n;
    if (y === null || !inRange(y)) continue;
    out.push(evidence(text, y, m.index, m.index + m[0].length, 'year.anniversary'));
  }
  return out.sort((a, b) => a.start - b.start || b.weight - a.weight);
}

/**
 * The year best supported by `findYearEvidence` (most votes; a tie goes to the strongest single piece, then the
 * earliest), with the span of its strongest evidence and basis 'inferred'; null without evidence. Pass the event's
 * month when known: "Giao ban … quý IV/2023, triển khai nhiệm vụ năm 2024" with "Sáng 05/01" is 2024.
 */
export function inferYear(text: string, opts: InferYearOptions = {}): YearInference | null {
  const all = findYearEvidence(text, opts);
  if (all.length === 0) return null;
  const votes = new Map<number, number>();
  for (const e of all) votes.set(e.year, (votes.get(e.year) ?? 0) + e.weight);
  // The strongest piece for a year; among equals, one that writes the year itself ("năm 2024" over "quý IV/2023").
  const direct = (e: YearEvidence) => (e.text.includes(String(e.year)) ? 1 : 0);
  const strongest = (y: number) =>
    all
      .filter((e) => e.year === y)
      .reduce((a, b) => (b.weight > a.weight || (b.weight === a.weight && direct(b) > direct(a)) ? b : a));
  let best: YearEvidence | null = null;
  for (const y of votes.keys()) {
    const e = strongest(y);
    if (
      best === null ||
      votes.get(y)! > votes.get(best.year)! ||
      (votes.get(y) === votes.get(best.year) &&
        (e.weight > best.weight || (e.weight === best.weight && e.start < best.start)))
    )
      best = e;
  }
  return { ...best!, evidence: all };
}
