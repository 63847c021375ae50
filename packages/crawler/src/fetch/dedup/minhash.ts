import { shingles } from './shingles.js';

/** Hash functions per signature: the Jaccard estimate has a standard error ≤ 0.045. */
export const MINHASH_SIZE = 128;

/** murmur3 fmix32: spreads the bits of a 32-bit hash. */
function fmix32(h: number): number {
  let x = h;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

function fnv1a32(s: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

/**
 * MinHash signature of a text's word 3-gram shingles (Broder 1997): position i holds the minimum over shingles
 * of hash_i, with hash_i = h1 + i·h2 (Kirsch–Mitzenmacher). The share of equal positions between two
 * signatures estimates the Jaccard similarity of the shingle sets. Empty text gives all 0xffffffff.
 */
export function minhashSignature(text: string, size = MINHASH_SIZE): Uint32Array {
  const sig = new Uint32Array(size).fill(0xffffffff);
  for (const sh of shingles(text)) {
    const h1 = fnv1a32(sh, 0x811c9dc5);
    const h2 = fnv1a32(sh, 0x9e3779b9) | 1;
    for (let i = 0; i < size; i++) {
      const h = fmix32((h1 + Math.imul(i, h2)) >>> 0);
      if (h < sig[i]!) sig[i] = h;
    }
  }
  return sig;
}

/** Estimated Jaccard similarity of the texts behind two signatures of the same size. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length) throw new RangeError(`signature sizes differ: ${a.length} vs ${b.length}`);
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/** Base64 of a signature (little-endian), for storage. */
export function encodeSignature(sig: Uint32Array): string {
  return Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength).toString('base64');
}

export function decodeSignature(encoded: string): Uint32Array {
  const buf = Buffer.from(encoded, 'base64');
  if (buf.length % 4 !== 0) throw new RangeError('not a MinHash signature: length is not a multiple of 4 bytes');
  const out = new Uint32Array(buf.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = buf.readUInt32LE(i * 4);
  return out;
}
