import { Anchored, scanAnchored } from './anchored.js';
import { findDates } from './dates.js';
import {
  bodyIssues,
  DOC_SOURCES as D,
  isLawKind,
  KIND_WORDS,
  type KindEntry,
  kindEntry,
  kindsOfWord,
  partyIssuerCode,
} from './doc-ref-lexicon.js';
import { lookupKey } from './lexicon.js';
import { B, type Span, WS } from './scan.js';

export interface DocRef {
  /** Canonical reference: NUMBER-KIND/ISSUER (Party), NUMBER/YEAR/KIND-ISSUER or NUMBER/KIND-ISSUER (State). TƯ is written TW. */
  ref: string;
  number: string;
  /** Kind abbreviation ("KL", "QĐ", "NĐ"); for a State number without one, from the kind word ("L" for Luật), else "VB". */
  kind: string;
  kindName: string | null;
  issuer: string | null;
  year: number | null;
  date: string | null;
  dateSpan: Span | null;
  title: string | null;
  titleSpan: Span | null;
  /** The issuing body as written ("Ban Bí thư", "Bộ Chính trị (Khóa X)"), only when it can issue under `issuer`. */
  issuedBy: string | null;
  issuedBySpan: Span | null;
  /** Short mentions as written ("Kết luận 114", "Quyết định số 290"), in text order, without repeats. */
  aliases: string[];
  /** Every mention; the first is the fullest (the one giving date, issuer or title), the rest in text order. */
  spans: Span[];
  rule: string;
}

const S = WS;
const CODE_BEFORE = '(?<![\\p{L}\\p{M}\\p{N}/.\\-])';
const CODE_AFTER = '(?![\\p{L}\\p{M}\\p{N}])';
const PARTY = `(?<pnum>\\d{1,5})${S}?[-–]${S}?(?<pkind>${D.partyKind})${S}?\\/${S}?(?<piss>[A-ZĐƯ][A-ZĐƯ0-9]{0,11})${CODE_AFTER}`;
const STATE =
  `(?<snum>\\d{1,5})\\/(?:(?<syear>\\d{4})\\/)?(?:(?<skind>${D.stateKind})-)?` +
  `(?<siss>[A-ZĐ][A-Za-zĐđ0-9]*(?:-[A-ZĐ][A-Za-zĐđ0-9]*)*)${CODE_AFTER}`;
const SO = '[sS]ố';
const CODE_RE = new RegExp(
  `(?:(?=[\\dsS])|${D.kindWordFirst})${B}(?:(?<word>${D.kindWord})${S}+(?:${SO}${S}*:?${S}*)?|(?<so>${SO})${S}*:?${S}*)?` +
    `${CODE_BEFORE}(?:${PARTY}|${STATE})`,
  'dgu',
);
const LAW_LEFT = new RegExp(
  `${B}(?<law>(?:${D.lawWord})${S}+\\p{Lu}(?:(?!${D.kindWord})[^.;:!?\\n“”"])*?)${S}+${SO}${S}*:?${S}*$`,
  'du',
);
const DATE_TAIL = new RegExp(
  `${S}*,?${S}*(?:(?:ban hành|ký)${S}+)?(?<date>[nN]gày${S}+\\d{1,2}(?:[/.\\-]\\d{1,2}[/.\\-]\\d{4}|${S}+tháng${S}+\\d{1,2},?${S}+năm${S}+\\d{4}))(?![\\p{N}])`,
  'dyu',
);
const WORD = '[\\p{L}\\p{M}]+';
const CAP = `(?!(?:${D.kindWordCapitalised}|${D.khoa})(?![\\p{L}\\p{M}]))\\p{Lu}[\\p{L}\\p{M}]*`;
const ISSUER_TAIL = new RegExp(
  `${S}*,?${S}*[cC]ủa${S}+(?<body>(?<head>${D.body})(?![\\p{L}\\p{M}])` +
    `(?:${S}+(?:(?:${D.placeWordCaseless})(?:${S}+${CAP})*|${CAP}(?:${S}+${CAP})*))?` +
    `(?:${S}*\\(${S}*(?:${D.khoa})${S}+[IVXLC]+${S}*\\)|${S}+(?:${D.khoa})${S}+[IVXLC]+)?)`,
  'dyu',
);
const QUOTED_TITLE = new RegExp(`${S}*,?${S}*(?:về${S}*)?[“"«]${S}*(?<title>[^”"»\\n]{1,400}?)${S}*[”"»]`, 'dyu');
const UNQUOTED_TITLE = new RegExp(`${S}*,?${S}*(?<title>(?:${D.titleIntroducer}),?${S}+${WORD})`, 'dyu');
const TITLE_STOP = new RegExp(
  [
    '[;(.!?…:\\n”]',
    `,${S}*(?:ngày|ban hành)(?![\\p{L}\\p{M}])`,
    `(?:,|${S}(?:và|hoặc|cùng))${S}+(?:${D.kindWordCapitalised})(?![\\p{L}\\p{M}])`,
    `${S}(?:${D.titleStop})(?![\\p{L}\\p{M}])`,
    `${S}(?:${D.titleStopBeforeName})${S}+(?:(?:${D.placeWord})${S}+)?\\p{Lu}`,
    `${S}(?:${D.titleStopBeforeNumber})${S}+\\d`,
  ].join('|'),
  'gu',
);
const ALIAS_DECL = new RegExp(
  `${S}*\\(${S}*(?:(?:${D.aliasLead})${S}+)?(?<alias>(?<word>${D.kindWord})${S}+(?:${SO}${S}+)?(?<num>\\d{1,5}))${S}*\\)`,
  'dyu',
);
const ALIAS_RE = new RegExp(
  `${D.kindWordFirst}${B}(?<word>${D.kindWord})${S}+(?:${SO}${S}+)?(?<num>\\d{1,5})(?![\\p{L}\\p{M}\\p{N}]|${S}?[-–/]${S}?[\\p{L}\\p{N}])`,
  'dgu',
);

/** The two scans of the whole text, tried only where a reference can open (anchored.ts). */
const CODE = new Anchored(CODE_RE, { words: [...KIND_WORDS, 'số'], digits: true });
const ALIAS = new Anchored(ALIAS_RE, { words: KIND_WORDS });

interface Mention {
  start: number;
  end: number;
  ref: string;
  number: string;
  kind: string;
  kindName: string | null;
  issuer: string | null;
  year: number | null;
  date: string | null;
  dateSpan: Span | null;
  title: string | null;
  titleSpan: Span | null;
  issuedBy: string | null;
  issuedBySpan: Span | null;
  declaredAlias: string | null;
  rule: string;
}

const stripZeros = (n: string) => n.replace(/^0+(?=\d)/u, '');
const aliasKey = (word: string, num: string) => `${lookupKey(word)} ${stripZeros(num)}`;
const oneLine = (s: string) => s.replace(/\s+/gu, ' ');

/** Runs a sticky regex at `at`; the match or null. */
function stickyAt(re: RegExp, text: string, at: number): (RegExpExecArray & { indices: RegExpIndicesArray }) | null {
  re.lastIndex = at;
  const m = re.exec(text);
  re.lastIndex = 0;
  return m as (RegExpExecArray & { indices: RegExpIndicesArray }) | null;
}

/** Date, issuing body, title and declared alias that follow a document number. */
function readTail(text: string, m: Mention, form: 'party' | 'state'): void {
  let at = m.end;
  for (let i = 0; i < 2; i++) {
    const dm = m.date === null ? stickyAt(DATE_TAIL, text, at) : null;
    if (dm) {
      const [ds, de] = dm.indices.groups!['date']!;
      const date = findDates(text, { from: ds, to: de }).find((x) => x.kind === 'absolute' && x.start === ds);
      if (date?.iso) {
        m.date = date.iso;
        m.dateSpan = [date.start, date.end];
        at = dm.index + dm[0].length;
        continue;
      }
    }
    const im = m.issuedBy === null ? stickyAt(ISSUER_TAIL, text, at) : null;
    if (im) {
      // Only a body that issues under this code: "09-QC/TU của Ban Thường vụ Huyện ủy" is not a district rule.
      if (m.issuer !== null && bodyIssues(form, m.issuer, im.groups!['head']!)) {
        const [bs, be] = im.indices.groups!['body']!;
        m.issuedBy = oneLine(text.slice(bs, be));
        m.issuedBySpan = [bs, be];
        at = im.index + im[0].length;
        continue;
      }
    }
    break;
  }
  const qm = stickyAt(QUOTED_TITLE, text, at);
  const um = qm ? null : stickyAt(UNQUOTED_TITLE, text, at);
  if (qm) {
    const [ts, te] = qm.indices.groups!['title']!;
    m.title = oneLine(text.slice(ts, te));
    m.titleSpan = [ts, te];
    at = qm.index + qm[0].length;
  } else if (um) {
    const ts = um.indices.groups!['title']![0];
    const limit = Math.min(text.length, ts + 400);
    TITLE_STOP.lastIndex = um.index + um[0].length;
    const stop = TITLE_STOP.exec(text);
    TITLE_STOP.lastIndex = 0;
    let te = stop && stop.index < limit ? stop.index : limit;
    while (te > ts && /[\s,;:“"]/u.test(text[te - 1]!)) te--;
    if (te > ts) {
      m.title = oneLine(text.slice(ts, te));
      m.titleSpan = [ts, te];
      at = te;
    }
  }
  const am = stickyAt(ALIAS_DECL, text, at);
  if (am) m.declaredAlias = aliasKey(am.groups!['word']!, am.groups!['num']!);
}

function parseMention(text: string, m: RegExpExecArray & { indices: RegExpIndicesArray }): Mention | null {
  const g = m.groups!;
  const word = g['word'] ?? null;
  let start = m.index;
  const end = m.index + m[0].length;
  const base = {
    dateSpan: null,
    title: null,
    titleSpan: null,
    issuedBy: null,
    issuedBySpan: null,
    declaredAlias: null,
  };
  if (g['pnum'] !== undefined) {
    const entry = kindEntry(g['pkind']!, word);
    const issuer = partyIssuerCode(g['piss']!);
    const mention: Mention = {
      ...base,
      start,
      end,
      ref: `${g['pnum']}-${g['pkind']}/${issuer}`,
      number: g['pnum']!,
      kind: g['pkind']!,
      kindName: entry?.name ?? null,
      issuer,
      year: null,
      date: null,
      rule: 'docref.party',
    };
    readTail(text, mention, 'party');
    mention.year = mention.date ? Number(mention.date.slice(0, 4)) : null;
    return mention;
  }
  const num = g['snum']!;
  const year = g['syear'] === undefined ? null : Number(g['syear']);
  if (year !== null && (year < 1945 || year > 2199)) return null;
  const issuer = g['siss']!;
  let kind = g['skind'] ?? null;
  let kindName = kind === null ? null : (kindEntry(kind, word)?.name ?? null);
  let title: { title: string; span: Span } | null = null;
  let rule = 'docref.state';
  if (kind === null) {
    // No kind inside the number ("30/2021/QH15", "1234/UBND-VX"): the kind word written before it decides.
    const law = /^(?:QH|UBTVQH)\d*$/u.test(issuer) ? lawBefore(text, m.indices.groups!['snum']![0]) : null;
    if (law) {
      kind = law.kind.abbr;
      kindName = law.kind.name;
      title = { title: oneLine(text.slice(law.start, law.end)), span: [law.start, law.end] };
      start = law.start;
      rule = 'docref.law';
    } else if (word !== null) {
      const k = kindsOfWord(word)[0];
      if (!k) return null;
      kind = k.abbr;
      kindName = k.name;
    } else if (year !== null && /^(?:QH|UBTVQH)\d*$/u.test(issuer)) {
      kind = 'VB';
    } else return null;
  }
  const ref = g['skind']
    ? `${num}/${year === null ? '' : `${year}/`}${kind}-${issuer}`
    : `${num}/${year === null ? '' : `${year}/`}${issuer}`;
  const mention: Mention = {
    ...base,
    start,
    end,
    ref,
    number: num,
    kind,
    kindName,
    issuer,
    year,
    date: null,
    rule,
  };
  readTail(text, mention, 'state');
  if (title && mention.title === null) {
    mention.title = title.title;
    mention.titleSpan = title.span;
  }
  mention.year ??= mention.date ? Number(mention.date.slice(0, 4)) : null;
  return mention;
}

/** "Luật Thực hiện dân chủ ở cơ sở số …": a law's name written before its number, which is its title. */
function lawBefore(text: string, numberStart: number): { start: number; end: number; kind: KindEntry } | null {
  const offset = Math.max(0, numberStart - 200);
  const m = LAW_LEFT.exec(text.slice(offset, numberStart)) as
    | (RegExpExecArray & { indices: RegExpIndicesArray })
    | null;
  if (!m) return null;
  const [ls, le] = m.indices.groups!['law']!;
  if (ls === 0 && offset > 0 && /[\p{L}\p{M}\p{N}]/u.test(text[offset - 1]!)) return null;
  const kind = kindsOfWord(m.groups!['law']!.split(/\s+/u)[0]!).find((k) => isLawKind(k.abbr));
  return kind ? { start: offset + ls, end: offset + le, kind } : null;
}

/** How much a mention states; the fullest one leads the DocRef. */
const weight = (m: Mention) => (m.date ? 4 : 0) + (m.title ? 2 : 0) + (m.issuedBy ? 1 : 0);

/**
 * Document references (Party "114-KL/TW", State "12/2020/NĐ-CP", "1234/QĐ-UBND", laws "10/2022/QH15"), one per
 * document, with the date, issuing body and title written after its fullest mention and every later short mention
 * ("Kết luận 114", "Quyết định số 290", "(gọi tắt là Đề án 06)") merged in as an alias. Kind words without a number
 * ("Nghị quyết Đại hội …", phong trào “Dân vận khéo”) are not documents. Never throws.
 */
export function findDocRefs(text: string): DocRef[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const mentions: Mention[] = [];
  let lastEnd = -1;
  for (const m of scanAnchored(CODE, text, 0, text.length)) {
    if (m.index < lastEnd) continue;
    const mention = parseMention(text, m);
    if (mention === null) continue;
    mentions.push(mention);
    lastEnd = m.index + m[0].length;
  }
  const byRef = new Map<string, Mention[]>();
  for (const m of mentions) byRef.set(m.ref, [...(byRef.get(m.ref) ?? []), m]);

  const declared = new Map<string, string>();
  for (const m of mentions) if (m.declaredAlias && !declared.has(m.declaredAlias)) declared.set(m.declaredAlias, m.ref);

  const aliasSpans = new Map<string, { span: Span; surface: string }[]>();
  const covered = (s: number, e: number) => mentions.some((m) => m.start < e && s < m.end);
  for (const a of scanAnchored(ALIAS, text, 0, text.length)) {
    const s = a.index;
    const e = a.index + a[0].length;
    if (covered(s, e)) continue;
    const word = a.groups!['word']!;
    const num = stripZeros(a.groups!['num']!);
    let ref = declared.get(aliasKey(word, num)) ?? null;
    if (ref === null) {
      const names = new Set(kindsOfWord(word).map((k) => k.name));
      const candidates = mentions.filter(
        (m) => m.kindName !== null && names.has(m.kindName) && stripZeros(m.number) === num,
      );
      const before = candidates.filter((m) => m.start < s);
      ref = (before.length > 0 ? before[before.length - 1] : candidates[0])?.ref ?? null;
    }
    if (ref === null) continue;
    const list = aliasSpans.get(ref) ?? [];
    if (list.some((x) => x.span[0] === s)) continue;
    list.push({ span: [s, e], surface: oneLine(a[0]) });
    aliasSpans.set(ref, list);
  }

  const out: DocRef[] = [];
  for (const [ref, ms] of byRef) {
    const lead = ms.reduce((best, m) => (weight(m) > weight(best) ? m : best), ms[0]!);
    const ordered = [lead, ...ms.filter((m) => m !== lead)];
    const pick = <K extends keyof Mention>(k: K): Mention | undefined => ordered.find((m) => m[k] !== null);
    const dated = pick('date');
    const titled = pick('title');
    const issued = pick('issuedBy');
    const aliases = (aliasSpans.get(ref) ?? []).sort((x, y) => x.span[0] - y.span[0]);
    const rest: Span[] = [
      ...ms.filter((m) => m !== lead).map((m): Span => [m.start, m.end]),
      ...aliases.map((x) => x.span),
    ].sort((x, y) => x[0] - y[0]);
    out.push({
      ref,
      number: lead.number,
      kind: lead.kind,
      kindName: lead.kindName,
      issuer: lead.issuer,
      year: lead.year ?? ordered.find((m) => m.year !== null)?.year ?? null,
      date: dated?.date ?? null,
      dateSpan: dated?.dateSpan ?? null,
      title: titled?.title ?? null,
      titleSpan: titled?.titleSpan ?? null,
      issuedBy: issued?.issuedBy ?? null,
      issuedBySpan: issued?.issuedBySpan ?? null,
      aliases: [...new Set(aliases.map((x) => x.surface))],
      spans: [[lead.start, lead.end], ...rest],
      rule: lead.rule,
    });
  }
  return out.sort((a, b) => Math.min(...a.spans.map((s) => s[0])) - Math.min(...b.spans.map((s) => s[0])));
}
