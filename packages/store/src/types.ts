import type { Article, Event, EventType, ExtractionResult, ExtractorInfo } from '@vnevents/schema';
import type { InvalidRecordError } from './errors.js';
import type { Place, ResolvedPlace } from './place.js';

/** A site of the registry, as the store keeps it. */
export interface SiteRecord {
  id: string;
  name: string | null;
  baseUrl: string | null;
  province: string | null;
  /** The whole registry entry, when the caller has one. */
  entry?: unknown;
}

/** One HTTP fetch, kept as a log (the latest validators also serve conditional GET). */
export interface FetchRecord {
  url: string;
  site?: string | null;
  status: number;
  headers: Record<string, string>;
  etag: string | null;
  lastModified: string | null;
  fetchedAt: string;
}

export interface PageMeta {
  url: string;
  /** Defaults to `url`. Pages are unique by (canonical URL, sha256 of the raw bytes). */
  canonicalUrl?: string | null;
  site?: string | null;
  charset: string | null;
  contentType?: string | null;
  status?: number | null;
  fetchedAt: string;
}

export interface StoredPage {
  id: number;
  url: string;
  canonicalUrl: string;
  site: string | null;
  charset: string | null;
  contentType: string | null;
  status: number | null;
  fetchedAt: string;
  /** sha256 of the raw bytes, hex. */
  contentHash: string;
  /** The raw bytes as fetched (stored gzip-compressed). */
  raw: Buffer;
}

export interface StoredArticle {
  id: number;
  pageId: number | null;
  article: Article;
  /** articleText(article): title, lead and paragraphs, the text an extractor reads. */
  text: string;
  latestRunId: number | null;
}

export interface ArticleScan {
  site?: string;
  /** Articles published on or after this day (YYYY-MM-DD). */
  since?: string;
  /** Page size of the underlying keyset scan. */
  batchSize?: number;
}

export interface RunInfo {
  extractor: ExtractorInfo;
  params?: Record<string, unknown>;
  note?: string | null;
}

export interface RunCounts {
  articles: number;
  events: number;
  errors: number;
}

export interface RunRecord {
  id: number;
  extractor: ExtractorInfo;
  params: Record<string, unknown>;
  note: string | null;
  startedAt: string;
  finishedAt: string | null;
  /** What finishRun recorded; null while the run is open. */
  counts: RunCounts | null;
  /** What the store holds for the run now. */
  stored: { articles: number; events: number };
}

export interface ExtractionInput {
  articleId: number;
  result: ExtractionResult;
}

export interface SaveReport {
  runId: number;
  articleId: number;
  events: number;
  /** Whether these events are now the article's current (latest-run) events. */
  latest: boolean;
}

export interface BatchReport {
  saved: SaveReport[];
  /** Records that were not written, each with an error naming it; the rest of the batch was saved. */
  rejected: InvalidRecordError[];
}

/** Filters of an event query; all given filters must hold. */
export interface EventFilter {
  /** First day, inclusive (YYYY-MM-DD), on the event's day or, when the article gives none, its publication day. */
  from?: string;
  /** Last day, inclusive. */
  to?: string;
  /** Province in either era (pre- or post-2025 name), diacritics-insensitive. */
  province?: string;
  district?: string;
  commune?: string;
  /** Lead or target unit: substring, diacritics-insensitive. */
  unit?: string;
  leadUnit?: string;
  targetUnit?: string;
  /** Any official of the event (lead or listed): fuzzy, diacritics-insensitive. */
  official?: string;
  personId?: number;
  /** A directive reference (114-KL/TW, 114-KL/TƯ) or alias (Kết luận 114). */
  directive?: string;
  type?: EventType | EventType[];
  site?: string;
  /** A run id; default: each article's latest run. */
  run?: number;
  /** Full text of the article (title and body): words, or "a quoted phrase"; diacritics-insensitive. */
  text?: string;
  articleId?: number;
  minConfidence?: number;
}

export interface PageRequest {
  /** 1‥1000, default 50. */
  limit?: number;
  /** The `next` cursor of the previous page. */
  after?: string | null;
}

export interface EventSummary {
  id: number;
  runId: number;
  articleId: number;
  type: EventType;
  date: string | null;
  /** The day used for ordering and date filters: the event's day, else the publication day. */
  sortDate: string;
  site: string | null;
  url: string;
  title: string | null;
  publishedAt: string | null;
  /** As written in the article. */
  place: Place;
  /** In both administrative eras. */
  places: ResolvedPlace;
  leadUnit: string | null;
  leadOfficial: { name: string; title: string | null; personId: number | null } | null;
  directives: string[];
  confidence: number;
  event: Event;
}

export interface EventPage {
  items: EventSummary[];
  /** Cursor of the next page, or null at the end. */
  next: string | null;
}

export interface FacetBucket {
  key: string | null;
  count: number;
}

export interface Facets {
  total: number;
  /** By province in the new (post-2025) era. */
  province: FacetBucket[];
  type: FacetBucket[];
  /** YYYY-MM */
  month: FacetBucket[];
  /** By canonical directive reference. */
  directive: FacetBucket[];
}

export interface SpanView {
  /** JSON path inside the event, e.g. `leadOfficial.span`, `directives[0].spans[1]`. */
  path: string;
  span: [number, number];
  /** text.slice(span): the evidence. */
  surface: string;
}

export interface EventDetail extends EventSummary {
  latest: boolean;
  extractor: ExtractorInfo;
  /** The normalised text every span points into. */
  text: string;
  spans: SpanView[];
  article: {
    id: number;
    url: string;
    canonicalUrl: string;
    title: string | null;
    site: string | null;
    publishedAt: string | null;
  };
  /** Person ids of `event.officials`, in order (lead official: `leadOfficial.personId`). */
  officialPersonIds: number[];
}

export interface PersonMatch {
  personId: number;
  name: string;
  aliases: string[];
  /** 0‥1: Jaro-Winkler on folded names, 0.95 for a whole-word match of a partial name. */
  score: number;
  matchedAlias: string;
}

export interface PersonTimeline {
  person: { id: number; name: string; aliases: string[] };
  /** Titles as written, with the first and last day each was seen. */
  titles: { title: string; first: string; last: string; count: number }[];
  /** Oldest first. */
  events: (EventSummary & { role: string; titleAsWritten: string | null })[];
}

export interface DirectiveRecord {
  id: number;
  ref: string;
  number: string | null;
  kind: string | null;
  kindName: string | null;
  issuer: string | null;
  date: string | null;
  title: string | null;
  aliases: string[];
}

export interface DirectiveEvents {
  directive: DirectiveRecord;
  total: number;
  /** Newest first, up to the limit asked. */
  events: EventSummary[];
  /** Other directives the same alias names (e.g. "Kết luận 114" of two issuers); query them by their ref. */
  others: DirectiveRecord[];
}
