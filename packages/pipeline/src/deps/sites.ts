import type { SiteEntry } from '@vnevents/schema';
import type { SitesPort } from './ports.js';

/** An in-memory view of the sites registry. */
export function sitesFromEntries(entries: SiteEntry[]): SitesPort {
  const byId = new Map(entries.map((s) => [s.id, s]));
  const byHost = new Map<string, SiteEntry>();
  for (const s of entries) {
    for (const u of [s.baseUrl, ...s.startUrls]) {
      const host = new URL(u).host.toLowerCase();
      if (!byHost.has(host)) byHost.set(host, s);
    }
  }
  return {
    get: (id) => byId.get(id),
    list: () => [...byId.values()],
    forUrl: (url) => byHost.get(new URL(url).host.toLowerCase()),
  };
}
