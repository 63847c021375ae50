import { gunzipSync } from 'node:zlib';
import type { ConditionalCache, HttpValidators } from '@vnevents/schema';
import { type CharsetSource, decodeDocument } from '../charset/index.js';
import {
  type CrawlError,
  CriticalError,
  classifyError,
  ErrorKind,
  NonRetryableError,
  RetryableError,
} from '../errors/index.js';
import {
  DEFAULT_POLITENESS,
  DEFAULT_USER_AGENT,
  effectivePoliteness,
  type HostLimiter,
  InProcessHostLimiter,
  type Politeness,
  type ReleaseOutcome,
  robotsProductToken,
} from '../politeness/index.js';
import { RobotsCache, type RobotsResponse, type RobotsRules } from '../robots/index.js';
import { canonicalizeUrl, isAllowedByPolicy, type RedirectPolicy, resolveCanonicalUrl } from '../url/index.js';
import { acceptHeader, type ContentKind } from './content-kind.js';
import { contentHash } from './dedup/page-text.js';
import type {
  CrawlLogger,
  FetchedPage,
  FetcherOptions,
  FetchPageOptions,
  FetchResult,
  FetchTimeouts,
} from './fetch-types.js';
import { type ExchangeResponse, HttpExchange } from './http-exchange.js';
import { DEFAULT_MAX_BODY_BYTES } from './read-body.js';
import { DEFAULT_RETRY, type RetryOptions, retryDelayMs, sleep } from './retry-policy.js';
import {
  type AddressAllowList,
  type AddressCategory,
  PRIVATE_NETWORK_CATEGORIES,
  SafeResolver,
} from './safety/index.js';

const DEFAULT_TIMEOUTS: FetchTimeouts = { connectMs: 10_000, headersMs: 30_000, bodyMs: 30_000, totalMs: 60_000 };
const noopLogger: CrawlLogger = { debug() {}, warn() {} };

/** Settings of one fetchPage call after merging call, site and fetcher options (normalised once). */
interface RequestSettings {
  politeness: Politeness;
  allow: AddressAllowList;
  accept: ContentKind;
  conditional: boolean;
  robots: boolean;
  redirectPolicy: RedirectPolicy;
  maxRedirects: number;
  maxBodyBytes: number;
  retry: RetryOptions;
  defaultCharset: string | null;
  signal: AbortSignal | undefined;
  stats: FetchPageOptions['stats'];
  /** The call's options, for what a robots.txt fetch on its behalf inherits. */
  options: FetchPageOptions;
}

/** The settings a robots.txt fetch inherits from the request that needed it. */
/**
 * The settings a robots.txt fetch inherits from the request that needed it. No abort signal: concurrent
 * requests share one robots.txt fetch, and one caller giving up must not mark the site unreachable.
 */
export type RobotsContext = Pick<FetchPageOptions, 'site' | 'politeness' | 'stats'>;

interface HopResult {
  response: ExchangeResponse;
  attempts: number;
}

function parseHttpUrl(input: string | URL): URL {
  let url: URL;
  try {
    url = new URL(input);
  } catch (err) {
    throw new NonRetryableError(ErrorKind.invalidUrl, String(input), 'not a valid absolute URL', { cause: err });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new NonRetryableError(ErrorKind.schemeRefused, url.href, `scheme ${url.protocol} refused: only http/https`);
  url.hash = '';
  return url;
}

/**
 * Polite, robust HTTP fetching of pages, sitemaps, feeds and robots.txt (undici). For every hop it checks
 * robots.txt, waits for the host limiter (site politeness, Crawl-delay when larger), refuses forbidden
 * addresses before connecting, retries retryable failures with backoff + full jitter honouring Retry-After,
 * follows redirects itself (≤ 10, loops and off-site targets refused), sends conditional requests, and
 * decodes the body (Content-Encoding within the size limit, then the charset).
 */
export class Fetcher {
  readonly userAgent: string;
  private readonly limiter: HostLimiter;
  private readonly cache: ConditionalCache | null;
  private readonly robots: RobotsCache<RobotsContext> | null;
  private readonly resolver: SafeResolver;
  private readonly exchange: HttpExchange;
  private readonly defaults: {
    politeness: Politeness;
    allow: readonly AddressCategory[];
    maxBodyBytes: number;
    maxRedirects: number;
    redirectPolicy: RedirectPolicy;
    retry: RetryOptions;
    acceptLanguage: string;
  };
  private readonly random: () => number;
  private readonly logger: CrawlLogger;
  private readonly allowDefault: AddressAllowList;
  private readonly allowWithPrivate: AddressAllowList;
  /** Request headers per content kind when no validators are added (undici copies them). */
  private readonly baseHeaders = new Map<ContentKind, Readonly<Record<string, string>>>();

  constructor(options: FetcherOptions = {}) {
    this.userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
    this.limiter = options.limiter ?? new InProcessHostLimiter({ globalConcurrency: options.globalConcurrency ?? 16 });
    this.cache = options.cache ?? null;
    this.resolver = new SafeResolver({
      ...(options.lookup ? { lookup: options.lookup } : {}),
      ...(options.dnsCacheTtlMs !== undefined ? { ttlMs: options.dnsCacheTtlMs } : {}),
    });
    this.exchange = new HttpExchange(
      this.resolver,
      { ...DEFAULT_TIMEOUTS, ...options.timeouts },
      options.connectionsPerOrigin ?? null,
    );
    this.defaults = {
      politeness: { ...DEFAULT_POLITENESS, ...options.politeness },
      allow: options.allowAddresses ?? [],
      maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
      maxRedirects: options.maxRedirects ?? 10,
      redirectPolicy: options.redirectPolicy ?? 'same-site',
      retry: { ...DEFAULT_RETRY, ...options.retry },
      acceptLanguage: options.acceptLanguage ?? 'vi,en;q=0.5',
    };
    this.allowDefault = new Set(this.defaults.allow);
    this.allowWithPrivate = new Set([...this.defaults.allow, ...PRIVATE_NETWORK_CATEGORIES]);
    this.random = options.random ?? Math.random;
    this.logger = options.logger ?? noopLogger;
    this.robots =
      options.robots === false
        ? null
        : new RobotsCache<RobotsContext>({
            ...options.robots,
            agent: robotsProductToken(this.userAgent),
            fetch: (robotsUrl, context) => this.fetchRobotsFile(robotsUrl, context ?? {}),
          });
  }

  /**
   * Fetches one URL. Resolves with the decoded page (2xx) or a not-modified marker (304 to a conditional
   * request); rejects with a {@link CrawlError} subclass saying what to do next.
   */
  async fetchPage(input: string | URL, options: FetchPageOptions = {}): Promise<FetchResult> {
    const s = this.settings(options);
    let url = parseHttpUrl(input);
    const requested = url.href;
    const redirects: string[] = [];
    const seen = new Set<string>([url.href]);
    for (;;) {
      const { response, attempts } = await this.fetchHop(url, s);
      if (response.kind === 'redirect') {
        const next = parseHttpUrl(new URL(response.location, url));
        if (redirects.length >= s.maxRedirects)
          throw new NonRetryableError(
            ErrorKind.tooManyRedirects,
            requested,
            `more than ${s.maxRedirects} redirects (last: ${next.href})`,
          );
        if (seen.has(next.href))
          throw new NonRetryableError(
            ErrorKind.redirectLoop,
            requested,
            `redirect loop: ${[...redirects, next.href].join(' → ')}`,
          );
        if (!isAllowedByPolicy(url, next, s.redirectPolicy))
          throw new NonRetryableError(
            ErrorKind.redirectCrossSite,
            requested,
            `redirect to ${next.href} leaves the site (policy ${s.redirectPolicy}); add that site to the registry if it is the new home`,
          );
        redirects.push(next.href);
        seen.add(next.href);
        url = next;
        continue;
      }
      const fetchedAt = new Date().toISOString();
      const validators = validatorsOf(response.headers);
      if (response.kind === 'not-modified') {
        s.stats?.increment('notModified');
        return {
          url: requested,
          finalUrl: url.href,
          canonicalUrl: canonicalizeUrl(url),
          redirects,
          headers: response.headers,
          validators,
          fetchedAt,
          attempts,
          status: 304,
          notModified: true,
        };
      }
      return this.buildPage(requested, url.href, redirects, response, fetchedAt, attempts, validators, s);
    }
  }

  /**
   * robots.txt rules for the origin of `url`, fetched with the site's politeness and address policy;
   * null when the fetcher ignores robots.txt.
   */
  async robotsFor(url: string | URL, options: RobotsContext = {}): Promise<RobotsRules | null> {
    return this.robots ? this.robots.get(url, options) : null;
  }

  async close(): Promise<void> {
    await this.exchange.close();
  }

  private settings(o: FetchPageOptions): RequestSettings {
    const d = this.defaults;
    const allow = o.site?.allowPrivateNetwork ? this.allowWithPrivate : this.allowDefault;
    return {
      politeness: o.politeness ?? { ...d.politeness, ...o.site?.politeness },
      allow,
      accept: o.accept ?? 'html',
      conditional: (o.conditional ?? true) && this.cache !== null,
      robots: (o.robots ?? true) && this.robots !== null,
      redirectPolicy: o.redirectPolicy ?? d.redirectPolicy,
      maxRedirects: o.maxRedirects ?? d.maxRedirects,
      maxBodyBytes: o.maxBodyBytes ?? d.maxBodyBytes,
      retry: { ...d.retry, ...o.retry },
      defaultCharset: o.site?.charset ?? null,
      signal: o.signal,
      stats: o.stats,
      options: o,
    };
  }

  private robotsContext(s: RequestSettings): RobotsContext {
    const o = s.options;
    return {
      ...(o.site ? { site: o.site } : {}),
      ...(o.politeness ? { politeness: o.politeness } : {}),
      ...(o.stats ? { stats: o.stats } : {}),
    };
  }

  /** One hop: address check, robots.txt, then attempts (each under a limiter slot) until success or a final error. */
  private async fetchHop(url: URL, s: RequestSettings): Promise<HopResult> {
    let politeness = s.politeness;
    if (s.robots && this.robots) {
      // A forbidden address is refused as such, before robots.txt (which would be refused too) is asked for;
      // without robots.txt the exchange's own check comes first anyway.
      await this.resolver.resolve(url, s.allow);
      const rules = await this.robots.get(url, this.robotsContext(s));
      if (!rules.isAllowed(url.href))
        throw new NonRetryableError(
          ErrorKind.robotsDisallowed,
          url.href,
          rules.outcome === 'disallow-all'
            ? `robots.txt unreachable (status ${rules.status ?? 'none'}): the site is not crawled until it answers`
            : 'blocked by robots.txt',
        );
      politeness = effectivePoliteness(politeness, rules.crawlDelayMs);
    }
    const headers = s.conditional ? await this.requestHeaders(url, s) : this.baseHeadersFor(s.accept);
    for (let attempt = 0; ; attempt++) {
      const release = await this.limiter.acquire(
        url.host,
        s.signal ? { delayMs: politeness.delayMs, concurrency: politeness.concurrency, signal: s.signal } : politeness,
      );
      let outcome: ReleaseOutcome | undefined;
      let error: CrawlError;
      try {
        s.stats?.increment('requests');
        const response = await this.exchange.run({
          url,
          headers,
          allow: s.allow,
          accept: s.accept,
          maxBodyBytes: s.maxBodyBytes,
          ...(s.signal ? { signal: s.signal } : {}),
        });
        s.stats?.recordStatus(response.status);
        return { response, attempts: attempt + 1 };
      } catch (err) {
        error = classifyError(err, url.href);
        if (error.status !== null) s.stats?.recordStatus(error.status);
        if (error instanceof RetryableError && error.retryAfterMs !== null)
          outcome = { retryAfterMs: Math.min(error.retryAfterMs, s.retry.maxRetryAfterMs) };
      } finally {
        release(outcome);
      }
      if (!(error instanceof RetryableError) || attempt >= s.retry.maxRetries || s.signal?.aborted) throw error;
      if (error.retryAfterMs !== null && error.retryAfterMs > s.retry.maxRetryAfterMs) throw error;
      const wait = retryDelayMs(attempt, error.retryAfterMs, s.retry, this.random);
      s.stats?.increment('retries');
      this.logger.debug({ url: url.href, kind: error.kind, attempt: attempt + 1, waitMs: wait }, 'retrying');
      await sleep(wait, s.signal);
    }
  }

  private baseHeadersFor(accept: ContentKind): Readonly<Record<string, string>> {
    let h = this.baseHeaders.get(accept);
    if (!h) {
      h = Object.freeze({
        'user-agent': this.userAgent,
        accept: acceptHeader(accept),
        'accept-encoding': 'gzip, deflate, br',
        'accept-language': this.defaults.acceptLanguage,
      });
      this.baseHeaders.set(accept, h);
    }
    return h;
  }

  private async requestHeaders(url: URL, s: RequestSettings): Promise<Record<string, string>> {
    const headers: Record<string, string> = { ...this.baseHeadersFor(s.accept) };
    if (!this.cache) return headers;
    let v: HttpValidators | null;
    try {
      v = await this.cache.getValidators(canonicalizeUrl(url));
    } catch (err) {
      throw new CriticalError(ErrorKind.cache, url.href, 'conditional cache failed on read; check the store', {
        cause: err,
      });
    }
    if (v?.etag) headers['if-none-match'] = v.etag;
    if (v?.lastModified) headers['if-modified-since'] = v.lastModified;
    return headers;
  }

  private async buildPage(
    requested: string,
    finalUrl: string,
    redirects: string[],
    response: Extract<ExchangeResponse, { kind: 'ok' }>,
    fetchedAt: string,
    attempts: number,
    validators: HttpValidators,
    s: RequestSettings,
  ): Promise<FetchedPage> {
    const { status, headers } = response;
    let body = response.body;
    // A .gz sitemap arrives as gzip bytes without Content-Encoding.
    if (s.accept === 'xml' && body[0] === 0x1f && body[1] === 0x8b) {
      try {
        body = gunzipSync(body, { maxOutputLength: s.maxBodyBytes });
      } catch (err) {
        throw classifyError(
          (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE'
            ? new NonRetryableError(
                ErrorKind.bodyTooLarge,
                finalUrl,
                `gunzipped sitemap exceeds ${s.maxBodyBytes} bytes`,
              )
            : err,
          finalUrl,
        );
      }
    }
    s.stats?.increment('bytes', body.length);
    const contentType = headers['content-type'] ?? null;
    const decoded = decodeDocument(body, { contentType, defaultCharset: s.defaultCharset });
    const page = new FetchedPageRecord(
      requested,
      finalUrl,
      s.accept === 'html' ? resolveCanonicalUrl(finalUrl, decoded.text) : canonicalizeUrl(finalUrl),
      redirects,
      headers,
      validators,
      fetchedAt,
      attempts,
      status,
      decoded.text,
      decoded.charset,
      decoded.source,
      contentType,
      body.length,
    );
    if (this.cache && (validators.etag !== null || validators.lastModified !== null)) {
      try {
        await this.cache.putValidators(canonicalizeUrl(finalUrl), { ...validators, status, fetchedAt });
      } catch (err) {
        throw new CriticalError(ErrorKind.cache, finalUrl, 'conditional cache failed on write; check the store', {
          cause: err,
        });
      }
    }
    return page;
  }

  /** robots.txt through the same politeness and safety, without retries (the cache retries) and any redirect. */
  private async fetchRobotsFile(robotsUrl: string, context: RobotsContext): Promise<RobotsResponse> {
    try {
      const page = await this.fetchPage(robotsUrl, {
        accept: 'any',
        robots: false,
        conditional: false,
        redirectPolicy: 'any',
        maxRedirects: 5,
        maxBodyBytes: 512 * 1024,
        retry: { maxRetries: 0 },
        ...context,
      });
      return { status: page.status, body: page.notModified ? '' : page.html };
    } catch (err) {
      const e = classifyError(err, robotsUrl);
      if (e.status !== null) return { status: e.status, body: '' };
      throw e;
    }
  }
}

/**
 * A fetched page. `contentHash` is an own enumerable accessor computed on first read and then kept (hashing
 * the text costs as much as decoding it), so spreading or serialising a page includes it.
 */
class FetchedPageRecord implements FetchedPage {
  declare readonly contentHash: string;
  readonly notModified = false as const;

  constructor(
    readonly url: string,
    readonly finalUrl: string,
    readonly canonicalUrl: string,
    readonly redirects: string[],
    readonly headers: Record<string, string>,
    readonly validators: HttpValidators,
    readonly fetchedAt: string,
    readonly attempts: number,
    readonly status: number,
    readonly html: string,
    readonly charset: string,
    readonly charsetSource: CharsetSource,
    readonly contentType: string | null,
    readonly bytes: number,
  ) {
    Object.defineProperty(this, 'contentHash', {
      enumerable: true,
      configurable: true,
      get: () => {
        const value = contentHash(this.html);
        Object.defineProperty(this, 'contentHash', { value, enumerable: true, writable: false });
        return value;
      },
    });
  }
}

function validatorsOf(headers: Record<string, string>): HttpValidators {
  return { etag: headers['etag'] ?? null, lastModified: headers['last-modified'] ?? null };
}
