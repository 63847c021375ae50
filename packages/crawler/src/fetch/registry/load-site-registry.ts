import { readFile } from 'node:fs/promises';
import { type SiteRegistry, SiteRegistrySchema } from '@vnevents/schema';
import { isSameSite } from '../../url/index.js';

export interface RegistryProblem {
  /** Path inside the file, e.g. `sites[3].include[0]`. */
  path: string;
  /** Id of the site entry concerned, when the problem is inside one. */
  siteId: string | null;
  message: string;
}

/** The registry file is unreadable or invalid; the message names the file, the entry and the rule. */
export class SiteRegistryError extends Error {
  readonly file: string;
  readonly problems: RegistryProblem[];

  constructor(file: string, problems: RegistryProblem[], options?: { cause?: unknown }) {
    const lines = problems.map((p) => `  ${p.path}${p.siteId ? ` (site ${p.siteId})` : ''}: ${p.message}`);
    super(`invalid sites registry ${file}:\n${lines.join('\n')}`, options);
    this.name = 'SiteRegistryError';
    this.file = file;
    this.problems = problems;
  }
}

function formatPath(path: readonly PropertyKey[]): string {
  return (
    path.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i === 0 ? '' : '.'}${String(k)}`)).join('') || '(root)'
  );
}

function siteIdAt(raw: unknown, path: readonly PropertyKey[]): string | null {
  if (path[0] !== 'sites' || typeof path[1] !== 'number') return null;
  const sites = (raw as { sites?: unknown })?.sites;
  const entry = Array.isArray(sites) ? (sites[path[1]] as { id?: unknown } | undefined) : undefined;
  return typeof entry?.id === 'string' ? entry.id : null;
}

/**
 * Validates registry JSON text (already read from `file`, used in messages): the schema
 * ({@link SiteRegistrySchema}: fields, regular expressions, unique ids), then that every start URL, sitemap
 * and feed belongs to the site of its baseUrl.
 */
export function parseSiteRegistry(text: string, file: string): SiteRegistry {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new SiteRegistryError(
      file,
      [{ path: '(root)', siteId: null, message: `not JSON: ${(err as Error).message}` }],
      {
        cause: err,
      },
    );
  }
  const result = SiteRegistrySchema.safeParse(raw);
  if (!result.success)
    throw new SiteRegistryError(
      file,
      result.error.issues.map((i) => ({
        path: formatPath(i.path),
        siteId: siteIdAt(raw, i.path),
        message: i.message,
      })),
    );
  const problems: RegistryProblem[] = [];
  result.data.sites.forEach((site, i) => {
    for (const key of ['startUrls', 'sitemaps', 'feeds'] as const)
      site[key].forEach((url, j) => {
        if (!isSameSite(url, site.baseUrl))
          problems.push({
            path: `sites[${i}].${key}[${j}]`,
            siteId: site.id,
            message: `${url} is not on the site of baseUrl ${site.baseUrl}`,
          });
      });
  });
  if (problems.length > 0) throw new SiteRegistryError(file, problems);
  return result.data;
}

/** Reads and validates a sites registry file (sites/registry.json); throws {@link SiteRegistryError}. */
export async function loadSiteRegistry(path: string): Promise<SiteRegistry> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new SiteRegistryError(path, [{ path: '(file)', siteId: null, message: (err as Error).message }], {
      cause: err,
    });
  }
  return parseSiteRegistry(text, path);
}
