export { findCanonicalLink, parseTagAttributes, resolveCanonicalUrl } from './canonical-link.js';
export { type CanonicalizeOptions, canonicalizeUrl, tryCanonicalizeUrl } from './canonicalize-url.js';
export {
  isAllowedByPolicy,
  isSameHost,
  isSameSite,
  normalizeHost,
  type RedirectPolicy,
  registrableDomain,
} from './site-scope.js';
export { UrlFilter, type UrlFilterOptions, type UrlVerdict } from './url-filter.js';
