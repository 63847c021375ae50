import { NonRetryableError } from '../errors/index.js';
import { asArray, asRecord, parseDate, parseXml, textOf } from './xml.js';

export interface SitemapEntry {
  /** Absolute URL of the page (urlset) or the child sitemap (index). */
  url: string;
  /** `<lastmod>` (or a news sitemap's publication date), null when absent. */
  lastmod: Date | null;
}

export type SitemapDocument = { kind: 'urlset'; entries: SitemapEntry[] } | { kind: 'index'; sitemaps: SitemapEntry[] };

function absolute(loc: string | null, base: string): string | null {
  if (loc === null) return null;
  try {
    const u = new URL(loc, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null; // one malformed <loc> must not cost the rest of the sitemap
  }
}

/**
 * Parses a sitemap (sitemaps.org urlset, a sitemap index, Google News sitemap dates) or a plain-text sitemap
 * (one URL per line). Throws {@link NonRetryableError} `sitemap-invalid` naming the sitemap when the text is
 * neither.
 */
export function parseSitemap(text: string, sitemapUrl: string): SitemapDocument {
  const trimmed = text.trimStart();
  if (!trimmed.startsWith('<')) {
    const entries = trimmed
      .split(/\r?\n/)
      .map((l) => absolute(l.trim() || null, sitemapUrl))
      .filter((u): u is string => u !== null)
      .map((url) => ({ url, lastmod: null }));
    if (entries.length > 0) return { kind: 'urlset', entries };
    throw new NonRetryableError('sitemap-invalid', sitemapUrl, 'not XML and not a list of URLs; check the sitemap URL');
  }
  let doc: Record<string, unknown>;
  try {
    doc = parseXml(text);
  } catch (err) {
    throw new NonRetryableError('sitemap-invalid', sitemapUrl, `malformed XML: ${(err as Error).message}`, {
      cause: err,
    });
  }
  if ('urlset' in doc) {
    const entries: SitemapEntry[] = [];
    for (const node of asArray(asRecord(doc['urlset'])['url'])) {
      const u = asRecord(node);
      const url = absolute(textOf(u['loc']), sitemapUrl);
      if (url === null) continue;
      const news = asRecord(u['news']);
      entries.push({ url, lastmod: parseDate(textOf(u['lastmod']) ?? textOf(news['publication_date'])) });
    }
    return { kind: 'urlset', entries };
  }
  if ('sitemapindex' in doc) {
    const sitemaps: SitemapEntry[] = [];
    for (const node of asArray(asRecord(doc['sitemapindex'])['sitemap'])) {
      const s = asRecord(node);
      const url = absolute(textOf(s['loc']), sitemapUrl);
      if (url !== null) sitemaps.push({ url, lastmod: parseDate(textOf(s['lastmod'])) });
    }
    return { kind: 'index', sitemaps };
  }
  throw new NonRetryableError(
    'sitemap-invalid',
    sitemapUrl,
    `root element is ${Object.keys(doc).filter((k) => k !== '?xml')[0] ?? 'missing'}, not urlset or sitemapindex`,
  );
}
