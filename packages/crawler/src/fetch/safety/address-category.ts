import { isIP } from 'node:net';

/** Address ranges a crawler must not be pointed at by a link, a redirect or a DNS answer. */
export type AddressCategory =
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'cgnat'
  | 'metadata'
  | 'unspecified'
  | 'multicast'
  | 'reserved';

type V4Range = [base: number, bits: number, category: AddressCategory];

function v4(addr: string): number {
  const p = addr.split('.').map(Number);
  return (((p[0]! << 24) >>> 0) + (p[1]! << 16) + (p[2]! << 8) + p[3]!) >>> 0;
}

const V4_RANGES: V4Range[] = [
  [v4('169.254.169.254'), 32, 'metadata'],
  [v4('0.0.0.0'), 8, 'unspecified'],
  [v4('127.0.0.0'), 8, 'loopback'],
  [v4('10.0.0.0'), 8, 'private'],
  [v4('172.16.0.0'), 12, 'private'],
  [v4('192.168.0.0'), 16, 'private'],
  [v4('100.64.0.0'), 10, 'cgnat'],
  [v4('169.254.0.0'), 16, 'link-local'],
  [v4('192.0.0.0'), 24, 'reserved'],
  [v4('192.0.2.0'), 24, 'reserved'],
  [v4('198.18.0.0'), 15, 'reserved'],
  [v4('198.51.100.0'), 24, 'reserved'],
  [v4('203.0.113.0'), 24, 'reserved'],
  [v4('224.0.0.0'), 4, 'multicast'],
  [v4('240.0.0.0'), 4, 'reserved'],
];

function classifyV4(n: number): AddressCategory | null {
  for (const [base, bits, category] of V4_RANGES) {
    const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
    if ((n & mask) >>> 0 === base) return category;
  }
  return null;
}

/** The eight 16-bit groups of an IPv6 address (with an embedded dotted IPv4 tail expanded). */
function v6Groups(addr: string): number[] | null {
  let a = addr.toLowerCase();
  const zone = a.indexOf('%');
  if (zone >= 0) a = a.slice(0, zone);
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  if (dotted?.[1]) {
    const n = v4(dotted[1]);
    a = `${a.slice(0, -dotted[1].length)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head, tail] = a.split('::') as [string, string | undefined];
  const h = head === '' ? [] : head.split(':');
  const t = tail === undefined || tail === '' ? [] : tail.split(':');
  const fill = tail === undefined ? 0 : 8 - h.length - t.length;
  if (fill < 0) return null;
  const groups = [...h, ...Array<string>(fill).fill('0'), ...t].map((g) => Number.parseInt(g, 16));
  return groups.length === 8 && groups.every((g) => g >= 0 && g <= 0xffff) ? groups : null;
}

function classifyV6(addr: string): AddressCategory | null {
  const g = v6Groups(addr);
  if (g === null) return 'reserved';
  const [g0, g1, g2, g3, g4, g5, g6, g7] = g as [number, number, number, number, number, number, number, number];
  const embedded = ((g6 << 16) >>> 0) + g7;
  if (g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0) {
    if (g5 === 0xffff) return classifyV4(embedded); // IPv4-mapped ::ffff:a.b.c.d
    if (g5 === 0 && g6 === 0) return g7 === 1 ? 'loopback' : g7 === 0 ? 'unspecified' : 'reserved';
    if (g5 === 0) return classifyV4(embedded) ?? 'reserved'; // deprecated IPv4-compatible ::a.b.c.d
  }
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) return classifyV4(embedded); // NAT64
  if ((g0 & 0xfe00) === 0xfc00) return 'private'; // fc00::/7 unique local
  if ((g0 & 0xffc0) === 0xfe80) return 'link-local'; // fe80::/10
  if ((g0 & 0xff00) === 0xff00) return 'multicast';
  if (g0 === 0x2001 && g1 === 0x0db8) return 'reserved'; // documentation
  if (g0 === 0x0100 && g1 === 0 && g2 === 0 && g3 === 0) return 'reserved'; // discard prefix
  return null;
}

/**
 * The special-purpose range an IP address belongs to, or null for an ordinary public address.
 * IPv4-mapped (`::ffff:10.0.0.1`, `::ffff:a00:1`), IPv4-compatible and NAT64 forms are classified by the
 * IPv4 address they carry. Anything that is not an IP address is `reserved` (refused).
 */
export function classifyAddress(address: string): AddressCategory | null {
  const family = isIP(address.split('%')[0] ?? '');
  if (family === 4) return classifyV4(v4(address));
  if (family === 6) return classifyV6(address);
  return 'reserved';
}

/** What `allowPrivateNetwork: true` in a site entry opens: local networks, never metadata, 0.0.0.0 or multicast. */
export const PRIVATE_NETWORK_CATEGORIES: readonly AddressCategory[] = ['loopback', 'private', 'link-local', 'cgnat'];
