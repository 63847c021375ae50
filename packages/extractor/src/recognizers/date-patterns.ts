import { Anchored } from './anchored.js';
import { DATE_PHRASES as P, DATE_SOURCES as W } from './date-lexicon.js';
import { firstCharLookahead as first, phraseSource } from './lexicon.js';
import { B, E, WS } from './scan.js';

/**
 * The regexes of findDates, built from date-words.json. Numeric dates are found from their digits first (the
 * `*_CORE_RE`), then their cue words are read backwards with `LEFT_RE`, which ends exactly where the core starts:
 * scanning every position of a text with the long cue alternation in front would cost ten times more.
 * Named groups: pod (part of day), rel/rel2 (relative day), wd/wd2 (weekday), cue (ngày/hôm), tu (từ), paren/close,
 * d/m/y (day, month, year), s (separator), d1/cue2 (a range), q (quarter), mod (weekday modifier), week, yr.
 */

const S = WS;
const POD = W.partOfDay;
const PREFIX =
  `(?:(?<pod>${POD})${S}+(?:(?<rel>${W.relativeDayAfterPartOfDay})${S}*,?${S}*|(?<wd>${W.weekday})${S}*,?${S}*)?` +
  `|(?<rel2>${W.relativeDay})${S}*,?${S}*|(?<wd2>${W.weekday})${S}*,?${S}*)?` +
  `(?:(?<cue>${W.dayCue})${S}+)?`;
/** Not glued to another number, a decimal, a time, a fraction or a document number ("12/2020/NĐ-CP"). */
const CORE_BEFORE = '(?=\\d)(?<![\\p{L}\\p{N}.,:/\\-])';
const CORE_AFTER = '(?![\\p{L}\\p{N}]|[/.\\-,:]\\p{N}|[/\\-]\\p{L})';
const THANG = phraseSource('tháng');
const NAM = phraseSource('năm');
const FLAGS = 'dgiu';

/** Cue words ending exactly at the end of the string (a window of text before a core). */
export const LEFT_RE = new RegExp(`${B}${PREFIX}(?<paren>\\(${S}*)?$`, FLAGS);
/** The same, also allowing "từ" before a range ("từ ngày 14 đến ngày 16/7"). */
export const LEFT_RANGE_RE = new RegExp(`${B}(?:(?<tu>${phraseSource('từ')})${S}+)?${PREFIX}$`, FLAGS);

export const NUMERIC_CORE_RE = new RegExp(
  `${CORE_BEFORE}(?<d>\\d{1,2})(?<s>[/.\\-])(?<m>\\d{1,2})(?:\\k<s>(?<y>\\d{4}))?${CORE_AFTER}(?<close>${S}*\\))?`,
  FLAGS,
);
export const WORDED_CORE_RE = new RegExp(
  `${CORE_BEFORE}(?<d>\\d{1,2})${S}+${THANG}${S}+(?<m>\\d{1,2})(?:${S}*,?${S}*${NAM}${S}+(?<y>\\d{4}))?(?![\\p{N}])`,
  FLAGS,
);
export const RANGE_CORE_RE = new RegExp(
  `${CORE_BEFORE}(?<d1>\\d{1,2})${S}*(?:-|–|và|đến|tới)${S}*(?:(?<cue2>${W.dayCue})${S}+)?` +
    `(?<d>\\d{1,2})(?<s>[/.\\-])(?<m>\\d{1,2})(?:\\k<s>(?<y>\\d{4}))?${CORE_AFTER}`,
  FLAGS,
);
export const REL_DAY_RE = new RegExp(
  `${first([...P.partOfDay, ...P.relativeDay])}${B}` +
    `(?:(?<pod>${POD})${S}+(?<rel>${W.relativeDayAfterPartOfDay})|(?<rel2>${W.relativeDay}))${E}`,
  FLAGS,
);
export const WEEKDAY_RE = new RegExp(
  `${first([...P.partOfDay, ...P.weekday])}${B}(?<!(?:${W.ordinalBlocker})${S}+)` +
    `(?:(?<pod>${POD})${S}+)?(?<wd>${W.weekday})(?:${S}+(?<mod>${W.weekdayModifier}))?${E}`,
  FLAGS,
);
export const WEEK_RE = new RegExp(`${first(P.relativeWeek)}${B}(?<week>${W.relativeWeek})${E}`, FLAGS);
export const REL_YEAR_RE = new RegExp(`${first(P.relativeYear)}${B}(?<yr>${W.relativeYear})${E}`, FLAGS);
const YEAR_TAIL = `(?:${S}*(?:/|,?${S}*${NAM}${S}+)(?<y>\\d{4}))?(?![\\p{L}\\p{N}]|[/.]\\p{N})`;
export const MONTH_RE = new RegExp(`${first(['tháng'])}${B}${THANG}${S}+(?<m>\\d{1,2})(?![\\p{N}])${YEAR_TAIL}`, FLAGS);
export const QUARTER_RE = new RegExp(
  `${first(['quý'])}${B}${phraseSource('quý')}${S}+(?<q>${W.quarter})${E}${YEAR_TAIL}`,
  FLAGS,
);
export const YEAR_RE = new RegExp(
  `${first(['năm'])}${B}${NAM}${S}+(?<y>\\d{4})(?![\\p{L}\\p{N}]|[/.,]\\p{N}|${S}*[-–]${S}*\\d)`,
  FLAGS,
);

/**
 * The patterns as findDates runs them: each tried only where a match can open (anchored.ts). A date core opens with
 * its digits; a cue with a part of day, a relative day, a weekday or a day cue (or "từ", or the parenthesis).
 */
const CUES = [...P.partOfDay, ...P.relativeDay, ...P.weekday, ...P.dayCue];
export const DATE_SCANS = {
  numericCore: new Anchored(NUMERIC_CORE_RE, { digits: true }),
  wordedCore: new Anchored(WORDED_CORE_RE, { digits: true }),
  rangeCore: new Anchored(RANGE_CORE_RE, { digits: true }),
  left: new Anchored(LEFT_RE, { words: CUES, chars: '(' }),
  leftRange: new Anchored(LEFT_RANGE_RE, { words: ['từ', ...CUES] }),
  relDay: new Anchored(REL_DAY_RE, { words: [...P.partOfDay, ...P.relativeDay] }),
  weekday: new Anchored(WEEKDAY_RE, { words: [...P.partOfDay, ...P.weekday] }),
  week: new Anchored(WEEK_RE, { words: P.relativeWeek }),
  relYear: new Anchored(REL_YEAR_RE, { words: P.relativeYear }),
  month: new Anchored(MONTH_RE, { words: ['tháng'] }),
  quarter: new Anchored(QUARTER_RE, { words: ['quý'] }),
  year: new Anchored(YEAR_RE, { words: ['năm'] }),
} as const;
