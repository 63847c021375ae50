import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { EventPage, Facets } from '@vnevents/store';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { type RunningServer, startServer } from '../../src/server/index.js';
import {
  INJECTION_FILE,
  type LoadedFixtures,
  loadFixtures,
  REPO,
  type TempSqlite,
  tempFixtureStore,
} from './support/fixture-store.js';

// One browser for the file: Debian's Chromium driven by playwright-core (no downloaded browser build).
const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(REPO, 'test-artifacts');

let db: TempSqlite;
let loaded: LoadedFixtures;
let server: RunningServer;
let profile: string;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

// The project's lib is Node only (no DOM types): the page.evaluate callbacks below run in the browser, typed with these.
interface El {
  dataset: Record<string, string | undefined>;
  textContent: string | null;
  scrollTop: number;
  scrollHeight: number;
  clientHeight: number;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): { top: number; bottom: number; height: number };
  querySelectorAll(selector: string): Iterable<El> & ArrayLike<El>;
}
interface Doc {
  body: El;
  scripts: Iterable<El>;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): Iterable<El> & ArrayLike<El>;
  addEventListener(
    type: 'securitypolicyviolation',
    fn: (e: { violatedDirective: string; blockedURI: string; sample: string }) => void,
  ): void;
}
declare const window: unknown;
declare const document: Doc;
declare function getComputedStyle(el: El): { display: string };

interface PageWindow {
  __pwned?: unknown;
  __cspViolations: string[];
  Chart: { getChart(id: string): { data: { datasets: unknown[]; labels: unknown[] } } | undefined };
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: install Debian's Chromium with apt-get install -y chromium`);
  db = await tempFixtureStore();
  loaded = await loadFixtures(db.store);
  server = await startServer({ store: db.store, port: 0, rateLimit: false });
  profile = await mkdtemp(join(tmpdir(), 'vnevents-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
    reducedMotion: 'reduce',
    locale: 'vi-VN',
  });
  // Every Content-Security-Policy violation is recorded: a payload that even tried to run would show up here.
  await context.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`),
    );
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (err) => pageErrors.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') pageErrors.push(msg.text());
  });
}, 120_000);

afterAll(async () => {
  await context?.close();
  await server?.close();
  await db?.cleanup();
  if (profile) await rm(profile, { recursive: true, force: true });
});

async function api<T>(path: string): Promise<T> {
  const res = await fetch(server.url + path);
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Waits until the result list has finished loading (aria-busy false) and returns its event ids. */
async function results(): Promise<number[]> {
  await page.waitForSelector('#results[aria-busy="false"]', { state: 'attached' });
  return page.$$eval('#results button.result', (bs) => bs.map((b) => Number((b as unknown as El).dataset['id'])));
}

async function shown(): Promise<number> {
  const text = (await page.textContent('#summary')) ?? '';
  const m = /([\d.,]+)/.exec(text);
  return m ? Number((m[1] as string).replace(/[.,]/g, '')) : 0;
}

describe('the analyst page in Chromium', () => {
  it('searches without diacritics, filters, opens an event, highlights a field’s evidence and exports', async () => {
    await page.goto(`${server.url}/`);
    const all = await results();
    expect(all.length).toBeGreaterThan(10);
    expect(await shown()).toBe(loaded.events);
    expect(await page.textContent('#filters-title')).toBe('Bộ lọc');

    // Search: "ket luan 114" without diacritics finds the articles citing Kết luận 114.
    await page.fill('#q', 'ket luan 114');
    await page.press('#q', 'Enter');
    await page.waitForURL(/text=ket\+luan\+114/);
    const searched = await results();
    const expected = await api<Facets>('/api/facets?text=ket+luan+114');
    expect(expected.total).toBeGreaterThan(0);
    expect(expected.total).toBeLessThan(loaded.events);
    expect(await shown()).toBe(expected.total);
    expect(searched.length).toBe(Math.min(expected.total, 50));

    // Filter: event type (a select that applies at once), then a province typed without diacritics.
    await page.selectOption('#type-select', 'inspection');
    await page.waitForURL(/type=inspection/);
    const inspections = await results();
    const types = await page.$$eval('#results button.result', (bs) =>
      bs.map((b) => (b as unknown as El).dataset['type']),
    );
    expect(new Set(types)).toEqual(new Set(['inspection']));
    const byType = await api<EventPage>('/api/events?text=ket+luan+114&type=inspection');
    expect(inspections).toEqual(byType.items.map((e) => e.id));

    await page.fill('input[name="province"]', 'dien bien');
    await page.click('#filter-form button[type="submit"]');
    await page.waitForURL(/province=dien\+bien/);
    const filtered = await results();
    const byProvince = await api<EventPage>('/api/events?text=ket+luan+114&type=inspection&province=dien+bien');
    expect(byProvince.items.length).toBeGreaterThan(0);
    expect(filtered).toEqual(byProvince.items.map((e) => e.id));

    // Date range: an empty month first (nothing matches), then the month of these events.
    await page.fill('input[name="from"]', '2019-01-01');
    await page.fill('input[name="to"]', '2019-01-31');
    await page.click('#filter-form button[type="submit"]');
    await page.waitForURL(/to=2019-01-31/);
    expect(await results()).toEqual([]);
    expect(await page.textContent('#summary')).toBe('Không có sự kiện nào khớp với bộ lọc.');
    const month = (byProvince.items[0]?.sortDate ?? '').slice(0, 7);
    await page.fill('input[name="from"]', `${month}-01`);
    await page.fill('input[name="to"]', `${month}-31`);
    await page.click('#filter-form button[type="submit"]');
    await page.waitForURL(new RegExp(`to=${month}-31`));
    const dated = await results();
    const byDate = await api<EventPage>(
      `/api/events?text=ket+luan+114&type=inspection&province=dien+bien&from=${month}-01&to=${month}-31`,
    );
    expect(byDate.items.length).toBeGreaterThan(0);
    expect(dated).toEqual(byDate.items.map((e) => e.id));

    // Open the first event: the article is shown, every field listed with its evidence.
    await page.click('#results button.result');
    await page.waitForSelector('#event-pane:not([hidden]) #article mark');
    const eventId = Number(await page.getAttribute('#event-pane', 'data-event-id'));
    expect(eventId).toBe(dated[0]);
    expect(filtered).toContain(eventId);
    expect(page.url()).toContain(`event=${eventId}`);

    // Click the field whose evidence lies furthest down: its span is highlighted and scrolled into view.
    const buttons = await page.$$eval('#ev-fields button[data-span]', (bs) =>
      bs.map((b) => ({ index: (b as unknown as El).dataset['span'], title: b.getAttribute('title') ?? '' })),
    );
    const start = (title: string) => Number(/\[(\d+),/.exec(title)?.[1] ?? -1);
    const last = buttons.reduce((a, b) => (start(b.title) > start(a.title) ? b : a));
    const detail = await api<{ text: string; spans: { span: [number, number]; surface: string }[] }>(
      `/api/events/${eventId}`,
    );
    const target = detail.spans[Number(last.index)];
    expect(target).toBeDefined();
    await page.click(`#ev-fields button[data-span="${last.index}"]`);
    await page.waitForSelector('#article mark.active');
    const view = await page.evaluate(() => {
      const article = document.querySelector('#article') as El;
      const marks = [...article.querySelectorAll('mark.active')] as El[];
      const box = article.getBoundingClientRect();
      const r = (marks[0] as El).getBoundingClientRect();
      return {
        text: marks.map((m) => m.textContent).join(''),
        visible: r.top >= box.top - 1 && r.bottom <= box.bottom + 1 && r.height > 0,
        scrolled: article.scrollTop,
        scrollable: article.scrollHeight > article.clientHeight,
        pressed: document.querySelector('#ev-fields button[aria-pressed="true"]')?.getAttribute('data-span'),
      };
    });
    expect(view.text).toBe(target?.surface);
    expect(view.text).toBe(detail.text.slice(target?.span[0], target?.span[1]));
    expect(view.visible).toBe(true);
    if (view.scrollable) expect(view.scrolled).toBeGreaterThan(0);
    expect(view.pressed).toBe(last.index);

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'analyst-page.png'), fullPage: false });

    // Export the current filter: the CSV holds exactly the events of the filter.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
    const file = join(profile, 'export.csv');
    await download.saveAs(file);
    const csv = readFileSync(file, 'utf8');
    expect(csv.startsWith('\uFEFFid,date,sortDate,type,')).toBe(true);
    const rows = csv.trimEnd().split('\r\n').slice(1);
    expect(rows.map((r) => Number(r.split(',')[0]))).toEqual(byDate.items.map((e) => e.id));
    expect(download.suggestedFilename()).toMatch(/^vnevents-\d{4}-\d{2}-\d{2}\.csv$/);

    // English switch: labels and type badges change language.
    await page.click('#lang');
    expect(await page.textContent('#filters-title')).toBe('Filters');
    expect(await page.textContent('#results .badge')).toBe('Inspection');
    expect(await page.getAttribute('html', 'lang')).toBe('en');

    // Charts of the current filter (cleared first, so they span every fixture), drawn by Chart.js under the CSP.
    await page.click('#clear');
    await page.waitForURL((u) => !u.search.includes('type=') && !u.search.includes('from='));
    expect(await results()).toEqual(all);
    await page.click('#tab-charts');
    await page.waitForSelector('#charts-panel[aria-busy="false"]');
    const charts = await page.evaluate(() => {
      const w = window as unknown as PageWindow;
      return ['chart-province', 'chart-type', 'chart-directives'].map((id) => {
        const c = w.Chart.getChart(id);
        return { id, datasets: c?.data.datasets.length ?? 0, labels: c?.data.labels.length ?? 0 };
      });
    });
    const trend = await api<{ months: string[]; series: unknown[] }>('/api/trends?by=province&top=6');
    expect(charts[0]).toEqual({ id: 'chart-province', datasets: trend.series.length, labels: trend.months.length });
    expect(trend.months.length).toBeGreaterThan(3);
    expect(charts[1]?.datasets).toBeGreaterThan(2);
    expect(charts[2]?.labels).toBeGreaterThan(3);
    await page.screenshot({ path: join(ARTIFACTS, 'analyst-charts.png') });
    await page.click('#lang');
    expect(await page.textContent('#filters-title')).toBe('Bộ lọc');

    const csp = await page.evaluate(() => (window as unknown as PageWindow).__cspViolations);
    expect(csp).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('asks for the token when the server needs one, then searches and exports with it', async () => {
    const guarded = await startServer({ store: db.store, port: 0, rateLimit: false, token: 'browser-token-123' });
    const tab = await context.newPage();
    try {
      await tab.goto(`${guarded.url}/?type=review`);
      await tab.waitForSelector('#token-box:not([hidden])');
      expect(await tab.textContent('#error')).toMatch(/VNEVENTS_API_TOKEN/);
      await tab.fill('#token', 'browser-token-123');
      await tab.click('#token-save');
      await tab.waitForSelector('#results[aria-busy="false"] button.result');
      expect(await tab.isHidden('#error')).toBe(true);
      const reviews = await api<EventPage>('/api/events?type=review');
      const ids = await tab.$$eval('#results button.result', (bs) =>
        bs.map((b) => Number((b as unknown as El).dataset['id'])),
      );
      expect(ids).toEqual(reviews.items.map((e) => e.id));
      // A plain link cannot carry the header: the page fetches the export with it and saves the file.
      const [download] = await Promise.all([tab.waitForEvent('download'), tab.click('#export-jsonl')]);
      const file = join(profile, 'export.jsonl');
      await download.saveAs(file);
      const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
      expect(lines.map((l) => (JSON.parse(l) as { id: number }).id)).toEqual(ids);
      // The token never appears in a URL.
      expect(tab.url()).not.toContain('browser-token-123');
    } finally {
      await tab.close();
      await guarded.close();
    }
  });

  it('shows the injection fixture as inert text: no script runs, no element is created', async () => {
    const articleId = loaded.articles.get(basename(INJECTION_FILE, '.txt'));
    const events = await api<EventPage>(`/api/events?articleId=${articleId}`);
    const id = events.items[0]?.id;
    expect(id).toBeDefined();

    await page.goto(`${server.url}/?text=muong+phang+pwned&event=${id}`);
    await page.waitForSelector('#event-pane:not([hidden]) #article mark');
    await results();
    // Hover and click every highlighted span and every field: handlers in the text would fire now if they existed.
    for (const m of await page.$$('#article mark')) await m.hover();
    for (const b of await page.$$('#ev-fields button[data-span]')) await b.click();
    await page.hover('#results button.result');
    await page.hover('#ev-title');

    const state = await page.evaluate(() => {
      const w = window as unknown as PageWindow;
      const article = document.querySelector('#article') as El;
      return {
        pwned: w.__pwned ?? null,
        markers: document.querySelectorAll('pwned-marker').length,
        foreign: document.querySelectorAll('#article :not(mark), #ev-title *, #results img, #results script').length,
        scripts: [...document.scripts].map((s) => s.getAttribute('src')),
        iframes: document.querySelectorAll('iframe').length,
        articleText: article.textContent ?? '',
        title: document.querySelector('#ev-title')?.textContent ?? '',
        resultTitle: document.querySelector('#results .title')?.textContent ?? '',
        bodyVisible: getComputedStyle(document.body).display !== 'none',
        csp: w.__cspViolations,
      };
    });
    expect(state.pwned).toBeNull();
    expect(state.markers).toBe(0);
    expect(state.foreign).toBe(0);
    expect(state.iframes).toBe(0);
    expect(state.scripts).toEqual(['/vendor/chart.umd.min.js', '/app.js']);
    expect(state.bodyVisible).toBe(true);
    expect(state.csp).toEqual([]);
    // The payloads are there, as text an analyst can read.
    expect(state.articleText).toContain("<script>window.__pwned = 'script';");
    expect(state.articleText).toContain('<b onmouseover="window.__pwned=\'hover\'">');
    expect(state.articleText).toContain('<iframe srcdoc=');
    expect(state.title).toContain('<img src=x onerror=');
    expect(state.resultTitle).toContain('<img src=x onerror=');
    await page.screenshot({ path: join(ARTIFACTS, 'analyst-injection.png') });
    expect(pageErrors).toEqual([]);
  });
});
