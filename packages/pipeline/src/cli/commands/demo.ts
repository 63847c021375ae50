import type { EventSummary } from '@vnevents/store';
import type { Command } from 'commander';
import { runDemo } from '../../demo/index.js';
import { RedisServerMissingError } from '../../redis/index.js';
import { formatTable } from '../../status/index.js';
import { CliError, type CliIO } from '../io.js';
import {
  addConnectionOptions,
  type ConnectionOptions,
  configFrom,
  parseIntOption,
  stderrLogger,
} from '../pipeline-options.js';
import { CrawlProgressView, crawlSummary } from '../progress/index.js';

interface DemoCliOptions extends ConnectionOptions {
  db: string;
  limit: string;
  concurrency?: string;
}

const TYPE_VI: Record<string, string> = {
  inspection: 'inspection',
  supervision: 'supervision',
  working_session: 'working session',
  briefing: 'briefing',
  review: 'review',
  conference: 'conference',
  other: 'other',
};

/** The events table the demo prints: date, type, lead unit, lead official, province, directives. */
export function eventsTable(events: EventSummary[], limit: number): string[] {
  return formatTable(
    ['date', 'type', 'lead unit', 'lead official', 'province', 'directives'],
    events
      .slice(0, limit)
      .map((e) => [
        e.date ?? `${e.sortDate}*`,
        TYPE_VI[e.type] ?? e.type,
        e.leadUnit,
        e.leadOfficial ? [e.leadOfficial.title, e.leadOfficial.name].filter(Boolean).join(' ') : null,
        e.place.province ?? e.places.new.province,
        e.directives.join(', '),
      ]),
    42,
  );
}

export function registerDemo(program: Command, io: CliIO, setExit: (code: number) => void): void {
  addConnectionOptions(
    program
      .command('demo')
      .description(
        'the main job on embedded defaults: crawl the fixture sites through the queues into ./data/vnevents.db',
      )
      .option('--db <file>', 'SQLite database to fill', './data/vnevents.db')
      .option('--limit <n>', 'events shown in the table', '25')
      .option('--concurrency <n>', 'jobs in parallel per stage', '4'),
  ).action(async (opts: DemoCliOptions) => {
    const config = configFrom(opts, { logLevel: (opts.logLevel as 'warn' | undefined) ?? 'warn' });
    const limit = parseIntOption('--limit', opts.limit) ?? 25;
    const concurrency = parseIntOption('--concurrency', opts.concurrency) ?? 4;
    const view = new CrawlProgressView(io);
    let result: Awaited<ReturnType<typeof runDemo>>;
    try {
      result = await runDemo({
        redisUrl: config.redisUrl,
        dbPath: opts.db,
        concurrency,
        log: stderrLogger(config, 'vnevents-demo'),
        onStep: (m) => io.err(`· ${m}`),
        onProgress: (p) => view.update(p),
      });
    } catch (err) {
      if (err instanceof RedisServerMissingError) throw new CliError(err.message, 2);
      throw err;
    } finally {
      view.stop();
    }
    for (const line of crawlSummary(result.progress, result.seconds, result.lost)) io.out(line);
    io.out('');
    if (result.events.length) {
      io.out(
        `Events extracted (${Math.min(limit, result.events.length)} of ${result.events.length}; * = publication day):`,
      );
      for (const line of eventsTable(result.events, limit)) io.out(line);
    } else io.out('No events were extracted.');
    io.out('');
    io.out(`Stored in ${result.storeLocation}. Where to look next:`);
    io.out(`  vnevents query --db ${opts.db} --site ${result.sites[0]?.id ?? 'fixture-news'}`);
    io.out('      the events, with filters (vnevents query --help)');
    io.out(`  vnevents serve --db ${opts.db}`);
    io.out('      the HTTP API and web page over the same database (http://127.0.0.1:8080)');
    io.out('  vnevents run | crawl | status | schedule sync');
    io.out('      the pipeline on real sites (README: Operating the pipeline)');
    if (result.timedOut || result.lost) setExit(1);
  });
}
