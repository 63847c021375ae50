import {
  DEFAULT_FIXTURE_ROOT,
  type FixtureServer,
  fixtureSite,
  listGoldenPages,
  startFixtureServer,
} from '@vnevents/crawler';
import type { SiteEntry, SiteEntryInput } from '@vnevents/schema';

/**
 * Ports the demo prefers (stable URLs, so a second demo run finds the pages it stored; below the ephemeral range);
 * any free port when one is taken.
 */
export const DEMO_PORTS = { news: 18_911, golden: 18_912 } as const;

async function startOn(port: number): Promise<FixtureServer> {
  try {
    return await startFixtureServer({ port });
  } catch (err) {
    if ((err as { code?: string }).code !== 'EADDRINUSE') throw err;
    return startFixtureServer();
  }
}

export interface FixtureSites {
  sites: SiteEntry[];
  servers: { news: FixtureServer; golden: FixtureServer };
  close(): Promise<void>;
}

/**
 * The crawler's fixture sites on loopback, one server (one host for politeness) per site: `fixture-news`, the
 * generated provincial newspaper (sitemaps, feeds, paginated listings), and `fixture-golden`, the saved pages of real
 * portal templates in fixtures/sites (kept to those pages: the server also answers the generated routes). Loopback
 * servers get a short politeness (default 20 ms apart, 2 at a time) so the demo takes seconds.
 */
export async function startFixtureSites(
  ports: { news: number; golden: number } = DEMO_PORTS,
  politeness: { delayMs: number; concurrency: number } = { delayMs: 20, concurrency: 2 },
  newsOverrides: Partial<SiteEntryInput> = {},
): Promise<FixtureSites> {
  const news = await startOn(ports.news);
  const golden = await startOn(ports.golden).catch(async (err: unknown) => {
    await news.close();
    throw err;
  });
  const templates = [...new Set((await listGoldenPages(DEFAULT_FIXTURE_ROOT)).map((p) => p.template))];
  const sites = [
    fixtureSite(news.url, 'fixture-news', { politeness, ...newsOverrides }),
    fixtureSite(golden.url, 'fixture-golden', {
      include: [templates.length ? `^/(?:${templates.join('|')})/` : '^/_fixtures/$'],
    }),
  ];
  return {
    sites,
    servers: { news, golden },
    async close() {
      await Promise.all([news.close(), golden.close()]);
    },
  };
}
