import { z } from 'zod';
import { ArticleSchema } from './article.js';
import { ExtractionResultSchema } from './event.js';
import { SiteEntrySchema } from './site.js';

/** JSON Schemas (draft 2020-12) of the public records, for tools outside TypeScript. */
export function jsonSchemas(): Record<'extraction-result' | 'article' | 'site-entry', object> {
  const opts = { target: 'draft-2020-12', unrepresentable: 'any', io: 'input' } as const;
  return {
    'extraction-result': z.toJSONSchema(ExtractionResultSchema, opts),
    article: z.toJSONSchema(ArticleSchema, opts),
    'site-entry': z.toJSONSchema(SiteEntrySchema, opts),
  };
}
