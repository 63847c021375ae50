import { canonicalizeUrl, tryCanonicalizeUrl } from './canonicalize-url.js';
import { isSameSite } from './site-scope.js';

const LINK_TAG = /<link\b[^>]*>/gi;
const ATTRIBUTE = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g;
/** rel=canonical sits in <head>; scanning further costs time on big pages for nothing. */
const SCAN_LIMIT = 64 * 1024;

/** Attributes of one start tag, names lower-cased, values with &amp; and numeric references decoded. */
export function parseTagAttributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  const inner = tag.replace(/^<[a-zA-Z0-9]+/, '').replace(/\/?>$/, '');
  for (const m of inner.matchAll(ATTRIBUTE)) {
    const name = m[1]?.toLowerCase();
    if (name === undefined || out.has(name)) continue;
    out.set(name, decodeBasicEntities(m[2] ?? m[3] ?? m[4] ?? ''));
  }
  return out;
}

function decodeBasicEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_m, h: string) => String.fromCodePoint(Number.parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number.parseInt(d, 10)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

const CANONICAL_WORD = /canonical/i;

/** The href of the first `<link rel="canonical">` in the document head, as written, or null. */
export function findCanonicalLink(html: string): string | null {
  const head = html.length > SCAN_LIMIT ? html.slice(0, SCAN_LIMIT) : html;
  if (!CANONICAL_WORD.test(head)) return null; // most of the cost is skipped for pages without one
  for (const m of head.matchAll(LINK_TAG)) {
    if (!CANONICAL_WORD.test(m[0])) continue;
    const attrs = parseTagAttributes(m[0]);
    const rel = attrs.get('rel');
    if (rel === undefined || !rel.toLowerCase().split(/\s+/).includes('canonical')) continue;
    const href = attrs.get('href')?.trim();
    if (href) return href;
  }
  return null;
}

/**
 * The canonical URL of a fetched page: its `rel=canonical` when that points to the same site (a canonical on
 * another site is ignored — a portal must not be able to claim another site's article), else the page URL;
 * both in {@link canonicalizeUrl} form.
 */
export function resolveCanonicalUrl(pageUrl: string, html: string | null): string {
  const own = canonicalizeUrl(pageUrl);
  if (html === null) return own;
  const href = findCanonicalLink(html);
  if (href === null || href === own) return own;
  const declared = tryCanonicalizeUrl(href, { base: pageUrl });
  if (declared === null || !isSameSite(declared, own)) return own;
  return declared;
}
