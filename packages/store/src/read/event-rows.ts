import type { Event, EventType } from '@vnevents/schema';
import type { EventSummary } from '../types.js';

/** Columns of an event summary: `events e` joined with `articles a`. */
export const SUMMARY_COLUMNS = `e.id, e.run_id, e.article_id, e.type, e.date, e.sort_date, e.site, e.published_at,
  e.province, e.district, e.commune, e.province_old, e.district_old, e.commune_old,
  e.province_new, e.district_new, e.commune_new, e.lead_unit, e.lead_official, e.lead_official_title,
  e.lead_person_id, e.confidence, e.event_json, a.url, a.title`;

export interface SummaryRow {
  id: number;
  run_id: number;
  article_id: number;
  type: string;
  date: string | null;
  sort_date: string;
  site: string | null;
  published_at: string | null;
  province: string | null;
  district: string | null;
  commune: string | null;
  province_old: string | null;
  district_old: string | null;
  commune_old: string | null;
  province_new: string | null;
  district_new: string | null;
  commune_new: string | null;
  lead_unit: string | null;
  lead_official: string | null;
  lead_official_title: string | null;
  lead_person_id: number | null;
  confidence: number;
  event_json: string;
  url: string;
  title: string | null;
}

export function toSummary(r: SummaryRow): EventSummary {
  const event = JSON.parse(r.event_json) as Event;
  return {
    id: r.id,
    runId: r.run_id,
    articleId: r.article_id,
    type: r.type as EventType,
    date: r.date,
    sortDate: r.sort_date,
    site: r.site,
    url: r.url,
    title: r.title,
    publishedAt: r.published_at,
    place: { province: r.province, district: r.district, commune: r.commune },
    places: {
      old: { province: r.province_old, district: r.district_old, commune: r.commune_old },
      new: { province: r.province_new, district: r.district_new, commune: r.commune_new },
    },
    leadUnit: r.lead_unit,
    leadOfficial:
      r.lead_official === null
        ? null
        : { name: r.lead_official, title: r.lead_official_title, personId: r.lead_person_id },
    directives: event.directives.map((d) => d.ref),
    confidence: r.confidence,
    event,
  };
}
