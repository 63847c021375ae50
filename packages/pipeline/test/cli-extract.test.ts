import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type FixtureServer, startFixtureServer } from '@vnevents/crawler';
import { validateExtractionResult } from '@vnevents/schema';
import { runCli } from './support/cli.js';

const repo = join(import.meta.dirname, '..', '..', '..');
const sites = join(repo, 'fixtures', 'sites');
const articles = join(repo, 'fixtures', 'articles', 'text');

/** The first golden site page whose expected.json is an article (not a listing or soft 404). */
async function firstArticlePage(): Promise<{ template: string; slug: string }> {
  for (const template of (await readdir(sites)).sort())
    for (const slug of (await readdir(join(sites, template)).catch(() => [])).sort()) {
      const expected = await readFile(join(sites, template, slug, 'expected.json'), 'utf8').catch(() => null);
      if (expected && !('notArticle' in JSON.parse(expected)) && /kiểm tra|giám sát|làm việc/iu.test(expected))
        return { template, slug };
    }
  throw new Error(`no article page with an event under ${sites}`);
}

describe('vnevents extract', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer({ root: sites });
  });
  afterAll(async () => {
    await server.close();
  });

  it('walks a folder, writes one valid record per article and reports the total', async () => {
    const out = await mkdtemp(join(tmpdir(), 'vnevents-extract-'));
    const r = await runCli('extract', articles, '--out', out, '--format', 'table');
    expect(r.code).toBe(0);
    const files = await readdir(out);
    expect(files.length).toBe((await readdir(articles)).length);
    for (const f of files)
      expect(validateExtractionResult(JSON.parse(await readFile(join(out, f), 'utf8'))).ok).toBe(true);
    expect(r.out).toMatch(/inspection/);
    expect(r.err).toMatch(new RegExp(`${files.length} article\\(s\\), \\d+ event\\(s\\)`));
  });

  it('reports a bad file by name and goes on with the rest', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vnevents-extract-bad-'));
    await writeFile(join(dir, 'broken.json'), '{"title": 1');
    await writeFile(join(dir, 'ok.txt'), await readFile(join(articles, (await readdir(articles))[0]!), 'utf8'));
    const r = await runCli('extract', dir, '--format', 'jsonl');
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${join(dir, 'broken.json')}:`);
    expect(r.out.split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('reads a saved HTML page through the crawler parser', async () => {
    const { template, slug } = await firstArticlePage();
    const r = await runCli('extract', join(sites, template, slug, 'source.html'), '--format', 'json');
    expect(r.code).toBe(0);
    const result = JSON.parse(r.out);
    expect(validateExtractionResult(result).ok).toBe(true);
    expect(result.events.length).toBeGreaterThan(0);
  });

  it('fetches a URL over HTTP (loopback allowed explicitly) and extracts it', async () => {
    const { template, slug } = await firstArticlePage();
    const url = `${server.url}/${template}/${slug}/`;
    const refused = await runCli('extract', url, '--format', 'json');
    expect(refused.code).toBe(1);
    const r = await runCli('extract', url, '--format', 'json', '--allow-private-network');
    expect(r.code).toBe(0);
    const result = JSON.parse(r.out);
    expect(result.source.url).toBe(url);
    expect(result.events.length).toBeGreaterThan(0);
  });
});
