/**
 * "Same site" for redirects and link scope: hosts that share a registrable domain. Vietnamese second-level
 * suffixes (gov.vn, com.vn, info.vn …) count as public suffixes, so `bbt.backan.gov.vn` and `backan.gov.vn` are
 * one site while `backan.gov.vn` and `longan.gov.vn` are two. `dcs.vn` is treated as a suffix too: each
 * province's party committee (`dienbien.dcs.vn`, `quangninh.dcs.vn`) is its own site.
 */
const MULTI_LABEL_SUFFIXES = new Set([
  'com.vn',
  'net.vn',
  'org.vn',
  'edu.vn',
  'gov.vn',
  'int.vn',
  'ac.vn',
  'biz.vn',
  'info.vn',
  'name.vn',
  'pro.vn',
  'health.vn',
  'dcs.vn',
  'co.uk',
  'org.uk',
  'com.au',
]);

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** Lower-cased host without a trailing dot or the brackets of an IPv6 literal. */
export function normalizeHost(host: string): string {
  let h = host.toLowerCase();
  if (h.endsWith('.')) h = h.slice(0, -1);
  if (h.startsWith('[') && h.endsWith(']')) h = h.slice(1, -1);
  return h;
}

/** The registrable domain of a host (`www.baoquangninh.vn` → `baoquangninh.vn`); IP literals map to themselves. */
export function registrableDomain(host: string): string {
  const h = normalizeHost(host);
  if (IPV4.test(h) || h.includes(':')) return h;
  const labels = h.split('.');
  if (labels.length <= 2) return h;
  const lastTwo = labels.slice(-2).join('.');
  const take = MULTI_LABEL_SUFFIXES.has(lastTwo) ? 3 : 2;
  return labels.slice(-take).join('.');
}

export type RedirectPolicy = 'same-host' | 'same-site' | 'any';

function hostOf(url: string | URL): string {
  return normalizeHost(typeof url === 'string' ? new URL(url).hostname : url.hostname);
}

export function isSameHost(a: string | URL, b: string | URL): boolean {
  return hostOf(a) === hostOf(b);
}

export function isSameSite(a: string | URL, b: string | URL): boolean {
  return registrableDomain(hostOf(a)) === registrableDomain(hostOf(b));
}

/** Whether a move from `from` to `to` is allowed under `policy`. */
export function isAllowedByPolicy(from: string | URL, to: string | URL, policy: RedirectPolicy): boolean {
  if (policy === 'any') return true;
  return policy === 'same-host' ? isSameHost(from, to) : isSameSite(from, to);
}
