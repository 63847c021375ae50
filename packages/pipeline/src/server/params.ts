import { EVENT_TYPES, type EventType } from '@vnevents/schema';
import type { EventFilter } from '@vnevents/store';
import { z } from 'zod';

/**
 * Query parameters of the HTTP API, validated with zod. Names are the store's EventFilter names, so
 * `/api/events?province=dien+bien&type=inspection` is `queryEvents({ province: 'dien bien', type: 'inspection' })`.
 * Unknown parameters are rejected (a typo must not silently widen the result).
 */

const DAY = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;
const day = (name: string) =>
  z.string().regex(DAY, `${name} must be a day YYYY-MM-DD, a month YYYY-MM or a year YYYY`).optional();

/** A non-empty text of at most `max` characters, trimmed. */
const text = (name: string, max = 200) =>
  z
    .string()
    .trim()
    .min(1, `${name} must not be empty (leave the parameter out instead)`)
    .max(max, `${name} is longer than ${max} characters`)
    .optional();

const positiveInt = (name: string) =>
  z
    .string()
    .regex(/^\d{1,12}$/, `${name} must be a positive integer`)
    .transform(Number)
    .refine((n) => n > 0, `${name} must be a positive integer`)
    .optional();

/** `type=inspection&type=review` or `type=inspection,review`. */
const types = z
  .union([z.string(), z.array(z.string())])
  .transform((v) =>
    (Array.isArray(v) ? v : [v])
      .flatMap((s) => s.split(','))
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .refine((list) => list.every((t) => (EVENT_TYPES as readonly string[]).includes(t)), {
    message: `type must be one or more of ${EVENT_TYPES.join(', ')} (repeat the parameter or separate with commas)`,
  })
  .optional();

export const filterShape = {
  from: day('from'),
  to: day('to'),
  province: text('province'),
  district: text('district'),
  commune: text('commune'),
  unit: text('unit'),
  leadUnit: text('leadUnit'),
  targetUnit: text('targetUnit'),
  official: text('official'),
  personId: positiveInt('personId'),
  directive: text('directive'),
  type: types,
  site: text('site'),
  run: positiveInt('run'),
  text: text('text', 500),
  articleId: positiveInt('articleId'),
  minConfidence: z
    .string()
    .regex(/^(?:0(?:\.\d+)?|1(?:\.0+)?)$/, 'minConfidence must be a number from 0 to 1')
    .transform(Number)
    .optional(),
};

export const FILTER_KEYS = Object.keys(filterShape) as (keyof typeof filterShape)[];

const limit = (max: number, dflt: number) =>
  z
    .string()
    .regex(/^\d{1,7}$/, `limit must be an integer from 1 to ${max}`)
    .transform(Number)
    .refine((n) => n >= 1 && n <= max, `limit must be an integer from 1 to ${max}`)
    .default(dflt);

export const EventsQuery = z
  .object({
    ...filterShape,
    limit: limit(1000, 50),
    after: z.string().max(200, 'after is longer than a cursor can be').optional(),
  })
  .strict();

export const FacetsQuery = z.object({ ...filterShape, limit: limit(200, 20) }).strict();

export const TrendsQuery = z
  .object({
    ...filterShape,
    by: z.enum(['province', 'type'], { message: 'by must be province or type' }).default('province'),
    top: limit(12, 6),
  })
  .strict();

export const ExportQuery = z
  .object({
    ...filterShape,
    format: z.enum(['csv', 'jsonl'], { message: 'format must be csv or jsonl' }).default('csv'),
    /** At most this many events (default: all that match). */
    limit: z
      .string()
      .regex(/^\d{1,9}$/, 'limit must be a positive integer')
      .transform(Number)
      .refine((n) => n >= 1, 'limit must be a positive integer')
      .optional(),
  })
  .strict();

export const OfficialsQuery = z
  .object({
    q: z
      .string({ message: 'q is required: part of a name, with or without diacritics' })
      .trim()
      .min(1, 'q must not be empty: part of a name, with or without diacritics')
      .max(100, 'q is longer than 100 characters'),
    limit: limit(100, 20),
  })
  .strict();

export const IdParams = z
  .object({
    id: z
      .string()
      .regex(/^\d{1,12}$/, 'id must be a positive integer (the id of an event from /api/events)')
      .transform(Number),
  })
  .strict();

export const DirectiveParams = z
  .object({
    '*': z
      .string()
      .trim()
      .min(1, 'give a directive reference, e.g. /api/directives/114-KL/TW or /api/directives/Kết luận 114')
      .max(200, 'the directive reference is longer than 200 characters'),
  })
  .strict();

export const DirectiveQuery = z.object({ limit: limit(1000, 50) }).strict();

type FilterInput = { [K in keyof typeof filterShape]?: z.output<(typeof filterShape)[K]> };

/** The store's EventFilter from validated parameters: only the keys that were given. */
export function toEventFilter(q: FilterInput): EventFilter {
  const f: EventFilter = {};
  for (const key of FILTER_KEYS) {
    const v = q[key];
    if (v === undefined) continue;
    if (key === 'type') {
      const list = v as EventType[];
      if (list.length) f.type = list.length === 1 ? (list[0] as EventType) : list;
    } else (f as Record<string, unknown>)[key] = v;
  }
  return f;
}
