import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { EventSummary } from '@vnevents/store';
import { runCli } from './support/cli.js';
import { seedStore } from './support/store-seed.js';

describe('vnevents export', () => {
  let file: string;
  let dir: string;

  beforeAll(async () => {
    ({ file, dir } = await seedStore());
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('streams JSON Lines to stdout, one event per line, page by page', async () => {
    const r = await runCli('export', '--db', file, '--format', 'jsonl', '--batch', '1');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n').map((l) => JSON.parse(l) as EventSummary);
    expect(lines.map((e) => e.type)).toEqual(['inspection', 'working_session', 'supervision']);
    expect(lines[0]?.event.leadOfficial?.name).toBe('Đặng Hữu Ngọ');
    expect(lines[0]?.url).toBe('https://baodienbienphu.info.vn/muong-ang.html');
    const filtered = await runCli(
      'export',
      '--db',
      file,
      '--format',
      'jsonl',
      '--official',
      'dang huu ngo',
      '--from',
      '2024',
    );
    expect(filtered.out.split('\n')).toHaveLength(1);
  });

  it('writes CSV to a file with a BOM, quoting, and the HTTP export’s columns', async () => {
    const out = join(dir, 'events.csv');
    const r = await runCli('export', '--db', file, '--format', 'csv', '--out', out, '--directive', '114-KL/TW');
    expect(r.code).toBe(0);
    expect(r.err).toContain(`wrote 2 events to ${out}`);
    const csv = await readFile(out, 'utf8');
    expect(csv.startsWith('\uFEFFid,date,sortDate,type,province')).toBe(true);
    const rows = csv.trimEnd().split('\r\n');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toContain(',2024-10-20,2024-10-20,inspection,Điện Biên,');
    expect(rows[1]).toContain(
      'Đặng Hữu Ngọ,Vụ trưởng Vụ Dân tộc,Ban Dân vận Trung ương,Ban Thường vụ Huyện ủy Mường Ảng',
    );
    const stdout = await runCli('export', '--db', file, '--format', 'csv', '--directive', '114-KL/TW');
    expect(stdout.out.replace(/\r/g, '')).toBe(csv.trimEnd().replace(/\r/g, ''));
  });

  it('needs a known format and says so', async () => {
    const r = await runCli('export', '--db', file, '--format', 'xml');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--format must be jsonl or csv/);
    const missing = await runCli('export', '--db', file);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/required option '--format <format>'/);
  });
});
