import { readFile } from 'node:fs/promises';
import { type SiteEntry, validateSiteRegistry } from '@vnevents/schema';

/** Thrown when the sites registry cannot be read or is invalid: names the file and the first problems. */
export class SiteRegistryError extends Error {
  constructor(path: string, detail: string) {
    super(`sites registry ${path}: ${detail}. Fix it (vnevents validate --kind sites ${path}) or pass --sites FILE.`);
    this.name = 'SiteRegistryError';
  }
}

/** Reads and validates the sites registry ({ sites: [...] }). */
export async function readSiteRegistry(path: string): Promise<SiteEntry[]> {
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch (err) {
    throw new SiteRegistryError(path, `cannot read it (${(err as Error).message})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (err) {
    throw new SiteRegistryError(path, `not JSON (${(err as Error).message})`);
  }
  const r = validateSiteRegistry(data);
  if (!r.ok)
    throw new SiteRegistryError(
      path,
      r.issues
        .slice(0, 3)
        .map((i) => `${i.path}: ${i.message}`)
        .join('; '),
    );
  return r.value.sites;
}
