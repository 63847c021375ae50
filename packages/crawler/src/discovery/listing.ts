import { load } from 'cheerio';
import { isSameSite } from '../url/index.js';
import { looksLikeArticleUrl, pageNumberOf } from './article-url.js';

export interface ListingSelectors {
  /** CSS selector of article links (or of elements containing them). */
  articleLinks?: string | undefined;
  /** CSS selector of the "next page" link. */
  nextPage?: string | undefined;
}

export interface ListingLinks {
  /** Absolute article URLs on the page, in document order, without duplicates. */
  articles: string[];
  /** Absolute URLs of the following listing page(s). */
  nextPages: string[];
  /** Selectors that matched nothing (the generic heuristics were used instead): a broken selector to fix. */
  selectorMisses: string[];
}

const NEXT_TEXT = /^(trang sau|trang tiếp|tiếp|tiếp theo|xem tiếp|sau|next|›|»|>|>>|›|→)$/i;

function absolute(href: string | undefined, base: string): string | null {
  if (!href || href.startsWith('javascript:') || href.startsWith('mailto:') || href.startsWith('#')) return null;
  try {
    const u = new URL(href, base);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    u.hash = '';
    return u.href;
  } catch {
    return null; // a malformed href is skipped like a javascript: link
  }
}

/**
 * Article and next-page links of a listing page. With per-site selectors (`articleLinks`, `nextPage`) those
 * decide; a selector matching nothing is reported in `selectorMisses` and the generic rules apply:
 * same-site links that look like articles ({@link looksLikeArticleUrl}), and for the next page rel=next,
 * "Trang sau"/"Tiếp"/"›" links, or the link whose text is the next page number.
 */
export function extractListingLinks(html: string, pageUrl: string, selectors: ListingSelectors = {}): ListingLinks {
  const $ = load(html);
  const selectorMisses: string[] = [];
  const hrefsOf = (selector: string): string[] => {
    const out: string[] = [];
    $(selector).each((_i, el) => {
      const a = $(el).is('a, link') ? $(el) : $(el).find('a[href]').first();
      const url = absolute(a.attr('href'), pageUrl);
      if (url !== null) out.push(url);
    });
    return out;
  };

  let articles: string[] = [];
  if (selectors.articleLinks) {
    articles = hrefsOf(selectors.articleLinks);
    if (articles.length === 0) selectorMisses.push(`articleLinks ${selectors.articleLinks}`);
  }
  if (articles.length === 0)
    articles = hrefsOf('a[href]').filter((u) => isSameSite(u, pageUrl) && looksLikeArticleUrl(u));

  let nextPages: string[] = [];
  if (selectors.nextPage) {
    nextPages = hrefsOf(selectors.nextPage);
    if (nextPages.length === 0 && !isLastPage($)) selectorMisses.push(`nextPage ${selectors.nextPage}`);
  }
  if (nextPages.length === 0) nextPages = genericNextPages($, pageUrl);

  const self = absolute(pageUrl, pageUrl);
  return {
    articles: [...new Set(articles)],
    nextPages: [...new Set(nextPages)].filter((u) => u !== self && isSameSite(u, pageUrl)),
    selectorMisses,
  };
}

/** A page without any pagination link is legitimately the last one, not a broken selector. */
function isLastPage($: ReturnType<typeof load>): boolean {
  return $('link[rel~="next"], a[rel~="next"]').length === 0;
}

function genericNextPages($: ReturnType<typeof load>, pageUrl: string): string[] {
  const out: string[] = [];
  $('link[rel~="next"][href], a[rel~="next"][href]').each((_i, el) => {
    const u = absolute($(el).attr('href'), pageUrl);
    if (u !== null) out.push(u);
  });
  const current = pageNumberOf(new URL(pageUrl)) ?? 1;
  let byNumber: string | null = null;
  $('a[href]').each((_i, el) => {
    const text = $(el).text().normalize('NFC').replace(/\s+/g, ' ').trim();
    const label = text || ($(el).attr('title') ?? $(el).attr('aria-label') ?? '').trim();
    const u = absolute($(el).attr('href'), pageUrl);
    if (u === null) return;
    if (NEXT_TEXT.test(label) || /^trang (sau|tiếp)/i.test(label)) out.push(u);
    else if (byNumber === null && label === String(current + 1)) byNumber = u;
  });
  if (out.length === 0 && byNumber !== null) out.push(byNumber);
  return out;
}
