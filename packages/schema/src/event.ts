import { z } from 'zod';
import { SpanSchema } from './span.js';

/** Schema version of the ExtractionResult record (spec/event.md). */
export const SCHEMA_VERSION = 1 as const;

export const EVENT_TYPES = [
  'inspection',
  'supervision',
  'working_session',
  'briefing',
  'review',
  'conference',
  'other',
] as const;
export const EventTypeSchema = z.enum(EVENT_TYPES);
export type EventType = z.infer<typeof EventTypeSchema>;

export const DATE_BASES = ['text', 'publication', 'inferred'] as const;
export const DateBasisSchema = z.enum(DATE_BASES);
export type DateBasis = z.infer<typeof DateBasisSchema>;

export const OFFICIAL_ROLES = ['lead', 'host', 'participant', 'speaker'] as const;
export const OfficialRoleSchema = z.enum(OFFICIAL_ROLES);
export type OfficialRole = z.infer<typeof OfficialRoleSchema>;

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO day YYYY-MM-DD');
const nonEmpty = z.string().min(1);

/** The `rule` field is optional in the spec: every value we emit carries the id of the rule that found it. */
const ruleId = z.string().min(1).optional();

export const LeadOfficialSchema = z.object({
  name: nonEmpty,
  title: z.string().nullable(),
  span: SpanSchema,
  rule: ruleId,
});
export type LeadOfficial = z.infer<typeof LeadOfficialSchema>;

export const OfficialSchema = z.object({
  name: nonEmpty,
  title: z.string().nullable(),
  role: OfficialRoleSchema,
  span: SpanSchema,
  rule: ruleId,
});
export type Official = z.infer<typeof OfficialSchema>;

export const UnitRefSchema = z.object({ name: nonEmpty, span: SpanSchema, rule: ruleId });
export type UnitRef = z.infer<typeof UnitRefSchema>;

export const LocationSchema = z.object({
  province: z.string().nullable(),
  district: z.string().nullable(),
  commune: z.string().nullable(),
  span: SpanSchema.optional(),
  rule: ruleId,
});
export type Location = z.infer<typeof LocationSchema>;

export const DirectiveSchema = z.object({
  ref: nonEmpty,
  number: nonEmpty,
  kind: nonEmpty,
  kindName: z.string().nullable(),
  issuer: z.string().nullable(),
  date: isoDay.nullable(),
  title: z.string().nullable(),
  aliases: z.array(z.string()),
  spans: z.array(SpanSchema).min(1, 'a directive needs at least one span of evidence'),
  rule: ruleId,
});
export type Directive = z.infer<typeof DirectiveSchema>;

export const MetricSchema = z.object({
  value: z.number().finite(),
  unit: nonEmpty,
  qualifier: z.string().nullable(),
  text: nonEmpty,
  span: SpanSchema,
  rule: ruleId,
});
export type Metric = z.infer<typeof MetricSchema>;

export const ResultItemSchema = z.object({
  text: nonEmpty,
  span: SpanSchema,
  metrics: z.array(MetricSchema),
  rule: ruleId,
});
export type ResultItem = z.infer<typeof ResultItemSchema>;

export const ItemSchema = z.object({ text: nonEmpty, span: SpanSchema, rule: ruleId });
export type Item = z.infer<typeof ItemSchema>;

export const RecommendationSchema = ItemSchema.extend({ by: z.string().nullable() });
export type Recommendation = z.infer<typeof RecommendationSchema>;

export const EventSchema = z.object({
  type: EventTypeSchema,
  typeRule: ruleId,
  typeSpan: SpanSchema.optional(),
  date: isoDay.nullable(),
  dateBasis: DateBasisSchema.nullable(),
  dateSpan: SpanSchema.optional(),
  dateRule: ruleId,
  leadOfficial: LeadOfficialSchema.nullable(),
  officials: z.array(OfficialSchema),
  leadUnit: UnitRefSchema.nullable(),
  targetUnits: z.array(UnitRefSchema),
  location: LocationSchema,
  directives: z.array(DirectiveSchema),
  results: z.array(ResultItemSchema),
  limitations: z.array(ItemSchema),
  recommendations: z.array(RecommendationSchema),
  proposals: z.array(ItemSchema),
  confidence: z.number().min(0).max(1),
});
export type Event = z.infer<typeof EventSchema>;

export const LANGS = ['vie', 'eng', 'und'] as const;

export const SourceSchema = z.object({
  id: nonEmpty,
  url: z.string().url().nullable(),
  path: z.string().nullable(),
  title: z.string().nullable(),
  publishedAt: z.iso.datetime({ offset: true }).nullable(),
  lang: z.string().regex(/^[a-z]{3}$/, 'expected an ISO 639-3 code such as vie, eng or und'),
  site: z.string().nullable(),
});
export type Source = z.infer<typeof SourceSchema>;

export const ExtractorInfoSchema = z.object({
  name: nonEmpty,
  version: z.string().regex(/^\d+\.\d+\.\d+(?:[-+].*)?$/, 'expected a semver version'),
  lexiconVersion: nonEmpty,
});
export type ExtractorInfo = z.infer<typeof ExtractorInfoSchema>;

const ExtractionResultShape = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  source: SourceSchema,
  extractor: ExtractorInfoSchema,
  text: z.string(),
  events: z.array(EventSchema),
});

/** Collects every span of an event with the JSON path that holds it. */
export function eventSpans(
  event: Event,
  base: (string | number)[],
): { path: (string | number)[]; span: [number, number] }[] {
  const out: { path: (string | number)[]; span: [number, number] }[] = [];
  const add = (span: [number, number] | undefined, ...path: (string | number)[]) => {
    if (span) out.push({ path: [...base, ...path], span });
  };
  add(event.typeSpan, 'typeSpan');
  add(event.dateSpan, 'dateSpan');
  add(event.leadOfficial?.span, 'leadOfficial', 'span');
  event.officials.forEach((o, i) => add(o.span, 'officials', i, 'span'));
  add(event.leadUnit?.span, 'leadUnit', 'span');
  event.targetUnits.forEach((u, i) => add(u.span, 'targetUnits', i, 'span'));
  add(event.location.span, 'location', 'span');
  event.directives.forEach((d, i) => d.spans.forEach((s, j) => add(s, 'directives', i, 'spans', j)));
  event.results.forEach((r, i) => {
    add(r.span, 'results', i, 'span');
    r.metrics.forEach((m, j) => add(m.span, 'results', i, 'metrics', j, 'span'));
  });
  for (const f of ['limitations', 'recommendations', 'proposals'] as const)
    event[f].forEach((x, i) => add(x.span, f, i, 'span'));
  return out;
}

/**
 * The ExtractionResult with the cross-field rule of spec/event.md: every span lies inside `text`.
 * (That `text.slice(s, e)` equals a value's surface is checked where the surface is known: items and metrics.)
 */
export const ExtractionResultSchema = ExtractionResultShape.superRefine((r, ctx) => {
  r.events.forEach((ev, i) => {
    for (const { path, span } of eventSpans(ev, ['events', i])) {
      if (span[1] > r.text.length)
        ctx.addIssue({
          code: 'custom',
          path,
          message: `span [${span[0]}, ${span[1]}) lies outside text (length ${r.text.length})`,
          params: { rule: 'span-in-text' },
        });
    }
    const items = [
      ...ev.results.map((x, j) => ({ x, path: ['events', i, 'results', j] })),
      ...ev.limitations.map((x, j) => ({ x, path: ['events', i, 'limitations', j] })),
      ...ev.recommendations.map((x, j) => ({ x, path: ['events', i, 'recommendations', j] })),
      ...ev.proposals.map((x, j) => ({ x, path: ['events', i, 'proposals', j] })),
    ];
    for (const { x, path } of items) {
      if (x.span[1] <= r.text.length && r.text.slice(x.span[0], x.span[1]) !== x.text)
        ctx.addIssue({
          code: 'custom',
          path: [...path, 'text'],
          message: 'item text differs from text.slice(span)',
          params: { rule: 'span-equals-surface' },
        });
    }
  });
});
export type ExtractionResult = z.infer<typeof ExtractionResultShape>;
