import { DATE_SOURCES as W } from './date-lexicon.js';
import { phraseSource } from './lexicon.js';
import { B, E, WS } from './scan.js';

/**
 * The regexes of findDates, built from date-words.json. Named groups: pod (part of day), rel/rel2 (relative
 * day), wd/wd2 (weekday), cue (ngày/hôm), paren/close, d/m/y (day, month, year), s (separator), d1 (first day of a
 * range), q (quarter), mod (weekday modifier), week, yr.
 */

const S = WS;
const POD = W.partOfDay;
const PREFIX =
  `(?:(?<pod>${POD})${S}+(?:(?<rel>${W.relativeDayAfterPartOfDay})${S}*,?${S}*|(?<wd>${W.weekday})${S}*,?${S}*)?` +
  `|(?<rel2>${W.relativeDay})${S}*,?${S}*|(?<wd2>${W.weekday})${S}*,?${S}*)?` +
  `(?:(?<cue>${W.dayCue})${S}+)?`;
const DATE_SHAPE = `\\d{1,2}[/.\\-]\\d{1,2}(?:[/.\\-]\\d{4})?`;
const PAREN = `(?:(?<paren>\\(${S}*)(?=${DATE_SHAPE}${S}*\\)))?`;
/** Not glued to another number, a decimal, a time, a fraction or a document number ("12/2020/NĐ-CP"). */
const CORE_BEFORE = '(?<![\\p{L}\\p{N}.,:/\\-])';
const CORE_AFTER = '(?![\\p{L}\\p{N}]|[/.\\-,:]\\p{N}|[/\\-]\\p{L})';
const NUM_CORE = `${CORE_BEFORE}(?<d>\\d{1,2})(?<s>[/.\\-])(?<m>\\d{1,2})(?:\\k<s>(?<y>\\d{4}))?${CORE_AFTER}`;
const THANG = phraseSource('tháng');
const NAM = phraseSource('năm');

const FLAGS = 'dgiu';
export const NUMERIC_RE = new RegExp(`${B}${PREFIX}${PAREN}${NUM_CORE}(?<close>${S}*\\))?`, FLAGS);
export const WORDED_RE = new RegExp(
  `${B}${PREFIX}(?<d>\\d{1,2})${S}+${THANG}${S}+(?<m>\\d{1,2})(?:${S}*,?${S}*${NAM}${S}+(?<y>\\d{4}))?(?![\\p{N}])`,
  FLAGS,
);
export const RANGE_RE = new RegExp(
  `${B}(?:(?<tu>${phraseSource('từ')})${S}+)?${PREFIX}${CORE_BEFORE}(?<d1>\\d{1,2})${S}*(?:-|–|và|đến|tới)${S}*` +
    `(?:(?<cue2>${W.dayCue})${S}+)?(?<d>\\d{1,2})(?<s>[/.\\-])(?<m>\\d{1,2})(?:\\k<s>(?<y>\\d{4}))?${CORE_AFTER}`,
  FLAGS,
);
export const REL_DAY_RE = new RegExp(
  `${B}(?:(?<pod>${POD})${S}+(?<rel>${W.relativeDayAfterPartOfDay})|(?<rel2>${W.relativeDay}))${E}`,
  FLAGS,
);
export const WEEKDAY_RE = new RegExp(
  `${B}(?<!(?:${W.ordinalBlocker})${S}+)(?:(?<pod>${POD})${S}+)?(?<wd>${W.weekday})(?:${S}+(?<mod>${W.weekdayModifier}))?${E}`,
  FLAGS,
);
export const WEEK_RE = new RegExp(`${B}(?<week>${W.relativeWeek})${E}`, FLAGS);
export const REL_YEAR_RE = new RegExp(`${B}(?<yr>${W.relativeYear})${E}`, FLAGS);
const YEAR_TAIL = `(?:${S}*(?:/|,?${S}*${NAM}${S}+)(?<y>\\d{4}))?(?![\\p{L}\\p{N}]|[/.]\\p{N})`;
export const MONTH_RE = new RegExp(`${B}${THANG}${S}+(?<m>\\d{1,2})(?![\\p{N}])${YEAR_TAIL}`, FLAGS);
export const QUARTER_RE = new RegExp(`${B}${phraseSource('quý')}${S}+(?<q>${W.quarter})${E}${YEAR_TAIL}`, FLAGS);
export const YEAR_RE = new RegExp(`${B}${NAM}${S}+(?<y>\\d{4})(?![\\p{L}\\p{N}]|[/.,]\\p{N}|${S}*[-–]${S}*\\d)`, FLAGS);
