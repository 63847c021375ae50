/**
 * Errors of the network half of the crawler, classified by what the caller should do next
 * (after crawlee's `errors.ts`):
 *
 * - {@link NonRetryableError}: give up on this URL (404, 410, most 4xx, wrong content type, robots.txt,
 *   refused address, body too large …). Map it to BullMQ's `UnrecoverableError` at the worker boundary.
 * - {@link RetryableError}: try again later with backoff (5xx, connection resets, timeouts).
 * - {@link ThrottledError}: the host asked us to slow down (429); `retryAfterMs` says for how long.
 * - {@link CriticalError}: stop the whole crawl (a broken cache backend, an invalid configuration).
 *
 * Every error names the URL in its message and carries a short `kind` string (`http-404`,
 * `timeout-headers`, `address-refused` …) used to group errors in statistics.
 */
export abstract class CrawlError extends Error {
  /** Short, stable identifier for grouping in statistics, e.g. `http-404` or `body-too-large`. */
  readonly kind: string;
  /** The URL whose fetch failed. */
  readonly url: string;
  /** HTTP status when the error comes from a response. */
  readonly status: number | null;

  constructor(kind: string, url: string, detail: string, options: { status?: number; cause?: unknown } = {}) {
    super(`${detail} (${url})`, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.kind = kind;
    this.url = url;
    this.status = options.status ?? null;
  }
}

/** Do not retry: the URL will not work on a second attempt (skip it and count it). */
export class NonRetryableError extends CrawlError {}

/** Retry with exponential backoff; `retryAfterMs` is set when the server sent Retry-After (e.g. on 503). */
export class RetryableError extends CrawlError {
  readonly retryAfterMs: number | null;

  constructor(
    kind: string,
    url: string,
    detail: string,
    options: { status?: number; cause?: unknown; retryAfterMs?: number | null } = {},
  ) {
    super(kind, url, detail, options);
    this.retryAfterMs = options.retryAfterMs ?? null;
  }
}

/** The host is rate-limiting us (429): wait `retryAfterMs` (when the server said) before the next request to it. */
export class ThrottledError extends RetryableError {}

/** Stop the crawl: something outside one page is broken (cache backend, configuration). */
export class CriticalError extends CrawlError {}

/** Kinds used by this package; other strings may appear (`http-<status>`). */
export const ErrorKind = {
  invalidUrl: 'invalid-url',
  schemeRefused: 'scheme-refused',
  addressRefused: 'address-refused',
  dns: 'dns',
  robotsDisallowed: 'robots-disallowed',
  robotsUnavailable: 'robots-unavailable',
  contentType: 'content-type',
  contentEncoding: 'content-encoding',
  bodyTooLarge: 'body-too-large',
  redirectLoop: 'redirect-loop',
  tooManyRedirects: 'too-many-redirects',
  redirectCrossSite: 'redirect-cross-site',
  redirectWithoutLocation: 'redirect-without-location',
  connectTimeout: 'timeout-connect',
  headersTimeout: 'timeout-headers',
  bodyTimeout: 'timeout-body',
  totalTimeout: 'timeout-total',
  connectionReset: 'connection-reset',
  connectionRefused: 'connection-refused',
  network: 'network',
  throttled: 'http-429',
  aborted: 'aborted',
  cache: 'conditional-cache',
  unexpected: 'unexpected',
} as const;
