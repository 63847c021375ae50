import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  type FixtureServer,
  LEGACY_SAMPLE_TEXT,
  LEGACY_SAMPLE_TITLE,
  startFixtureServer,
} from '../../src/fetch/index.js';
import { testFetcher } from '../fetch/support.js';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server.close();
});

describe('legacy Vietnamese pages come out as correct Unicode', () => {
  it.each([
    ['tcvn3', 'tcvn3', 'sniff'],
    ['tcvn3-latin1', 'tcvn3', 'sniff'],
    ['windows-1258', 'windows-1258', 'header'],
    ['windows-1258-meta', 'windows-1258', 'meta'],
    ['windows-1258-undeclared', 'windows-1258', 'sniff'],
    ['utf8-bom', 'utf-8', 'bom'],
    ['utf8-meta', 'utf-8', 'meta'],
    ['utf8-undeclared', 'utf-8', 'sniff'],
  ])('/charset/%s → %s (%s)', async (variant, charset, source) => {
    const fetcher = testFetcher();
    const page = await fetcher.fetchPage(`${server.urlFor('charset.test')}/charset/${variant}`);
    await fetcher.close();
    if (page.notModified) throw new Error('unexpected 304');
    expect(page.charset).toBe(charset);
    expect(page.charsetSource).toBe(source);
    expect(page.html).toContain(LEGACY_SAMPLE_TITLE);
    expect(page.html).toContain(LEGACY_SAMPLE_TEXT);
    expect(page.html).toBe(page.html.normalize('NFC'));
  });

  it('uses the site charset when a page declares none', async () => {
    const fetcher = testFetcher();
    const page = await fetcher.fetchPage(`${server.urlFor('charset.test')}/charset/tcvn3`, {
      site: { charset: 'tcvn3' },
    });
    await fetcher.close();
    expect(page.notModified ? null : [page.charset, page.charsetSource]).toEqual(['tcvn3', 'site']);
  });
});
