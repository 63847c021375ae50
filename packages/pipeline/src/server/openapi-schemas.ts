import { EVENT_TYPES, EventSchema } from '@vnevents/schema';
import { z } from 'zod';

/**
 * Shared JSON Schemas of the answers, for the OpenAPI document (added with fastify's addSchema and referenced as
 * `{ $ref: 'Name#' }`). Documentation only: answers are serialised with JSON.stringify.
 */
const nullableString = { type: ['string', 'null'] };
const place = {
  type: 'object',
  properties: { province: nullableString, district: nullableString, commune: nullableString },
};

function eventJsonSchema(): Record<string, unknown> {
  const s = z.toJSONSchema(EventSchema, { target: 'draft-2020-12', io: 'output', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  delete s['$schema'];
  return s;
}

const summaryProperties = {
  id: { type: 'integer' },
  runId: { type: 'integer' },
  articleId: { type: 'integer' },
  type: { type: 'string', enum: [...EVENT_TYPES] },
  date: { ...nullableString, description: 'YYYY-MM-DD, the day of the activity' },
  sortDate: { type: 'string', description: 'the day used for ordering and date filters' },
  site: nullableString,
  url: { type: 'string' },
  title: nullableString,
  publishedAt: nullableString,
  place: { ...place, description: 'as written in the article' },
  places: { type: 'object', properties: { old: place, new: place }, description: 'in both administrative eras' },
  leadUnit: nullableString,
  leadOfficial: {
    type: ['object', 'null'],
    properties: { name: { type: 'string' }, title: nullableString, personId: { type: ['integer', 'null'] } },
  },
  directives: { type: 'array', items: { type: 'string' } },
  confidence: { type: 'number' },
  event: { $ref: 'Event#' },
};

export const SHARED_SCHEMAS: Record<string, unknown>[] = [
  { $id: 'Event', ...eventJsonSchema() },
  {
    $id: 'Error',
    type: 'object',
    properties: {
      statusCode: { type: 'integer' },
      error: { type: 'string' },
      message: { type: 'string', description: 'what is wrong and what to do' },
      problems: {
        type: 'array',
        items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } },
      },
    },
  },
  { $id: 'EventSummary', type: 'object', properties: summaryProperties },
  {
    $id: 'EventPage',
    type: 'object',
    properties: {
      items: { type: 'array', items: { $ref: 'EventSummary#' } },
      next: { ...nullableString, description: 'pass as `after` for the next page; null at the end' },
    },
  },
  {
    $id: 'EventDetail',
    type: 'object',
    properties: {
      ...summaryProperties,
      latest: { type: 'boolean' },
      extractor: { type: 'object' },
      text: { type: 'string', description: 'the normalised article text every span points into' },
      spans: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            path: { type: 'string', description: 'JSON path inside the event, e.g. leadOfficial.span' },
            span: { type: 'array', items: { type: 'integer' }, minItems: 2, maxItems: 2 },
            surface: { type: 'string', description: 'text.slice(span[0], span[1])' },
          },
        },
      },
      article: { type: 'object' },
      officialPersonIds: { type: 'array', items: { type: 'integer' } },
    },
  },
  {
    $id: 'Facets',
    type: 'object',
    properties: Object.fromEntries([
      ['total', { type: 'integer' }],
      ...['province', 'type', 'month', 'directive'].map((k) => [
        k,
        {
          type: 'array',
          items: { type: 'object', properties: { key: nullableString, count: { type: 'integer' } } },
        },
      ]),
    ]),
  },
  {
    $id: 'Trends',
    type: 'object',
    properties: {
      by: { type: 'string', enum: ['province', 'type'] },
      months: { type: 'array', items: { type: 'string' } },
      series: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            key: nullableString,
            total: { type: 'integer' },
            counts: { type: 'array', items: { type: 'integer' } },
          },
        },
      },
    },
  },
  {
    $id: 'PersonMatch',
    type: 'object',
    properties: {
      personId: { type: 'integer' },
      name: { type: 'string' },
      aliases: { type: 'array', items: { type: 'string' } },
      score: { type: 'number' },
      matchedAlias: { type: 'string' },
    },
  },
  {
    $id: 'DirectiveEvents',
    type: 'object',
    properties: {
      directive: { type: 'object' },
      total: { type: 'integer' },
      events: { type: 'array', items: { $ref: 'EventSummary#' } },
      others: { type: 'array', items: { type: 'object' } },
    },
  },
];

export const ERRORS = {
  400: { description: 'a parameter is wrong: `problems` names each one', $ref: 'Error#' },
  401: { description: 'a token is required (VNEVENTS_API_TOKEN)', $ref: 'Error#' },
  429: { description: 'too many requests: wait and retry', $ref: 'Error#' },
};
