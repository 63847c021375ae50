import type { Readable } from 'node:stream';
import { Agent, request } from 'undici';
import { ErrorKind, httpStatusError, NonRetryableError } from '../errors/index.js';
import { type ContentKind, isAcceptableContentType } from './content-kind.js';
import type { FetchTimeouts } from './fetch-types.js';
import { abandonBody, readBody } from './read-body.js';
import { parseRetryAfter } from './retry-policy.js';
import type { AddressAllowList, SafeResolver } from './safety/index.js';

export interface ExchangeRequest {
  url: URL;
  headers: Readonly<Record<string, string>>;
  allow: AddressAllowList;
  accept: ContentKind;
  maxBodyBytes: number;
  signal?: AbortSignal;
}

export type ExchangeResponse =
  | { kind: 'redirect'; status: number; location: string; headers: Record<string, string> }
  | { kind: 'not-modified'; status: 304; headers: Record<string, string> }
  | { kind: 'ok'; status: number; headers: Record<string, string>; body: Buffer };

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** Bytes of an error or redirect body read to keep the connection reusable; more and the socket is dropped. */
const DISCARD_LIMIT = 64 * 1024;

function flattenHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  let flat = true;
  for (const k in raw) if (typeof raw[k] !== 'string') flat = false;
  if (flat) return raw as Record<string, string>; // undici's own object: lower-case names, one value each
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

async function discard(body: Readable & { dump?: (o: { limit: number }) => Promise<void> }): Promise<void> {
  try {
    if (body.dump) await body.dump({ limit: DISCARD_LIMIT });
    else abandonBody(body);
  } catch {
    abandonBody(body); // an unread error body failing to drain only costs the connection
  }
}

/**
 * One HTTP GET without redirects or retries: checks the destination address, sends the request through an
 * undici Agent whose connections are pinned to checked addresses, classifies the status, rejects unwanted
 * content types before reading, and reads the body within the size limit.
 */
export class HttpExchange {
  private readonly agents = new Map<string, Agent>();

  constructor(
    private readonly resolver: SafeResolver,
    private readonly timeouts: FetchTimeouts,
    private readonly connectionsPerOrigin: number | null,
  ) {}

  private agentFor(allow: AddressAllowList): Agent {
    const key = [...allow].sort().join(',');
    let agent = this.agents.get(key);
    if (!agent) {
      agent = new Agent({
        connect: { timeout: this.timeouts.connectMs, lookup: this.resolver.connectLookup(allow) },
        headersTimeout: this.timeouts.headersMs,
        bodyTimeout: this.timeouts.bodyMs,
        connections: this.connectionsPerOrigin,
        keepAliveTimeout: 10_000,
      });
      this.agents.set(key, agent);
    }
    return agent;
  }

  async run(req: ExchangeRequest): Promise<ExchangeResponse> {
    const href = req.url.href;
    // Refuse before any socket exists; the agent's lookup re-checks whatever it connects to.
    await this.resolver.resolve(req.url, req.allow);
    const started = performance.now();
    const res = await request(req.url, {
      dispatcher: this.agentFor(req.allow),
      method: 'GET',
      headers: req.headers,
      headersTimeout: this.timeouts.headersMs,
      bodyTimeout: this.timeouts.bodyMs,
      ...(req.signal ? { signal: req.signal } : {}),
    });
    const status = res.statusCode;
    const headers = flattenHeaders(res.headers);
    if (REDIRECT_STATUSES.has(status)) {
      await discard(res.body);
      const location = headers['location'];
      if (!location)
        throw new NonRetryableError(
          ErrorKind.redirectWithoutLocation,
          href,
          `HTTP ${status} without a Location header`,
          {
            status,
          },
        );
      return { kind: 'redirect', status, location, headers };
    }
    if (status === 304) {
      await discard(res.body);
      return { kind: 'not-modified', status, headers };
    }
    if (status < 200 || status >= 300) {
      await discard(res.body);
      throw httpStatusError(status, href, parseRetryAfter(headers['retry-after']));
    }
    const contentType = headers['content-type'] ?? null;
    if (!isAcceptableContentType(contentType, req.accept)) {
      abandonBody(res.body);
      throw new NonRetryableError(
        ErrorKind.contentType,
        href,
        `Content-Type ${contentType} is not ${req.accept}; the URL is not a page to crawl (add it to the site's exclude list)`,
        { status },
      );
    }
    const declaredLength = headers['content-length'] === undefined ? -1 : Number(headers['content-length']);
    if (!headers['content-encoding'] && declaredLength > req.maxBodyBytes) {
      abandonBody(res.body);
      throw new NonRetryableError(
        ErrorKind.bodyTooLarge,
        href,
        `Content-Length ${declaredLength} exceeds ${req.maxBodyBytes} bytes; not downloaded`,
        { status },
      );
    }
    // Connect and headers have their own timeouts; the total timeout stops a body that trickles in forever
    // (bodyTimeout only limits the silence between chunks). A timer, cleared at the end, not a signal per request.
    const { totalMs } = this.timeouts;
    const timer = setTimeout(
      () => res.body.destroy(new DOMException(`no complete response in ${totalMs} ms`, 'TimeoutError')),
      Math.max(0, totalMs - (performance.now() - started)),
    );
    try {
      // A declared length within the limit cannot be exceeded (undici fails a body longer than Content-Length):
      // undici reads it in one piece. Chunked and encoded bodies are counted as they stream.
      const body =
        !headers['content-encoding'] && declaredLength >= 0 && declaredLength <= req.maxBodyBytes
          ? toBuffer(await res.body.bytes())
          : await readBody(res.body, {
              url: href,
              contentEncoding: headers['content-encoding'] ?? null,
              maxBytes: req.maxBodyBytes,
            });
      return { kind: 'ok', status, headers, body };
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.agents.values()].map((a) => a.close()));
    this.agents.clear();
  }
}
