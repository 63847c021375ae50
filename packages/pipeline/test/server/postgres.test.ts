import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type EventDetail, type EventPage, type Facets, openStore, type Store } from '@vnevents/store';
import { type PostgresTestContext, postgresTestContext } from '@vnevents/testkit';
import { gazetteerPlaceResolver } from '../../src/deps/place-resolver.js';
import { buildServer } from '../../src/server/index.js';
import { ARTICLES_DIR, fixtureFiles, type LoadedFixtures, loadFixtures } from './support/fixture-store.js';
import { type LoopbackClient, loopback } from './support/http-client.js';

// The same API over the PostgreSQL backend: the server only calls the store, so the answers must match SQLite's
// rules (diacritics-insensitive filters, keyset pages, spans into the stored text).
let ctx: PostgresTestContext;
let store: Store;
let http: LoopbackClient;
let loaded: LoadedFixtures;

beforeAll(async () => {
  ctx = await postgresTestContext('server');
  store = await openStore({ url: ctx.url, schema: ctx.schema, placeResolver: gazetteerPlaceResolver() });
  // A dozen articles keep the test quick; the injection fixture comes along.
  loaded = await loadFixtures(
    store,
    fixtureFiles().filter((f) => !f.startsWith(ARTICLES_DIR) || /inspection|review/.test(f)),
  );
  http = await loopback(await buildServer({ store, rateLimit: false }));
});

afterAll(async () => {
  await http?.close();
  await store?.close();
  await ctx?.cleanup();
});

describe('HTTP API over PostgreSQL', () => {
  it('filters without diacritics, pages by cursor and returns evidence spans', async () => {
    const all = (await http.inject({ url: '/api/events?limit=1000' })).json<EventPage>();
    expect(all.items).toHaveLength(loaded.events);

    const p1 = (await http.inject({ url: '/api/events?limit=3&type=inspection' })).json<EventPage>();
    const p2 = (await http.inject({ url: `/api/events?limit=3&type=inspection&after=${p1.next}` })).json<EventPage>();
    const six = (await http.inject({ url: '/api/events?limit=6&type=inspection' })).json<EventPage>();
    expect([...p1.items, ...p2.items].map((e) => e.id)).toEqual(six.items.map((e) => e.id));

    const byText = (
      await http.inject({ url: '/api/events?text=%22tua+chua%22&official=lo+van+hanh' })
    ).json<EventPage>();
    expect(byText.items.length).toBeGreaterThan(0);
    expect(byText.items.every((e) => e.event.officials.some((o) => o.name === 'Lò Văn Hạnh'))).toBe(true);

    const facets = (await http.inject({ url: '/api/facets?directive=114-kl/t%C6%B0' })).json<Facets>();
    expect(facets.total).toBeGreaterThan(0);
    expect(facets.directive[0]?.key).toBe('114-KL/TW');

    const id = byText.items[0]?.id;
    const detail = (await http.inject({ url: `/api/events/${id}` })).json<EventDetail>();
    expect(detail.spans.length).toBeGreaterThan(3);
    for (const s of detail.spans) expect(detail.text.slice(s.span[0], s.span[1])).toBe(s.surface);

    const bad = await http.inject({ url: '/api/events?after=zzz' });
    expect(bad.statusCode).toBe(400);
    const health = (await http.inject({ url: '/health' })).json<{ store: { dialect: string } }>();
    expect(health.store.dialect).toBe('postgres');
  });
});
