import * as robotsParserModule from 'robots-parser';

interface ParsedRobots {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
  getSitemaps(): string[];
}
type RobotsParser = (url: string, robotstxt: string) => ParsedRobots;
// robots-parser is CommonJS (`module.exports = fn`); its typings declare an ES default export.
const robotsParser = ((robotsParserModule as unknown as { default?: RobotsParser }).default ??
  robotsParserModule) as unknown as RobotsParser;

/** What robots.txt says about one origin, for one user-agent token. */
export interface RobotsRules {
  /** `https://host[:port]` the rules apply to. */
  readonly origin: string;
  /** `parsed` (2xx), `allow-all` (4xx or no file), `disallow-all` (5xx/unreachable after retries, RFC 9309). */
  readonly outcome: 'parsed' | 'allow-all' | 'disallow-all';
  /** HTTP status of the robots.txt response, null when unreachable. */
  readonly status: number | null;
  /** Crawl-delay for our token (or `*`) in milliseconds, null when absent. */
  readonly crawlDelayMs: number | null;
  /** Sitemap: lines, absolute URLs. */
  readonly sitemaps: readonly string[];
  isAllowed(url: string): boolean;
}

export function allowAllRules(origin: string, status: number | null): RobotsRules {
  return { origin, outcome: 'allow-all', status, crawlDelayMs: null, sitemaps: [], isAllowed: () => true };
}

export function disallowAllRules(origin: string, status: number | null): RobotsRules {
  return {
    origin,
    outcome: 'disallow-all',
    status,
    crawlDelayMs: null,
    sitemaps: [],
    // robots.txt itself stays fetchable so the next check can succeed.
    isAllowed: (url) => new URL(url).pathname === '/robots.txt',
  };
}

/** Parses a robots.txt body for the product token `agent` (e.g. `vnevents`); Crawl-delay is capped at `maxCrawlDelayMs`. */
export function parseRobotsRules(
  origin: string,
  status: number,
  body: string,
  agent: string,
  maxCrawlDelayMs: number,
): RobotsRules {
  const robots = robotsParser(`${origin}/robots.txt`, body);
  const delaySeconds = robots.getCrawlDelay(agent);
  const crawlDelayMs =
    delaySeconds === undefined || !Number.isFinite(delaySeconds) || delaySeconds < 0
      ? null
      : Math.min(Math.round(delaySeconds * 1000), maxCrawlDelayMs);
  const sitemaps = robots.getSitemaps().flatMap((s) => {
    try {
      return [new URL(s, origin).href];
    } catch {
      return []; // a malformed Sitemap: line is the site's typo, not a reason to distrust the rest
    }
  });
  return {
    origin,
    outcome: 'parsed',
    status,
    crawlDelayMs,
    sitemaps,
    isAllowed: (url) => robots.isAllowed(url, agent) !== false,
  };
}
