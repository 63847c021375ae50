import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import { freePort, RedisServerMissingError, startRedisServer } from '../../src/redis/index.js';
import { runBin } from '../support/bin.js';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('vnevents demo', () => {
  it('with no Redis answering, starts a private redis-server, crawls the fixture sites and prints the events', async () => {
    dir = await mkdtemp(join(tmpdir(), 'vnevents-demo-'));
    const db = join(dir, 'vnevents.db');
    const nobody = `redis://127.0.0.1:${await freePort()}`;
    const r = await runBin(['demo', '--db', db, '--limit', '5'], { REDIS_URL: nobody, DATABASE_URL: '' });
    expect(r.err).toContain(`no Redis at ${nobody}: started a private redis-server`);
    expect([r.code, r.err]).toEqual([0, expect.any(String)]);
    expect(r.out).toMatch(/crawl \S+: \d+ URLs in [\d.]+ s — stored \d+/);
    expect(r.out).toMatch(/failed 0; \d+ events/);
    expect(r.out).toMatch(/date\s+type\s+lead unit\s+lead official\s+province\s+directives/);
    expect(r.out).toMatch(/inspection\s+Ban Thường vụ Tỉnh ủy/);
    expect(r.out).toContain(`Stored in ${db}`);
    expect(r.out).toContain(`vnevents query --db ${db} --site fixture-news`);
    expect(r.out).toContain(`vnevents serve --db ${db}`);
  }, 150_000);

  it('names the install command when redis-server is missing', async () => {
    await expect(startRedisServer({ binary: '/nonexistent/redis-server' })).rejects.toThrow(RedisServerMissingError);
    await expect(startRedisServer({ binary: '/nonexistent/redis-server' })).rejects.toThrow(
      'apt-get install -y redis-server',
    );
  });
});
