import { z } from 'zod';

const cron = z
  .string()
  .regex(/^(\S+\s+){4,5}\S+$/, 'expected a cron expression with 5 or 6 fields, e.g. "0 */6 * * *"');

export const SiteSelectorsSchema = z
  .object({
    title: z.string().optional(),
    body: z.string().optional(),
    date: z.string().optional(),
    author: z.string().optional(),
    /** Elements removed before extraction (menus, share bars …). */
    remove: z.array(z.string()).optional(),
    /** Links to articles on listing pages. */
    articleLinks: z.string().optional(),
    /** The "next page" link on listing pages. */
    nextPage: z.string().optional(),
  })
  .strict();
export type SiteSelectors = z.infer<typeof SiteSelectorsSchema>;

/** One entry of the sites registry (sites/*.json / sites.json). */
export const SiteEntrySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'site id: lower-case host-like id such as baodienbienphu.info.vn'),
    name: z.string().min(1),
    baseUrl: z.string().url(),
    kind: z.enum(['newspaper', 'portal', 'party-committee', 'other']),
    /** Province (pre- or post-2025 name) the site reports on; resolves locations the text leaves implicit. */
    province: z.string().nullable(),
    startUrls: z.array(z.string().url()).min(1),
    sitemaps: z.array(z.string().url()).default([]),
    feeds: z.array(z.string().url()).default([]),
    /** Regular expressions (source text) that a URL path must match to be crawled. */
    include: z.array(z.string()).default([]),
    exclude: z.array(z.string()).default([]),
    schedule: cron.default('0 */6 * * *'),
    selectors: SiteSelectorsSchema.optional(),
    politeness: z
      .object({
        delayMs: z.number().int().min(0).default(1000),
        concurrency: z.number().int().min(1).default(1),
      })
      .strict()
      .default({ delayMs: 1000, concurrency: 1 }),
    limits: z
      .object({
        maxPages: z.number().int().positive().default(500),
        maxDepth: z.number().int().nonnegative().default(3),
        maxAgeDays: z.number().int().positive().nullable().default(365),
      })
      .strict()
      .default({ maxPages: 500, maxDepth: 3, maxAgeDays: 365 }),
    /** Allow loopback/private addresses (tests and local fixture servers only). */
    allowPrivateNetwork: z.boolean().default(false),
    /** Charset to assume when the page does not declare one. */
    charset: z.string().optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    for (const [key, list] of [
      ['include', s.include],
      ['exclude', s.exclude],
    ] as const)
      list.forEach((src, i) => {
        try {
          new RegExp(src);
        } catch (err) {
          ctx.addIssue({
            code: 'custom',
            path: [key, i],
            message: `invalid regular expression: ${(err as Error).message}`,
          });
        }
      });
  });
export type SiteEntry = z.infer<typeof SiteEntrySchema>;
export type SiteEntryInput = z.input<typeof SiteEntrySchema>;

export const SiteRegistrySchema = z.object({ sites: z.array(SiteEntrySchema) }).superRefine((r, ctx) => {
  const seen = new Set<string>();
  r.sites.forEach((s, i) => {
    if (seen.has(s.id))
      ctx.addIssue({ code: 'custom', path: ['sites', i, 'id'], message: `duplicate site id ${s.id}` });
    seen.add(s.id);
  });
});
export type SiteRegistry = z.infer<typeof SiteRegistrySchema>;
