import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { EventPage, Facets } from '@vnevents/store';
import { runCli } from './support/cli.js';
import { seedStore } from './support/store-seed.js';

describe('vnevents query', () => {
  let file: string;
  let dir: string;

  beforeAll(async () => {
    ({ file, dir } = await seedStore());
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints matching events as a table, newest first', async () => {
    const r = await runCli('query', '--db', file, '--directive', 'Kết luận 114');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/^id\s+date\s+type\s+place\s+lead official\s+lead unit\s+directives\s+site$/);
    expect(lines[2]).toMatch(
      /2024-10-20\s+inspection\s+Điện Biên\s+Đặng Hữu Ngọ\s+Ban Dân vận Trung ương\s+114-KL\/TW/,
    );
    expect(lines[3]).toMatch(/2023-03-05\s+supervision\s+Hà Giang/);
    expect(r.out).toContain('2 events (end)');
  });

  it('combines filters: type, directive in any spelling, year, province in any era and spelling', async () => {
    const json = async (...args: string[]) => {
      const r = await runCli('query', '--db', file, '--format', 'json', ...args);
      expect(r.code).toBe(0);
      return (JSON.parse(r.out) as EventPage).items.map((e) => e.type);
    };
    expect(await json('--type', 'supervision', '--directive', '114-kl/tư', '--from', '2023', '--to', '2023')).toEqual([
      'supervision',
    ]);
    expect(await json('--type', 'inspection,working_session')).toEqual(['inspection', 'working_session']);
    expect(await json('--official', 'Dang Huu Ngo')).toEqual(['inspection', 'supervision']);
    expect(await json('--province', 'dien bien')).toEqual(['inspection']);
    expect(await json('--unit', 'huyen uy')).toEqual(['inspection', 'working_session']);
    expect(await json('--text', '"đường về bản"')).toEqual(['inspection']);
    expect(await json('--site', 'baoquangninh.vn')).toEqual(['working_session']);
  });

  it('pages with --limit and the printed --after cursor', async () => {
    const first = await runCli('query', '--db', file, '--limit', '1');
    const cursor = /--after (\S+)/.exec(first.out)?.[1];
    expect(cursor).toBeDefined();
    expect(first.out).toContain('inspection');
    const second = await runCli('query', '--db', file, '--limit', '1', '--after', cursor as string);
    expect(second.out).toContain('working_session');
    expect(second.out).not.toContain('inspection');
  });

  it('prints facets for the same filter', async () => {
    const r = await runCli('query', '--db', file, '--facets', '--format', 'json');
    const f = JSON.parse(r.out) as Facets;
    expect(f.total).toBe(3);
    expect(f.directive).toEqual([
      { key: '114-KL/TW', count: 2 },
      { key: '17-NQ/TU', count: 1 },
    ]);
    const t = await runCli('query', '--db', file, '--facets', '--directive', '114-KL/TW');
    expect(t.out).toMatch(/^2 events/);
    expect(t.out).toMatch(/2024-10\s+1/);
  });

  it('says what is wrong with bad options, a bad cursor or a missing database', async () => {
    const bad = await runCli('query', '--db', file, '--type', 'party');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--type must be one of inspection, .*not "party"/);
    const cursor = await runCli('query', '--db', file, '--after', 'xyz');
    expect(cursor.code).toBe(2);
    expect(cursor.err).toMatch(/malformed cursor/);
    const day = await runCli('query', '--db', file, '--from', '20/10/2024');
    expect(day.code).toBe(2);
    expect(day.err).toMatch(/from must be YYYY/);
    const none = await runCli('query', '--db', join(dir, 'nope.db'));
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/no database at .*nope\.db/);
    const empty = await runCli('query', '--db', file, '--official', 'Trần Quốc Vượng');
    expect(empty.out).toBe('no events match');
  });
});
