import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { ExtractionResult } from '@vnevents/schema';
import {
  DatabaseTooNewError,
  InvalidRecordError,
  type OpenStoreOptions,
  SCHEMA_VERSION,
  type Store,
  StoreUsageError,
} from '../src/index.js';
import { EXTRACTOR, makeArticle, makeEvent, makeResult } from './support/builders.js';
import { corpus, type Doc, testPlaceResolver } from './support/corpus.js';

/** A fresh, empty database of one backend. `open` may be called more than once (several writers). */
export interface Harness {
  open(opts?: Omit<OpenStoreOptions, 'url' | 'schema'>): Promise<Store>;
  /** Raw SQL (`?` placeholders) on the same database, for what the API does not expose. */
  sql<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  cleanup(): Promise<void>;
}

async function count(h: Harness, table: string, where = '1 = 1', params: unknown[] = []): Promise<number> {
  const r = await h.sql<{ n: number | string }>(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`, params);
  return Number(r[0]?.n);
}

const CHILD_TABLES = ['event_officials', 'event_units', 'event_directives', 'items', 'metrics'] as const;

/** The Store contract, run against every backend (bullmq's adapter-conformance pattern). */
export function storeConformance(backend: string, makeHarness: () => Promise<Harness>): void {
  describe(`Store conformance: ${backend}`, () => {
    let h: Harness;
    let store: Store;
    let docs: Doc[];
    const opened: Store[] = [];

    const open = async (opts: Omit<OpenStoreOptions, 'url' | 'schema'> = {}) => {
      const s = await h.open({ placeResolver: testPlaceResolver, ...opts });
      opened.push(s);
      return s;
    };

    /** Saves the corpus articles; returns their ids in corpus order. */
    const loadArticles = async (s: Store = store) => {
      const ids: number[] = [];
      for (const d of docs) ids.push(await s.saveArticle(null, d.article));
      return ids;
    };

    const loadRun = async (s: Store = store) => {
      const ids = await loadArticles(s);
      const run = await s.startRun({ extractor: EXTRACTOR, params: { test: true } });
      const r = await s.saveExtractions(
        run,
        docs.map((d, i) => ({ articleId: ids[i] as number, result: d.result })),
      );
      expect(r.rejected).toEqual([]);
      return { ids, run };
    };

    beforeEach(async () => {
      h = await makeHarness();
      store = await open();
      docs = corpus();
    });

    afterEach(async () => {
      for (const s of opened.splice(0)) await s.close();
      await h.cleanup();
    });

    describe('migrations', () => {
      it('creates the schema at the current version, and reopening changes nothing', async () => {
        expect(await store.schemaVersion()).toBe(SCHEMA_VERSION);
        const again = await open();
        expect(await again.schemaVersion()).toBe(SCHEMA_VERSION);
        expect(await count(h, 'schema_migrations')).toBe(SCHEMA_VERSION);
      });

      it('refuses a database written by a newer version, naming both versions', async () => {
        await h.sql('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
          SCHEMA_VERSION + 1,
          'future',
          new Date().toISOString(),
        ]);
        const err = await open().catch((e: unknown) => e);
        expect(err).toBeInstanceOf(DatabaseTooNewError);
        expect((err as Error).message).toContain(`schema version ${SCHEMA_VERSION + 1}`);
        expect((err as Error).message).toMatch(/Upgrade vnevents/);
      });
    });

    describe('crawl records', () => {
      it('keeps raw pages compressed, idempotent by (canonical URL, content hash)', async () => {
        const html = Buffer.from('<html><body>Ngày 20/10, Đoàn kiểm tra… '.repeat(200), 'utf8');
        const meta = {
          url: 'https://a.vn/x?utm=1',
          canonicalUrl: 'https://a.vn/x',
          charset: 'utf-8',
          fetchedAt: '2024-10-21T04:00:00Z',
        };
        const id = await store.savePage(html, meta);
        expect(await store.savePage(html, { ...meta, fetchedAt: '2024-10-22T04:00:00Z' })).toBe(id);
        const changed = await store.savePage(Buffer.concat([html, Buffer.from('!')]), meta);
        expect(changed).not.toBe(id);
        const page = await store.getPage(id);
        expect(page?.raw.equals(html)).toBe(true);
        expect(page?.contentHash).toMatch(/^[0-9a-f]{64}$/);
        expect(page?.canonicalUrl).toBe('https://a.vn/x');
        const stored = await h.sql<{ raw_size: number | string; n: number | string }>(
          'SELECT raw_size, LENGTH(raw) AS n FROM pages WHERE id = ?',
          [id],
        );
        expect(Number(stored[0]?.raw_size)).toBe(html.length);
        expect(Number(stored[0]?.n)).toBeLessThan(html.length / 10);
        expect(await store.getPage(999_999)).toBeNull();
      });

      it('keeps the sites of the registry, updating them in place', async () => {
        await store.saveSite({
          id: 'baohagiang.vn',
          name: 'Báo Hà Giang',
          baseUrl: 'https://baohagiang.vn',
          province: 'Hà Giang',
        });
        await store.saveSite({
          id: 'baohagiang.vn',
          name: 'Báo Hà Giang điện tử',
          baseUrl: 'https://baohagiang.vn',
          province: 'Tuyên Quang',
          entry: { kind: 'newspaper' },
        });
        expect(await store.listSites()).toEqual([
          {
            id: 'baohagiang.vn',
            name: 'Báo Hà Giang điện tử',
            baseUrl: 'https://baohagiang.vn',
            province: 'Tuyên Quang',
            entry: { kind: 'newspaper' },
          },
        ]);
      });

      it('serves conditional GET validators from the fetch log', async () => {
        const url = 'https://a.vn/tin.html';
        expect(await store.getValidators(url)).toBeNull();
        await store.saveFetch({
          url,
          status: 200,
          headers: { etag: '"v1"', 'content-type': 'text/html' },
          etag: '"v1"',
          lastModified: 'Mon, 21 Oct 2024 04:00:00 GMT',
          fetchedAt: '2024-10-21T04:00:00Z',
        });
        expect(await store.getValidators(url)).toEqual({ etag: '"v1"', lastModified: 'Mon, 21 Oct 2024 04:00:00 GMT' });
        await store.putValidators(url, {
          etag: null,
          lastModified: null,
          status: 304,
          fetchedAt: '2024-10-22T04:00:00Z',
        });
        expect((await store.getValidators(url))?.etag).toBe('"v1"');
        await store.putValidators(url, {
          etag: '"v2"',
          lastModified: null,
          status: 304,
          fetchedAt: '2024-10-23T04:00:00Z',
        });
        expect(await store.getValidators(url)).toEqual({ etag: '"v2"', lastModified: 'Mon, 21 Oct 2024 04:00:00 GMT' });
        await store.putValidators(url, {
          etag: null,
          lastModified: null,
          status: 503,
          fetchedAt: '2024-10-24T04:00:00Z',
        });
        expect((await store.getValidators(url))?.etag).toBe('"v2"');
        await store.putValidators(url, {
          etag: null,
          lastModified: null,
          status: 404,
          fetchedAt: '2024-10-25T04:00:00Z',
        });
        expect(await store.getValidators(url)).toBeNull();
        const headers = await h.sql<{ headers_json: string }>(
          'SELECT headers_json FROM fetches WHERE url = ? ORDER BY id',
          [url],
        );
        expect(JSON.parse(headers[0]?.headers_json ?? 'null')).toEqual({ etag: '"v1"', 'content-type': 'text/html' });
      });

      it('saves articles idempotently and rejects an invalid one, naming it, without losing the others', async () => {
        const [a, b] = docs;
        const id = await store.saveArticle(null, a!.article);
        expect(await store.saveArticle(null, a!.article)).toBe(id);
        const bad = { ...b!.article, url: 'https://baohagiang.vn/bad.html', lang: 'vietnamese' };
        const r = await store.saveArticles([
          { pageId: null, article: bad },
          { pageId: null, article: b!.article },
        ]);
        expect(r.ids[0]).toBeNull();
        expect(r.ids[1]).toEqual(expect.any(Number));
        expect(r.rejected).toHaveLength(1);
        expect(r.rejected[0]).toBeInstanceOf(InvalidRecordError);
        expect(r.rejected[0]?.message).toContain('"https://baohagiang.vn/bad.html"');
        expect(r.rejected[0]?.message).toContain('lang');
        await expect(store.saveArticle(null, bad)).rejects.toThrow(InvalidRecordError);
        const got = await store.getArticle(id);
        expect(got?.article).toEqual(a!.article);
        expect(got?.text).toBe(a!.text);
        expect(await count(h, 'articles')).toBe(2);
      });

      it('links an article to its page and scans articles by site and publication day', async () => {
        const pageId = await store.savePage(Buffer.from('<html/>'), {
          url: docs[0]!.article.url,
          charset: 'utf-8',
          fetchedAt: '2024-10-21T04:00:00Z',
        });
        const first = await store.saveArticle(pageId, docs[0]!.article);
        for (const d of docs.slice(1)) await store.saveArticle(null, d.article);
        expect((await store.getArticle(first))?.pageId).toBe(pageId);
        const seen: string[] = [];
        for await (const a of store.scanArticles({ site: 'baoquangninh.vn', batchSize: 1 }))
          seen.push(a.article.title ?? '');
        expect(seen).toEqual(['Sơ kết Nghị quyết 17', 'Làm việc với huyện Đầm Hà']);
        expect(await store.countArticles({ since: '2024-01-01' })).toBe(3);
        expect(await store.countArticles()).toBe(5);
      });
    });

    describe('extraction runs', () => {
      it('saves a run and gives back each event with its text and the surface of every span', async () => {
        const { ids, run } = await loadRun();
        await store.finishRun(run, { articles: 5, events: 4, errors: 0 });
        const runs = await store.listRuns();
        expect(runs).toHaveLength(1);
        expect(runs[0]).toMatchObject({
          id: run,
          extractor: EXTRACTOR,
          params: { test: true },
          counts: { articles: 5, events: 4, errors: 0 },
          stored: { articles: 5, events: 4 },
        });
        const page = await store.queryEvents({ articleId: ids[0]! });
        expect(page.items).toHaveLength(1);
        const ev = await store.getEvent(page.items[0]!.id);
        expect(ev).not.toBeNull();
        expect(ev!.text).toBe(docs[0]!.text);
        expect(ev!.latest).toBe(true);
        expect(ev!.extractor).toEqual(EXTRACTOR);
        expect(ev!.event).toEqual(docs[0]!.result.events[0]);
        const byPath = Object.fromEntries(ev!.spans.map((s) => [s.path, s.surface]));
        expect(byPath['leadOfficial.span']).toBe('Đặng Hữu Ngọ');
        expect(byPath['leadUnit.span']).toBe('Ban Dân vận Trung ương');
        expect(byPath['directives[0].spans[0]']).toBe('114-KL/TW');
        expect(byPath['results[0].metrics[0].span']).toBe('56 dự án');
        for (const s of ev!.spans) expect(ev!.text.slice(s.span[0], s.span[1])).toBe(s.surface);
        expect(ev!.article).toMatchObject({ id: ids[0], url: docs[0]!.article.url, title: docs[0]!.article.title });
        expect(ev!.places.new.province).toBe('Điện Biên');
        expect(await count(h, 'items', 'event_id = ?', [ev!.id])).toBe(4);
        expect(await count(h, 'metrics')).toBe(1);
        expect(await store.getEvent(999_999)).toBeNull();
      });

      it('keeps the extractor text when it differs from the article text', async () => {
        const [d] = docs;
        const id = await store.saveArticle(null, d!.article);
        const run = await store.startRun({ extractor: EXTRACTOR });
        const text = `${d!.text}\n\nThêm một câu.`;
        const result = makeResult(d!.article, text, d!.result.events);
        await store.saveExtraction(run, id, result);
        const e = (await store.queryEvents({ run })).items[0]!;
        expect((await store.getEvent(e.id))?.text).toBe(text);
      });

      it('re-saving the same article in the same run replaces its rows, never duplicates them', async () => {
        const { ids, run } = await loadRun();
        const before: Record<string, number> = {};
        for (const t of ['events', 'extractions', ...CHILD_TABLES]) before[t] = await count(h, t);
        await store.saveExtraction(run, ids[0]!, docs[0]!.result);
        await store.saveExtractions(
          run,
          docs.map((d, i) => ({ articleId: ids[i]!, result: d.result })),
        );
        for (const t of ['events', 'extractions', ...CHILD_TABLES]) expect(await count(h, t)).toBe(before[t]);
        expect(await count(h, 'units', 'key = ?', ['ban dan van trung uong'])).toBe(1);
        // A changed record replaces the old one.
        const changed = structuredClone(docs[0]!.result);
        changed.events[0]!.type = 'supervision';
        await store.saveExtraction(run, ids[0]!, changed);
        const evs = (await store.queryEvents({ articleId: ids[0]! })).items;
        expect(evs.map((e) => e.type)).toEqual(['supervision']);
        expect(await count(h, 'events')).toBe(before['events']);
      });

      it('rejects an invalid record with an error naming it; nothing else is lost', async () => {
        const { ids, run } = await loadRun();
        const eventsBefore = await count(h, 'events');
        const bad = structuredClone(docs[1]!.result) as ExtractionResult;
        bad.events[0]!.leadOfficial!.span = [5, 100_000];
        const err = await store.saveExtraction(run, ids[1]!, bad).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(InvalidRecordError);
        const msg = (err as Error).message;
        expect(msg).toContain(docs[1]!.article.url);
        expect(msg).toContain(`article ${ids[1]}`);
        expect(msg).toContain('events[0].leadOfficial.span');
        expect(msg).toContain('span-in-text');
        expect(await count(h, 'events')).toBe(eventsBefore);
        expect((await store.queryEvents({ articleId: ids[1]! })).items).toHaveLength(1);

        // In a batch: the invalid record and a record for a missing article are rejected, the rest saved.
        const run2 = await store.startRun({ extractor: EXTRACTOR });
        const r = await store.saveExtractions(run2, [
          { articleId: ids[0]!, result: docs[0]!.result },
          { articleId: ids[1]!, result: bad },
          { articleId: 987_654, result: docs[2]!.result },
          { articleId: ids[3]!, result: { ...docs[3]!.result, extractor: { ...EXTRACTOR, version: '9.9.9' } } },
        ]);
        expect(r.saved.map((s) => s.articleId)).toEqual([ids[0]]);
        expect(r.rejected).toHaveLength(3);
        expect(r.rejected.map((e) => e.message).join('\n')).toMatch(/article 987654 is not in the store/);
        expect(r.rejected.map((e) => e.message).join('\n')).toMatch(/run-extractor/);
        expect(await count(h, 'events', 'run_id = ?', [run2])).toBe(1);
      });

      it('shows each article’s latest run by default, and any run on request', async () => {
        const { ids, run: run1 } = await loadRun();
        const run2 = await store.startRun({ extractor: EXTRACTOR, note: 'new rule' });
        const changed = structuredClone(docs[0]!.result);
        changed.events[0]!.type = 'working_session';
        await store.saveExtraction(run2, ids[0]!, changed);
        const current = await store.queryEvents({ articleId: ids[0]! });
        expect(current.items.map((e) => [e.runId, e.type])).toEqual([[run2, 'working_session']]);
        expect((await store.queryEvents({ run: run1, articleId: ids[0]! })).items.map((e) => e.type)).toEqual([
          'inspection',
        ]);
        // Articles run 2 did not cover still show run 1.
        expect((await store.queryEvents()).items).toHaveLength(4);
        // Saving into an older run later does not take over.
        await store.saveExtraction(run1, ids[0]!, docs[0]!.result);
        expect((await store.queryEvents({ articleId: ids[0]! })).items[0]?.runId).toBe(run2);
        // An empty latest extraction means no current events for that article.
        const run3 = await store.startRun({ extractor: EXTRACTOR });
        await store.saveExtraction(run3, ids[0]!, { ...docs[0]!.result, events: [] });
        expect((await store.queryEvents({ articleId: ids[0]! })).items).toEqual([]);
        expect(await count(h, 'events', 'latest = 1')).toBe(3);
      });

      it('rolls back a whole article when the transaction fails midway (injected fault after the event rows)', async () => {
        const { ids, run } = await loadRun();
        const before: Record<string, number> = {};
        for (const t of ['events', 'extractions', 'units', 'directives', 'persons', ...CHILD_TABLES])
          before[t] = await count(h, t);
        let fail = true;
        const faulty = await open({
          testHooks: {
            afterEventRows: () => {
              if (fail) throw new Error('injected: disk full');
            },
          },
        });
        const run2 = await faulty.startRun({ extractor: EXTRACTOR });
        const fresh = makeArticle({
          paragraphs: ['Ngày 1/2/2024, đồng chí Lò Văn Mười, Chủ tịch UBND tỉnh kiểm tra Sở Xây dựng.'],
        });
        const text = [fresh.title, ...fresh.paragraphs].join('\n\n');
        const freshId = await faulty.saveArticle(null, fresh);
        const result = makeResult(fresh, text, [
          makeEvent(text, {
            lead: { name: /Lò Văn Mười/ },
            targets: [/Sở Xây dựng/],
            directives: [{ ref: '05-CT/TW', at: /Sở/ }],
          }),
        ]);
        await expect(faulty.saveExtraction(run2, freshId, result)).rejects.toThrow('injected: disk full');
        await expect(faulty.saveExtraction(run2, ids[0]!, docs[0]!.result)).rejects.toThrow('injected: disk full');
        for (const t of Object.keys(before)) expect([t, await count(h, t)]).toEqual([t, before[t]]);
        expect(await count(h, 'extractions', 'run_id = ?', [run2])).toBe(0);
        expect((await store.queryEvents({ articleId: ids[0]! })).items[0]?.runId).toBe(run);
        // The store that failed is still usable, and its caches hold no id from the rolled-back work.
        const healthy = await open();
        await healthy.saveExtraction(run2, freshId, result);
        expect((await healthy.queryEvents({ articleId: freshId })).items[0]?.directives).toEqual(['05-CT/TW']);
        fail = false;
        await faulty.saveExtraction(run, freshId, result);
        expect((await faulty.queryEvents({ run, articleId: freshId })).items[0]?.directives).toEqual(['05-CT/TW']);
        expect(await count(h, 'directives', 'key = ?', ['05-CT/TW'])).toBe(1);
        expect(await count(h, 'persons', 'name = ?', ['Lò Văn Mười'])).toBe(1);
      });

      it('lets several writers save at once without losing or duplicating rows', async () => {
        const ids = await loadArticles();
        const writers = await Promise.all([open(), open(), open()]);
        const runs = await Promise.all(writers.map((w) => w.startRun({ extractor: EXTRACTOR })));
        await Promise.all(
          writers.map((w, k) => Promise.all(docs.map((d, i) => w.saveExtraction(runs[k]!, ids[i]!, d.result)))),
        );
        for (const r of runs) expect(await count(h, 'events', 'run_id = ?', [r])).toBe(4);
        expect(await count(h, 'events', 'latest = 1')).toBe(4);
        expect(await count(h, 'units', 'key = ?', ['ban dan van trung uong'])).toBe(1);
        expect(await count(h, 'person_aliases', 'alias_lower = ?', ['đặng hữu ngọ'])).toBe(1);
        expect(await count(h, 'directives')).toBe(2);
      });
    });

    describe('queries', () => {
      beforeEach(async () => {
        await loadRun();
      });

      const types = async (f: Parameters<Store['queryEvents']>[0]) =>
        (await store.queryEvents(f)).items.map((e) => e.type);

      it('orders by day (event day, else publication day) newest first', async () => {
        const all = (await store.queryEvents()).items;
        expect(all.map((e) => e.sortDate)).toEqual(['2024-10-20', '2024-06-08', '2023-03-05', '2022-01-12']);
        expect(all[1]?.date).toBeNull();
      });

      it('filters by date range, type and site', async () => {
        expect(await types({ from: '2023-01-01', to: '2024-06-30' })).toEqual(['working_session', 'supervision']);
        expect(await types({ from: '2024' })).toEqual(['inspection', 'working_session']);
        expect(await types({ to: '2023-03' })).toEqual(['supervision', 'review']);
        expect(await types({ type: 'review' })).toEqual(['review']);
        expect(await types({ type: ['review', 'supervision'] })).toEqual(['supervision', 'review']);
        expect(await types({ site: 'baoquangninh.vn' })).toEqual(['working_session', 'review']);
        await expect(store.queryEvents({ from: '20/10/2024' })).rejects.toThrow(StoreUsageError);
        await expect(store.queryEvents({ type: 'party' as 'other' })).rejects.toThrow(/unknown event type/);
      });

      it('finds places by old and new administrative names, diacritics-insensitive', async () => {
        expect(await types({ province: 'Hà Giang' })).toEqual(['supervision']);
        expect(await types({ province: 'Tuyên Quang' })).toEqual(['supervision']);
        expect(await types({ province: 'tinh ha giang' })).toEqual(['supervision']);
        expect(await types({ province: 'Quang Ninh' })).toEqual(['working_session', 'review']);
        expect(await types({ district: 'Mường Ảng' })).toEqual(['inspection']);
        expect(await types({ commune: 'xã Lũng Cú' })).toEqual(['supervision']);
        const e = (await store.queryEvents({ province: 'Hà Giang' })).items[0]!;
        expect(e.place.province).toBe('Hà Giang');
        expect(e.places).toEqual({
          old: { province: 'Hà Giang', district: null, commune: 'Lũng Cú' },
          new: { province: 'Tuyên Quang', district: null, commune: 'Lũng Cú' },
        });
      });

      it('filters by lead or target unit: substring, diacritics-insensitive', async () => {
        expect(await types({ unit: 'dan van' })).toEqual(['inspection']);
        expect(await types({ leadUnit: 'tỉnh ủy hà giang' })).toEqual(['supervision']);
        expect(await types({ targetUnit: 'Huyện ủy' })).toEqual(['inspection', 'working_session']);
        expect(await types({ targetUnit: 'Ban Dân vận' })).toEqual([]);
        expect(await types({ unit: '100%_' })).toEqual([]);
      });

      it('filters by official: diacritics-insensitive and fuzzy, never confusing An with Anh', async () => {
        expect(await types({ official: 'Dang Huu Ngo' })).toEqual(['inspection', 'supervision']);
        expect(await types({ official: 'đặng hữu ngọ' })).toEqual(['inspection', 'supervision']);
        expect(await types({ official: 'Đặng Hũu Ngọ' })).toEqual(['inspection', 'supervision']);
        expect(await types({ official: 'Dang Ngo' })).toEqual(['inspection', 'supervision']);
        expect(await types({ official: 'Dang Huu Nga' })).toEqual([]);
        expect(await types({ official: 'Nguyen Van An' })).toEqual(['working_session']);
        const an = await store.officials.search('Nguyễn Văn An');
        expect(an.map((m) => m.name)).toEqual(['Nguyễn Văn An']);
        expect(await types({ official: 'Trần Quốc Vượng' })).toEqual([]);
      });

      it('filters by directive reference and its aliases (spaces, case, TƯ = TW)', async () => {
        for (const q of ['114-KL/TW', '114-KL/TƯ', '114 - kl/tw', 'Kết luận 114', 'ket luan 114'])
          expect([q, await types({ directive: q })]).toEqual([q, ['inspection', 'supervision']]);
        expect(await types({ directive: 'Nghị quyết 17' })).toEqual(['review']);
        expect(await types({ directive: '999-KL/TW' })).toEqual([]);
        expect(await types({ directive: '114-KL/TW', type: 'supervision', from: '2023', to: '2023' })).toEqual([
          'supervision',
        ]);
      });

      it('searches the article text, diacritics-insensitive with đ = d, words or "phrases"', async () => {
        expect(await types({ text: 'đường giao thông' })).toEqual(['inspection']);
        expect(await types({ text: 'duong giao thong' })).toEqual(['inspection']);
        expect(await types({ text: '"Đoàn giám sát"' })).toEqual(['supervision']);
        expect(await types({ text: '"giám đoàn"' })).toEqual([]);
        expect(await types({ text: 'DAM HA' })).toEqual(['working_session']);
        expect(await types({ text: 'bóng đá' })).toEqual([]);
        expect(await types({ text: '!!!' })).toEqual([]);
      });

      it('gives the same full-text answers when every term counts as common (row-by-row check on SQLite)', async () => {
        const common = await open({ tuning: { rareTermArticles: 0 } });
        const t = async (q: string) => (await common.queryEvents({ text: q })).items.map((e) => e.type);
        expect(await t('đường giao thông')).toEqual(['inspection']);
        expect(await t('"Đoàn giám sát"')).toEqual(['supervision']);
        expect(await t('ngày')).toEqual(['inspection', 'working_session', 'supervision', 'review']);
        expect((await common.facets({ text: 'Tỉnh ủy' })).total).toBe(3);
      });

      it('pages with an opaque keyset cursor: disjoint, complete, stable', async () => {
        const seen: number[] = [];
        let after: string | null = null;
        let pages = 0;
        do {
          const p: Awaited<ReturnType<Store['queryEvents']>> = await store.queryEvents({}, { limit: 1, after });
          seen.push(...p.items.map((e) => e.id));
          after = p.next;
          pages++;
        } while (after);
        expect(pages).toBe(4);
        expect(seen).toEqual((await store.queryEvents()).items.map((e) => e.id));
        const streamed: number[] = [];
        for await (const e of store.iterateEvents({}, { batchSize: 3 })) streamed.push(e.id);
        expect(streamed).toEqual(seen);
        await expect(store.queryEvents({}, { after: 'not-a-cursor' })).rejects.toThrow(StoreUsageError);
        await expect(store.queryEvents({}, { limit: 0 })).rejects.toThrow(/limit/);
      });

      it('counts facets for the same filter', async () => {
        const f = await store.facets();
        expect(f.total).toBe(4);
        expect(f.province).toEqual([
          { key: 'Quảng Ninh', count: 2 },
          { key: 'Điện Biên', count: 1 },
          { key: 'Tuyên Quang', count: 1 },
        ]);
        expect(f.type).toHaveLength(4);
        expect(f.month.map((m) => m.key)).toEqual(['2024-10', '2024-06', '2023-03', '2022-01']);
        expect(f.directive).toEqual([
          { key: '114-KL/TW', count: 2 },
          { key: '17-NQ/TU', count: 1 },
        ]);
        const narrow = await store.facets({ directive: 'Kết luận 114', from: '2024' });
        expect(narrow.total).toBe(1);
        expect(narrow.province).toEqual([{ key: 'Điện Biên', count: 1 }]);
      });

      it('gives a directive with its aliases and events', async () => {
        const d = await store.directive('114-KL/TƯ');
        expect(d?.directive).toMatchObject({ ref: '114-KL/TW', title: 'về nâng cao hiệu quả công tác dân vận' });
        expect(d?.directive.aliases).toEqual(expect.arrayContaining(['Kết luận 114', '114-KL/TƯ']));
        expect(d?.total).toBe(2);
        expect(d?.events.map((e) => e.type)).toEqual(['inspection', 'supervision']);
        expect(await store.directive('1-KL/TW')).toBeNull();
      });
    });

    describe('officials across articles', () => {
      beforeEach(async () => {
        await loadRun();
      });

      it('resolves spellings and titles of one person, keeps different people apart', async () => {
        const ngo = await store.officials.search('Dang Huu Ngo');
        expect(ngo).toHaveLength(1);
        expect(ngo[0]?.name).toBe('Đặng Hữu Ngọ');
        expect(ngo[0]?.aliases.sort()).toEqual(['Dang Huu Ngo', 'Đặng Hữu Ngọ']);
        const bon = await store.officials.search('Phạm Văn Bốn');
        expect(bon).toHaveLength(1);
        const tl = await store.personTimeline(bon[0]!.personId);
        expect(tl?.events.map((e) => e.sortDate)).toEqual(['2022-01-12', '2024-06-08']);
        expect(tl?.titles.map((t) => t.title)).toEqual(['Phó Bí thư Thường trực Tỉnh ủy', 'Bí thư Tỉnh ủy']);
        expect(tl?.events[0]?.role).toBe('lead');
        const people = await h.sql<{ name: string }>('SELECT name FROM persons ORDER BY name');
        expect(people.map((p) => p.name).sort()).toEqual(
          ['Nguyễn Văn An', 'Nguyễn Văn Anh', 'Phạm Văn Bốn', 'Đặng Hữu Ngọ'].sort(),
        );
        expect(await store.personTimeline(999_999)).toBeNull();
      });

      it('joins a later spelling with a misspelt middle name, but not a different given name', async () => {
        const run = (await store.listRuns())[0]!.id;
        const a = makeArticle({ paragraphs: ['Đồng chí Đặng Hũu Ngọ và đồng chí Đặng Hữu Ngà dự họp.'] });
        const text = [a.title, ...a.paragraphs].join('\n\n');
        const id = await store.saveArticle(null, a);
        await store.saveExtraction(
          run,
          id,
          makeResult(a, text, [
            makeEvent(text, { type: 'conference', officials: [{ name: /Đặng Hũu Ngọ/ }, { name: /Đặng Hữu Ngà/ }] }),
          ]),
        );
        const ev = (await store.queryEvents({ articleId: id })).items[0]!;
        const detail = await store.getEvent(ev.id);
        const ngo = (await store.officials.search('Đặng Hữu Ngọ'))[0]!;
        expect(detail?.officialPersonIds[0]).toBe(ngo.personId);
        expect(detail?.officialPersonIds[1]).not.toBe(ngo.personId);
        expect((await store.personTimeline(ngo.personId))?.events).toHaveLength(3);
      });

      it('searches officials by a partial name', async () => {
        const r = await store.officials.search('Hữu Ngọ');
        expect(r.map((m) => m.name)).toEqual(['Đặng Hữu Ngọ']);
        expect((await store.officials.search('Bốn'))[0]?.name).toBe('Phạm Văn Bốn');
        expect(await store.officials.search('')).toEqual([]);
      });
    });

    describe('run diff', () => {
      it('shows per field what changed between two runs', async () => {
        const { ids, run: a } = await loadRun();
        const b = await store.startRun({ extractor: EXTRACTOR });
        const changed = docs.map((d) => structuredClone(d.result));
        changed[0]!.events[0]!.type = 'supervision';
        changed[0]!.events[0]!.confidence = 0.5;
        changed[1]!.events = [];
        changed[4]!.events = [structuredClone(docs[2]!.result.events[0]!)];
        changed[4]!.text = docs[2]!.text;
        await store.saveExtractions(
          b,
          changed
            .slice(0, 3)
            .concat(changed[4]!)
            .map((result, i) => ({ articleId: ids[i === 3 ? 4 : i]!, result })),
        );
        const d = await store.diffRuns(a, b);
        expect(d.articles).toEqual({ both: 4, onlyA: 1, onlyB: 0 });
        expect(d.events).toMatchObject({
          a: 3,
          b: 3,
          matched: 2,
          unchanged: 1,
          added: 1,
          removed: 1,
          onlyA: 1,
          onlyB: 0,
        });
        expect(d.fields.type).toMatchObject({
          changed: 1,
          examples: [{ articleId: ids[0], before: 'inspection', after: 'supervision' }],
        });
        expect(d.fields.confidence.changed).toBe(1);
        expect(d.fields.directives.changed).toBe(0);
        expect(d.removedExamples[0]).toMatchObject({ articleId: ids[1], type: 'supervision' });
        expect(d.addedExamples[0]).toMatchObject({ articleId: ids[4], type: 'review' });
        await expect(store.diffRuns(a, 999)).rejects.toThrow(/run 999 does not exist/);
      });
    });
  });
}
