import type { SiteEntry } from '@vnevents/schema';
import { type CrawlError, CriticalError, classifyError, NonRetryableError } from '../errors/index.js';
import type { CrawlStatistics } from '../fetch/crawl-statistics.js';
import type { FetchPageOptions, FetchResult } from '../fetch/fetch-types.js';
import type { RobotsContext } from '../fetch/fetcher.js';
import type { RobotsRules } from '../robots/index.js';
import { isSameSite, tryCanonicalizeUrl, UrlFilter } from '../url/index.js';
import { findFeedLinks, parseFeed } from './feeds.js';
import { extractListingLinks } from './listing.js';
import { parseSitemap } from './sitemap.js';

/** What discovery needs from a fetcher ({@link Fetcher} implements it). */
export interface PageSource {
  fetchPage(url: string, options?: FetchPageOptions): Promise<FetchResult>;
  robotsFor(url: string, options?: RobotsContext): Promise<RobotsRules | null>;
}

export interface DiscoveredUrl {
  /** Canonical URL of the candidate article (tracking parameters removed): fetch this. */
  url: string;
  source: 'sitemap' | 'feed' | 'listing';
  /** The sitemap, feed or listing page it was found on. */
  via: string;
  /** lastmod / publication date when the source gave one. */
  lastmod: Date | null;
  /** Listing pages followed from the start URL (0 = the start page); sitemap nesting for sitemaps. */
  depth: number;
}

export interface DiscoverOptions {
  source: PageSource;
  site: SiteEntry;
  /** Time of the previous crawl: sitemap/feed entries not modified since are skipped. */
  since?: Date | null;
  /** Reference time for maxAgeDays (default now). */
  now?: Date;
  stats?: CrawlStatistics;
  signal?: AbortSignal;
  /** Listing pages fetched in total (default 50); pagination depth comes from the site's limits.maxDepth. */
  maxListingPages?: number;
  /** Sitemaps fetched in total, index children included (default 50). */
  maxSitemaps?: number;
  /** Nesting of sitemap indexes followed (default 2). */
  maxSitemapDepth?: number;
  /** Try /sitemap.xml when neither the registry nor robots.txt names a sitemap (default true). */
  guessSitemap?: boolean;
  /** Told about every failure (it is also counted in stats); discovery continues. */
  onError?: (error: CrawlError) => void;
}

const DAY = 86_400_000;

/**
 * Candidate article URLs of one site, in this order: sitemaps (registry + robots.txt Sitemap: lines; indexes
 * and .gz followed; newest lastmod first), feeds named in the registry, start pages and their pagination
 * (per-site selectors or generic rules; feeds announced there are read after), each URL once. Entries older
 * than the site's maxAgeDays or not modified since `since` are skipped (counted), and the site's scope and
 * include/exclude patterns apply. A failing sitemap, feed or listing page is counted and skipped; a
 * CriticalError stops discovery.
 */
export async function* discoverSite(options: DiscoverOptions): AsyncGenerator<DiscoveredUrl> {
  const { site, source, stats } = options;
  const filter = UrlFilter.forSite(site);
  const now = (options.now ?? new Date()).getTime();
  const cutoff = site.limits.maxAgeDays === null ? null : now - site.limits.maxAgeDays * DAY;
  const since = options.since?.getTime() ?? null;
  const seen = new Set<string>();
  const fetchOptions = (accept: 'html' | 'xml'): FetchPageOptions => ({
    site,
    accept,
    conditional: false,
    ...(stats ? { stats } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const fail = (err: unknown, url: string) => {
    const e = classifyError(err, url);
    if (e instanceof CriticalError) throw e;
    stats?.recordError(e);
    options.onError?.(e);
  };
  /** Skip reasons for a dated entry; null when it is fresh enough. */
  const staleness = (lastmod: Date | null): 'skippedOld' | 'skippedUnchanged' | null => {
    if (lastmod === null) return null;
    if (cutoff !== null && lastmod.getTime() < cutoff) return 'skippedOld';
    if (since !== null && lastmod.getTime() <= since) return 'skippedUnchanged';
    return null;
  };
  function* candidate(url: string, from: Omit<DiscoveredUrl, 'url'>): Generator<DiscoveredUrl> {
    const verdict = filter.check(url);
    if (!verdict.accepted) {
      stats?.increment('skippedFiltered');
      return;
    }
    if (seen.has(verdict.canonicalUrl)) return;
    seen.add(verdict.canonicalUrl);
    const stale = staleness(from.lastmod);
    if (stale !== null) {
      stats?.increment(stale);
      return;
    }
    stats?.increment('discovered');
    yield { url: verdict.canonicalUrl, ...from };
  }

  // 1. Sitemaps.
  let robots: RobotsRules | null = null;
  try {
    robots = await source.robotsFor(site.baseUrl, { site, ...(stats ? { stats } : {}) });
  } catch (err) {
    fail(err, new URL('/robots.txt', site.baseUrl).href);
  }
  const sitemapQueue: { url: string; depth: number }[] = [...new Set([...site.sitemaps, ...(robots?.sitemaps ?? [])])]
    .filter((u) => isSameSite(u, site.baseUrl))
    .map((url) => ({ url, depth: 0 }));
  if (sitemapQueue.length === 0 && options.guessSitemap !== false)
    sitemapQueue.push({ url: new URL('/sitemap.xml', site.baseUrl).href, depth: 0 });
  const sitemapsSeen = new Set<string>();
  const maxSitemaps = options.maxSitemaps ?? 50;
  while (sitemapQueue.length > 0 && sitemapsSeen.size < maxSitemaps) {
    const { url, depth } = sitemapQueue.shift()!;
    if (sitemapsSeen.has(url)) continue;
    sitemapsSeen.add(url);
    try {
      const page = await source.fetchPage(url, fetchOptions('xml'));
      if (page.notModified) continue;
      const doc = parseSitemap(page.html, page.finalUrl);
      if (doc.kind === 'index') {
        if (depth >= (options.maxSitemapDepth ?? 2)) continue;
        for (const child of doc.sitemaps) {
          const stale = staleness(child.lastmod);
          if (stale === null && isSameSite(child.url, site.baseUrl))
            sitemapQueue.push({ url: child.url, depth: depth + 1 });
        }
        continue;
      }
      const entries = [...doc.entries].sort((a, b) => (b.lastmod?.getTime() ?? 0) - (a.lastmod?.getTime() ?? 0));
      for (const e of entries) yield* candidate(e.url, { source: 'sitemap', via: url, lastmod: e.lastmod, depth });
    } catch (err) {
      fail(err, url);
    }
  }

  // 2. Feeds from the registry, then start pages with pagination (collecting announced feeds).
  const feedsDone = new Set<string>();
  async function* readFeed(feedUrl: string): AsyncGenerator<DiscoveredUrl> {
    if (feedsDone.has(feedUrl)) return;
    feedsDone.add(feedUrl);
    try {
      const page = await source.fetchPage(feedUrl, fetchOptions('xml'));
      if (page.notModified) return;
      for (const item of parseFeed(page.html, page.finalUrl).items)
        yield* candidate(item.url, { source: 'feed', via: feedUrl, lastmod: item.published, depth: 0 });
    } catch (err) {
      fail(err, feedUrl);
    }
  }
  for (const feed of site.feeds) yield* readFeed(feed);

  const announcedFeeds: string[] = [];
  const listingSeen = new Set<string>();
  const maxListingPages = options.maxListingPages ?? 50;
  for (const start of site.startUrls) {
    const queue: { url: string; depth: number }[] = [{ url: start, depth: 0 }];
    while (queue.length > 0 && listingSeen.size < maxListingPages) {
      const { url, depth } = queue.shift()!;
      const key = tryCanonicalizeUrl(url) ?? url;
      if (listingSeen.has(key)) continue;
      listingSeen.add(key);
      let links: ReturnType<typeof extractListingLinks>;
      try {
        const page = await source.fetchPage(url, fetchOptions('html'));
        if (page.notModified) continue;
        if (depth === 0)
          for (const f of findFeedLinks(page.html, page.finalUrl))
            if (isSameSite(f, site.baseUrl)) announcedFeeds.push(f);
        links = extractListingLinks(page.html, page.finalUrl, site.selectors ?? {});
      } catch (err) {
        fail(err, url);
        continue;
      }
      for (const miss of links.selectorMisses)
        fail(
          new NonRetryableError(
            'selector-no-match',
            url,
            `selector ${miss} of site ${site.id} matched nothing; generic link rules used — fix the selector in sites/registry.json`,
          ),
          url,
        );
      for (const a of links.articles) yield* candidate(a, { source: 'listing', via: url, lastmod: null, depth });
      if (depth < site.limits.maxDepth) for (const next of links.nextPages) queue.push({ url: next, depth: depth + 1 });
    }
  }
  for (const feed of announcedFeeds) yield* readFeed(feed);
}
