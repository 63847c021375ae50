import type { LookupAddress, LookupOptions } from 'node:dns';
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { classifyError, ErrorKind, NonRetryableError } from '../../errors/index.js';
import { type AddressCategory, classifyAddress } from './address-category.js';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to all its addresses (the default is `dns.lookup` with `all: true`). */
export type HostLookup = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemLookup: HostLookup = async (hostname) =>
  (await dnsLookup(hostname, { all: true, verbatim: true })).map((a) => ({
    address: a.address,
    family: a.family === 6 ? 6 : 4,
  }));

export interface SafeResolverOptions {
  lookup?: HostLookup;
  /** How long a checked answer is reused (and the connection pinned to it); default 60 s. */
  ttlMs?: number;
}

/** The address categories a request may reach; an empty set allows public addresses only. */
export type AddressAllowList = ReadonlySet<AddressCategory>;

const allowKeys = new WeakMap<AddressAllowList, string>();

/** A stable key for an allow-list (memoised per set: it is asked for on every request). */
function allowKey(allow: AddressAllowList): string {
  let key = allowKeys.get(allow);
  if (key === undefined) {
    key = [...allow].sort().join(',');
    allowKeys.set(allow, key);
  }
  return key;
}

type NetLookupCallback = (err: Error | null, address: string | LookupAddress[], family?: number) => void;

/**
 * Resolves hosts, refuses addresses in forbidden ranges (see {@link classifyAddress}) and hands the checked
 * address to the socket: the same resolver backs undici's `connect.lookup`, so the connection goes to the
 * address that was checked and a DNS answer that changes between check and connect (DNS rebinding) is
 * checked again instead of trusted. A host resolving to several addresses is refused if any is forbidden.
 */
export class SafeResolver {
  private readonly lookup: HostLookup;
  private readonly ttlMs: number;
  private readonly cache = new Map<string, { addresses: ResolvedAddress[]; expiresAt: number }>();
  private readonly pending = new Map<string, Promise<ResolvedAddress[]>>();
  private readonly literals = new Map<string, ResolvedAddress | string>();

  constructor(options: SafeResolverOptions = {}) {
    this.lookup = options.lookup ?? systemLookup;
    this.ttlMs = options.ttlMs ?? 60_000;
  }

  /**
   * The address to connect to for `url`'s host, after checking every resolved address against `allow`.
   * Throws {@link NonRetryableError} `address-refused` before any connection is attempted.
   */
  async resolve(url: URL, allow: AddressAllowList): Promise<ResolvedAddress> {
    const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
    const literal = isIP(host);
    if (literal !== 0) {
      // An IP literal cannot change: remember the verdict (bounded by the literals a crawl meets).
      const key = `${host}|${allowKey(allow)}`;
      let verdict = this.literals.get(key);
      if (verdict === undefined) {
        verdict = this.check(host, [{ address: host, family: literal as 4 | 6 }], allow);
        if (this.literals.size > 10_000) this.literals.clear();
        this.literals.set(key, verdict);
      }
      if (typeof verdict === 'string') throw new NonRetryableError(ErrorKind.addressRefused, url.href, verdict);
      return verdict;
    }
    const addresses = await this.resolveName(host, url);
    if (addresses.length === 0)
      throw new NonRetryableError(ErrorKind.dns, url.href, `DNS: ${host} has no address; check the site entry`);
    const verdict = this.check(host, addresses, allow);
    if (typeof verdict === 'string') throw new NonRetryableError(ErrorKind.addressRefused, url.href, verdict);
    return verdict;
  }

  /** The first address when every address is allowed, else the reason for refusing. */
  private check(host: string, addresses: ResolvedAddress[], allow: AddressAllowList): ResolvedAddress | string {
    for (const a of addresses) {
      const category = classifyAddress(a.address);
      if (category !== null && !allow.has(category))
        return `refused: ${host} resolves to ${a.address} (${category}); set allowPrivateNetwork on the site entry only for local test sites`;
    }
    return addresses[0]!;
  }

  private async resolveName(host: string, url: URL): Promise<ResolvedAddress[]> {
    const key = host.toLowerCase();
    const hit = this.cache.get(key);
    if (hit && hit.expiresAt > performance.now()) return hit.addresses;
    let p = this.pending.get(key);
    if (!p) {
      p = this.lookup(key).finally(() => this.pending.delete(key));
      this.pending.set(key, p);
    }
    try {
      const addresses = await p;
      if (this.ttlMs > 0) this.cache.set(key, { addresses, expiresAt: performance.now() + this.ttlMs });
      return addresses;
    } catch (err) {
      throw classifyError(err, url.href);
    }
  }

  /** A `net.connect` lookup function that only ever yields checked addresses (for undici's `connect.lookup`). */
  connectLookup(allow: AddressAllowList): (hostname: string, options: LookupOptions, cb: NetLookupCallback) => void {
    return (hostname, options, cb) => {
      const url = new URL(`http://${hostname.includes(':') ? `[${hostname}]` : hostname}/`);
      this.resolve(url, allow).then(
        (a) => (options.all ? cb(null, [{ address: a.address, family: a.family }]) : cb(null, a.address, a.family)),
        (err: Error) => cb(err, ''),
      );
    };
  }
}
