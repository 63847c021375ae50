import { Fetcher, loadSiteRegistry } from '@vnevents/crawler';
import { EXTRACTOR_NAME, EXTRACTOR_VERSION, extract } from '@vnevents/extractor';
import { articleText, type ExtractorInfo, type SiteEntry } from '@vnevents/schema';
import { openStore, type Store } from '@vnevents/store';
import type { Logger } from 'pino';
import type { PipelineConfig } from '../config/index.js';
import { crawlerPort, crawlLogger, PerRequestValidators } from './crawler-port.js';
import type { OpenPorts, PortServices } from './load-ports.js';
import { gazetteerPlaceResolver } from './place-resolver.js';
import type { ExtractorPort } from './ports.js';
import { sitesFromEntries } from './sites.js';
import { PipelineRuns, storePort } from './store-port.js';

/** The store of the configuration (PostgreSQL when databaseUrl is set, else the SQLite file), with the gazetteer. */
export function openConfiguredStore(config: PipelineConfig, url?: string): Promise<Store> {
  return openStore({
    url: url || config.databaseUrl || config.dbPath,
    placeResolver: gazetteerPlaceResolver(),
    ...(config.databaseSchema ? { schema: config.databaseSchema } : {}),
  });
}

/** The extractor's name, version and lexicon version, read from a result (the lexicon version is computed). */
export function extractorInfo(): ExtractorInfo {
  const probe = extract({ text: 'vnevents' });
  return probe.extractor ?? { name: EXTRACTOR_NAME, version: EXTRACTOR_VERSION, lexiconVersion: 'unknown' };
}

export function extractorPort(info: ExtractorInfo): ExtractorPort {
  return {
    version: `${info.name}@${info.version}+${info.lexiconVersion}`,
    extract(a, site) {
      return extract({
        text: articleText(a),
        title: a.title,
        publishedAt: a.publishedAt,
        url: a.url,
        site: a.site,
        siteProvince: site?.province ?? null,
        lang: a.lang,
      });
    },
  };
}

export interface DefaultPortsOptions {
  /** Sites to use instead of reading config.sitesPath (the demo builds its registry at run time). */
  sites?: SiteEntry[];
  /** An open store to use (closed by the caller) instead of opening the configuration's. */
  store?: Store;
}

/** The real crawler, extractor and store, configured from the pipeline's configuration. */
export async function createDefaultPorts(
  config: PipelineConfig,
  log: Logger,
  services: PortServices,
  opts: DefaultPortsOptions = {},
): Promise<OpenPorts> {
  const entries = opts.sites ?? (await loadSiteRegistry(config.sitesPath)).sites;
  const sites = sitesFromEntries(entries);
  const store = opts.store ?? (await openConfiguredStore(config));
  const validators = new PerRequestValidators();
  const fetcher = new Fetcher({
    limiter: services.limiter,
    cache: validators,
    // Retries belong to the queue (backoff, throttle delays that free the worker): one attempt per job run.
    retry: { maxRetries: 0 },
    logger: crawlLogger(log.child({ component: 'fetcher' })),
    ...(config.politeness ? {} : { politeness: { delayMs: 0, concurrency: Number.POSITIVE_INFINITY } }),
  });
  const info = extractorInfo();
  const runs = new PipelineRuns(store, info, services.redis, `${config.prefix}:run-lock`);
  log.info({ store: store.location, sites: entries.length, extractor: info }, 'ports ready');
  return {
    ports: {
      crawler: crawlerPort(fetcher, validators, config.politeness),
      extractor: extractorPort(info),
      store: storePort(store, runs, sites, log),
      sites,
    },
    async close() {
      await fetcher.close();
      if (!opts.store) await store.close();
    },
  };
}
