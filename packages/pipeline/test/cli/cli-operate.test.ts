import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { type RedisTestContext, redisTestContext } from '@vnevents/testkit';
import { runCli } from '../support/cli.js';
import { harness } from '../support/harness.js';
import { scriptedPorts, site } from '../support/scripted-ports.js';

let ctx: RedisTestContext;
let dir: string;
/** The CLI in this process (the same program as bin/vnevents.js), on a private Redis prefix. */
let cli: (...args: string[]) => ReturnType<typeof runCli>;
beforeEach(async () => {
  ctx = await redisTestContext('cli');
  dir = await mkdtemp(join(tmpdir(), 'vnevents-cli-'));
  const sites = join(dir, 'registry.json');
  await writeFile(
    sites,
    JSON.stringify({ sites: [{ ...site('a.test', 3), schedule: '15 */6 * * *' }, site('b.test', 2)] }),
  );
  const conn = ['--redis-url', ctx.url, '--prefix', ctx.prefix, '--log-level', 'warn'];
  cli = (...args) => {
    const withSites = ['sync', 'crawl'].includes(args[0] === 'schedule' ? args[1]! : args[0]!)
      ? ['--sites', sites]
      : [];
    return runCli(...args, ...conn, ...withSites);
  };
});
afterEach(async () => {
  await ctx.cleanup();
  await rm(dir, { recursive: true, force: true });
});

describe('operator commands', () => {
  it('schedule sync / list, crawl (enqueue), status, failed, retry', async () => {
    const sync = await cli('schedule', 'sync');
    expect(sync.code).toBe(0);
    expect(sync.out).toContain('2 added, 0 updated, 0 removed, 0 unchanged');
    const list = await cli('schedule', 'list');
    expect(list.out).toMatch(/a\.test\s+15 \*\/6 \* \* \*\s+Asia\/Ho_Chi_Minh\s+20\d\d-/);

    const crawl = await cli('crawl', 'a.test');
    expect(crawl.code).toBe(0);
    expect(crawl.out).toMatch(/crawl \S+: 1 site\(s\) enqueued for discovery/);
    const unknown = await cli('crawl', 'nope.test');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('not in the sites registry');

    const status = await cli('status');
    expect(status.code).toBe(0);
    // two scheduled runs (delayed) and the crawl's discover job (waiting)
    expect(status.out).toMatch(/discover\s+1\s+0\s+2\s+0/);
    expect(status.out).toMatch(/Recent crawls[\s\S]*a\.test/);
    const json = JSON.parse((await cli('status', '--json')).out) as { stages: { stage: string }[] };
    expect(json.stages.map((x) => x.stage)).toEqual(['discover', 'fetch', 'extract', 'store']);

    expect((await cli('failed')).out).toContain('no failed jobs');
    const retry = await cli('retry', 'no-such-job');
    expect(retry.code).toBe(1);
    expect(retry.err).toContain('no failed job with id no-such-job');
    expect((await cli('retry')).code).toBe(2);
    expect((await cli('failed', '--queue', 'bogus')).err).toContain('--queue must be one of');
  }, 120_000);
});

describe('vnevents crawl --wait', () => {
  it('follows the crawl to the end and prints a summary', async () => {
    const h = await harness('cliwait');
    try {
      const sites = join(dir, 'registry2.json');
      await writeFile(sites, JSON.stringify({ sites: [site('a.test', 3)] }));
      h.start(scriptedPorts([site('a.test', 3)]));
      const conn = ['--redis-url', h.ctx.url, '--prefix', h.ctx.prefix, '--sites', sites, '--log-level', 'warn'];
      const r = await runCli('crawl', 'a.test', '--wait', ...conn);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/crawl \S+: 3 URLs in [\d.]+ s — stored 3, .* failed 0; 0 events/);
      const again = await runCli('crawl', 'http://a.test/a/1.html', '--wait', ...conn);
      expect(again.out).toContain('1 fetched recently (--force to fetch anyway)');
      const forced = await runCli('crawl', 'http://a.test/a/1.html', '--force', '--wait', ...conn);
      expect(forced.out).toMatch(/1 URLs in .* stored 0, unchanged 1,/); // fetched again, same content
    } finally {
      await h.close();
    }
  });
});
