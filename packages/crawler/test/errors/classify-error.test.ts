import { describe, expect, it } from '@jest/globals';
import {
  CrawlError,
  classifyError,
  httpStatusError,
  NonRetryableError,
  RetryableError,
  ThrottledError,
} from '../../src/fetch/index.js';

const url = 'https://baoquangninh.vn/bai-viet-3312345.html';

describe('httpStatusError', () => {
  it.each([
    [404, NonRetryableError, 'http-404'],
    [410, NonRetryableError, 'http-410'],
    [403, NonRetryableError, 'http-403'],
    [400, NonRetryableError, 'http-400'],
    [501, NonRetryableError, 'http-501'],
    [408, RetryableError, 'http-408'],
    [500, RetryableError, 'http-500'],
    [502, RetryableError, 'http-502'],
    [503, RetryableError, 'http-503'],
    [429, ThrottledError, 'http-429'],
  ])('HTTP %i → %p (%s)', (status, cls, kind) => {
    const e = httpStatusError(status, url, null);
    expect(e).toBeInstanceOf(cls);
    expect(e.kind).toBe(kind);
    expect(e.status).toBe(status);
    expect(e.message).toContain(url);
  });

  it('carries Retry-After on 429 and 503', () => {
    const t = httpStatusError(429, url, 2000) as ThrottledError;
    expect(t).toBeInstanceOf(RetryableError);
    expect(t.retryAfterMs).toBe(2000);
    expect((httpStatusError(503, url, 1000) as RetryableError).retryAfterMs).toBe(1000);
  });
});

describe('classifyError', () => {
  it.each([
    ['ECONNRESET', RetryableError, 'connection-reset'],
    ['UND_ERR_SOCKET', RetryableError, 'connection-reset'],
    ['UND_ERR_CONNECT_TIMEOUT', RetryableError, 'timeout-connect'],
    ['UND_ERR_HEADERS_TIMEOUT', RetryableError, 'timeout-headers'],
    ['UND_ERR_BODY_TIMEOUT', RetryableError, 'timeout-body'],
    ['ECONNREFUSED', RetryableError, 'connection-refused'],
    ['ENOTFOUND', NonRetryableError, 'dns'],
    ['EAI_AGAIN', RetryableError, 'dns'],
    ['Z_DATA_ERROR', NonRetryableError, 'content-encoding'],
  ])('%s → %p (%s), cause kept', (code, cls, kind) => {
    const cause = Object.assign(new Error('boom'), { code });
    const e = classifyError(cause, url);
    expect(e).toBeInstanceOf(cls);
    expect(e.kind).toBe(kind);
    expect(e.cause).toBe(cause);
    expect(e.message).toContain(url);
  });

  it('passes CrawlErrors through unchanged', () => {
    const e = new NonRetryableError('robots-disallowed', url, 'blocked');
    expect(classifyError(e, 'https://other/')).toBe(e);
  });

  it('turns an abort into a non-retryable "aborted" and a total timeout into a retryable one', () => {
    expect(classifyError(new DOMException('x', 'AbortError'), url).kind).toBe('aborted');
    const timeout = classifyError(new DOMException('x', 'TimeoutError'), url);
    expect(timeout).toBeInstanceOf(RetryableError);
    expect(timeout.kind).toBe('timeout-total');
  });

  it('makes unknown errors non-retryable "unexpected" instead of swallowing them', () => {
    const e = classifyError(new TypeError('x is undefined'), url);
    expect(e).toBeInstanceOf(NonRetryableError);
    expect(e).toBeInstanceOf(CrawlError);
    expect(e.kind).toBe('unexpected');
    expect(e.message).toContain('x is undefined');
  });
});
