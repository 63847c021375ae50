import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { ConditionalCache } from '@vnevents/schema';
import {
  CrawlStatistics,
  CriticalError,
  type FixtureServer,
  generateArticle,
  MemoryConditionalCache,
  startFixtureServer,
} from '../../src/fetch/index.js';
import { rejection, testFetcher } from './support.js';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => server.reset());

describe('conditional GET', () => {
  it('stores validators after a 200 and turns the next fetch into a body-less 304', async () => {
    const cache = new MemoryConditionalCache();
    const fetcher = testFetcher({ cache });
    const article = generateArticle(77);
    const url = `${server.urlFor('cond.test')}${article.path}`;
    const first = await fetcher.fetchPage(url);
    expect(first.notModified).toBe(false);
    expect(first.validators.etag).toBe('"a77"');
    expect(cache.entry(url)).toMatchObject({
      etag: '"a77"',
      status: 200,
      lastModified: article.publishedAt.toUTCString(),
    });

    const stats = new CrawlStatistics();
    const second = await fetcher.fetchPage(url, { stats });
    await fetcher.close();
    expect(second).toMatchObject({ status: 304, notModified: true, url, finalUrl: url });
    expect('html' in second).toBe(false);
    expect(stats.counters.notModified).toBe(1);
    expect(stats.counters.bytes).toBe(0);

    const [req1, req2] = server.stats.requests({ host: 'cond.test', path: article.path });
    expect(req1!.headers['if-none-match']).toBeUndefined();
    expect(req2!.headers['if-none-match']).toBe('"a77"');
    expect(req2!.headers['if-modified-since']).toBe(article.publishedAt.toUTCString());
  });

  it('sends If-Modified-Since alone when only Last-Modified is known', async () => {
    const cache = new MemoryConditionalCache();
    const article = generateArticle(78);
    const url = `${server.urlFor('cond.test')}${article.path}`;
    await cache.putValidators(url, {
      etag: null,
      lastModified: article.publishedAt.toUTCString(),
      status: 200,
      fetchedAt: '',
    });
    const fetcher = testFetcher({ cache });
    const res = await fetcher.fetchPage(url);
    await fetcher.close();
    expect(res.notModified).toBe(true);
  });

  it('can be switched off per request, and is off without a cache', async () => {
    const cache = new MemoryConditionalCache();
    const url = `${server.urlFor('cond.test')}${generateArticle(79).path}`;
    const fetcher = testFetcher({ cache });
    await fetcher.fetchPage(url);
    expect((await fetcher.fetchPage(url, { conditional: false })).notModified).toBe(false);
    await fetcher.close();
    const plain = testFetcher();
    expect((await plain.fetchPage(url)).notModified).toBe(false);
    await plain.close();
  });

  it('keys validators by canonical URL, so tracking parameters do not defeat the cache', async () => {
    const cache = new MemoryConditionalCache();
    const url = `${server.urlFor('cond.test')}${generateArticle(80).path}`;
    const fetcher = testFetcher({ cache });
    await fetcher.fetchPage(`${url}?utm_source=zalo`);
    const again = await fetcher.fetchPage(`${url}?utm_source=facebook&fbclid=x`);
    await fetcher.close();
    expect(again.notModified).toBe(true);
  });

  it('stops with a CriticalError when the cache backend fails', async () => {
    const broken: ConditionalCache = {
      getValidators: async () => {
        throw new Error('store offline');
      },
      putValidators: async () => {},
    };
    const fetcher = testFetcher({ cache: broken });
    const e = await rejection(fetcher.fetchPage(`${server.urlFor('cond.test')}${generateArticle(81).path}`));
    await fetcher.close();
    expect(e).toBeInstanceOf(CriticalError);
    expect(e.kind).toBe('conditional-cache');
  });

  it('forgets entries without validators', async () => {
    const cache = new MemoryConditionalCache();
    await cache.putValidators('https://x.vn/a', { etag: '"1"', lastModified: null, status: 200, fetchedAt: '' });
    await cache.putValidators('https://x.vn/a', { etag: null, lastModified: null, status: 200, fetchedAt: '' });
    expect(await cache.getValidators('https://x.vn/a')).toBeNull();
    expect(cache.size).toBe(0);
  });
});
