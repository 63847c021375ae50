export { CHARSET_VARIANTS, LEGACY_SAMPLE_TEXT, LEGACY_SAMPLE_TITLE } from './charset-routes.js';
export { FAULT_ROUTE_NAMES } from './fault-routes.js';
export {
  DEFAULT_FIXTURE_ROOT,
  type FixtureServer,
  type FixtureServerOptions,
  startFixtureServer,
} from './fixture-server.js';
export { fixtureSite, fixtureSiteRegistry } from './fixture-sites.js';
export { type GeneratedArticle, generateArticle, slugify } from './generated-content.js';
export {
  defaultRobotsTxt,
  LISTING_CATEGORIES,
  LISTING_PAGE_SIZE,
  LISTING_PAGES,
  MIXED_LISTING_LINKS,
} from './generated-site-routes.js';
export { listGoldenPages } from './golden-routes.js';
export { encodeTcvn3, encodeWindows1258 } from './legacy-encoders.js';
export type { RobotsSpec } from './route-context.js';
export { FixtureServerStats, type RecordedRequest } from './server-stats.js';
