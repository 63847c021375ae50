import { loadSiteRegistry } from '@vnevents/crawler';
import type { SiteEntry } from '@vnevents/schema';
import type { Command } from 'commander';
import { startSiteCrawl, startUrlCrawl, type WaitResult, waitForCrawl } from '../../crawl/index.js';
import { sitesFromEntries } from '../../deps/sites.js';
import { CliError, type CliIO } from '../io.js';
import {
  addConnectionOptions,
  type ConnectionOptions,
  configFrom,
  parseIntOption,
  stderrLogger,
  withRuntime,
} from '../pipeline-options.js';
import { CrawlProgressView, crawlSummary } from '../progress/index.js';

interface CrawlOptions extends ConnectionOptions {
  all?: boolean;
  wait?: boolean;
  force?: boolean;
  sites?: string;
  timeout?: string;
}

export function registerCrawl(program: Command, io: CliIO, setExit: (code: number) => void): void {
  addConnectionOptions(
    program
      .command('crawl')
      .description('enqueue a crawl of registry sites (by id) or of single URLs; workers (`vnevents run`) do the work')
      .argument('[targets...]', 'site ids from the registry, or http(s) URLs')
      .option('--all', 'every site of the registry')
      .option('--wait', 'wait for the crawl to finish, with a progress bar and a summary')
      .option('--force', 'URLs: fetch even if fetched recently, without conditional GET')
      .option('--timeout <seconds>', 'with --wait: stop waiting after this long (the crawl goes on)')
      .option('--sites <file>', 'sites registry (env VNEVENTS_SITES; default ./sites/registry.json)'),
  ).action(async (targets: string[], opts: CrawlOptions) => {
    const config = configFrom(opts, opts.sites ? { sitesPath: opts.sites } : {});
    const timeout = parseIntOption('--timeout', opts.timeout);
    if (!targets.length && !opts.all) throw new CliError('name site ids or URLs to crawl, or pass --all', 2);
    let entries: SiteEntry[];
    try {
      entries = (await loadSiteRegistry(config.sitesPath)).sites;
    } catch (err) {
      if (targets.some((t) => !/^https?:\/\//.test(t)) || opts.all) throw new CliError((err as Error).message, 2);
      entries = [];
    }
    const sites = sitesFromEntries(entries);
    const urls = targets.filter((t) => /^https?:\/\//.test(t));
    const siteIds = opts.all ? entries.map((s) => s.id) : targets.filter((t) => !/^https?:\/\//.test(t));
    const unknown = siteIds.filter((id) => !sites.get(id));
    if (unknown.length)
      throw new CliError(
        `not in the sites registry ${config.sitesPath}: ${unknown.join(', ')} (ids are like ${entries[0]?.id ?? 'baodienbienphu.info.vn'})`,
        2,
      );
    if (siteIds.length && urls.length) throw new CliError('crawl either sites or URLs in one command, not both', 2);
    const log = stderrLogger(config, 'vnevents');
    await withRuntime(config, log, async (rt) => {
      let crawlId: string;
      if (urls.length) {
        const { canonicalizeUrl } = await import('@vnevents/crawler');
        const r = await startUrlCrawl(
          rt,
          urls.map((url) => ({ url, canonicalUrl: canonicalizeUrl(url), siteId: sites.forUrl(url)?.id ?? null })),
          { force: opts.force ?? false },
        );
        crawlId = r.crawlId;
        io.out(
          `crawl ${crawlId}: ${r.added} URL(s) enqueued${r.joined ? `, ${r.joined} already in flight` : ''}${r.recent ? `, ${r.recent} fetched recently (--force to fetch anyway)` : ''}`,
        );
      } else {
        crawlId = await startSiteCrawl(rt, siteIds);
        io.out(`crawl ${crawlId}: ${siteIds.length} site(s) enqueued for discovery`);
      }
      if (!opts.wait) {
        io.out('workers (`vnevents run`) will do the work; follow it with `vnevents status`');
        return;
      }
      const started = Date.now();
      const view = new CrawlProgressView(io);
      let result: WaitResult;
      try {
        result = await waitForCrawl(rt, crawlId, {
          onProgress: (p) => view.update(p),
          ...(timeout ? { timeoutMs: timeout * 1000 } : {}),
        });
      } finally {
        view.stop();
      }
      for (const line of crawlSummary(result.progress, (Date.now() - started) / 1000, result.lost)) io.out(line);
      if (result.timedOut) {
        io.err(`stopped waiting after ${timeout} s; the crawl goes on (vnevents status)`);
        setExit(1);
      } else if (result.lost) setExit(1);
    });
  });
}
