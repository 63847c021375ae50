import { type SiteEntry, type SiteEntryInput, type SiteRegistry, SiteRegistrySchema } from '@vnevents/schema';

/**
 * The test registry of the fixture server, built in code because the port is only known at run time.
 * Entries allow private networks (the server is on loopback) and keep politeness short.
 *
 * - `fixture-news`: the generated news site (robots.txt → sitemap index, feeds on the home page,
 *   paginated listings under /chuyen-muc/).
 * - `fixture-golden`: the golden pages of fixtures/sites, listed at /_fixtures/.
 */
export function fixtureSiteRegistry(
  baseUrl: string,
  overrides: Partial<Record<'fixture-news' | 'fixture-golden', Partial<SiteEntryInput>>> = {},
): SiteRegistry {
  const base = baseUrl.replace(/\/$/, '');
  const entries: SiteEntryInput[] = [
    {
      id: 'fixture-news',
      name: 'Báo Thử Nghiệm (fixture server)',
      baseUrl: `${base}/`,
      kind: 'newspaper',
      province: 'Điện Biên',
      startUrls: [`${base}/`, `${base}/chuyen-muc/thoi-su/`],
      exclude: ['^/fault/', '^/charset/', '^/_fixtures/'],
      schedule: '*/30 * * * *',
      selectors: { articleLinks: '.list-news h3 a', nextPage: '.pager a.next' },
      politeness: { delayMs: 100, concurrency: 1 },
      limits: { maxPages: 200, maxDepth: 3, maxAgeDays: 365 },
      allowPrivateNetwork: true,
      ...overrides['fixture-news'],
    },
    {
      id: 'fixture-golden',
      name: 'Golden pages of fixtures/sites (fixture server)',
      baseUrl: `${base}/`,
      kind: 'other',
      province: null,
      startUrls: [`${base}/_fixtures/`],
      selectors: { articleLinks: 'a.fixture' },
      politeness: { delayMs: 0, concurrency: 4 },
      limits: { maxPages: 1000, maxDepth: 0, maxAgeDays: null },
      allowPrivateNetwork: true,
      ...overrides['fixture-golden'],
    },
  ];
  return SiteRegistrySchema.parse({ sites: entries });
}

/** One entry of {@link fixtureSiteRegistry}. */
export function fixtureSite(
  baseUrl: string,
  id: 'fixture-news' | 'fixture-golden',
  overrides: Partial<SiteEntryInput> = {},
): SiteEntry {
  const site = fixtureSiteRegistry(baseUrl, { [id]: overrides }).sites.find((s) => s.id === id);
  if (!site) throw new Error(`no fixture site ${id}`);
  return site;
}
