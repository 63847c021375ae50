import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from '@jest/globals';
import { buildProgram } from '../src/cli/main.js';
import { runCli } from './support/cli.js';

const valid = {
  schemaVersion: 1,
  source: { id: 'x', url: null, path: 'a.txt', title: null, publishedAt: null, lang: 'vie', site: null },
  extractor: { name: 'vnevents-rules', version: '0.1.0', lexiconVersion: '1' },
  text: 'Ngày 14/7, Đoàn giám sát làm việc với huyện Đầm Hà.',
  events: [],
};

async function files() {
  const dir = await mkdtemp(join(tmpdir(), 'vnevents-validate-'));
  const good = join(dir, 'good.json');
  const broken = join(dir, 'broken.json');
  const syntax = join(dir, 'syntax.json');
  await writeFile(good, JSON.stringify(valid));
  await writeFile(
    broken,
    JSON.stringify({
      ...valid,
      events: [{ type: 'inspection', date: '14/7/2020', officials: [{ name: '', role: 'boss', span: [0, 1] }] }],
    }),
  );
  await writeFile(syntax, '{"schemaVersion": 1,');
  return { good, broken, syntax };
}

describe('vnevents validate', () => {
  it('passes a valid file', async () => {
    const f = await files();
    const r = await runCli('validate', f.good);
    expect(r.code).toBe(0);
    expect(r.out).toContain('1 valid, 0 invalid');
  });

  it('names the file, the path inside it and the rule that failed', async () => {
    const f = await files();
    const r = await runCli('validate', f.good, f.broken, f.syntax);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${f.broken}: events[0].date: expected an ISO day YYYY-MM-DD [rule: invalid_format]`);
    expect(r.err).toContain(`${f.broken}: events[0].officials[0].role:`);
    expect(r.err).toMatch(/events\[0\]\.confidence: .*\[rule: invalid_type\]/);
    expect(r.err).toContain(`${f.syntax}: (root):`);
    expect(r.err).toContain('[rule: json-syntax]');
    expect(r.out).toContain('1 valid, 2 invalid');
  });

  it('works as the installed bin: --help lists every command, a broken file exits non-zero', async () => {
    const f = await files();
    const bin = join(import.meta.dirname, '..', 'bin', 'vnevents.js');
    const run = promisify(execFile);
    const help = await run(process.execPath, [bin, '--help']);
    const commands = buildProgram({ out: () => undefined, err: () => undefined }, () => undefined).commands;
    expect(commands.length).toBeGreaterThanOrEqual(10);
    for (const cmd of commands) {
      expect(cmd.description().length).toBeGreaterThan(10);
      expect(help.stdout).toMatch(new RegExp(`\\n  ${cmd.name()}\\b`));
    }
    await expect(run(process.execPath, [bin, 'validate', f.broken])).rejects.toMatchObject({ code: 1 });
  });
});
