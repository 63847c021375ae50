import { Fetcher, type FetcherOptions, type HostLookup } from '../../src/fetch/index.js';

/** Test DNS: every `*.test` name and localhost is 127.0.0.1; anything else does not exist. */
export const loopbackLookup: HostLookup = async (host) => {
  if (host === 'localhost' || host.endsWith('.test')) return [{ address: '127.0.0.1', family: 4 }];
  throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
};

/** A fetcher for the fixture server: loopback allowed, no politeness delay, fast retries and robots.txt retries. */
export function testFetcher(overrides: FetcherOptions = {}): Fetcher {
  return new Fetcher({
    lookup: loopbackLookup,
    allowAddresses: ['loopback'],
    politeness: { delayMs: 0, concurrency: 8 },
    retry: { maxRetries: 2, baseDelayMs: 20, maxDelayMs: 200 },
    robots: { retryDelayMs: 50, unreachableRetries: 1 },
    // Generous: the suite shares two cores with other work; timeout tests set their own.
    timeouts: { connectMs: 10_000, headersMs: 20_000, bodyMs: 20_000, totalMs: 40_000 },
    ...overrides,
  });
}

/** Rejection of a promise, for asserting on error classes and kinds. */
export async function rejection(p: Promise<unknown>): Promise<Error & { kind?: string; status?: number | null }> {
  try {
    await p;
  } catch (err) {
    return err as Error & { kind?: string };
  }
  throw new Error('expected the promise to reject');
}
