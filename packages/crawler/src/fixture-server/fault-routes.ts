import { brotliCompressSync, constants, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { articleHtml, generateArticle } from './generated-content.js';
import { intParam, type Route, type RouteContext, send } from './route-context.js';

const bombs = new Map<string, Buffer>();

/** A compressed body of `mb` MiB of spaces inside an HTML page: tiny on the wire, huge when inflated. */
function bomb(kind: 'gzip' | 'br', mb: number): Buffer {
  const key = `${kind}:${mb}`;
  let b = bombs.get(key);
  if (!b) {
    const raw = Buffer.alloc(mb * 1024 * 1024, 0x20);
    raw.write('<html><body>', 0);
    b =
      kind === 'gzip'
        ? gzipSync(raw, { level: 9 })
        : brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } });
    bombs.set(key, b);
  }
  return b;
}

function samplePage(ctx: RouteContext): string {
  return articleHtml(generateArticle(42), { siteName: ctx.state.siteName, canonical: null });
}

function hit(ctx: RouteContext): number {
  const key = ctx.url.searchParams.get('key') ?? ctx.url.pathname;
  const n = (ctx.state.counters.get(key) ?? 0) + 1;
  ctx.state.counters.set(key, n);
  return n;
}

function retryAfterHeader(ctx: RouteContext): Record<string, string> {
  const seconds = ctx.url.searchParams.get('retryAfter');
  if (seconds === null) return {};
  if (ctx.url.searchParams.get('date') === '1')
    return { 'retry-after': new Date(Date.now() + Number(seconds) * 1000).toUTCString() };
  return { 'retry-after': seconds };
}

function fail(ctx: RouteContext, mode: string): true {
  if (mode === 'reset') {
    ctx.req.socket.resetAndDestroy();
    return true;
  }
  const status = Number(mode) || 503;
  return send(ctx, status, `<html><body>Lỗi ${status}</body></html>`, retryAfterHeader(ctx));
}

const routes: Record<string, (ctx: RouteContext) => boolean | Promise<boolean>> = {
  /** Headers at once, then `chunks` pieces of the page every `intervalMs`. */
  'slow-body': (ctx) => {
    const chunks = intParam(ctx.url, 'chunks', 5);
    const interval = intParam(ctx.url, 'intervalMs', 200);
    const page = Buffer.from(samplePage(ctx));
    const size = Math.ceil(page.length / chunks);
    ctx.res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': page.length });
    let i = 0;
    const tick = () => {
      if (ctx.res.destroyed) return;
      ctx.res.write(page.subarray(i * size, (i + 1) * size));
      i++;
      if (i < chunks) setTimeout(tick, interval);
      else ctx.res.end();
    };
    tick();
    return true;
  },
  /** No headers for `delayMs`. */
  'slow-headers': (ctx) => {
    const timer = setTimeout(() => send(ctx, 200, samplePage(ctx)), intParam(ctx.url, 'delayMs', 1000));
    ctx.res.once('close', () => clearTimeout(timer));
    return true;
  },
  /** TCP reset before any response. */
  reset: (ctx) => fail(ctx, 'reset'),
  /** Headers and half the body, then a reset. */
  'reset-mid-body': (ctx) => {
    const page = Buffer.from(samplePage(ctx));
    ctx.res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': page.length });
    ctx.res.write(page.subarray(0, page.length >> 1));
    setTimeout(() => ctx.req.socket.resetAndDestroy(), 20);
    return true;
  },
  /** The first `failures` hits per `key` fail with `mode` (a status such as 503/429, or `reset`), then 200. */
  flaky: (ctx) => {
    const n = hit(ctx);
    if (n <= intParam(ctx.url, 'failures', 1)) return fail(ctx, ctx.url.searchParams.get('mode') ?? '503');
    return send(ctx, 200, samplePage(ctx));
  },
  /** Always 429 (with `retryAfter` seconds, or an HTTP-date when `date=1`). */
  '429': (ctx) => fail(ctx, '429'),
  '503': (ctx) => fail(ctx, '503'),
  status: (ctx) => fail(ctx, String(intParam(ctx.url, 'code', 404))),
  /** Redirect to `to` (absolute or relative) with `code` (default 302). */
  redirect: (ctx) => send(ctx, intParam(ctx.url, 'code', 302), '', { location: ctx.url.searchParams.get('to') ?? '/' }),
  'redirect-loop-a': (ctx) => send(ctx, 302, '', { location: '/fault/redirect-loop-b' }),
  'redirect-loop-b': (ctx) => send(ctx, 301, '', { location: '/fault/redirect-loop-a' }),
  'redirect-self': (ctx) => send(ctx, 302, '', { location: ctx.url.pathname + ctx.url.search }),
  /** `n` redirects before the page. */
  'redirect-chain': (ctx) => {
    const n = intParam(ctx.url, 'n', 3);
    return n <= 0
      ? send(ctx, 200, samplePage(ctx))
      : send(ctx, 302, '', { location: `/fault/redirect-chain?n=${n - 1}` });
  },
  'redirect-no-location': (ctx) => send(ctx, 302, ''),
  /** A body that never ends (until the client goes away). */
  endless: (ctx) => {
    ctx.res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const pump = () => {
      while (!ctx.res.destroyed && ctx.res.write(chunk)) {}
      if (!ctx.res.destroyed) ctx.res.once('drain', pump);
    };
    ctx.res.write('<html><body>');
    pump();
    return true;
  },
  'gzip-bomb': (ctx) =>
    send(ctx, 200, bomb('gzip', intParam(ctx.url, 'mb', 64)), {
      'content-type': 'text/html; charset=utf-8',
      'content-encoding': 'gzip',
    }),
  'br-bomb': (ctx) =>
    send(ctx, 200, bomb('br', intParam(ctx.url, 'mb', 64)), {
      'content-type': 'text/html; charset=utf-8',
      'content-encoding': 'br',
    }),
  gzip: (ctx) => send(ctx, 200, gzipSync(samplePage(ctx)), { 'content-encoding': 'gzip' }),
  deflate: (ctx) => send(ctx, 200, deflateSync(samplePage(ctx)), { 'content-encoding': 'deflate' }),
  'deflate-raw': (ctx) => send(ctx, 200, deflateRawSync(samplePage(ctx)), { 'content-encoding': 'deflate' }),
  br: (ctx) => send(ctx, 200, brotliCompressSync(samplePage(ctx)), { 'content-encoding': 'br' }),
  'corrupt-gzip': (ctx) =>
    send(ctx, 200, Buffer.concat([gzipSync(samplePage(ctx)).subarray(0, 20), Buffer.alloc(50, 7)]), {
      'content-encoding': 'gzip',
    }),
  /** A page served with the wrong Content-Type (`type`, default application/pdf). */
  'wrong-type': (ctx) =>
    send(ctx, 200, '%PDF-1.4 not html', { 'content-type': ctx.url.searchParams.get('type') ?? 'application/pdf' }),
  'no-content-type': (ctx) => {
    const page = Buffer.from(samplePage(ctx));
    ctx.res.writeHead(200, { 'content-length': page.length });
    ctx.res.end(page);
    return true;
  },
  /** `bytes` of body with a Content-Length (`chunked=1`: without). */
  big: (ctx) => {
    const bytes = intParam(ctx.url, 'bytes', 6 * 1024 * 1024);
    const chunked = ctx.url.searchParams.get('chunked') === '1';
    ctx.res.writeHead(200, { 'content-type': 'text/html', ...(chunked ? {} : { 'content-length': bytes }) });
    ctx.res.end(Buffer.alloc(bytes, 0x62));
    return true;
  },
};

/** /fault/<name>?…: responses that break in the ways real servers do. */
export const faultRoute: Route = (ctx) => {
  const m = /^\/fault\/([a-z0-9-]+)$/.exec(ctx.url.pathname);
  const handler = m ? routes[m[1]!] : undefined;
  return handler ? handler(ctx) : false;
};

export const FAULT_ROUTE_NAMES: readonly string[] = Object.keys(routes);
