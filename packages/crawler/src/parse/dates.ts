/**
 * Dates as ISO 8601 with an offset: the page's own offset when it gives one, else Vietnam time (+07:00).
 * Parses machine dates (JSON-LD, meta, <time datetime>) and visible datelines in Vietnamese and English:
 * "11:32 - Thứ Hai, 21/10/2024", "Thứ 4, 11.09.2019 | 18:11:27", "Ngày đăng: 08/07/2024 11:38",
 * "Cập nhật lúc 14:05 ngày 03/06/2024", "28/05/2024 - 17:05", "ngày 21 tháng 10 năm 2024",
 * "Monday, October 21, 2024 10:30 AM", and dates in URLs ("/2024/10/21/", "-20241021…").
 */
import { fold } from './text.js';

export const VIETNAM_OFFSET = '+07:00';

export type DateKind = 'published' | 'modified' | 'unknown';

/**
 * A cheap first look before parseDateline: a dd/mm/yyyy, yyyy-mm-dd, "tháng N năm YYYY" or English
 * month-name date somewhere in the text. Ordinary prose ("6 tháng đầu năm") does not pass.
 */
const QUICK_DATE =
  /\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|\d{4}-\d{1,2}-\d{1,2}|th[áa]ng\s+\d{1,2},?\s+(?:n[ăa]m\s+)?\d{4}|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4}/i;

const FOUR_DIGITS = /\d{4}/;

export function mayHoldDate(text: string): boolean {
  return FOUR_DIGITS.test(text) && QUICK_DATE.test(text);
}

export interface DatelineHit {
  iso: string;
  kind: DateKind;
  hasTime: boolean;
  /** [start, end) of the date (and its time) in the text. */
  start: number;
  end: number;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

function daysIn(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function validDate(y: number, m: number, d: number): boolean {
  return y >= 1990 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);
}

function validTime(h: number, mi: number, s: number): boolean {
  return h >= 0 && h <= 23 && mi >= 0 && mi <= 59 && s >= 0 && s <= 59;
}

export function formatIso(y: number, m: number, d: number, h = 0, mi = 0, s = 0, offset = VIETNAM_OFFSET): string {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}${offset}`;
}

function normaliseOffset(z: string | undefined): string | null {
  if (!z) return null;
  if (z === 'Z' || z === 'z') return '+00:00';
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(z);
  if (!m) return null;
  const hh = Number(m[2]);
  const mm = Number(m[3] ?? '0');
  if (hh > 14 || mm > 59) return null;
  return `${m[1]}${pad(hh)}:${pad(mm)}`;
}

const ISO =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/**
 * A machine-readable date (JSON-LD, meta, <time datetime>) → ISO with offset, or null.
 * Falls back to the dateline parser for sites that put "21/10/2024 11:32" in their meta tags.
 */
export function parseMachineDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const v = value.trim();
  if (!v) return null;
  const m = ISO.exec(v);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const [h, mi, s] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
    if (!validDate(y, mo, d) || !validTime(h, mi, s)) return null;
    const off = m[4] !== undefined ? (normaliseOffset(m[7]) ?? VIETNAM_OFFSET) : VIETNAM_OFFSET;
    return formatIso(y, mo, d, h, mi, s, off);
  }
  // RFC 2822 / HTTP dates: "Mon, 21 Oct 2024 04:32:00 GMT", "… +0700".
  const rfc =
    /^(?:[a-z]{3},?\s+)?(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(gmt|utc|z|[+-]\d{4})$/i.exec(
      v,
    );
  if (rfc) {
    const mo = MONTHS.get(rfc[2]!.toLowerCase());
    const [y, d, h, mi, s] = [Number(rfc[3]), Number(rfc[1]), Number(rfc[4]), Number(rfc[5]), Number(rfc[6] ?? 0)];
    if (mo === undefined || !validDate(y, mo, d) || !validTime(h, mi, s)) return null;
    const z = rfc[7]!.toLowerCase();
    const off = z === 'gmt' || z === 'utc' || z === 'z' ? '+00:00' : normaliseOffset(z);
    return formatIso(y, mo, d, h, mi, s, off ?? VIETNAM_OFFSET);
  }
  const hits = parseDateline(v);
  return hits[0]?.iso ?? null;
}

const MONTH_NAMES: [string, number][] = [
  ['january', 1],
  ['february', 2],
  ['march', 3],
  ['april', 4],
  ['may', 5],
  ['june', 6],
  ['july', 7],
  ['august', 8],
  ['september', 9],
  ['october', 10],
  ['november', 11],
  ['december', 12],
  ['jan', 1],
  ['feb', 2],
  ['mar', 3],
  ['apr', 4],
  ['jun', 6],
  ['jul', 7],
  ['aug', 8],
  ['sep', 9],
  ['sept', 9],
  ['oct', 10],
  ['nov', 11],
  ['dec', 12],
];
const MONTHS = new Map(MONTH_NAMES);
const MONTH_ALT = MONTH_NAMES.map(([n]) => n)
  .sort((a, b) => b.length - a.length)
  .join('|');

// All patterns run on folded text (lower case, no diacritics), which has the same offsets as the original.
const DATE_PATTERNS: { re: RegExp; order: 'dmy' | 'ymd' | 'vi' | 'mdy-en' | 'dmy-en' }[] = [
  { re: /(?<![\d.])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])/dg, order: 'ymd' },
  { re: /(?<![\d.])(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?!\d)/dg, order: 'dmy' },
  { re: /ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})(?!\d)/dg, order: 'vi' },
  // Joomla's Vietnamese locale: "Thứ năm, 15 Tháng 8 2024 09:30".
  { re: /(?<![\d/.-])(\d{1,2})\s+thang\s+(\d{1,2}),?\s+(?:nam\s+)?(\d{4})(?!\d)/dg, order: 'vi' },
  { re: new RegExp(`\\b(${MONTH_ALT})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`, 'dg'), order: 'mdy-en' },
  {
    re: new RegExp(`(?<!\\d)(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH_ALT})\\.?,?\\s+(\\d{4})(?!\\d)`, 'dg'),
    order: 'dmy-en',
  },
];
const TIME =
  /(?<![\d:.])(\d{1,2})\s*(?::|h(?=\d))\s*(\d{2})(?:\s*:\s*(\d{2}))?(?:\s*(am|pm|a\.m\.|p\.m\.|sa|ch)(?![a-z]))?(?![\d])/dg;
const GMT = /\b(?:gmt|utc)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?/;
const MODIFIED_LABEL = /(?:cap\s*nhat|sua\s*doi|chinh\s*sua|hieu\s*chinh|updated?|modified|last\s+edited)/;
const PUBLISHED_LABEL = /(?:ngay\s*dang|dang\s*(?:luc|ngay|tai)?|xuat\s*ban|ngay\s*tao|posted|published|post\s*date)/;

interface RawDate {
  y: number;
  m: number;
  d: number;
  start: number;
  end: number;
}

interface RawTime {
  h: number;
  mi: number;
  s: number;
  start: number;
  end: number;
}

function findDates(f: string): RawDate[] {
  const out: RawDate[] = [];
  for (const { re, order } of DATE_PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(f); m !== null; m = re.exec(f)) {
      const [start, end] = m.indices![0]!;
      let y: number;
      let mo: number;
      let d: number;
      if (order === 'ymd') [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      else if (order === 'mdy-en') [y, mo, d] = [Number(m[3]), MONTHS.get(m[1]!) ?? 0, Number(m[2])];
      else if (order === 'dmy-en') [y, mo, d] = [Number(m[3]), MONTHS.get(m[2]!) ?? 0, Number(m[1])];
      else {
        [y, mo, d] = [Number(m[3]), Number(m[2]), Number(m[1])];
        // Day-first is the Vietnamese order; only an impossible month means the page wrote month-first.
        if (order === 'dmy' && mo > 12 && d <= 12) [mo, d] = [d, mo];
      }
      if (!validDate(y, mo, d)) continue;
      if (out.some((o) => start < o.end && end > o.start)) continue;
      out.push({ y, m: mo, d, start, end });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

function findTimes(f: string, dates: RawDate[]): RawTime[] {
  const out: RawTime[] = [];
  TIME.lastIndex = 0;
  for (let m = TIME.exec(f); m !== null; m = TIME.exec(f)) {
    const [start, end] = m.indices![0]!;
    if (dates.some((d) => start < d.end && end > d.start)) continue;
    let h = Number(m[1]);
    const mi = Number(m[2]);
    const s = Number(m[3] ?? 0);
    const ampm = m[4]?.replace(/\./g, '');
    if (ampm === 'pm' || ampm === 'ch') {
      if (h < 12) h += 12;
    } else if ((ampm === 'am' || ampm === 'sa') && h === 12) h = 0;
    if (!validTime(h, mi, s)) continue;
    out.push({ h, mi, s, start, end });
  }
  return out;
}

/** Characters allowed between a date and its time: separators, weekday names, "lúc", "ngày". */
const GAP_OK =
  /^[\s,|/\-–—:()]*(?:(?:luc|ngay|vao|at|thu\s*(?:hai|ba|tu|nam|sau|bay|[2-7])|chu\s*nhat|cn|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)[\s,|/\-–—:.()]*)*$/;
const MAX_GAP = 28;

/**
 * Every date in a dateline-like text, each paired with the nearest time around it, classified by the
 * label before it ("Cập nhật" → modified, "Ngày đăng" → published).
 */
export function parseDateline(text: string): DatelineHit[] {
  const f = fold(text);
  const dates = findDates(f);
  if (dates.length === 0) return [];
  const times = findTimes(f, dates);
  const used = new Set<number>();
  const gmt = GMT.exec(f);
  const offset = gmt
    ? (normaliseOffset(`${gmt[1]}${pad(Number(gmt[2]))}:${gmt[3] ?? '00'}`) ?? VIETNAM_OFFSET)
    : VIETNAM_OFFSET;
  const hits: DatelineHit[] = [];
  let prevEnd = 0;
  for (const d of dates) {
    let best = -1;
    let bestGap = Number.POSITIVE_INFINITY;
    times.forEach((t, i) => {
      if (used.has(i)) return;
      const gapText = t.start >= d.end ? f.slice(d.end, t.start) : t.end <= d.start ? f.slice(t.end, d.start) : null;
      if (gapText === null || gapText.length > MAX_GAP || !GAP_OK.test(gapText)) return;
      if (dates.some((o) => o !== d && o.start >= Math.min(t.end, d.end) && o.end <= Math.max(t.start, d.start)))
        return;
      if (gapText.length < bestGap) {
        best = i;
        bestGap = gapText.length;
      }
    });
    const t = best >= 0 ? times[best]! : null;
    if (t) used.add(best);
    const start = t ? Math.min(t.start, d.start) : d.start;
    const end = t ? Math.max(t.end, d.end) : d.end;
    const before = f.slice(Math.max(prevEnd, start - 40), start);
    const kind: DateKind = MODIFIED_LABEL.test(before)
      ? 'modified'
      : PUBLISHED_LABEL.test(before)
        ? 'published'
        : 'unknown';
    hits.push({
      iso: formatIso(d.y, d.m, d.d, t?.h ?? 0, t?.mi ?? 0, t?.s ?? 0, offset),
      kind,
      hasTime: t !== null,
      start,
      end,
    });
    prevEnd = end;
  }
  return hits;
}

/** Dates in URL paths: "/2024/10/21/", "/2024-10-21/", "-20241021…", "/20241021/". */
export function dateFromUrl(url: URL | string): string | null {
  let path: string;
  if (typeof url !== 'string') path = url.pathname;
  else
    try {
      path = new URL(url).pathname;
    } catch {
      return null; // Not a URL: no date in it.
    }
  const slashed = /\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?=\/|$|[-_.])/.exec(path);
  if (slashed) {
    const [y, m, d] = [Number(slashed[1]), Number(slashed[2]), Number(slashed[3])];
    if (validDate(y, m, d)) return formatIso(y, m, d);
  }
  const compact = /(?:^|[-_/.])((?:19|20)\d{2})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})?)?\d*(?=$|[-_/.])/.exec(path);
  if (compact) {
    const [y, m, d] = [Number(compact[1]), Number(compact[2]), Number(compact[3])];
    if (!validDate(y, m, d)) return null;
    const h = compact[4] !== undefined ? Number(compact[4]) : 0;
    const mi = compact[5] !== undefined ? Number(compact[5]) : 0;
    return validTime(h, mi, 0) ? formatIso(y, m, d, h, mi) : formatIso(y, m, d);
  }
  return null;
}

/** Text left over in a dateline once dates, times, weekdays, labels and separators are removed. */
export function datelineResidue(text: string, hits: DatelineHit[]): string {
  let f = fold(text);
  for (let i = hits.length - 1; i >= 0; i--) {
    const h = hits[i]!;
    f = f.slice(0, h.start) + ' '.repeat(h.end - h.start) + f.slice(h.end);
  }
  return f
    .replace(/\b(?:gmt|utc)\s*[+-]\s*\d{1,2}(?::?\d{2})?/g, ' ')
    .replace(
      /\b(?:thu\s*(?:hai|ba|tu|nam|sau|bay|[2-7])|chu\s*nhat|ngay\s*dang|ngay\s*tao|ngay\s*cap\s*nhat|(?:lan\s*)?cap\s*nhat(?:\s*cuoi)?(?:\s*luc)?|thang|dang\s*luc|dang\s*ngay|xuat\s*ban|ngay|luc|monday|tuesday|wednesday|thursday|friday|saturday|sunday|posted\s*on|published|updated|posted|on|at)\b/g,
      ' ',
    )
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
