import type { FastifySchema, FastifySchemaCompiler } from 'fastify';
import { z } from 'zod';
import { RequestValidationError } from './errors.js';

/**
 * Routes declare their parameters once, as zod schemas. The JSON Schema generated from them documents the route in
 * the OpenAPI document; validation itself runs zod (the validator compiler below finds the zod schema again), so
 * the documented and the enforced rules cannot drift apart.
 */
const ZOD_KEY = 'x-vnevents-zod';
const registry = new Map<string, z.ZodType>();
let seq = 0;

function jsonSchemaOf(schema: z.ZodType, name: string): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  delete json['$schema'];
  const key = `${name}#${++seq}`;
  registry.set(key, schema);
  json[ZOD_KEY] = key;
  return json;
}

export interface RouteDoc {
  summary: string;
  description?: string;
  tags?: string[];
  querystring?: z.ZodType;
  params?: z.ZodType;
  /** JSON Schemas of the answers, by status code (documentation only: answers are serialised with JSON.stringify). */
  response?: Record<number, unknown>;
  produces?: string[];
  security?: boolean;
}

/** The fastify `schema` of a route from its zod schemas and documentation. */
export function routeSchema(doc: RouteDoc): FastifySchema {
  const s: Record<string, unknown> = { summary: doc.summary, tags: doc.tags ?? ['events'] };
  if (doc.description) s['description'] = doc.description;
  if (doc.querystring) s['querystring'] = jsonSchemaOf(doc.querystring, `${doc.summary} query`);
  if (doc.params) s['params'] = jsonSchemaOf(doc.params, `${doc.summary} params`);
  if (doc.response) s['response'] = doc.response;
  if (doc.produces) s['produces'] = doc.produces;
  if (doc.security) s['security'] = [{ bearer: [] }];
  return s as FastifySchema;
}

const PARTS: Record<string, string> = { querystring: 'query', params: 'params', body: 'body', headers: 'headers' };

/** Fastify's validator compiler: runs the zod schema behind a route schema; a failure is a 400 naming each problem. */
export const zodValidatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  const key = (schema as Record<string, unknown>)[ZOD_KEY];
  const zod = typeof key === 'string' ? registry.get(key) : undefined;
  if (!zod) throw new Error(`route schema for ${httpPart} was not made by routeSchema(): declare it with zod`);
  const part = PARTS[httpPart ?? ''] ?? httpPart ?? 'request';
  return (data: unknown) => {
    const r = zod.safeParse(data ?? {});
    return r.success ? { value: r.data } : { error: RequestValidationError.fromZod(part, r.error) };
  };
};

/** Answers are plain JSON: the documented response schemas never drop or reshape fields. */
export const jsonSerializerCompiler = () => (data: unknown) => {
  // Fastify's fallback error handler passes an object whose prototype is the error (fields not enumerable).
  if (data instanceof Error) {
    const e = data as Error & { statusCode?: number; error?: string };
    return JSON.stringify({ statusCode: e.statusCode ?? 500, error: e.error ?? 'Error', message: e.message });
  }
  return JSON.stringify(data);
};
