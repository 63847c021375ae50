import { loadSiteRegistry } from '@vnevents/crawler';
import type { SiteEntry } from '@vnevents/schema';
import type { Command } from 'commander';
import { listSchedules, syncSchedules } from '../../schedules/index.js';
import { formatTable } from '../../status/index.js';
import { CliError, type CliIO } from '../io.js';
import {
  addConnectionOptions,
  type ConnectionOptions,
  configFrom,
  stderrLogger,
  withRuntime,
} from '../pipeline-options.js';

interface ScheduleOptions extends ConnectionOptions {
  sites?: string;
}

export function registerSchedule(program: Command, io: CliIO): void {
  const schedule = program
    .command('schedule')
    .description('per-site crawl schedules (BullMQ job schedulers, cron in Vietnam time)');
  addConnectionOptions(schedule.command('list').description('the schedules in Redis and their next run')).action(
    async (opts: ConnectionOptions) => {
      const config = configFrom(opts);
      const rows = await withRuntime(config, stderrLogger(config, 'vnevents'), (rt) =>
        listSchedules(rt.queues.discover),
      );
      if (!rows.length) {
        io.out('no schedules: create them from the registry with `vnevents schedule sync`');
        return;
      }
      for (const line of formatTable(
        ['site', 'cron', 'tz', 'next run'],
        rows.map((r) => [r.siteId, r.pattern, r.tz, r.next ? new Date(r.next).toISOString() : null]),
      ))
        io.out(line);
    },
  );
  addConnectionOptions(
    schedule
      .command('sync')
      .description('add, update and remove schedules so they match the sites registry')
      .option('--sites <file>', 'sites registry (env VNEVENTS_SITES; default ./sites/registry.json)'),
  ).action(async (opts: ScheduleOptions) => {
    const config = configFrom(opts, opts.sites ? { sitesPath: opts.sites } : {});
    let sites: SiteEntry[];
    try {
      sites = (await loadSiteRegistry(config.sitesPath)).sites;
    } catch (err) {
      throw new CliError((err as Error).message, 2);
    }
    const s = await withRuntime(config, stderrLogger(config, 'vnevents'), (rt) =>
      syncSchedules(rt.queues.discover, sites),
    );
    for (const id of s.added) io.out(`added     ${id}`);
    for (const id of s.updated) io.out(`updated   ${id}`);
    for (const id of s.removed) io.out(`removed   ${id}`);
    io.out(
      `${s.added.length} added, ${s.updated.length} updated, ${s.removed.length} removed, ${s.unchanged.length} unchanged`,
    );
  });
}
