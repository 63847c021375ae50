/** Proleptic Gregorian calendar arithmetic on plain (year, month, day) triples; no time zones involved. */

export interface DayRef {
  year: number;
  month: number;
  day: number;
}

/** Years a news text can plausibly write as a calendar year. */
export const MIN_YEAR = 1800;
export const MAX_YEAR = 2199;

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Day and month valid in some year (29/2 allowed). */
export function isValidDayMonth(d: number, m: number): boolean {
  return Number.isInteger(d) && Number.isInteger(m) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(2000, m);
}

export function isValidDate(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && y >= MIN_YEAR && y <= MAX_YEAR && isValidDayMonth(d, m) && d <= daysInMonth(y, m);
}

/** Days since 1970-01-01. */
export function dayNumber(y: number, m: number, d: number): number {
  return Math.floor(Date.UTC(y, m - 1, d) / 86_400_000);
}

export function fromDayNumber(n: number): DayRef {
  const dt = new Date(n * 86_400_000);
  return { year: dt.getUTCFullYear(), month: dt.getUTCMonth() + 1, day: dt.getUTCDate() };
}

export function addDays(ref: DayRef, days: number): DayRef {
  return fromDayNumber(dayNumber(ref.year, ref.month, ref.day) + days);
}

/** 1 = Monday … 7 = Sunday (ISO 8601). */
export function isoWeekday(y: number, m: number, d: number): number {
  const js = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return js === 0 ? 7 : js;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function isoDay(y: number, m: number, d: number): string {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

export function isValidRef(ref: DayRef | null | undefined): ref is DayRef {
  return ref != null && isValidDate(ref.year, ref.month, ref.day);
}

/** How far after the reference day a day written without a year may lie (announcements of coming events). */
export const FUTURE_WINDOW_DAYS = 90;

/**
 * The year of a day written without one ("ngày 14/7"), taken from a reference day (the publication date).
 * News reports what happened, and announces what is coming only a little ahead: of the reference year and its
 * neighbours, the latest year that does not put the day more than FUTURE_WINDOW_DAYS after the reference.
 * (Published 21/10/2024: "04/4" is 2024-04-04, "14/11" is 2024-11-14; published 3/1/2024: "28/12" is 2023-12-28.)
 * When a weekday is written too ("thứ Ba (21/10)"), years where the day falls on that weekday win.
 */
export function yearNearReference(d: number, m: number, ref: DayRef, weekday: number | null): number | null {
  const limit = dayNumber(ref.year, ref.month, ref.day) + FUTURE_WINDOW_DAYS;
  const candidates = [ref.year + 1, ref.year, ref.year - 1].filter(
    (y) => isValidDate(y, m, d) && dayNumber(y, m, d) <= limit,
  );
  if (candidates.length === 0) return null;
  const matching = weekday == null ? [] : candidates.filter((y) => isoWeekday(y, m, d) === weekday);
  return (matching.length > 0 ? matching : candidates)[0]!;
}
