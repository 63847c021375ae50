import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';
import { ErrorKind, NonRetryableError } from '../errors/index.js';

export interface ReadBodyOptions {
  url: string;
  /** Content-Encoding header value (`gzip`, `br`, `deflate`, `gzip, br` …). */
  contentEncoding?: string | null;
  /** Limit on the DECODED size; exceeding it aborts the download (default 5 MB). */
  maxBytes: number;
}

export const DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024;

type Transform = NodeJS.ReadWriteStream;

function tooLarge(url: string, maxBytes: number): NonRetryableError {
  return new NonRetryableError(
    ErrorKind.bodyTooLarge,
    url,
    `body exceeds ${maxBytes} bytes after decoding; download aborted (raise maxBodyBytes if the page is legitimate)`,
  );
}

/** zlib-wrapped deflate starts with a CMF/FLG pair divisible by 31; servers also send raw deflate. */
function isZlibHeader(b: Buffer): boolean {
  return b.length >= 2 && (b[0]! & 0x0f) === 8 && ((b[0]! << 8) | b[1]!) % 31 === 0;
}

function decoderFor(encoding: string, url: string, firstChunk: Buffer | null): Transform | null {
  switch (encoding) {
    case 'identity':
    case '':
      return null;
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'br':
      return createBrotliDecompress();
    case 'deflate':
      return firstChunk !== null && !isZlibHeader(firstChunk) ? createInflateRaw() : createInflate();
    default:
      throw new NonRetryableError(ErrorKind.contentEncoding, url, `unsupported Content-Encoding ${encoding}`);
  }
}

/** Destroys a body nobody will read, without an unhandled 'error' event from undici's abort. */
export function abandonBody(body: Readable): void {
  if (body.destroyed) return;
  body.on('error', () => {}); // the abort error of a body we chose to drop carries no information
  body.destroy();
}

async function collect(
  source: AsyncIterable<Buffer>,
  url: string,
  maxBytes: number,
  onLimit: (e: NonRetryableError) => void,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of source) {
    total += chunk.length;
    if (total > maxBytes) {
      const e = tooLarge(url, maxBytes);
      onLimit(e);
      throw e;
    }
    chunks.push(chunk);
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
}

/** {@link collect} with stream events for an unencoded body: no async-iterator promise per chunk. */
function collectPlain(body: Readable, url: string, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const fail = (err: unknown) => {
      body.off('data', onData);
      body.off('end', onEnd);
      reject(err);
    };
    const onData = (chunk: Buffer) => {
      total += chunk.length;
      if (total > maxBytes) {
        body.off('error', fail);
        fail(tooLarge(url, maxBytes));
        abandonBody(body);
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      body.off('error', fail);
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total));
    };
    body.on('data', onData);
    body.once('end', onEnd);
    body.once('error', fail);
  });
}

/**
 * Reads a response body to a Buffer, decoding gzip / deflate (zlib or raw) / br as it streams and aborting as
 * soon as the decoded size passes `maxBytes` — a gzip bomb is stopped after `maxBytes`, never inflated whole.
 * The source stream is destroyed on any failure so the connection is not left half-read.
 */
export async function readBody(body: Readable, options: ReadBodyOptions): Promise<Buffer> {
  const encodings = (options.contentEncoding ?? '')
    .toLowerCase()
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '' && e !== 'identity')
    .reverse();
  // Destroying the pipeline after the limit makes undici report an abort; the limit is the real cause.
  let limitError: NonRetryableError | null = null;
  const onLimit = (e: NonRetryableError) => {
    limitError = e;
  };
  try {
    if (encodings.length === 0) return await collectPlain(body, options.url, options.maxBytes);
    // deflate needs its first bytes to tell zlib-wrapped from raw.
    let source: Readable = body;
    let first: Buffer | null = null;
    if (encodings.includes('deflate')) {
      const it = body[Symbol.asyncIterator]();
      const head = await it.next();
      first = head.done ? Buffer.alloc(0) : (head.value as Buffer);
      const rest = it;
      source = Readable.from(
        (async function* () {
          if (first !== null && first.length > 0) yield first;
          for (let r = await rest.next(); !r.done; r = await rest.next()) yield r.value as Buffer;
        })(),
      );
    }
    const decoders = encodings.map((e) => decoderFor(e, options.url, first)).filter((d) => d !== null);
    let result: Buffer | null = null;
    const run = pipeline as unknown as (...streams: unknown[]) => Promise<void>;
    await run(source, ...decoders, async (decoded: AsyncIterable<Buffer>) => {
      result = await collect(decoded, options.url, options.maxBytes, onLimit);
    });
    return result ?? Buffer.alloc(0);
  } catch (err) {
    abandonBody(body);
    throw limitError ?? err;
  }
}
