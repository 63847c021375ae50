import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { request } from 'undici';
import {
  CHARSET_VARIANTS,
  crawlSite,
  encodeWindows1258,
  FAULT_ROUTE_NAMES,
  type FixtureServer,
  fixtureSite,
  LEGACY_SAMPLE_TEXT,
  LEGACY_SAMPLE_TITLE,
  listGoldenPages,
  startFixtureServer,
} from '../../src/fetch/index.js';
import { testFetcher } from '../fetch/support.js';

let root: string;
let server: FixtureServer;
const goldenPage = (slug: string) =>
  `<html><head><meta charset="windows-1258"><title>${slug}</title></head><body><article><h1>${slug}</h1><p>${LEGACY_SAMPLE_TEXT}</p></article></body></html>`;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'vnevents-fixtures-'));
  for (const [template, slug] of [
    ['bao-dien-bien-phu', 'doan-kiem-tra-huyen-uy'],
    ['cong-ttdt-quang-ninh', 'giao-ban-quy-3'],
  ] as const) {
    await mkdir(join(root, template, slug), { recursive: true });
    await writeFile(join(root, template, slug, 'source.html'), encodeWindows1258(goldenPage(slug)));
  }
  await mkdir(join(root, 'bao-dien-bien-phu', 'no-source-yet'), { recursive: true });
  server = await startFixtureServer({ root });
});
afterAll(async () => {
  await server.close();
});

describe('fixture server', () => {
  it('listens on loopback only', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await expect(startFixtureServer({ host: '0.0.0.0' as '127.0.0.1' })).rejects.toThrow('loopback');
  });

  it('serves golden pages byte for byte at /<template>/<slug>/ and lists them at /_fixtures/', async () => {
    expect(await listGoldenPages(root)).toEqual([
      { template: 'bao-dien-bien-phu', slug: 'doan-kiem-tra-huyen-uy' },
      { template: 'cong-ttdt-quang-ninh', slug: 'giao-ban-quy-3' },
    ]);
    const res = await request(`${server.url}/bao-dien-bien-phu/doan-kiem-tra-huyen-uy/`);
    const body = Buffer.from(await res.body.arrayBuffer());
    expect(res.statusCode).toBe(200);
    expect(body.equals(encodeWindows1258(goldenPage('doan-kiem-tra-huyen-uy')))).toBe(true);
    const missing = await request(`${server.url}/bao-dien-bien-phu/no-source-yet/`);
    await missing.body.dump();
    expect(missing.statusCode).toBe(404);
    const traversal = await request(`${server.url}/..%2F..%2Fetc/passwd/`);
    await traversal.body.dump();
    expect(traversal.statusCode).toBe(404);
  });

  it('crawls the golden pages through the fixture-golden site entry, decoding their charset', async () => {
    const fetcher = testFetcher();
    const pages = [];
    // The two pages share their paragraph: keep near-duplicates to see both.
    const crawl = crawlSite(fixtureSite(server.url, 'fixture-golden'), {
      fetcher,
      since: new Date(Date.now() + 86_400_000),
      keepDuplicates: true,
    });
    for await (const p of crawl) pages.push(p);
    await fetcher.close();
    expect(pages).toHaveLength(2);
    for (const p of pages) {
      if (p.notModified) throw new Error('unexpected 304');
      expect(p.charset).toBe('windows-1258');
      expect(p.html).toContain(LEGACY_SAMPLE_TEXT);
    }
  });

  it('records per-host requests with start/end times and in-flight counts', async () => {
    server.reset();
    await Promise.all(
      [1, 2, 3].map(async (i) => {
        const r = await request(`${server.url}/fault/slow-body?chunks=2&intervalMs=50&i=${i}`, {
          headers: { host: 'stats.test' },
        });
        await r.body.dump();
      }),
    );
    const reqs = server.stats.requests({ host: 'stats.test' });
    expect(reqs).toHaveLength(3);
    expect(server.stats.maxConcurrent('stats.test')).toBe(3);
    for (const r of reqs) expect(r.endedAt).not.toBeNull();
    expect(server.stats.currentInFlight('stats.test')).toBe(0);
    expect(server.stats.hosts()).toEqual(['stats.test']);
  });

  it('serves robots.txt per host', async () => {
    server.setRobots('strict.test', 'User-agent: *\nDisallow: /\n');
    const get = async (host: string) => {
      const r = await request(`${server.url}/robots.txt`, { headers: { host } });
      return r.body.text();
    };
    expect(await get('strict.test')).toBe('User-agent: *\nDisallow: /\n');
    expect(await get('other.test')).toContain('Sitemap: http://other.test/sitemap-index.xml');
  });

  it('offers the fault and charset routes the tests rely on', async () => {
    expect(FAULT_ROUTE_NAMES).toEqual(
      expect.arrayContaining([
        'slow-body',
        'reset',
        'flaky',
        '429',
        '503',
        'redirect-loop-a',
        'endless',
        'gzip-bomb',
        'wrong-type',
      ]),
    );
    expect(CHARSET_VARIANTS).toEqual(expect.arrayContaining(['windows-1258', 'tcvn3', 'utf8-bom']));
    const res = await request(`${server.url}/charset/tcvn3`);
    const bytes = Buffer.from(await res.body.arrayBuffer());
    expect(bytes.includes(Buffer.from(LEGACY_SAMPLE_TITLE))).toBe(false); // not UTF-8 on the wire
  });
});
