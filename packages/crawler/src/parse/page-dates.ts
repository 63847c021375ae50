/**
 * publishedAt / modifiedAt and where they came from, in order of trust:
 * JSON-LD (NewsArticle datePublished / dateModified) → meta (article:published_time, og, itemprop, dc.date)
 * → <time datetime> → a visible dateline near the title → the URL.
 */
import { blockIsMetaLine } from './body.js';
import { type DatelineHit, dateFromUrl, mayHoldDate, parseDateline, parseMachineDate } from './dates.js';
import { Role, type Scan } from './scan.js';

export type DateSource = 'json-ld' | 'meta' | 'time' | 'dateline' | 'url';

export interface PageDates {
  publishedAt: string | null;
  modifiedAt: string | null;
  dateSource: DateSource | null;
}

const PUBLISHED_META = [
  'article:published_time',
  'og:article:published_time',
  'og:published_time',
  'published_time',
  'datepublished',
  'pubdate',
  'publishdate',
  'publish-date',
  'publish_date',
  'article.published',
  'dc.date.issued',
  'dcterms.issued',
  'dc.date.created',
  'dcterms.created',
  'dc.date',
  'dcterms.date',
  'date',
  'sailthru.date',
  'parsely-pub-date',
  'citation_publication_date',
  'created',
];
const MODIFIED_META = [
  'article:modified_time',
  'og:article:modified_time',
  'og:updated_time',
  'modified_time',
  'datemodified',
  'dc.date.modified',
  'dcterms.modified',
  'article.updated',
  'lastmod',
];

export interface DateContext {
  scan: Scan;
  clutterOf: Int32Array;
  root: number;
  titleEl: number;
  jsonLdPublished: string | null;
  jsonLdModified: string | null;
  selectorDate: string | null;
  urls: (URL | string)[];
}

const UPDATED_CLASS = /(?:^|[\s_-])(?:updated|modified|update|capnhat)(?:$|[\s_-])/i;

function isUpdatedTime(scan: Scan, el: number): boolean {
  return UPDATED_CLASS.test(scan.els[el]!.attribs?.['class'] ?? '');
}

function fromMeta(scan: Scan, keys: string[], itemprop: string): string | null {
  for (const k of keys) {
    const v = parseMachineDate(scan.metas.get(k));
    if (v) return v;
  }
  for (const ip of scan.itemprops) {
    const v = ip.prop === itemprop ? parseMachineDate(ip.value) : null;
    if (v) return v;
  }
  return null;
}

interface Dateline {
  published: string | null;
  modified: string | null;
}

function readDateline(text: string, known?: DatelineHit[] | null): Dateline | null {
  const hits = known ?? parseDateline(text);
  if (hits.length === 0) return null;
  const pub = hits.find((h) => h.kind !== 'modified') ?? null;
  const mod = hits.find((h) => h.kind === 'modified') ?? null;
  return { published: pub?.iso ?? mod?.iso ?? null, modified: mod?.iso ?? null };
}

/** How many more datelines to read for an "updated" date after the first. */
const MODIFIED_LOOKAHEAD = 3;
/** How many elements above the title a dateline may sit. */
const MAX_BEFORE_TITLE = 12;

/**
 * The dateline nearest the title: the first after it (within the content), else the closest before it.
 * Candidates are elements classed date/time and short blocks that are only a date with labels and counters.
 * Clutter (headers with today's date, "Tin khác" lists with their dates) is never a candidate.
 */
function findDateline(ctx: DateContext): Dateline | null {
  const { scan, clutterOf, root, titleEl } = ctx;
  const rootEnd = root >= 0 ? scan.end[root]! : scan.els.length;
  const anchor = titleEl >= 0 ? titleEl : root;
  // Only positions that the ordering below can pick are worth reading.
  const lo = anchor >= 0 ? anchor - MAX_BEFORE_TITLE : -1;
  const hi = anchor >= 0 ? Math.max(rootEnd, anchor + 1) + 50 : Number.POSITIVE_INFINITY;
  const cands: { pos: number; text: string; hits?: DatelineHit[] | null }[] = [];
  for (const [el, text] of scan.roleTexts) {
    if ((scan.roles[el]! & Role.Date) === 0 || clutterOf[el]! >= 0 || text.length > 200) continue;
    if (el >= lo && el < hi && mayHoldDate(text)) cands.push({ pos: el, text });
  }
  for (const b of scan.blocks) {
    if (b.owner < lo || b.owner >= hi) continue;
    if (b.img || b.len > 220 || (b.owner >= 0 && clutterOf[b.owner]! >= 0)) continue;
    if (blockIsMetaLine(b)) cands.push({ pos: b.owner, text: b.text, hits: b.dateHits });
  }
  if (cands.length === 0) return null;
  cands.sort((a, b) => a.pos - b.pos);
  const ordered =
    anchor >= 0
      ? [
          ...cands.filter((c) => c.pos >= anchor && c.pos < Math.max(rootEnd, anchor + 1) + 50),
          // Above the title only when right above it: a clock in the site header shows today, not the article.
          ...cands.filter((c) => c.pos < anchor && c.pos >= anchor - MAX_BEFORE_TITLE).reverse(),
        ]
      : cands;
  // The first dateline gives the dates; when it has no "updated" date, a neighbouring line may
  // ("Ngày tạo …" and "Lần cập nhật cuối …" in two rows of the same info box).
  let found: Dateline | null = null;
  let seen = 0;
  for (const c of ordered) {
    const d = readDateline(c.text, c.hits);
    if (!d) continue;
    if (!found) found = { ...d };
    else if (!found.modified && d.modified) found.modified = d.modified;
    if (found.modified || ++seen >= MODIFIED_LOOKAHEAD) break;
  }
  return found;
}

export function findPageDates(ctx: DateContext): PageDates {
  const { scan } = ctx;
  let publishedAt: string | null = null;
  let dateSource: DateSource | null = null;
  let modifiedAt = parseMachineDate(ctx.jsonLdModified) ?? fromMeta(scan, MODIFIED_META, 'datemodified');

  if (ctx.selectorDate) {
    const d = readDateline(ctx.selectorDate);
    const machine = parseMachineDate(ctx.selectorDate);
    publishedAt = machine ?? d?.published ?? null;
    if (publishedAt) dateSource = 'dateline';
    modifiedAt ??= d?.modified ?? null;
  }
  if (!publishedAt) {
    publishedAt = parseMachineDate(ctx.jsonLdPublished);
    if (publishedAt) dateSource = 'json-ld';
  }
  if (!publishedAt) {
    publishedAt = fromMeta(scan, PUBLISHED_META, 'datepublished');
    if (publishedAt) dateSource = 'meta';
  }
  if (!publishedAt) {
    const rootEnd = ctx.root >= 0 ? scan.end[ctx.root]! : scan.els.length;
    const times = scan.times
      .filter((t) => ctx.clutterOf[t.el]! < 0 && t.el < rootEnd + 50 && !isUpdatedTime(scan, t.el))
      .sort((a, b) => a.el - b.el);
    for (const t of times) {
      const v = parseMachineDate(t.datetime) ?? readDateline(t.text)?.published ?? null;
      if (v) {
        publishedAt = v;
        dateSource = 'time';
        break;
      }
    }
  }
  if (!modifiedAt) {
    for (const t of scan.times) {
      if (ctx.clutterOf[t.el]! >= 0 || !isUpdatedTime(scan, t.el)) continue;
      modifiedAt = parseMachineDate(t.datetime) ?? readDateline(t.text)?.published ?? null;
      if (modifiedAt) break;
    }
  }
  if (!publishedAt || !modifiedAt) {
    const d = findDateline(ctx);
    if (d) {
      if (!publishedAt && d.published) {
        publishedAt = d.published;
        dateSource = 'dateline';
      }
      modifiedAt ??= d.modified;
    }
  }
  if (!publishedAt) {
    for (const u of ctx.urls) {
      const v = dateFromUrl(u);
      if (v) {
        publishedAt = v;
        dateSource = 'url';
        break;
      }
    }
  }
  return { publishedAt, modifiedAt, dateSource };
}
