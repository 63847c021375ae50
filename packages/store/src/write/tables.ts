import type { ColumnSpec, PgType, TableSpec } from '../sql/driver.js';

function cols(spec: string): ColumnSpec[] {
  return spec
    .trim()
    .split(/\s*,\s*/)
    .map((c) => {
      const [name = '', pg = 'text'] = c.split(/\s+/);
      return { name, pg: pg as PgType };
    });
}

/** Bulk-written tables, columns in row order (`name pgtype`). */
export const T = {
  articles: {
    table: 'articles',
    columns: cols(`id int, page_id int, url text, canonical_url text, site text, title text, published_at text,
      lang text, text_hash text, article_json text, created_at text`),
    onConflict: 'ON CONFLICT (canonical_url, text_hash) DO NOTHING',
  },
  /** PostgreSQL: the same plus the tsvector of the folded title and text. */
  articlesPg: {
    table: 'articles',
    columns: [
      ...cols(`id int, page_id int, url text, canonical_url text, site text, title text, published_at text,
        lang text, text_hash text, article_json text, created_at text`),
      { name: 'fts', pg: 'text', pgExpr: 'v::tsvector' },
    ],
    onConflict: 'ON CONFLICT (canonical_url, text_hash) DO NOTHING',
  },
  articlesFts: { table: 'articles_fts', columns: cols('rowid int, body text') },
  articleLatest: { table: 'article_latest', columns: cols('article_id int, run_id int') },
  extractions: {
    table: 'extractions',
    columns: cols('run_id int, article_id int, text text, source_json text, event_count int, saved_at text'),
  },
  events: {
    table: 'events',
    columns: cols(`id int, run_id int, article_id int, ord int, latest smallint, type text, date text, date_basis text,
      sort_date text, site text, published_at text, province text, district text, commune text,
      province_old text, district_old text, commune_old text, province_new text, district_new text, commune_new text,
      province_old_key text, district_old_key text, commune_old_key text,
      province_new_key text, district_new_key text, commune_new_key text,
      lead_unit text, lead_official text, lead_official_title text, lead_person_id int, confidence float8, event_json text`),
  },
  eventOfficials: {
    table: 'event_officials',
    columns: cols(
      'event_id int, ord int, person_id int, name text, title text, role text, span_start int, span_end int',
    ),
  },
  eventUnits: {
    table: 'event_units',
    columns: cols('event_id int, ord int, role text, unit_id int, name text, span_start int, span_end int'),
  },
  eventDirectives: {
    table: 'event_directives',
    columns: cols('event_id int, ord int, directive_id int, spans_json text'),
  },
  items: {
    table: 'items',
    columns: cols('id int, event_id int, kind text, ord int, text text, span_start int, span_end int, by_name text'),
  },
  metrics: {
    table: 'metrics',
    columns: cols(
      'item_id int, ord int, value float8, unit text, qualifier text, text text, span_start int, span_end int',
    ),
  },
  units: { table: 'units', columns: cols('id int, name text, key text'), onConflict: 'ON CONFLICT (key) DO NOTHING' },
  directives: {
    table: 'directives',
    columns: cols(
      'id int, ref text, key text, number text, kind text, kind_name text, issuer text, date text, title text',
    ),
    onConflict: 'ON CONFLICT (key) DO NOTHING',
  },
  directiveAliases: {
    table: 'directive_aliases',
    columns: cols('directive_id int, alias text, alias_key text'),
    onConflict: 'ON CONFLICT (directive_id, alias_key) DO NOTHING',
  },
  persons: {
    table: 'persons',
    columns: cols('id int, name text, folded text, has_diacritics smallint, created_at text'),
  },
  personAliases: {
    table: 'person_aliases',
    columns: cols(`id int, person_id int, alias text, alias_lower text, folded text, surname_key text, given_key text,
      has_diacritics smallint`),
    onConflict: 'ON CONFLICT (alias_lower) DO NOTHING',
  },
} satisfies Record<string, TableSpec>;
