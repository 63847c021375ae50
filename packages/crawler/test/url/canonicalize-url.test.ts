import { describe, expect, it } from '@jest/globals';
import {
  canonicalizeUrl,
  findCanonicalLink,
  isAllowedByPolicy,
  isSameSite,
  NonRetryableError,
  registrableDomain,
  resolveCanonicalUrl,
  tryCanonicalizeUrl,
  UrlFilter,
} from '../../src/fetch/index.js';

describe('canonicalizeUrl', () => {
  it.each([
    [
      'HTTPS://BaoQuangNinh.VN:443/Chinh-Tri/Bai-Viet-3312345.html#comments',
      'https://baoquangninh.vn/Chinh-Tri/Bai-Viet-3312345.html',
    ],
    ['http://baolongan.vn:80/a', 'http://baolongan.vn/a'],
    ['http://baolongan.vn:8080/a', 'http://baolongan.vn:8080/a'],
    ['https://x.vn/a?utm_source=fb&utm_medium=social&id=5', 'https://x.vn/a?id=5'],
    ['https://x.vn/a?fbclid=IwAR0&gclid=1&zarsrc=30&_ga=2.1&b=2&a=1', 'https://x.vn/a?a=1&b=2'],
    ['https://x.vn/a?UTM_Campaign=x', 'https://x.vn/a'],
    ['https://x.vn/a?z=1&a=2&a=1', 'https://x.vn/a?a=2&a=1&z=1'],
    ['https://x.vn/a?', 'https://x.vn/a'],
    ['https://x.vn/%7euser/%e1%bb%87', 'https://x.vn/~user/%E1%BB%87'],
    ['https://x.vn/a/./b/../c', 'https://x.vn/a/c'],
    ['https://user:pw@x.vn/a', 'https://x.vn/a'],
    ['https://x.vn./a', 'https://x.vn/a'],
    ['https://x.vn/tin tức', 'https://x.vn/tin%20t%E1%BB%A9c'],
  ])('%s → %s', (input, expected) => {
    expect(canonicalizeUrl(input)).toBe(expected);
  });

  it('is idempotent', () => {
    const once = canonicalizeUrl('HTTP://A.vn:80/x?b=1&utm_term=t&a=%7e#f');
    expect(canonicalizeUrl(once)).toBe(once);
  });

  it('resolves relative URLs against a base and drops extra parameters on request', () => {
    expect(canonicalizeUrl('../b?sid=9&x=1', { base: 'https://x.vn/a/c', dropParams: ['sid'] })).toBe(
      'https://x.vn/b?x=1',
    );
  });

  it('refuses other schemes and non-URLs with NonRetryableError', () => {
    for (const bad of ['ftp://x.vn/a', 'javascript:alert(1)', 'file:///etc/passwd', 'not a url']) {
      expect(() => canonicalizeUrl(bad)).toThrow(NonRetryableError);
      expect(tryCanonicalizeUrl(bad)).toBeNull();
    }
  });
});

describe('sites and scope', () => {
  it.each([
    ['www.baoquangninh.vn', 'baoquangninh.vn'],
    ['bbt.backan.gov.vn', 'backan.gov.vn'],
    ['damha.quangninh.gov.vn', 'quangninh.gov.vn'],
    ['baodienbienphu.info.vn', 'baodienbienphu.info.vn'],
    ['dienbien.dcs.vn', 'dienbien.dcs.vn'],
    ['baothaibinh.com.vn', 'baothaibinh.com.vn'],
    ['127.0.0.1', '127.0.0.1'],
  ])('registrableDomain(%s) = %s', (host, domain) => {
    expect(registrableDomain(host)).toBe(domain);
  });

  it('treats provinces on a shared suffix as different sites', () => {
    expect(isSameSite('https://backan.gov.vn/', 'https://longan.gov.vn/')).toBe(false);
    expect(isSameSite('https://dienbien.dcs.vn/', 'https://quangninh.dcs.vn/')).toBe(false);
    expect(isSameSite('https://www.baolongan.vn/a', 'http://baolongan.vn/b')).toBe(true);
  });

  it('applies redirect policies', () => {
    const from = 'https://baolongan.vn/a';
    expect(isAllowedByPolicy(from, 'https://www.baolongan.vn/a', 'same-site')).toBe(true);
    expect(isAllowedByPolicy(from, 'https://www.baolongan.vn/a', 'same-host')).toBe(false);
    expect(isAllowedByPolicy(from, 'https://evil.example/', 'same-site')).toBe(false);
    expect(isAllowedByPolicy(from, 'https://evil.example/', 'any')).toBe(true);
  });
});

describe('rel=canonical', () => {
  const page = 'https://baoquangninh.vn/bai-3312345.html?utm_source=zalo';
  it('finds the link whatever the attribute order and quoting', () => {
    expect(findCanonicalLink(`<head><link href='/x-1.html' rel=canonical></head>`)).toBe('/x-1.html');
    expect(findCanonicalLink('<link rel="alternate" href="/a"><link rel="Canonical" href="/b?x=1&amp;y=2">')).toBe(
      '/b?x=1&y=2',
    );
    expect(findCanonicalLink('<p>no link</p>')).toBeNull();
  });

  it('follows a same-site canonical and ignores one on another site', () => {
    expect(
      resolveCanonicalUrl(page, '<link rel="canonical" href="https://www.baoquangninh.vn/bai-3312345.html">'),
    ).toBe('https://www.baoquangninh.vn/bai-3312345.html');
    expect(resolveCanonicalUrl(page, '<link rel="canonical" href="https://other-portal.vn/copy.html">')).toBe(
      'https://baoquangninh.vn/bai-3312345.html',
    );
    expect(resolveCanonicalUrl(page, null)).toBe('https://baoquangninh.vn/bai-3312345.html');
  });
});

describe('UrlFilter', () => {
  const filter = UrlFilter.forSite({
    baseUrl: 'https://baoquangninh.vn/',
    startUrls: ['https://baoquangninh.vn/chinh-tri'],
    include: ['-\\d{5,}\\.html$'],
    exclude: ['^/video/'],
  });

  it('accepts in-scope included URLs and returns their canonical form', () => {
    expect(filter.check('https://www.baoquangninh.vn/hoi-nghi-3312345.html?utm_source=fb#top')).toEqual({
      accepted: true,
      canonicalUrl: 'https://www.baoquangninh.vn/hoi-nghi-3312345.html',
    });
  });

  it('says why a URL is rejected', () => {
    expect(filter.check('https://other.vn/a-3312345.html')).toMatchObject({ accepted: false, reason: 'off-site' });
    expect(filter.check('https://baoquangninh.vn/chinh-tri')).toMatchObject({
      accepted: false,
      reason: 'not-included',
    });
    expect(filter.check('https://baoquangninh.vn/video/clip-3312345.html')).toMatchObject({
      accepted: false,
      reason: 'excluded',
    });
    expect(filter.check('mailto:toasoan@baoquangninh.vn')).toMatchObject({ accepted: false, reason: 'invalid' });
  });
});
