import { createHash } from 'node:crypto';
import type { Directive, Event, ExtractionResult, Metric } from '@vnevents/schema';
import { findDocRefs } from '../recognizers/doc-refs.js';
import { findQuantities } from '../recognizers/quantities.js';
import { sentences } from '../text/index.js';
import { readDocument } from './document.js';
import { eventDate } from './event-date.js';
import { decideType, negativeGenre } from './event-type.js';
import { findItems } from './items.js';
import { lexiconIndex, lexiconVersion } from './lexicon-index.js';
import { resolveLocation } from './location.js';
import { findOfficials } from './officials.js';
import { findParties, unitFromTitle } from './participants.js';
import { placeIndex } from './place-index.js';
import { assignRoles } from './roles.js';
import { eventRules } from './rules.js';
import { syllables } from './units.js';

export const EXTRACTOR_NAME = 'vnevents-rules';
export const EXTRACTOR_VERSION = '0.1.0';

export interface ExtractInput {
  /** The article: captured page text (title first, dateline, clutter) or the parser's article text. */
  text: string;
  title?: string | null;
  /** ISO 8601; when absent, the page's dateline is read. */
  publishedAt?: string | null;
  url?: string | null;
  path?: string | null;
  /** Host name of the site; its province (from the host or `siteProvince`) fills a province the text leaves out. */
  site?: string | null;
  siteProvince?: string | null;
  lang?: string | null;
}

const SECOND_EVENT =
  /^(?:Trước đó|Sau đó|Cùng ngày|Chiều cùng ngày|Sáng cùng ngày|Tiếp đó|Tiếp theo chương trình|Trong chương trình)(?![\p{L}\p{N}])/u;

/** Runs the rule-plus-lexicon extractor over one article. Never throws on odd text: no event is `events: []`. */
export function extract(input: ExtractInput): ExtractionResult {
  const rules = eventRules();
  const doc = readDocument(input.text, rules, input.title ?? null);
  const { text } = doc;
  const publishedAt = input.publishedAt ?? doc.dateline?.iso ?? null;
  const result: ExtractionResult = {
    schemaVersion: 1,
    source: {
      id: createHash('sha256')
        .update(input.url ?? input.text)
        .digest('hex'),
      url: input.url ?? null,
      path: input.path ?? null,
      title: doc.title?.text ?? null,
      publishedAt,
      lang: input.lang ?? 'vie',
      site: input.site ?? null,
    },
    extractor: {
      name: EXTRACTOR_NAME,
      version: EXTRACTOR_VERSION,
      lexiconVersion: `${lexiconVersion()}+rules.${rules.version}`,
    },
    text,
    events: [],
  };

  // The body starts at its first real paragraph (a dozen words or more); short lines before it are chrome.
  const allBody = doc.paragraphs.filter((p) => p.role === 'body');
  const firstReal = allBody.findIndex((p) => text.slice(p.start, p.end).split(' ').length >= 12);
  const body = firstReal < 0 ? allBody : allBody.slice(firstReal);
  if (!body.length) return result;
  const firstSentences = sentences(text, body[0]!.start, body[0]!.end);
  const leadSentence = firstSentences.find((s) => decideType(text, s.start, s.end, rules)) ?? firstSentences[0]!;
  const titleType = doc.title && doc.title.start >= 0 ? decideType(text, doc.title.start, doc.title.end, rules) : null;
  const leadType = decideType(text, leadSentence.start, leadSentence.end, rules);
  const type = [titleType, leadType].filter((t) => t !== null).sort((a, b) => priority(b.rule) - priority(a.rule))[0];
  if (!type) return result;
  const headText = doc.title?.text ?? '';
  if (negativeGenre(headText, rules) && !titleType) return result;

  const lex = lexiconIndex(text);
  const places = placeIndex();
  const mentions = findOfficials(text, lex).filter((m) =>
    doc.paragraphs.some((p) => p.role !== 'head' && m.start >= p.start && m.end <= p.end),
  );
  if (!mentions.length && negativeGenre(text.slice(body[0]!.start, body[0]!.end), rules)) return result;

  // A second activity reported later ("Trước đó, Đoàn … đã làm việc với xã Tân Bình").
  const seconds = body
    .flatMap((p) => sentences(text, p.start, p.end))
    .filter(
      (s) =>
        s.start > leadSentence.end &&
        SECOND_EVENT.test(text.slice(s.start, s.end)) &&
        decideType(text, s.start, s.end, rules),
    );
  const bodyTo = seconds[0]?.start ?? text.length;

  const parties = findParties(text, leadSentence.start, leadSentence.end, lex);
  if (!parties.targets.length && doc.title && doc.title.start >= 0) {
    const t = findParties(text, doc.title.start, doc.title.end, lex);
    parties.targets.push(...t.targets);
  }
  if (!parties.targets.length) {
    // "Qua làm việc với Huyện ủy Quỳnh Phụ, Sở … và Thanh tra tỉnh …": the visited bodies named later in the report.
    for (const s of body.flatMap((p) => sentences(text, p.start, p.end))) {
      if (s.start <= leadSentence.start || s.start >= bodyTo) continue;
      const t = findParties(text, s.start, s.end, lex).targets.filter(
        (u) => !parties.leadUnit || (u.name !== parties.leadUnit.name && !parties.leadUnit.name.includes(u.name)),
      );
      if (t.length) {
        parties.targets.push(...t.map((u) => ({ ...u, rule: `${u.rule}.report` })));
        break;
      }
    }
  }
  const persons = assignRoles(mentions, {
    text,
    lead: leadSentence,
    leadParagraphEnd: body[0]!.end,
    leadUnitName: parties.leadUnit?.name ?? null,
    targetNames: parties.targets.map((t) => t.name),
  });
  const lead = persons.find((p) => p.role === 'lead') ?? null;
  let leadUnit = parties.leadUnit;
  if (leadUnit && syllables(leadUnit.name) < 3) {
    const fromTitle = unitFromTitle(lead?.mention ?? null, text, lex);
    if (fromTitle && fromTitle.name.endsWith(leadUnit.name))
      leadUnit = { ...fromTitle, rule: 'lead-unit.lead-official-title' };
  }
  if (!leadUnit) {
    const fromTitle = unitFromTitle(lead?.mention ?? null, text, lex);
    if (fromTitle) leadUnit = { ...fromTitle, rule: 'lead-unit.lead-official-title' };
  }

  const refs = findDocRefs(text);
  const directives: Directive[] = refs.map((r) => ({
    ref: r.ref,
    number: r.number,
    kind: r.kind,
    kindName: r.kindName,
    issuer: r.issuer,
    date: r.date,
    title: r.title,
    aliases: r.aliases,
    spans: r.spans,
    rule: 'directive.reference',
  }));
  const excludedDates = refs.flatMap((r) => (r.dateSpan ? [r.dateSpan] : []));
  const when = eventDate(
    text,
    [
      leadSentence,
      { start: body[0]!.start, end: body[0]!.end },
      ...(doc.title && doc.title.start >= 0 ? [doc.title] : []),
    ],
    publishedAt,
    excludedDates,
    doc.paragraphs.filter((p) => p.role === 'head'),
    refs,
  );

  const post2025 = (when.date ?? publishedAt ?? '') >= '2025-07-01';
  const location = resolveLocation(
    {
      text,
      targets: parties.targets,
      lead: leadSentence,
      site: input.site ?? null,
      siteProvince: input.siteProvince ?? null,
      post2025,
    },
    places,
  );

  const hostNames = new Set(persons.filter((p) => p.role === 'host').map((p) => p.name));
  const items = findItems({
    text,
    paragraphs: doc.paragraphs,
    rules,
    officials: mentions,
    hostNames,
    leadName: lead?.name ?? null,
    bodyFrom: body[1]?.start ?? body[0]!.end,
    bodyTo,
  });
  const slice = (s: number, e: number) => text.slice(s, e);
  const main: Event = {
    type: type.type,
    typeRule: type.rule,
    typeSpan: [type.start, type.end],
    date: when.date,
    dateBasis: when.basis,
    ...(when.span ? { dateSpan: when.span } : {}),
    dateRule: when.rule,
    leadOfficial: lead
      ? { name: lead.name, title: lead.title, span: [lead.mention.start, lead.mention.end], rule: lead.rule }
      : null,
    officials: persons.map((p) => ({
      name: p.name,
      title: p.title,
      role: p.role,
      span: [p.mention.start, p.mention.end],
      rule: p.rule,
    })),
    leadUnit: leadUnit ? { name: leadUnit.name, span: [leadUnit.start, leadUnit.end], rule: leadUnit.rule } : null,
    targetUnits: parties.targets.map((t) => ({ name: t.name, span: [t.start, t.end], rule: t.rule })),
    location,
    directives,
    results: items
      .filter((i) => i.kind === 'results')
      .map((i) => ({
        text: slice(i.start, i.end),
        span: [i.start, i.end],
        rule: i.rule,
        metrics: metricsIn(text, i.start, i.end),
      })),
    limitations: items
      .filter((i) => i.kind === 'limitations')
      .map((i) => ({ text: slice(i.start, i.end), span: [i.start, i.end], rule: i.rule })),
    recommendations: items
      .filter((i) => i.kind === 'recommendations')
      .map((i) => ({ text: slice(i.start, i.end), span: [i.start, i.end], rule: i.rule, by: i.by })),
    proposals: items
      .filter((i) => i.kind === 'proposals')
      .map((i) => ({ text: slice(i.start, i.end), span: [i.start, i.end], rule: i.rule })),
    confidence: 0,
  };
  main.confidence = confidence(main, titleType !== null);
  result.events.push(main);

  for (const s of seconds) {
    const t = decideType(text, s.start, s.end, rules)!;
    const p = findParties(text, s.start, s.end, lex);
    if (!p.targets.length) continue;
    const refsHere = directives.filter((d) => d.spans.some(([a]) => a >= s.start && a < s.end));
    const loc = resolveLocation(
      {
        text,
        targets: p.targets,
        lead: s,
        site: input.site ?? null,
        siteProvince: input.siteProvince ?? null,
        post2025,
      },
      places,
    );
    const d = eventDate(text, [s], null, excludedDates, [], refs);
    const ev: Event = {
      type: t.type,
      typeRule: t.rule,
      typeSpan: [t.start, t.end],
      date: d.span ? d.date : null,
      dateBasis: d.span ? d.basis : null,
      dateRule: d.rule,
      leadOfficial: null,
      officials: [],
      leadUnit: p.leadUnit
        ? { name: p.leadUnit.name, span: [p.leadUnit.start, p.leadUnit.end], rule: p.leadUnit.rule }
        : main.leadUnit,
      targetUnits: p.targets.map((u) => ({ name: u.name, span: [u.start, u.end], rule: u.rule })),
      location: { ...loc, province: loc.province ?? location.province, district: loc.district ?? location.district },
      directives: refsHere,
      results: [],
      limitations: [],
      recommendations: [],
      proposals: [],
      confidence: 0,
    };
    ev.confidence = confidence(ev, false) * 0.8;
    result.events.push(ev);
  }
  return result;
}

function priority(rule: string): number {
  return eventRules().eventType.find((r) => r.id === rule)?.priority ?? 0;
}

function metricsIn(text: string, start: number, end: number): Metric[] {
  return findQuantities(text, start, end).map((q) => ({
    value: q.value,
    unit: q.unit,
    qualifier: q.qualifier,
    text: q.text,
    span: [q.start, q.end],
    rule: 'metric.quantity',
  }));
}

/** How much of the event the rules could support with evidence, from 0.2 (a trigger only) to 1. */
function confidence(ev: Event, typeInTitle: boolean): number {
  let c = 0.2;
  if (typeInTitle) c += 0.15;
  if (ev.leadUnit) c += 0.15;
  if (ev.leadOfficial) c += 0.15;
  if (ev.targetUnits.length) c += 0.1;
  if (ev.dateBasis === 'text') c += 0.1;
  else if (ev.date) c += 0.05;
  if (ev.location.province) c += 0.05;
  if (ev.results.length + ev.recommendations.length + ev.limitations.length) c += 0.1;
  return Math.round(Math.min(1, c) * 100) / 100;
}
