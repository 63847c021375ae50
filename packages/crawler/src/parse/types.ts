import type { Article, NotArticle, SiteSelectors } from '@vnevents/schema';

export interface ParseOptions {
  /** Per-site overrides from the sites registry (title, body, date, author, remove[]). */
  selectors?: SiteSelectors;
  /** Site id to record; defaults to the URL's hostname without "www.". `null` records no site. */
  site?: string | null;
}

export type ParseResult = Article | NotArticle;

export function isNotArticle(r: ParseResult): r is NotArticle {
  return 'notArticle' in r;
}
