import { ErrorKind, NonRetryableError } from '../errors/index.js';
import { normalizeHost } from './site-scope.js';

/** Query parameters that only track the visitor; dropped by {@link canonicalizeUrl}. */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'msclkid',
  'yclid',
  'zarsrc',
  '_ga',
  '_gl',
  'igshid',
  'mc_cid',
  'mc_eid',
  'gidzl',
]);

export interface CanonicalizeOptions {
  /** Base URL for relative input. */
  base?: string | URL;
  /** More parameter names to drop (exact, lower-case). */
  dropParams?: readonly string[];
}

function isTrackingParam(name: string, extra: readonly string[] | undefined): boolean {
  const n = name.toLowerCase();
  return n.startsWith('utm_') || TRACKING_PARAMS.has(n) || extra?.includes(n) === true;
}

const UNRESERVED = /^[A-Za-z0-9\-._~]$/;

/** Upper-case percent escapes and decode those that encode unreserved characters (RFC 3986 §6.2.2). */
function normalizePercentEncoding(s: string): string {
  return s.replace(/%([0-9a-fA-F]{2})/g, (_m, hex: string) => {
    const ch = String.fromCharCode(Number.parseInt(hex, 16));
    return UNRESERVED.test(ch) ? ch : `%${hex.toUpperCase()}`;
  });
}

/**
 * The canonical form of a URL used as its identity for dedup and caching: http/https only, lower-case host
 * without trailing dot, default port dropped, fragment dropped, tracking parameters (utm_*, fbclid, gclid,
 * zarsrc, _ga …) dropped, remaining parameters sorted by name (stable for repeated names), percent escapes
 * normalised. Throws {@link NonRetryableError} (`invalid-url` / `scheme-refused`) on input that is not an
 * http(s) URL.
 */
export function canonicalizeUrl(input: string | URL, options: CanonicalizeOptions = {}): string {
  let url: URL;
  try {
    url = new URL(input, options.base);
  } catch (err) {
    throw new NonRetryableError(ErrorKind.invalidUrl, String(input), 'not a valid URL', { cause: err });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new NonRetryableError(ErrorKind.schemeRefused, url.href, `scheme ${url.protocol} refused: only http/https`);
  if (url.hash !== '' || url.href.endsWith('#')) url.hash = '';
  if (url.username !== '' || url.password !== '') {
    url.username = '';
    url.password = '';
  }
  if (url.hostname.endsWith('.')) url.hostname = normalizeHost(url.hostname);
  // Also for a bare "?" (search is '' but href keeps the "?").
  if (url.search !== '' || url.href.includes('?')) {
    const kept = [...url.searchParams].filter(([name]) => !isTrackingParam(name, options.dropParams));
    kept.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    url.search = kept.length === 0 ? '' : new URLSearchParams(kept).toString();
  }
  if (url.pathname.includes('%')) url.pathname = normalizePercentEncoding(url.pathname);
  return url.href;
}

/** {@link canonicalizeUrl}, or null for input that is not an http(s) URL. */
export function tryCanonicalizeUrl(input: string | URL, options: CanonicalizeOptions = {}): string | null {
  try {
    return canonicalizeUrl(input, options);
  } catch (err) {
    if (err instanceof NonRetryableError) return null;
    throw err;
  }
}
