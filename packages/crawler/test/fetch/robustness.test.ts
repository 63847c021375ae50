import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  type FixtureServer,
  generateArticle,
  NonRetryableError,
  RetryableError,
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

const url = (path: string, host = 'r.test') => `${server.urlFor(host)}${path}`;

describe('body limits', () => {
  it('aborts a gzip bomb once the DECODED size passes the limit', async () => {
    const fetcher = testFetcher({ maxBodyBytes: 1024 * 1024 });
    const e = await rejection(fetcher.fetchPage(url('/fault/gzip-bomb?mb=64')));
    await fetcher.close();
    expect(e).toBeInstanceOf(NonRetryableError);
    expect(e.kind).toBe('body-too-large');
    expect(e.message).toContain('/fault/gzip-bomb');
  });

  it('aborts a brotli bomb and an endless body the same way', async () => {
    const fetcher = testFetcher({ maxBodyBytes: 512 * 1024 });
    expect((await rejection(fetcher.fetchPage(url('/fault/br-bomb?mb=32')))).kind).toBe('body-too-large');
    expect((await rejection(fetcher.fetchPage(url('/fault/endless')))).kind).toBe('body-too-large');
    await fetcher.close();
  });

  it('refuses a declared Content-Length above the limit, and enforces the default 5 MB on chunked bodies', async () => {
    const fetcher = testFetcher();
    expect((await rejection(fetcher.fetchPage(url('/fault/big?bytes=6000000')))).kind).toBe('body-too-large');
    expect((await rejection(fetcher.fetchPage(url('/fault/big?bytes=6000000&chunked=1')))).kind).toBe('body-too-large');
    const ok = await fetcher.fetchPage(url('/fault/big?bytes=4000000&chunked=1'));
    await fetcher.close();
    expect(ok.notModified ? 0 : ok.bytes).toBe(4_000_000);
  });
});

describe('content encodings', () => {
  it.each(['gzip', 'deflate', 'deflate-raw', 'br'])('decodes %s', async (encoding) => {
    const fetcher = testFetcher();
    const page = await fetcher.fetchPage(url(`/fault/${encoding}`));
    await fetcher.close();
    if (page.notModified) throw new Error('unexpected 304');
    expect(page.html).toContain(generateArticle(42).title);
    expect(page.bytes).toBe(Buffer.byteLength(page.html));
    const req = server.stats.requests({ path: `/fault/${encoding}` })[0]!;
    expect(req.headers['accept-encoding']).toBe('gzip, deflate, br');
  });

  it('classifies a corrupt gzip body as not retryable', async () => {
    const fetcher = testFetcher();
    const e = await rejection(fetcher.fetchPage(url('/fault/corrupt-gzip')));
    await fetcher.close();
    expect(e).toBeInstanceOf(NonRetryableError);
    expect(e.kind).toBe('content-encoding');
  });
});

describe('content types', () => {
  it('rejects a wrong Content-Type before reading the body', async () => {
    const fetcher = testFetcher();
    const e = await rejection(fetcher.fetchPage(url('/fault/wrong-type?type=image/jpeg')));
    await fetcher.close();
    expect(e).toBeInstanceOf(NonRetryableError);
    expect(e.kind).toBe('content-type');
    expect(e.message).toContain('image/jpeg');
  });

  it('accepts a page without Content-Type, and XML types when asked for XML', async () => {
    const fetcher = testFetcher();
    expect((await fetcher.fetchPage(url('/fault/no-content-type'))).status).toBe(200);
    expect((await fetcher.fetchPage(url('/rss.xml'), { accept: 'xml' })).status).toBe(200);
    expect((await rejection(fetcher.fetchPage(url('/rss.xml'), { accept: 'html' }))).kind).toBe('content-type');
    await fetcher.close();
  });
});

describe('timeouts and broken connections', () => {
  it('times out waiting for headers, and for a stalled body', async () => {
    const fetcher = testFetcher({ timeouts: { headersMs: 500, bodyMs: 500 }, retry: { maxRetries: 0 } });
    const h = await rejection(fetcher.fetchPage(url('/fault/slow-headers?delayMs=3000')));
    const b = await rejection(fetcher.fetchPage(url('/fault/slow-body?chunks=2&intervalMs=3000')));
    await fetcher.close();
    expect(h).toBeInstanceOf(RetryableError);
    expect(h.kind).toBe('timeout-headers');
    expect(b).toBeInstanceOf(RetryableError);
    expect(b.kind).toBe('timeout-body');
  });

  it('stops a trickling body at the total timeout', async () => {
    const fetcher = testFetcher({ timeouts: { bodyMs: 5000, totalMs: 600 }, retry: { maxRetries: 0 } });
    const e = await rejection(fetcher.fetchPage(url('/fault/slow-body?chunks=20&intervalMs=100')));
    await fetcher.close();
    expect(e.kind).toBe('timeout-total');
  });

  it('classifies resets before and during the body as retryable', async () => {
    const fetcher = testFetcher({ retry: { maxRetries: 0 } });
    const a = await rejection(fetcher.fetchPage(url('/fault/reset')));
    const b = await rejection(fetcher.fetchPage(url('/fault/reset-mid-body')));
    await fetcher.close();
    expect(a).toBeInstanceOf(RetryableError);
    expect(a.kind).toBe('connection-reset');
    expect(b).toBeInstanceOf(RetryableError);
  });

  it('aborts on the caller signal without retrying', async () => {
    const fetcher = testFetcher();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const e = await rejection(
      fetcher.fetchPage(url('/fault/slow-headers?delayMs=3000'), { signal: controller.signal }),
    );
    await fetcher.close();
    expect(e.kind).toBe('aborted');
    expect(server.stats.requests({ path: /^\/fault\/slow-headers/ })).toHaveLength(1);
  });
});

describe('redirects', () => {
  it('follows a chain of up to 10 redirects and reports each hop', async () => {
    const fetcher = testFetcher();
    const page = await fetcher.fetchPage(url('/fault/redirect-chain?n=10'));
    await fetcher.close();
    expect(page.redirects).toHaveLength(10);
    expect(page.finalUrl).toBe(url('/fault/redirect-chain?n=0'));
    expect(page.url).toBe(url('/fault/redirect-chain?n=10'));
  });

  it('refuses an 11th redirect', async () => {
    const fetcher = testFetcher();
    const e = await rejection(fetcher.fetchPage(url('/fault/redirect-chain?n=11')));
    await fetcher.close();
    expect(e.kind).toBe('too-many-redirects');
  });

  it('detects a redirect loop (and a self-redirect) on the second visit', async () => {
    const fetcher = testFetcher();
    const loop = await rejection(fetcher.fetchPage(url('/fault/redirect-loop-a')));
    const self = await rejection(fetcher.fetchPage(url('/fault/redirect-self?x=1')));
    await fetcher.close();
    expect(loop).toBeInstanceOf(NonRetryableError);
    expect(loop.kind).toBe('redirect-loop');
    expect(loop.message).toContain('redirect-loop-b');
    expect(self.kind).toBe('redirect-loop');
    expect(server.stats.requests({ path: /^\/fault\/redirect-loop/ })).toHaveLength(2);
  });

  it('keeps redirects on the same site by default, and allows others by policy', async () => {
    const fetcher = testFetcher();
    const www = await fetcher.fetchPage(
      url(`/fault/redirect?to=${encodeURIComponent(url('/thoi-su/a-7.html', 'www.site.test'))}`, 'site.test'),
    );
    expect(www.finalUrl).toBe(url('/thoi-su/a-7.html', 'www.site.test'));
    const offsite = url(
      `/fault/redirect?to=${encodeURIComponent(url('/thoi-su/a-7.html', 'elsewhere.test'))}`,
      'site.test',
    );
    expect((await rejection(fetcher.fetchPage(offsite))).kind).toBe('redirect-cross-site');
    expect((await fetcher.fetchPage(offsite, { redirectPolicy: 'any' })).finalUrl).toBe(
      url('/thoi-su/a-7.html', 'elsewhere.test'),
    );
    expect(
      (
        await rejection(
          fetcher.fetchPage(url(`/fault/redirect?to=${encodeURIComponent(url('/x', 'www.site.test'))}`, 'site.test'), {
            redirectPolicy: 'same-host',
          }),
        )
      ).kind,
    ).toBe('redirect-cross-site');
    expect((await rejection(fetcher.fetchPage(url('/fault/redirect-no-location')))).kind).toBe(
      'redirect-without-location',
    );
    await fetcher.close();
  });

  it('refuses a redirect to another scheme', async () => {
    const fetcher = testFetcher();
    const e = await rejection(
      fetcher.fetchPage(url('/fault/redirect?to=ftp://r.test/file'), { redirectPolicy: 'any' }),
    );
    await fetcher.close();
    expect(e.kind).toBe('scheme-refused');
  });
});
