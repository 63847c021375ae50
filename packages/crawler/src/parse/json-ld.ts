/**
 * JSON-LD (schema.org) metadata: the article node's headline, dates, author, language, and the page's
 * BreadcrumbList. Sites often ship JSON-LD with raw newlines or trailing commas; those are repaired, and a
 * script that still does not parse is read with a field-by-field fallback.
 */

export interface JsonLdInfo {
  headline: string | null;
  datePublished: string | null;
  dateModified: string | null;
  author: string | null;
  publisher: string | null;
  inLanguage: string | null;
  section: string | null;
  breadcrumb: string[];
}

const ARTICLE_TYPES = new Set([
  'newsarticle',
  'article',
  'blogposting',
  'reportagenews',
  'analysisnewsarticle',
  'report',
  'scholarlyarticle',
  'socialmediaposting',
  'liveblogposting',
]);

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

function tryParse(src: string): Json | undefined {
  try {
    return JSON.parse(src) as Json;
  } catch {
    // Repair the two faults seen on provincial sites: raw control characters in strings, trailing commas.
    const repaired = src
      .replace(/[\u0000-\u001f]+/g, ' ')
      .replace(/,\s*([}\]])/g, '$1')
      .trim();
    try {
      return JSON.parse(repaired) as Json;
    } catch {
      return undefined;
    }
  }
}

function str(v: Json | undefined): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) {
    for (const x of v) {
      const s = str(x);
      if (s) return s;
    }
    return null;
  }
  if (v && typeof v === 'object') return str(v['name'] ?? v['@value']);
  return null;
}

function names(v: Json | undefined): string | null {
  if (Array.isArray(v)) {
    const all = v.map((x) => str(x)).filter((x): x is string => x !== null);
    return all.length > 0 ? all.join(', ') : null;
  }
  return str(v);
}

function types(o: JsonObject): string[] {
  const t = o['@type'];
  if (typeof t === 'string') return [t.toLowerCase()];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string').map((x) => x.toLowerCase());
  return [];
}

/** All objects in a JSON-LD value, breadth-first, without recursion; bounded. */
function objects(root: Json): JsonObject[] {
  const out: JsonObject[] = [];
  const queue: Json[] = [root];
  for (let i = 0; i < queue.length && i < 5_000; i++) {
    const v = queue[i];
    if (Array.isArray(v)) queue.push(...v);
    else if (v && typeof v === 'object') {
      out.push(v);
      for (const k of Object.keys(v)) {
        const x = v[k];
        if (x && typeof x === 'object') queue.push(x);
      }
    }
  }
  return out;
}

function fieldFallback(src: string, field: string): string | null {
  const m = new RegExp(`"${field}"\\s*:\\s*"([^"]{1,300})"`).exec(src);
  return m ? m[1]!.trim() : null;
}

export function readJsonLd(scripts: string[]): JsonLdInfo {
  const info: JsonLdInfo = {
    headline: null,
    datePublished: null,
    dateModified: null,
    author: null,
    publisher: null,
    inLanguage: null,
    section: null,
    breadcrumb: [],
  };
  let article: JsonObject | null = null;
  let anyDated: JsonObject | null = null;
  for (const src of scripts) {
    const parsed = tryParse(src);
    if (parsed === undefined) {
      info.datePublished ??= fieldFallback(src, 'datePublished');
      info.dateModified ??= fieldFallback(src, 'dateModified');
      info.headline ??= fieldFallback(src, 'headline');
      continue;
    }
    for (const o of objects(parsed)) {
      const t = types(o);
      if (!article && t.some((x) => ARTICLE_TYPES.has(x))) article = o;
      if (!anyDated && o['datePublished'] !== undefined) anyDated = o;
      if (info.breadcrumb.length === 0 && t.includes('breadcrumblist')) info.breadcrumb = breadcrumbItems(o);
    }
  }
  const a = article ?? anyDated;
  if (a) {
    info.headline ??= str(a['headline']) ?? str(a['name']);
    info.datePublished ??= str(a['datePublished']) ?? str(a['dateCreated']);
    info.dateModified ??= str(a['dateModified']);
    info.author = names(a['author']) ?? names(a['creator']);
    info.publisher = str(a['publisher']);
    info.inLanguage = str(a['inLanguage']);
    info.section = str(a['articleSection']);
  }
  return info;
}

function breadcrumbItems(o: JsonObject): string[] {
  const list = o['itemListElement'];
  if (!Array.isArray(list)) return [];
  const items: { pos: number; name: string }[] = [];
  list.forEach((x, i) => {
    if (!x || typeof x !== 'object' || Array.isArray(x)) return;
    const item = x['item'];
    const name =
      str(x['name']) ?? (item && typeof item === 'object' && !Array.isArray(item) ? str(item['name']) : null);
    const pos = typeof x['position'] === 'number' ? x['position'] : Number(x['position'] ?? i + 1);
    if (name) items.push({ pos: Number.isFinite(pos) ? pos : i + 1, name });
  });
  return items.sort((a, b) => a.pos - b.pos).map((x) => x.name);
}
