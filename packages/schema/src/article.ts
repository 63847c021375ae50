import { z } from 'zod';

/** The crawler's view of one page after HTML → article parsing. */
export const ArticleSchema = z.object({
  url: z.string().url(),
  canonicalUrl: z.string().url(),
  site: z.string().nullable(),
  title: z.string().nullable(),
  /** ISO 8601 with offset (Vietnam time +07:00 unless the page says otherwise). */
  publishedAt: z.iso.datetime({ offset: true }).nullable(),
  modifiedAt: z.iso.datetime({ offset: true }).nullable(),
  author: z.string().nullable(),
  lead: z.string().nullable(),
  /** Body paragraphs in reading order, captions and clutter removed. */
  paragraphs: z.array(z.string()),
  /** Image captions, kept apart from the body. */
  captions: z.array(z.string()),
  breadcrumb: z.array(z.string()),
  /** ISO 639-3 as franc reports it (`und` when undetermined). */
  lang: z.string().regex(/^[a-z]{3}$/),
  /** How the date was found: json-ld, meta, time, dateline, url. */
  dateSource: z.string().nullable(),
});
export type Article = z.infer<typeof ArticleSchema>;

/** Why a page yielded no article. */
export const NOT_ARTICLE_REASONS = ['listing', 'soft-404', 'empty', 'not-html'] as const;
export const NotArticleSchema = z.object({
  notArticle: z.enum(NOT_ARTICLE_REASONS),
  url: z.string().url(),
  detail: z.string(),
});
export type NotArticle = z.infer<typeof NotArticleSchema>;

/** Joins an article into the text that the extractor reads: title, lead, then body paragraphs. */
export function articleText(a: Pick<Article, 'title' | 'lead' | 'paragraphs'>): string {
  const parts: string[] = [];
  if (a.title) parts.push(a.title);
  if (a.lead && a.paragraphs[0] !== a.lead) parts.push(a.lead);
  parts.push(...a.paragraphs);
  return parts.join('\n\n');
}

/** Validators for conditional GET, kept per URL (crawler's cache interface; the store implements it). */
export interface HttpValidators {
  etag: string | null;
  lastModified: string | null;
}

/** The crawler asks it before a fetch and tells it after; a 304 then costs no parsing. */
export interface ConditionalCache {
  getValidators(url: string): Promise<HttpValidators | null>;
  putValidators(url: string, v: HttpValidators & { status: number; fetchedAt: string }): Promise<void>;
}
