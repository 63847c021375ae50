export { looksLikeArticleUrl, pageNumberOf } from './article-url.js';
export { type DiscoveredUrl, type DiscoverOptions, discoverSite, type PageSource } from './discover-site.js';
export { type FeedDocument, type FeedItem, findFeedLinks, parseFeed } from './feeds.js';
export { extractListingLinks, type ListingLinks, type ListingSelectors } from './listing.js';
export { parseSitemap, type SitemapDocument, type SitemapEntry } from './sitemap.js';
