import type { SiteEntry } from '@vnevents/schema';
import { tryCanonicalizeUrl } from './canonicalize-url.js';
import { isSameSite } from './site-scope.js';

export type UrlVerdict =
  | { accepted: true; canonicalUrl: string }
  | { accepted: false; reason: 'invalid' | 'off-site' | 'not-included' | 'excluded'; detail: string };

export interface UrlFilterOptions {
  /** Regular expressions (source) the path + query must match (any of them); empty = everything. */
  include?: readonly string[];
  /** Regular expressions (source) that reject a path + query. */
  exclude?: readonly string[];
  /** URLs whose sites are in scope (registrable domain); empty = any site. */
  scope?: readonly string[];
}

/** Decides which discovered URLs of a site are crawled: site scope, then include, then exclude patterns. */
export class UrlFilter {
  private readonly include: RegExp[];
  private readonly exclude: RegExp[];
  private readonly scope: string[];

  constructor(options: UrlFilterOptions = {}) {
    this.include = (options.include ?? []).map((s) => new RegExp(s));
    this.exclude = (options.exclude ?? []).map((s) => new RegExp(s));
    this.scope = [...(options.scope ?? [])];
  }

  /** The filter of a registry entry: its include/exclude patterns, scoped to the sites of baseUrl and startUrls. */
  static forSite(site: Pick<SiteEntry, 'baseUrl' | 'startUrls' | 'include' | 'exclude'>): UrlFilter {
    return new UrlFilter({ include: site.include, exclude: site.exclude, scope: [site.baseUrl, ...site.startUrls] });
  }

  check(url: string, base?: string): UrlVerdict {
    const canonicalUrl = tryCanonicalizeUrl(url, base === undefined ? {} : { base });
    if (canonicalUrl === null) return { accepted: false, reason: 'invalid', detail: `not an http(s) URL: ${url}` };
    if (this.scope.length > 0 && !this.scope.some((s) => isSameSite(s, canonicalUrl)))
      return { accepted: false, reason: 'off-site', detail: canonicalUrl };
    const u = new URL(canonicalUrl);
    const target = u.pathname + u.search;
    if (this.include.length > 0 && !this.include.some((re) => re.test(target)))
      return { accepted: false, reason: 'not-included', detail: target };
    const hit = this.exclude.find((re) => re.test(target));
    if (hit !== undefined) return { accepted: false, reason: 'excluded', detail: `${target} matches ${hit.source}` };
    return { accepted: true, canonicalUrl };
  }
}
