import { CrawlError, ErrorKind, NonRetryableError, RetryableError, ThrottledError } from './crawl-errors.js';

/**
 * The error a non-2xx/3xx/304 response turns into: 429 → throttled, 408/425/5xx → retryable
 * (except 501 and 505, which will not change), every other 4xx → not retryable.
 */
export function httpStatusError(status: number, url: string, retryAfterMs: number | null = null): CrawlError {
  const kind = `http-${status}`;
  if (status === 429)
    return new ThrottledError(kind, url, `HTTP 429 Too Many Requests: the host is rate-limiting; slow down`, {
      status,
      retryAfterMs,
    });
  if (status === 408 || status === 425 || (status >= 500 && status !== 501 && status !== 505))
    return new RetryableError(kind, url, `HTTP ${status}: server-side failure, retry later`, { status, retryAfterMs });
  return new NonRetryableError(kind, url, `HTTP ${status}: the page cannot be fetched; skip it`, { status });
}

const byCode: Record<string, (url: string, cause: unknown) => CrawlError> = {
  UND_ERR_CONNECT_TIMEOUT: (u, c) =>
    new RetryableError(ErrorKind.connectTimeout, u, 'connect timeout: the host did not accept a connection', {
      cause: c,
    }),
  UND_ERR_HEADERS_TIMEOUT: (u, c) =>
    new RetryableError(ErrorKind.headersTimeout, u, 'headers timeout: no response headers in time', { cause: c }),
  UND_ERR_BODY_TIMEOUT: (u, c) =>
    new RetryableError(ErrorKind.bodyTimeout, u, 'body timeout: the body stalled', { cause: c }),
  UND_ERR_SOCKET: (u, c) =>
    new RetryableError(ErrorKind.connectionReset, u, 'connection closed by the other side', { cause: c }),
  ECONNRESET: (u, c) => new RetryableError(ErrorKind.connectionReset, u, 'connection reset', { cause: c }),
  EPIPE: (u, c) => new RetryableError(ErrorKind.connectionReset, u, 'connection broken (EPIPE)', { cause: c }),
  ECONNREFUSED: (u, c) =>
    new RetryableError(ErrorKind.connectionRefused, u, 'connection refused: nothing listening', { cause: c }),
  ETIMEDOUT: (u, c) => new RetryableError(ErrorKind.connectTimeout, u, 'connection timed out', { cause: c }),
  EHOSTUNREACH: (u, c) => new RetryableError(ErrorKind.network, u, 'host unreachable', { cause: c }),
  ENETUNREACH: (u, c) => new RetryableError(ErrorKind.network, u, 'network unreachable', { cause: c }),
  EAI_AGAIN: (u, c) => new RetryableError(ErrorKind.dns, u, 'temporary DNS failure', { cause: c }),
  ENOTFOUND: (u, c) =>
    new NonRetryableError(ErrorKind.dns, u, 'DNS: host not found; check the site entry', { cause: c }),
  ENODATA: (u, c) => new NonRetryableError(ErrorKind.dns, u, 'DNS: host has no address', { cause: c }),
  Z_DATA_ERROR: (u, c) => new NonRetryableError(ErrorKind.contentEncoding, u, 'corrupt compressed body', { cause: c }),
  Z_BUF_ERROR: (u, c) => new NonRetryableError(ErrorKind.contentEncoding, u, 'truncated compressed body', { cause: c }),
  ERR__ERROR_FORMAT: (u, c) =>
    new NonRetryableError(ErrorKind.contentEncoding, u, 'corrupt compressed body', { cause: c }),
};

/**
 * Turns anything thrown while fetching `url` into a {@link CrawlError}. Errors of unknown origin become
 * `NonRetryableError` of kind `unexpected` (the cause kept), so one odd page is counted and skipped
 * instead of stopping a crawl or being retried forever.
 */
export function classifyError(err: unknown, url: string): CrawlError {
  if (err instanceof CrawlError) return err;
  const e = err as { code?: unknown; name?: unknown; message?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : undefined;
  if (code !== undefined) {
    const make = byCode[code];
    if (make) return make(url, err);
    if (code.startsWith('ERR_BROTLI') || code.startsWith('Z_'))
      return new NonRetryableError(ErrorKind.contentEncoding, url, 'corrupt compressed body', { cause: err });
  }
  if (e?.name === 'AbortError' || code === 'ABORT_ERR' || code === 'UND_ERR_ABORTED')
    return new NonRetryableError(ErrorKind.aborted, url, 'aborted by the caller', { cause: err });
  if (e?.name === 'TimeoutError')
    return new RetryableError(ErrorKind.totalTimeout, url, 'total timeout: the exchange took too long', {
      cause: err,
    });
  const message = typeof e?.message === 'string' ? e.message : String(err);
  return new NonRetryableError(ErrorKind.unexpected, url, `unexpected error: ${message}`, { cause: err });
}
