import type { Article, Event, ExtractionResult } from '@vnevents/schema';

/** The span of the first match of `re` in `text`, taken from the match itself (RegExp `d` flag). */
export function spanOf(text: string, re: RegExp): [number, number] {
  const m = new RegExp(re.source, `${re.flags.replace(/[dg]/g, '')}d`).exec(text);
  const idx = m?.indices?.[0];
  if (!idx) throw new Error(`test fixture: ${re} not found in text`);
  return [idx[0], idx[1]];
}

let seq = 0;

export function makeArticle(over: Partial<Article> & { paragraphs: string[] }): Article {
  seq++;
  const url = over.url ?? `https://baodienbienphu.info.vn/tin-${seq}.html`;
  return {
    url,
    canonicalUrl: over.canonicalUrl ?? url,
    site: 'baodienbienphu.info.vn',
    title: `Tin ${seq}`,
    publishedAt: '2024-10-21T11:32:00+07:00',
    modifiedAt: null,
    author: null,
    lead: null,
    captions: [],
    breadcrumb: [],
    lang: 'vie',
    dateSource: 'meta',
    ...over,
  };
}

export const EXTRACTOR = { name: 'vnevents-rules', version: '0.1.0', lexiconVersion: 'lex-1' };

export interface EventSpec {
  type?: Event['type'];
  date?: string | null;
  lead?: { name: RegExp; title?: string | null } | null;
  officials?: { name: RegExp; title?: string | null; role?: 'lead' | 'host' | 'participant' | 'speaker' }[];
  leadUnit?: RegExp | null;
  targets?: RegExp[];
  province?: string | null;
  district?: string | null;
  commune?: string | null;
  directives?: { ref: string; at: RegExp; aliases?: string[]; title?: string | null }[];
  results?: { at: RegExp; metric?: { at: RegExp; value: number; unit: string } }[];
  limitations?: RegExp[];
  recommendations?: RegExp[];
  proposals?: RegExp[];
  confidence?: number;
}

/** An event whose every value is a surface of `text`, with its span. */
export function makeEvent(text: string, s: EventSpec): Event {
  const surface = (re: RegExp) => {
    const span = spanOf(text, re);
    return { name: text.slice(span[0], span[1]), span };
  };
  const item = (re: RegExp) => {
    const span = spanOf(text, re);
    return { text: text.slice(span[0], span[1]), span };
  };
  return {
    type: s.type ?? 'inspection',
    date: s.date === undefined ? '2024-10-20' : s.date,
    dateBasis: s.date === null ? null : 'text',
    leadOfficial: s.lead ? { ...surface(s.lead.name), title: s.lead.title ?? null } : null,
    officials: (s.officials ?? []).map((o) => ({
      ...surface(o.name),
      title: o.title ?? null,
      role: o.role ?? 'participant',
    })),
    leadUnit: s.leadUnit ? surface(s.leadUnit) : null,
    targetUnits: (s.targets ?? []).map(surface),
    location: { province: s.province ?? null, district: s.district ?? null, commune: s.commune ?? null },
    directives: (s.directives ?? []).map((d) => {
      const [number = '', rest = ''] = d.ref.split('-');
      return {
        ref: d.ref,
        number,
        kind: rest.split('/')[0] ?? 'KL',
        kindName: null,
        issuer: rest.split('/')[1] ?? null,
        date: null,
        title: d.title ?? null,
        aliases: d.aliases ?? [],
        spans: [spanOf(text, d.at)],
      };
    }),
    results: (s.results ?? []).map((r) => {
      const base = item(r.at);
      return {
        ...base,
        metrics: r.metric
          ? [{ value: r.metric.value, unit: r.metric.unit, qualifier: null, ...item(r.metric.at) }]
          : [],
      };
    }),
    limitations: (s.limitations ?? []).map(item),
    recommendations: (s.recommendations ?? []).map((re) => ({ ...item(re), by: null })),
    proposals: (s.proposals ?? []).map(item),
    confidence: s.confidence ?? 0.8,
  };
}

export function makeResult(article: Article, text: string, events: Event[], extractor = EXTRACTOR): ExtractionResult {
  return {
    schemaVersion: 1,
    source: {
      id: `sha256:${article.canonicalUrl}`,
      url: article.url,
      path: null,
      title: article.title,
      publishedAt: article.publishedAt,
      lang: 'vie',
      site: article.site,
    },
    extractor,
    text,
    events,
  };
}
