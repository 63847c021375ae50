import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  classifyAddress,
  type FixtureServer,
  fixtureSite,
  generateArticle,
  type HostLookup,
  NonRetryableError,
  SafeResolver,
  startFixtureServer,
} from '../../src/fetch/index.js';
import { loopbackLookup, rejection, testFetcher } from './support.js';

let server: FixtureServer;
/** Hosts undici was about to connect to (published before any socket is created). */
let connectAttempts: string[] = [];
const onBeforeConnect = (message: unknown) => {
  connectAttempts.push((message as { connectParams: { hostname: string } }).connectParams.hostname);
};

beforeAll(async () => {
  server = await startFixtureServer();
  subscribe('undici:client:beforeConnect', onBeforeConnect);
});
afterAll(async () => {
  unsubscribe('undici:client:beforeConnect', onBeforeConnect);
  await server.close();
});
beforeEach(() => {
  server.reset();
  connectAttempts = [];
});
afterEach(() => {
  // Whatever a test did, nothing ever tried to connect anywhere but loopback names.
  for (const h of connectAttempts) expect(h === '127.0.0.1' || h.endsWith('.test')).toBe(true);
});

/** A lookup that resolves `normal.test` to 10.0.0.1 (as a hostile DNS answer would) and records every call. */
function hostileLookup(calls: string[]): HostLookup {
  return async (host) => {
    calls.push(host);
    if (host === 'normal.test') return [{ address: '10.0.0.1', family: 4 }];
    if (host === 'mixed.test')
      return [
        { address: '127.0.0.1', family: 4 },
        { address: '192.168.1.10', family: 4 },
      ];
    return loopbackLookup(host);
  };
}

describe('classifyAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.1.1', 'link-local'],
    ['169.254.169.254', 'metadata'],
    ['100.64.0.1', 'cgnat'],
    ['100.127.255.255', 'cgnat'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fc00::1', 'private'],
    ['fd12:3456::1', 'private'],
    ['fe80::1%eth0', 'link-local'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:a00:1', 'private'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:169.254.169.254', 'metadata'],
    ['64:ff9b::a00:1', 'private'],
    ['not-an-address', 'reserved'],
  ])('%s is %s', (address, category) => {
    expect(classifyAddress(address)).toBe(category);
  });

  it.each(['8.8.8.8', '172.32.0.1', '100.128.0.1', '203.162.4.191', '2001:4860:4860::8888', '::ffff:8.8.8.8'])(
    '%s is public',
    (address) => {
      expect(classifyAddress(address)).toBeNull();
    },
  );
});

describe('refusing internal addresses before connecting', () => {
  it('refuses a host that resolves to 10.0.0.1, with no connection attempt', async () => {
    const calls: string[] = [];
    const fetcher = testFetcher({ lookup: hostileLookup(calls), allowAddresses: [] });
    const e = await rejection(fetcher.fetchPage('http://normal.test/tin-tuc/bai-viet-123456.html'));
    await fetcher.close();
    expect(e).toBeInstanceOf(NonRetryableError);
    expect(e.kind).toBe('address-refused');
    expect(e.message).toContain('10.0.0.1');
    expect(e.message).toContain('http://normal.test/tin-tuc/bai-viet-123456.html');
    expect(calls).toEqual(['normal.test']);
    expect(connectAttempts).toEqual([]);
  });

  it.each([
    'http://127.0.0.1:9/',
    'http://10.0.0.1/',
    'http://[::1]:9/',
    'http://[::ffff:10.0.0.1]/',
    'http://[::ffff:7f00:1]/',
    'http://0x7f.0.0.1/',
    'http://2130706433/',
    'http://169.254.169.254/latest/meta-data/',
    'http://100.64.1.1/',
  ])('refuses a link to %s from a normal site', async (link) => {
    const fetcher = testFetcher({ allowAddresses: [] });
    const e = await rejection(fetcher.fetchPage(link));
    await fetcher.close();
    expect(e.kind).toBe('address-refused');
    expect(connectAttempts).toEqual([]);
  });

  it('refuses a host with one private address among public ones', async () => {
    const fetcher = testFetcher({ lookup: hostileLookup([]), allowAddresses: ['loopback'] });
    const e = await rejection(fetcher.fetchPage('http://mixed.test/'));
    await fetcher.close();
    expect(e.kind).toBe('address-refused');
    expect(e.message).toContain('192.168.1.10');
  });

  it('refuses the metadata address even for a site that allows private networks', async () => {
    const fetcher = testFetcher({ allowAddresses: [] });
    const site = fixtureSite(server.url, 'fixture-news');
    expect(site.allowPrivateNetwork).toBe(true);
    const e = await rejection(fetcher.fetchPage('http://169.254.169.254/latest/meta-data/', { site }));
    const ok = await fetcher.fetchPage(`${server.url}${generateArticle(3).path}`, { site });
    await fetcher.close();
    expect(e.kind).toBe('address-refused');
    expect(ok.status).toBe(200);
  });

  it('checks every redirect hop: a fixture page redirecting to 10.0.0.1 is refused at that hop', async () => {
    const fetcher = testFetcher({ lookup: hostileLookup([]) });
    const start = `${server.urlFor('site.test')}/fault/redirect?to=${encodeURIComponent('http://normal.test/admin')}`;
    const viaName = await rejection(fetcher.fetchPage(start, { redirectPolicy: 'any' }));
    const viaLiteral = await rejection(
      fetcher.fetchPage(`${server.urlFor('site.test')}/fault/redirect?to=http://10.0.0.1/`, { redirectPolicy: 'any' }),
    );
    await fetcher.close();
    expect(viaName.kind).toBe('address-refused');
    expect(viaLiteral.kind).toBe('address-refused');
    expect(connectAttempts.every((h) => h === 'site.test')).toBe(true);
  });

  it('refuses schemes other than http and https', async () => {
    const fetcher = testFetcher();
    for (const u of ['file:///etc/passwd', 'ftp://site.test/', 'gopher://site.test/']) {
      const e = await rejection(fetcher.fetchPage(u));
      expect(e.kind).toBe('scheme-refused');
    }
    await fetcher.close();
  });
});

describe('pinning the connection to the checked address', () => {
  it('connects through the checked answer: a name only the test lookup knows is reachable', async () => {
    const fetcher = testFetcher();
    const page = await fetcher.fetchPage(`${server.urlFor('only-in-test-dns.test')}${generateArticle(9).path}`);
    await fetcher.close();
    expect(page.status).toBe(200);
    expect(server.stats.requests({ host: 'only-in-test-dns.test' }).length).toBeGreaterThan(0);
  });

  it('keeps using the checked answer while it is cached, and refuses a changed private answer before connecting', async () => {
    let answer = '127.0.0.1';
    let calls = 0;
    const lookup: HostLookup = async () => {
      calls++;
      return [{ address: answer, family: 4 }];
    };
    const base = `${server.urlFor('rebind.test')}`;
    const cached = testFetcher({ lookup, robots: false });
    expect((await cached.fetchPage(`${base}${generateArticle(1).path}`)).status).toBe(200);
    const callsAfterFirst = calls;
    answer = '10.0.0.1'; // DNS rebinding: the same name now points inside
    expect((await cached.fetchPage(`${base}${generateArticle(2).path}`)).status).toBe(200);
    expect(calls).toBe(callsAfterFirst); // no second resolution: the pinned, checked address was used
    await cached.close();

    answer = '127.0.0.1';
    const uncached = testFetcher({ lookup, robots: false, dnsCacheTtlMs: 0 });
    expect((await uncached.fetchPage(`${base}${generateArticle(3).path}`)).status).toBe(200);
    const served = server.stats.requests({ host: 'rebind.test' }).length;
    answer = '10.0.0.1';
    const e = await rejection(uncached.fetchPage(`${base}${generateArticle(4).path}`));
    await uncached.close();
    expect(e.kind).toBe('address-refused');
    expect(server.stats.requests({ host: 'rebind.test' })).toHaveLength(served);
  });

  it('refuses at socket level too: the connect lookup re-checks what it hands to the socket', async () => {
    let answer = '127.0.0.1';
    const resolver = new SafeResolver({ lookup: async () => [{ address: answer, family: 4 }], ttlMs: 0 });
    const connectLookup = resolver.connectLookup(new Set(['loopback']));
    const ask = () =>
      new Promise<{ err: Error | null; address: unknown }>((resolve) =>
        connectLookup('rebind.test', { all: true }, (err, address) => resolve({ err, address })),
      );
    expect(await ask()).toEqual({ err: null, address: [{ address: '127.0.0.1', family: 4 }] });
    answer = '10.0.0.1';
    const refused = await ask();
    expect(refused.err).toBeInstanceOf(NonRetryableError);
    expect((refused.err as NonRetryableError).kind).toBe('address-refused');
  });
});
