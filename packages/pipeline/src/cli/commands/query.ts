import { existsSync } from 'node:fs';
import { EVENT_TYPES, type EventType } from '@vnevents/schema';
import {
  type EventFilter,
  type EventSummary,
  isPostgresUrl,
  openStore,
  type Store,
  StoreError,
  StoreUsageError,
} from '@vnevents/store';
import type { Command } from 'commander';
import { CliError, type CliIO } from '../io.js';
import { configFrom } from '../pipeline-options.js';

/** Options that name the store; shared by query, export, reextract and runs. */
export interface StoreOptions {
  db?: string;
  config?: string;
}

export const DB_HELP =
  'SQLite file or postgres:// URL (default: DATABASE_URL, else VNEVENTS_DB, else ./data/vnevents.db)';

export function addStoreOptions(cmd: Command): Command {
  return cmd
    .option('--db <url>', DB_HELP)
    .option('--config <file>', 'JSON config file (env VNEVENTS_CONFIG); options > environment > file > defaults');
}

/** The store URL and schema: --db, else the configuration (DATABASE_URL, VNEVENTS_DB, defaults). */
export function storeLocation(opts: StoreOptions): { url: string; schema: string | null } {
  const config = configFrom({ ...(opts.config !== undefined ? { config: opts.config } : {}) });
  return { url: opts.db ?? config.databaseUrl ?? config.dbPath, schema: config.databaseSchema };
}

/**
 * Opens an existing store (a read command never creates an empty SQLite file), runs `fn`, closes it.
 * Store errors (a malformed cursor, a corrupt file, PostgreSQL down) end the command with their message.
 */
export async function withStore<T>(
  opts: StoreOptions,
  fn: (store: Store) => Promise<T>,
  extra: Parameters<typeof openStore>[0] = {},
  mustExist = true,
): Promise<T> {
  const { url, schema } = storeLocation(opts);
  if (mustExist && !isPostgresUrl(url) && !existsSync(url.replace(/^sqlite:(\/\/)?/i, '')))
    throw new CliError(
      `no database at ${url}: fill one first (vnevents run / vnevents crawl), or point --db, VNEVENTS_DB or DATABASE_URL at it`,
      2,
    );
  let store: Store;
  try {
    store = await openStore({ ...extra, url, ...(schema ? { schema } : {}) });
  } catch (err) {
    if (err instanceof StoreError) throw new CliError(err.message, 2);
    throw err;
  }
  try {
    return await fn(store);
  } catch (err) {
    if (err instanceof StoreUsageError) throw new CliError(err.message, 2);
    if (err instanceof StoreError) throw new CliError(err.message, 1);
    throw err;
  } finally {
    await store.close();
  }
}

/** Filter options as the query and export commands take them. */
export interface FilterOptions {
  from?: string;
  to?: string;
  province?: string;
  district?: string;
  commune?: string;
  unit?: string;
  leadUnit?: string;
  targetUnit?: string;
  official?: string;
  person?: string;
  directive?: string;
  type?: string[];
  site?: string;
  run?: string;
  text?: string;
  minConfidence?: string;
}

const collect = (v: string, prev: string[] = []) => [
  ...prev,
  ...v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
];

export function addFilterOptions(cmd: Command): Command {
  return cmd
    .option('--from <day>', 'first day, YYYY, YYYY-MM or YYYY-MM-DD (the event day, else the publication day)')
    .option('--to <day>', 'last day, inclusive')
    .option('--province <name>', 'province, old (pre-2025) or new name, diacritics optional')
    .option('--district <name>', 'district (pre-2025)')
    .option('--commune <name>', 'commune, old or new name')
    .option('--unit <text>', 'lead or target unit containing this text, diacritics optional')
    .option('--lead-unit <text>', 'lead unit containing this text')
    .option('--target-unit <text>', 'target unit containing this text')
    .option('--official <name>', 'an official of the event: fuzzy, diacritics optional ("Dang Huu Ngo")')
    .option('--person <id>', 'an official by person id (see vnevents query --official … --format json)')
    .option('--directive <ref>', 'directive reference or alias: 114-KL/TW, 114-KL/TƯ, "Kết luận 114"')
    .option('--type <type>', `event type, repeatable or comma-separated: ${EVENT_TYPES.join(', ')}`, collect)
    .option('--site <host>', 'site id, e.g. baodienbienphu.info.vn')
    .option('--run <id>', 'extraction run (default: each article’s latest run)')
    .option('--text <query>', 'full text of the article: words, or "a phrase"; diacritics optional')
    .option('--min-confidence <x>', 'only events with confidence ≥ x (0‥1)');
}

function positive(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new CliError(`${name} must be a positive integer, not "${v}"`, 2);
  return n;
}

export function filterFrom(o: FilterOptions): EventFilter {
  const f: EventFilter = {};
  const text: [keyof EventFilter & keyof FilterOptions, string | undefined][] = [
    ['from', o.from],
    ['to', o.to],
    ['province', o.province],
    ['district', o.district],
    ['commune', o.commune],
    ['unit', o.unit],
    ['leadUnit', o.leadUnit],
    ['targetUnit', o.targetUnit],
    ['official', o.official],
    ['directive', o.directive],
    ['site', o.site],
    ['text', o.text],
  ];
  for (const [k, v] of text) if (v !== undefined) (f as Record<string, unknown>)[k] = v;
  if (o.type?.length) {
    const bad = o.type.find((t) => !(EVENT_TYPES as readonly string[]).includes(t));
    if (bad) throw new CliError(`--type must be one of ${EVENT_TYPES.join(', ')}, not "${bad}"`, 2);
    f.type = o.type as EventType[];
  }
  const run = positive('--run', o.run);
  if (run !== undefined) f.run = run;
  const person = positive('--person', o.person);
  if (person !== undefined) f.personId = person;
  if (o.minConfidence !== undefined) {
    const x = Number(o.minConfidence);
    if (!(x >= 0 && x <= 1))
      throw new CliError(`--min-confidence must be a number from 0 to 1, not "${o.minConfidence}"`, 2);
    f.minConfidence = x;
  }
  return f;
}

function cut(s: string | null | undefined, n: number): string {
  if (!s) return '';
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/** Rows as an aligned text table (the CLI owns the terminal; no colours, so it pipes cleanly). */
export function textTable(head: string[], rows: string[][]): string[] {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(w[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(head), line(w.map((n) => '-'.repeat(n))), ...rows.map(line)];
}

function eventRow(e: EventSummary): string[] {
  const place = [e.place.commune, e.place.district, e.place.province].filter(Boolean).join(', ');
  const moved =
    e.places.new.province && e.places.new.province !== e.place.province ? ` → ${e.places.new.province}` : '';
  return [
    String(e.id),
    e.date ?? `(${e.sortDate})`,
    e.type,
    cut(place + moved, 36),
    cut(e.leadOfficial?.name, 24),
    cut(e.leadUnit, 32),
    cut(e.directives.join(' '), 24),
    cut(e.site, 24),
  ];
}

interface QueryOptions extends StoreOptions, FilterOptions {
  limit: string;
  after?: string;
  facets?: boolean;
  format: string;
}

export function registerQuery(program: Command, io: CliIO): void {
  addFilterOptions(
    addStoreOptions(
      program
        .command('query')
        .description('find events in the store: filters, keyset pages, facets; a table or JSON')
        .option('--limit <n>', 'events per page (1‥1000)', '20')
        .option('--after <cursor>', 'the page after this cursor (printed at the end of the previous page)')
        .option('--facets', 'print counts by province, type, month and directive instead of events')
        .option('--format <format>', 'table | json', 'table'),
    ),
  )
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  vnevents query --type inspection --directive 114-KL/TW --from 2024 --to 2024\n' +
        '  vnevents query --official "Dang Huu Ngo" --format json\n' +
        '  vnevents query --province "Hà Giang" --facets\n' +
        'Dates in the table are the event day; "(YYYY-MM-DD)" is the publication day when the article gives none.',
    )
    .action(async (opts: QueryOptions) => {
      if (opts.format !== 'table' && opts.format !== 'json')
        throw new CliError(`--format must be table or json, not "${opts.format}"`, 2);
      const filter = filterFrom(opts);
      const limit = positive('--limit', opts.limit) ?? 20;
      await withStore(opts, async (store) => {
        if (opts.facets) {
          const f = await store.facets(filter);
          if (opts.format === 'json') return io.out(JSON.stringify(f, null, 2));
          io.out(`${f.total} events`);
          for (const [name, buckets] of [
            ['province (new era)', f.province],
            ['type', f.type],
            ['month', f.month],
            ['directive', f.directive],
          ] as const) {
            io.out('');
            for (const l of textTable(
              [name, 'events'],
              buckets.map((b) => [b.key ?? '(none)', String(b.count)]),
            ))
              io.out(l);
          }
          return;
        }
        const page = await store.queryEvents(filter, { limit, after: opts.after ?? null });
        if (opts.format === 'json') return io.out(JSON.stringify(page, null, 2));
        if (page.items.length === 0) {
          io.out('no events match');
          return;
        }
        for (const l of textTable(
          ['id', 'date', 'type', 'place', 'lead official', 'lead unit', 'directives', 'site'],
          page.items.map(eventRow),
        ))
          io.out(l);
        io.out('');
        io.out(
          page.next
            ? `${page.items.length} events; next page: --after ${page.next}`
            : `${page.items.length} events (end)`,
        );
      });
    });
}
