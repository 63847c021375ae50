import { load } from 'cheerio';
import { NonRetryableError } from '../errors/index.js';
import { asArray, asRecord, parseDate, parseXml, textOf } from './xml.js';

export interface FeedItem {
  /** Absolute URL of the article. */
  url: string;
  /** pubDate / published / updated / dc:date, null when absent. */
  published: Date | null;
  title: string | null;
}

export interface FeedDocument {
  kind: 'rss' | 'atom' | 'rdf';
  items: FeedItem[];
}

function absolute(href: string | null, base: string): string | null {
  if (href === null) return null;
  try {
    const u = new URL(href, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null; // one malformed link must not cost the rest of the feed
  }
}

function atomLink(links: unknown[]): string | null {
  let fallback: string | null = null;
  for (const l of links) {
    const r = asRecord(l);
    const href = typeof r['@_href'] === 'string' ? r['@_href'] : textOf(l);
    if (href === null) continue;
    const rel = r['@_rel'];
    if (rel === undefined || rel === 'alternate') return href;
    fallback ??= href;
  }
  return fallback;
}

/**
 * Parses an RSS 2.0, Atom or RSS 1.0 (RDF) feed into its items. Relative links resolve against xml:base or
 * the feed URL. Throws {@link NonRetryableError} `feed-invalid` naming the feed when it is none of these.
 */
export function parseFeed(text: string, feedUrl: string): FeedDocument {
  let doc: Record<string, unknown>;
  try {
    doc = parseXml(text);
  } catch (err) {
    throw new NonRetryableError('feed-invalid', feedUrl, `malformed XML: ${(err as Error).message}`, { cause: err });
  }
  if ('rss' in doc) {
    const channel = asRecord(asRecord(doc['rss'])['channel']);
    const items = asArray(channel['item']).flatMap((node): FeedItem[] => {
      const it = asRecord(node);
      const guid = asRecord(it['guid']);
      const guidUrl = guid['@_isPermaLink'] === 'false' ? null : textOf(it['guid']);
      const url = absolute(textOf(asArray(it['link'])[0]) ?? guidUrl, feedUrl);
      if (url === null) return [];
      return [{ url, published: parseDate(textOf(it['pubDate']) ?? textOf(it['date'])), title: textOf(it['title']) }];
    });
    return { kind: 'rss', items };
  }
  if ('feed' in doc) {
    const feed = asRecord(doc['feed']);
    const base = absolute(typeof feed['@_base'] === 'string' ? feed['@_base'] : null, feedUrl) ?? feedUrl;
    const items = asArray(feed['entry']).flatMap((node): FeedItem[] => {
      const e = asRecord(node);
      const url = absolute(atomLink(asArray(e['link'])), base);
      if (url === null) return [];
      return [{ url, published: parseDate(textOf(e['published']) ?? textOf(e['updated'])), title: textOf(e['title']) }];
    });
    return { kind: 'atom', items };
  }
  if ('RDF' in doc) {
    const items = asArray(asRecord(doc['RDF'])['item']).flatMap((node): FeedItem[] => {
      const it = asRecord(node);
      const url = absolute(textOf(asArray(it['link'])[0]), feedUrl);
      return url === null ? [] : [{ url, published: parseDate(textOf(it['date'])), title: textOf(it['title']) }];
    });
    return { kind: 'rdf', items };
  }
  throw new NonRetryableError('feed-invalid', feedUrl, 'not an RSS, Atom or RDF feed; check the feed URL');
}

const FEED_TYPES = /^application\/(rss|atom|rdf)\+xml$/i;

/** Feed URLs a page announces with `<link rel="alternate" type="application/rss+xml|atom+xml|rdf+xml">`. */
export function findFeedLinks(html: string, pageUrl: string): string[] {
  const $ = load(html);
  const out = new Set<string>();
  $('link[href]').each((_i, el) => {
    const rel = ($(el).attr('rel') ?? '').toLowerCase().split(/\s+/);
    const type = ($(el).attr('type') ?? '').trim();
    if (!rel.includes('alternate') || !FEED_TYPES.test(type)) return;
    const url = absolute($(el).attr('href') ?? null, pageUrl);
    if (url !== null) out.add(url);
  });
  return [...out];
}
