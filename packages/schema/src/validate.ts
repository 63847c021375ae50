import type { z } from 'zod';
import { ArticleSchema } from './article.js';
import { ExtractionResultSchema } from './event.js';
import { SiteEntrySchema, SiteRegistrySchema } from './site.js';

/** One failed rule, named as a diagnostic: where in the record, which rule, what is wrong. */
export interface ValidationIssue {
  /** JSON path inside the record, e.g. `events[0].officials[1].span`. */
  path: string;
  /** The rule that failed: a zod issue code (invalid_type, too_small …) or a custom rule id (span-in-text …). */
  rule: string;
  message: string;
}

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out || '(root)';
}

function toIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((i) => {
    const params = (i as { params?: { rule?: unknown } }).params;
    const rule = i.code === 'custom' && typeof params?.rule === 'string' ? params.rule : i.code;
    return { path: formatPath(i.path), rule, message: i.message };
  });
}

function validator<T>(schema: z.ZodType<T>) {
  return (input: unknown): ValidationResult<T> => {
    const r = schema.safeParse(input);
    return r.success ? { ok: true, value: r.data } : { ok: false, issues: toIssues(r.error) };
  };
}

export const validateExtractionResult = validator(ExtractionResultSchema);
export const validateArticle = validator(ArticleSchema);
export const validateSiteEntry = validator(SiteEntrySchema);
export const validateSiteRegistry = validator(SiteRegistrySchema);
