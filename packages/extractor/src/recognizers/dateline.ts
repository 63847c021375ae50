import { isoDay, isValidDate } from './calendar.js';
import { DATE_SOURCES } from './date-lexicon.js';
import { alternation } from './lexicon.js';
import { scan, WS } from './scan.js';

export interface Dateline {
  /** ISO 8601 date-time with the page's offset (+07:00 unless the page writes GMT±h); 00:00 when no time is given. */
  iso: string;
  /** Span of the date and time (without a label such as "Ngày đăng:"). */
  start: number;
  end: number;
  text: string;
  /** Whether the dateline gives a time of day; without one, `iso` is midnight and only the day is evidence. */
  hasTime: boolean;
  rule: string;
}

/** Only this many leading characters can hold the page's dateline. */
export const DATELINE_WINDOW = 600;

/** Labels a site puts before its publication time. */
const LABELS = alternation([
  'ngày đăng',
  'ngày cập nhật',
  'ngày xuất bản',
  'cập nhật lúc',
  'cập nhật',
  'đăng lúc',
  'đăng ngày',
  'đăng',
  'xuất bản',
  'thời gian đăng',
  'thời gian',
  'published',
  'updated',
]);

const S = WS;
const SEP = `${S}*(?:[-–—|,]|lúc)?${S}*`;
const TIME = (n: string) => `(?<h${n}>\\d{1,2})[:h](?<mi${n}>\\d{2})(?::(?<s${n}>\\d{2}))?(?![\\p{N}])`;
const DATELINE_RE = new RegExp(
  `(?<=^|\\n|\\|)${S}*(?:(?<label>${LABELS})${S}*:?${S}*)?` +
    `(?<body>(?:${TIME('1')}${SEP}(?:ngày${S}+)?)?(?:(?<wd>${DATE_SOURCES.weekday})${S}*,?${S}*)?` +
    `(?<![\\p{N}.,:/\\-])(?<d>\\d{1,2})(?<sep>[/.\\-])(?<mo>\\d{1,2})\\k<sep>(?<y>\\d{4})(?![\\p{N}])` +
    `(?:${SEP}${TIME('2')})?` +
    `(?:${S}*\\(?GMT${S}*(?<tz>[+-]\\d{1,2})(?::?(?<tzm>\\d{2}))?\\)?)?)` +
    `(?=${S}*(?:$|\\n|\\||[\\p{Lu}\\p{N}]))`,
  'dgiu',
);

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The publication date-time of a captured page, from a dateline near the top: "11:32 - Thứ Hai, 21/10/2024",
 * "Thứ 4, 11.09.2019 | 18:11:27", "28/05/2024 - 17:05", "Ngày đăng: 08/07/2024 11:38", "Cập nhật: 10:05
 * 21/10/2024", "Thứ Sáu, 05/04/2024, 08:15 (GMT+7)". A dateline starts a line (or follows a "|"), lies in the
 * first DATELINE_WINDOW characters and is followed by the end of the line, a "|" or a capitalised word; a date
 * inside a sentence is not one. A dateline with a time wins over an earlier date-only one (a site header showing
 * today's date). Null when there is none. Never throws.
 */
export function parseDateline(text: string): Dateline | null {
  if (typeof text !== 'string' || text.length === 0) return null;
  const head = text.slice(0, DATELINE_WINDOW + 120);
  let dateOnly: Dateline | null = null;
  for (const m of scan(DATELINE_RE, head, 0, DATELINE_WINDOW)) {
    const gr = m.groups!;
    const y = Number(gr['y']);
    const mo = Number(gr['mo']);
    const d = Number(gr['d']);
    if (!isValidDate(y, mo, d)) continue;
    let timed = gr['h1'] !== undefined ? '1' : gr['h2'] !== undefined ? '2' : null;
    let hh = 0;
    let mi = 0;
    let ss = 0;
    if (timed) {
      hh = Number(gr[`h${timed}`]);
      mi = Number(gr[`mi${timed}`]);
      ss = gr[`s${timed}`] === undefined ? 0 : Number(gr[`s${timed}`]);
      // "25:61" is not a time: keep the day alone.
      if (hh > 23 || mi > 59 || ss > 59) {
        timed = null;
        hh = mi = ss = 0;
      }
    }
    let offset = '+07:00';
    if (gr['tz'] !== undefined && timed !== null) {
      const h = Number(gr['tz']);
      const minutes = gr['tzm'] === undefined ? 0 : Number(gr['tzm']);
      if (Math.abs(h) > 14 || minutes > 59) continue;
      offset = `${h < 0 || gr['tz'].startsWith('-') ? '-' : '+'}${pad(Math.abs(h))}:${pad(minutes)}`;
    }
    const ix = m.indices.groups!;
    const start = timed === null && gr['h1'] !== undefined ? (ix['wd']?.[0] ?? ix['d']![0]) : ix['body']![0];
    const end = timed === null ? ix['y']![1] : ix['body']![1];
    const found: Dateline = {
      iso: `${isoDay(y, mo, d)}T${pad(hh)}:${pad(mi)}:${pad(ss)}${offset}`,
      start,
      end,
      text: text.slice(start, end),
      hasTime: timed !== null,
      rule: timed ? 'dateline.datetime' : 'dateline.date',
    };
    if (found.hasTime) return found;
    dateOnly ??= found;
  }
  return dateOnly;
}
