/**
 * HTML → Article (or NotArticle) for Vietnamese provincial news pages. Pure function of (html, url, options):
 * no I/O, no clock, bounded work (one iterative pass over the DOM plus linear post-processing).
 */
import type { Article, NotArticle, SiteSelectors } from '@vnevents/schema';
import { chooseAuthor } from './author.js';
import { extractBody } from './body.js';
import { readBreadcrumb } from './breadcrumb.js';
import { computeClutter } from './clutter.js';
import { blockRange, chooseContent } from './content.js';
import { attr, type DomNode, type LoadedDom, loadDom, textContent } from './dom.js';
import { ParseInputError, SiteSelectorError } from './errors.js';
import { readJsonLd } from './json-ld.js';
import { detectLang, langSample } from './lang.js';
import { chooseLead } from './lead.js';
import { capNesting } from './nesting-guard.js';
import { listingSignal, notFoundSignal, notHtmlReason } from './not-article.js';
import { findPageDates } from './page-dates.js';
import { type Scan, scanHtml } from './scan.js';
import { normaliseSpace } from './text.js';
import { chooseTitle } from './title.js';
import type { ParseOptions, ParseResult } from './types.js';

/** Pages longer than this many UTF-16 units are cut (htmlparser2 closes what the cut leaves open). */
export const MAX_HTML_CHARS = 12_000_000;
/** Headline links (blocks that are one link with a headline-length text) from which a page is a listing. */
const LISTING_MIN_LINKS = 5;
const LISTING_LINK_SHARE = 0.4;
/** A page whose body is shorter than this and whose title says "not found" is a soft 404. */
const SOFT_404_MAX_BODY = 600;
/** How many elements before the title a category line may sit. */
const CRUMB_BEFORE_TITLE = 60;

function checkUrl(url: unknown): URL {
  if (typeof url !== 'string')
    throw new ParseInputError(`parse(html, url): url must be a string, got ${typeof url}; pass the page's URL`);
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new ParseInputError(
      `parse(html, url): ${JSON.stringify(url.slice(0, 200))} is not an absolute URL; pass the URL the page was fetched from`,
    );
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    throw new ParseInputError(`parse(html, url): ${JSON.stringify(url.slice(0, 200))} is not an http(s) URL`);
  return u;
}

/** rel=canonical or og:url, resolved; ignored when it points at the home page of a deeper URL. */
function resolveCanonical(href: string | null | undefined, base: URL): string | null {
  if (!href?.trim()) return null;
  let u: URL;
  try {
    u = new URL(href.trim(), base);
  } catch {
    return null; // A malformed canonical is the page's fault; the fetched URL stands in for it.
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  if (u.pathname === '/' && !u.search && (base.pathname !== '/' || base.search)) return null;
  return u.href;
}

/** Query parameters that turn an article URL into its print view. */
const PRINT_PARAMS = /^(?:print|in|inbai|printable|printer|view|format|layout|mode|type)$/i;
const PRINT_VALUES = /^(?:1|true|yes|print|printable|in|inbai)$/i;

/** "…?print=1" → "…": the article a print view stands for, when the page names no canonical URL. */
function withoutPrintSwitch(u: URL): string {
  const href = u.href;
  const q = href.indexOf('?');
  if (q < 0) return href;
  const hashAt = href.indexOf('#', q);
  const query = href.slice(q + 1, hashAt < 0 ? href.length : hashAt);
  const kept: string[] = [];
  let changed = false;
  for (const pair of query.split('&')) {
    const eq = pair.indexOf('=');
    const k = decodeURIComponentSafe(eq < 0 ? pair : pair.slice(0, eq));
    const v = eq < 0 ? '' : decodeURIComponentSafe(pair.slice(eq + 1));
    if (PRINT_PARAMS.test(k) && (PRINT_VALUES.test(v) || (v === '' && /print|^in/i.test(k)))) changed = true;
    else if (pair !== '') kept.push(pair);
  }
  if (!changed) return href;
  const hash = hashAt < 0 ? '' : href.slice(hashAt);
  return `${href.slice(0, q)}${kept.length > 0 ? `?${kept.join('&')}` : ''}${hash}`;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s; // A malformed %-escape is kept as written; it only has to be compared with print switches.
  }
}

function selectNodes(dom: LoadedDom, field: string, selector: string): DomNode[] {
  try {
    return dom.$(selector).toArray() as unknown as DomNode[];
  } catch (err) {
    throw new SiteSelectorError(field, selector, err);
  }
}

function selectAll(scan: Scan, field: string, selector: string): number[] {
  if (!scan.dom) throw new Error('internal: selectors need a page scanned with a DOM');
  const found = selectNodes(scan.dom, field, selector);
  if (found.length === 0) return [];
  const index = new Map<DomNode, number>();
  scan.els.forEach((e, i) => index.set(e, i));
  return found.map((n) => index.get(n as DomNode)).filter((i): i is number => i !== undefined);
}

function selectedText(scan: Scan, field: string, selector: string | undefined): { text: string; el: number } | null {
  if (!selector) return null;
  const [el] = selectAll(scan, field, selector);
  if (el === undefined) return null;
  const node = scan.els[el]!;
  const text = normaliseSpace(attr(node, 'datetime') ?? attr(node, 'content') ?? textContent(node));
  return text ? { text, el } : null;
}

function notArticle(kind: NotArticle['notArticle'], url: string, detail: string): NotArticle {
  return { notArticle: kind, url, detail };
}

function describe(scan: Scan, el: number): string {
  if (el < 0) return 'the whole document';
  const n = scan.els[el]!;
  const cls = attr(n, 'class')?.trim().split(/\s+/).slice(0, 2).join('.');
  const id = attr(n, 'id');
  return `<${n.name}${id ? `#${id}` : ''}${cls ? `.${cls}` : ''}>`;
}

export function parse(html: string, url: string, opts: ParseOptions = {}): ParseResult {
  if (typeof html !== 'string')
    throw new ParseInputError(`parse(html, url): html must be a string (decode the body first), got ${typeof html}`);
  const pageUrl = checkUrl(url);
  const href = pageUrl.href;
  if (html.trim() === '') return notArticle('empty', href, 'the page is empty');
  const notHtml = notHtmlReason(html);
  if (notHtml) return notArticle('not-html', href, notHtml);

  const sel: SiteSelectors = opts.selectors ?? {};
  const needsDom = Boolean(sel.body || sel.title || sel.date || sel.author || (sel.remove && sel.remove.length > 0));
  const src = capNesting(html.length > MAX_HTML_CHARS ? html.slice(0, MAX_HTML_CHARS) : html);
  let scan: Scan;
  if (needsDom) {
    // Per-site selectors need a DOM; `remove` takes the matched elements out before anything reads the page.
    const dom = loadDom(src);
    const skip = new Set<DomNode>();
    for (const s of sel.remove ?? []) for (const n of selectNodes(dom, 'remove', s)) skip.add(n);
    scan = scanHtml(src, { dom, skip });
  } else scan = scanHtml(src);
  const clutterOf = computeClutter(scan, new Set());

  let root = -1;
  const bodySel = sel.body ? selectAll(scan, 'body', sel.body)[0] : undefined;
  root = bodySel ?? chooseContent(scan, clutterOf).root;

  const ld = readJsonLd(scan.ldJson);
  const metas = scan.metas;
  const siteName = metas.get('og:site_name') ?? metas.get('application-name') ?? null;
  const host = pageUrl.hostname;
  const titleChoice = chooseTitle(
    scan,
    clutterOf,
    { og: metas.get('og:title') ?? metas.get('twitter:title') ?? null, headline: ld.headline, siteName, host },
    selectedText(scan, 'title', sel.title),
  );
  const title = titleChoice.title;
  const leadChoice = chooseLead(scan, clutterOf, root, titleChoice.el);
  const body = extractBody({
    scan,
    clutterOf,
    range: blockRange(scan, root),
    title,
    titleEl: titleChoice.el,
    leadEl: leadChoice?.el ?? -1,
  });
  const lead = leadChoice?.text ?? body.lead;
  const paragraphs = body.paragraphs;
  let bodyChars = lead?.length ?? 0;
  for (const p of paragraphs) bodyChars += p.length;

  if (bodyChars < SOFT_404_MAX_BODY) {
    const h1s = scan.blocks.filter((b) => b.heading === 1 && !b.img).map((b) => b.text);
    const signal =
      notFoundSignal([title, scan.docTitle, ...h1s.slice(0, 3)]) ??
      (bodyChars < 300 ? notFoundSignal([lead, ...paragraphs.slice(0, 3)]) : null);
    if (signal) return notArticle('soft-404', href, `"${signal}" on a page with ${bodyChars} characters of body text`);
  }
  const links = body.headlineLinks;
  if (links >= LISTING_MIN_LINKS && links >= LISTING_LINK_SHARE * (links + body.proseBlocks))
    return notArticle(
      'listing',
      href,
      `${links} headline links against ${body.proseBlocks} prose blocks in ${describe(scan, root)}`,
    );
  const listing = listingSignal(scan, clutterOf, root, bodyChars);
  if (listing) return notArticle('listing', href, listing);
  if (paragraphs.length === 0 && !lead)
    return notArticle('empty', href, `no body text in ${describe(scan, root)} (title: ${JSON.stringify(title)})`);

  const canonicalUrl =
    resolveCanonical(scan.canonical, pageUrl) ??
    resolveCanonical(metas.get('og:url'), pageUrl) ??
    withoutPrintSwitch(pageUrl);
  const dates = findPageDates({
    scan,
    clutterOf,
    root,
    titleEl: titleChoice.el,
    jsonLdPublished: ld.datePublished,
    jsonLdModified: ld.dateModified,
    selectorDate: selectedText(scan, 'date', sel.date)?.text ?? null,
    urls: canonicalUrl === href ? [pageUrl] : [pageUrl, canonicalUrl],
  });
  const author = chooseAuthor({
    scan,
    clutterOf,
    root,
    selectorAuthor: selectedText(scan, 'author', sel.author)?.text ?? null,
    jsonLdAuthor: ld.author,
    publisher: ld.publisher,
    siteName,
    metaLines: body.metaLines,
    bylines: body.bylines,
  });
  const breadcrumb = readBreadcrumb(scan, ld.breadcrumb, title, metas.get('article:section') ?? ld.section, {
    clutterOf,
    from: Math.max(0, (titleChoice.el >= 0 ? titleChoice.el : root) - CRUMB_BEFORE_TITLE),
    to: root >= 0 ? scan.end[root]! : scan.els.length,
  });
  const lang = detectLang(langSample([lead, ...paragraphs]), [
    scan.htmlLang,
    metas.get('content-language'),
    metas.get('language'),
    metas.get('og:locale'),
    ld.inLanguage,
  ]);

  const article: Article = {
    url: href,
    canonicalUrl,
    site: opts.site === undefined ? host.replace(/^www\./, '') : opts.site,
    title,
    publishedAt: dates.publishedAt,
    modifiedAt: dates.modifiedAt,
    author,
    lead,
    paragraphs,
    captions: body.captions,
    breadcrumb,
    lang,
    dateSource: dates.dateSource,
  };
  return article;
}
