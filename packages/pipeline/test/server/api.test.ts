import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type EventDetail, type EventPage, type Facets, foldText, type Store } from '@vnevents/store';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/server/index.js';
import { type LoadedFixtures, loadFixtures, type TempSqlite, tempFixtureStore } from './support/fixture-store.js';
import { type LoopbackClient, loopback } from './support/http-client.js';

let db: TempSqlite;
let store: Store;
let app: FastifyInstance;
let http: LoopbackClient;
let loaded: LoadedFixtures;

beforeAll(async () => {
  db = await tempFixtureStore();
  store = db.store;
  loaded = await loadFixtures(store);
  app = await buildServer({ store, rateLimit: false });
  http = await loopback(app);
});

afterAll(async () => {
  await http?.close();
  await db?.cleanup();
});

async function get<T = unknown>(url: string, headers: Record<string, string> = {}) {
  const res = await http.inject({ url, headers });
  const json = res.headers['content-type']?.toString().includes('json') ? (res.json() as T) : (undefined as T);
  return { res, status: res.statusCode, json };
}

describe('GET /api/events', () => {
  it('lists the latest events newest first, with every event of the fixtures reachable by keyset paging', async () => {
    const seen: number[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const { status, json }: { status: number; json: EventPage } = await get<EventPage>(
        `/api/events?limit=7${after ? `&after=${encodeURIComponent(after)}` : ''}`,
      );
      expect(status).toBe(200);
      seen.push(...json.items.map((e) => e.id));
      after = json.next;
      pages++;
    } while (after && pages < 100);
    expect(loaded.events).toBeGreaterThan(20);
    expect(seen).toHaveLength(loaded.events);
    expect(new Set(seen).size).toBe(seen.length);
    const whole = await get<EventPage>('/api/events?limit=1000');
    expect(whole.json.items.map((e) => e.id)).toEqual(seen);
    const days = whole.json.items.map((e) => e.sortDate);
    expect([...days].sort().reverse()).toEqual(days);
  });

  it('page 2 through the cursor continues page 1 exactly', async () => {
    const p1 = await get<EventPage>('/api/events?limit=5&type=inspection,supervision');
    const p2 = await get<EventPage>(`/api/events?limit=5&type=inspection,supervision&after=${p1.json.next}`);
    const both = await get<EventPage>('/api/events?limit=10&type=inspection&type=supervision');
    expect(p1.json.next).toEqual(expect.any(String));
    expect([...p1.json.items, ...p2.json.items].map((e) => e.id)).toEqual(both.json.items.map((e) => e.id));
  });

  it('applies the filters of the store, diacritics-insensitive, exactly as the store does', async () => {
    const cases: [string, Parameters<Store['queryEvents']>[0]][] = [
      ['type=inspection', { type: 'inspection' }],
      ['province=dien%20bien', { province: 'Điện Biên' }],
      ['directive=K%E1%BA%BFt%20lu%E1%BA%ADn%20114', { directive: '114-KL/TW' }],
      ['official=lo%20van%20hanh', { official: 'Lò Văn Hạnh' }],
      ['text=%22dan%20van%22', { text: '"dân vận"' }],
      ['from=2024-01-01&to=2024-12-31', { from: '2024', to: '2024' }],
      ['type=review&from=2024', { type: 'review', from: '2024-01-01' }],
    ];
    for (const [qs, filter] of cases) {
      const api = await get<EventPage>(`/api/events?limit=1000&${qs}`);
      const direct = await store.queryEvents(filter, { limit: 1000 });
      expect({ qs, status: api.status }).toEqual({ qs, status: 200 });
      expect({ qs, ids: api.json.items.map((e) => e.id) }).toEqual({ qs, ids: direct.items.map((e) => e.id) });
      expect({ qs, some: api.json.items.length > 0 }).toEqual({ qs, some: true });
    }
    const all = await get<EventPage>('/api/events?limit=1000');
    const inspections = await get<EventPage>('/api/events?limit=1000&type=inspection');
    expect(inspections.json.items.every((e) => e.type === 'inspection')).toBe(true);
    expect(inspections.json.items.length).toBeLessThan(all.json.items.length);
  });

  it('finds the Tủa Chùa inspection by its lead official without diacritics and by a folded full-text phrase', async () => {
    const byOfficial = await get<EventPage>('/api/events?official=lo+van+hanh');
    const titles = byOfficial.json.items.map((e) => e.title ?? '');
    expect(titles.some((t) => t.includes('Tủa Chùa'))).toBe(true);
    const byText = await get<EventPage>('/api/events?text=%22tua+chua%22');
    expect(byText.json.items.length).toBeGreaterThan(0);
    expect(byText.json.items.some((e) => e.url.includes('tua-chua'))).toBe(true);
    for (const e of byText.json.items) {
      const detail = await get<EventDetail>(`/api/events/${e.id}`);
      expect(foldText(detail.json.text)).toMatch(/tua chua/);
    }
    const all = await get<EventPage>('/api/events?limit=1000');
    expect(byText.json.items.length).toBeLessThan(all.json.items.length);
  });

  it('answers 400 naming the parameter and the rule for every kind of bad input', async () => {
    const bad: [string, RegExp][] = [
      ['limit=5000', /limit.*1 to 1000/],
      ['limit=abc', /limit/],
      ['type=meeting', /type must be one or more of inspection, supervision/],
      ['from=2024-13-01', /from must be a day YYYY-MM-DD/],
      ['minConfidence=2', /minConfidence/],
      ['provnce=Dien+Bien', /unknown parameter "provnce"/],
      ['after=not-a-cursor', /malformed cursor/],
      ['province=', /province must not be empty/],
      [`text=${'x'.repeat(600)}`, /text is longer than 500/],
    ];
    for (const [qs, message] of bad) {
      const { status, json } = await get<{ message: string; problems: { path: string }[] }>(`/api/events?${qs}`);
      expect({ qs, status }).toEqual({ qs, status: 400 });
      expect(json.message).toMatch(message);
      expect(json.problems.length).toBeGreaterThan(0);
    }
  });
});

describe('GET /api/events/:id', () => {
  it('returns the article text and the span of every field, each surface equal to its slice of the text', async () => {
    const page = await get<EventPage>('/api/events?limit=1000');
    for (const summary of page.json.items) {
      const { status, json } = await get<EventDetail>(`/api/events/${summary.id}`);
      expect(status).toBe(200);
      expect(json.text.length).toBeGreaterThan(100);
      for (const s of json.spans) expect(json.text.slice(s.span[0], s.span[1])).toBe(s.surface);
      if (json.event.leadOfficial) {
        const lead = json.spans.find((s) => s.path === 'leadOfficial.span');
        expect(lead?.surface).toBe(json.event.leadOfficial.name);
      }
    }
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    const missing = await get<{ message: string }>('/api/events/999999');
    expect(missing.status).toBe(404);
    expect(missing.json.message).toMatch(/event 999999 does not exist/);
    const bad = await get<{ message: string }>('/api/events/abc');
    expect(bad.status).toBe(400);
    expect(bad.json.message).toMatch(/params\.id: id must be a positive integer/);
  });
});

describe('facets, trends, officials, directives', () => {
  it('/api/facets counts what /api/events lists', async () => {
    const { json } = await get<Facets>('/api/facets?type=inspection');
    const list = await get<EventPage>('/api/events?type=inspection&limit=1000');
    expect(json.total).toBe(list.json.items.length);
    expect(json.type).toEqual([{ key: 'inspection', count: json.total }]);
    expect(json.month.reduce((s, b) => s + b.count, 0)).toBe(json.total);
  });

  it('/api/trends splits the month counts by province and by type, adding up to the month totals', async () => {
    const facets = (await get<Facets>('/api/facets')).json;
    for (const by of ['province', 'type']) {
      const { status, json } = await get<{ months: string[]; series: { key: string | null; counts: number[] }[] }>(
        `/api/trends?by=${by}&top=3`,
      );
      expect(status).toBe(200);
      expect([...json.months].sort()).toEqual(json.months);
      // No gaps: each month follows the previous one.
      json.months.slice(1).forEach((m, i) => {
        const [y, mo] = (json.months[i] as string).split('-').map(Number) as [number, number];
        expect(m).toBe(mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`);
      });
      expect(json.series.filter((s) => s.key !== null).length).toBeLessThanOrEqual(3);
      const monthTotal = new Map(facets.month.map((b) => [b.key, b.count]));
      json.months.forEach((m, i) => {
        expect(json.series.reduce((s, x) => s + (x.counts[i] ?? 0), 0)).toBe(monthTotal.get(m) ?? 0);
      });
      expect(json.months).toEqual(expect.arrayContaining(facets.month.map((b) => b.key)));
    }
    expect((await get('/api/trends?by=site')).status).toBe(400);
  });

  it('/api/officials finds a person without diacritics, and 400 without q', async () => {
    const { status, json } = await get<{ items: { name: string; personId: number }[] }>('/api/officials?q=lo+van+hanh');
    expect(status).toBe(200);
    expect(json.items[0]?.name).toBe('Lò Văn Hạnh');
    const timeline = await get<{ events: { title: string }[] }>(`/api/officials/${json.items[0]?.personId}`);
    expect(timeline.status).toBe(200);
    expect(timeline.json.events.length).toBeGreaterThan(0);
    const missing = await get<{ message: string }>('/api/officials');
    expect(missing.status).toBe(400);
    expect(missing.json.message).toMatch(/q is required/);
  });

  it('/api/directives/:ref takes the reference with its slash, encoded or not, and an alias', async () => {
    const plain = await get<{ directive: { ref: string }; total: number; events: unknown[] }>(
      '/api/directives/114-KL/TW',
    );
    expect(plain.status).toBe(200);
    expect(plain.json.directive.ref).toBe('114-KL/TW');
    expect(plain.json.total).toBeGreaterThan(1);
    const encoded = await get<{ total: number }>('/api/directives/114-KL%2FT%C6%AF');
    expect(encoded.json.total).toBe(plain.json.total);
    const alias = await get<{ directive: { ref: string } }>(`/api/directives/${encodeURIComponent('Kết luận 114')}`);
    expect(alias.json.directive.ref).toBe('114-KL/TW');
    const none = await get<{ message: string }>('/api/directives/999-XX/YY');
    expect(none.status).toBe(404);
  });
});

describe('GET /api/export', () => {
  it('streams CSV of the current filter: one row per event, a BOM and a header', async () => {
    const list = await get<EventPage>('/api/events?type=inspection&limit=1000');
    const res = await http.inject({ method: 'GET', url: '/api/export?type=inspection&format=csv' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="vnevents-\d{4}-\d{2}-\d{2}\.csv"/);
    expect(res.body.startsWith('\uFEFFid,date,sortDate,type,')).toBe(true);
    const rows = res.body.trimEnd().split('\r\n');
    // Quoted fields never contain a CRLF here (the fixture titles are single lines).
    expect(rows.length - 1).toBe(list.json.items.length);
    expect(rows.slice(1).map((r) => Number(r.split(',')[0]))).toEqual(list.json.items.map((e) => e.id));
  });

  it('streams JSONL with the whole event, and honours limit', async () => {
    const res = await http.inject({ method: 'GET', url: '/api/export?format=jsonl&limit=3' });
    const lines = res.body
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0].event.type).toBe(lines[0].type);
  });

  it('rejects a bad filter with 400 before sending any row', async () => {
    const res = await http.inject({ method: 'GET', url: '/api/export?format=xml' });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/format must be csv or jsonl/);
  });
});

describe('the document, health, metrics and the page', () => {
  it('serves an OpenAPI 3.1 document listing every endpoint and its parameters', async () => {
    const { status, json } = await get<{ openapi: string; paths: Record<string, Record<string, unknown>> }>(
      '/openapi.json',
    );
    expect(status).toBe(200);
    expect(json.openapi).toBe('3.1.0');
    for (const p of [
      '/api/events',
      '/api/events/{id}',
      '/api/facets',
      '/api/trends',
      '/api/officials',
      '/api/export',
      '/health',
      '/metrics',
    ])
      expect(Object.keys(json.paths)).toContain(p);
    const events = json.paths['/api/events']?.['get'] as { parameters: { name: string }[] } | undefined;
    const params = (events?.parameters ?? []).map((p) => p.name);
    expect(params).toEqual(expect.arrayContaining(['province', 'directive', 'official', 'text', 'after', 'limit']));
    expect(JSON.stringify(json)).not.toContain('x-vnevents-zod');
  });

  it('/health reports the store; /metrics counts requests by route', async () => {
    const health = await get<{ status: string; store: { dialect: string; schemaVersion: number } }>('/health');
    expect(health.json).toEqual({ status: 'ok', store: { dialect: 'sqlite', schemaVersion: expect.any(Number) } });
    const metrics = await http.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.statusCode).toBe(200);
    expect(metrics.body).toMatch(
      /vnevents_http_requests_total\{method="GET",route="\/api\/events",status_code="200"\} \d+/,
    );
    expect(metrics.body).toMatch(/vnevents_http_request_duration_seconds_bucket/);
    expect(metrics.body).not.toMatch(/vnevents_queue_jobs/);
  });

  it('serves the page with a strict Content-Security-Policy and no CORS header', async () => {
    const page = await http.inject({ method: 'GET', url: '/', headers: { origin: 'https://evil.example' } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<script type="module" src="/app.js">');
    expect(page.body).not.toMatch(/<script>(?!<)|\son[a-z]+=/i);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("require-trusted-types-for 'script'");
    expect(csp).not.toContain('unsafe-inline');
    expect(page.headers['access-control-allow-origin']).toBeUndefined();
    const api = await http.inject({
      method: 'GET',
      url: '/api/events?limit=1',
      headers: { origin: 'https://evil.example' },
    });
    expect(api.headers['access-control-allow-origin']).toBeUndefined();
    expect(api.headers['content-security-policy']).toBe(csp);
    const chart = await http.inject({ method: 'GET', url: '/vendor/chart.umd.min.js' });
    expect(chart.statusCode).toBe(200);
    expect(chart.body.length).toBeGreaterThan(100_000);
  });
});
