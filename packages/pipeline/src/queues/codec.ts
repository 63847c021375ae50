import { gunzipSync, gzipSync } from 'node:zlib';

export function packBytes(b: Uint8Array): string {
  return gzipSync(b, { level: 3 }).toString('base64');
}

export function unpackBytes(s: string): Buffer {
  return gunzipSync(Buffer.from(s, 'base64'));
}

export function packText(s: string): string {
  return packBytes(Buffer.from(s, 'utf8'));
}

export function unpackText(s: string): string {
  return unpackBytes(s).toString('utf8');
}
