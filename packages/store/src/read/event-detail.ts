import { type Article, articleText, eventSpans, formatPath } from '@vnevents/schema';
import type { SqlExecutor } from '../sql/driver.js';
import type { EventDetail } from '../types.js';
import { SUMMARY_COLUMNS, type SummaryRow, toSummary } from './event-rows.js';

interface DetailRow extends SummaryRow {
  latest: number;
  canonical_url: string;
  a_site: string | null;
  a_published_at: string | null;
  article_json: string;
  x_text: string | null;
  extractor_name: string;
  extractor_version: string;
  lexicon_version: string;
}

/** One event with the text its spans point into, every span with its surface, and the article. */
export async function getEvent(db: SqlExecutor, id: number): Promise<EventDetail | null> {
  const r = (
    await db.all<DetailRow>(
      `SELECT ${SUMMARY_COLUMNS}, e.latest, a.canonical_url, a.site AS a_site, a.published_at AS a_published_at,
         a.article_json, x.text AS x_text, r.extractor_name, r.extractor_version, r.lexicon_version
       FROM events e JOIN articles a ON a.id = e.article_id
       JOIN extractions x ON x.run_id = e.run_id AND x.article_id = e.article_id
       JOIN runs r ON r.id = e.run_id
       WHERE e.id = ?`,
      [id],
    )
  )[0];
  if (!r) return null;
  const summary = toSummary(r);
  const text = r.x_text ?? articleText(JSON.parse(r.article_json) as Article);
  const officials = await db.all<{ ord: number; person_id: number }>(
    'SELECT ord, person_id FROM event_officials WHERE event_id = ? AND ord >= 0 ORDER BY ord',
    [id],
  );
  return {
    ...summary,
    latest: r.latest === 1,
    extractor: { name: r.extractor_name, version: r.extractor_version, lexiconVersion: r.lexicon_version },
    text,
    spans: eventSpans(summary.event, []).map(({ path, span }) => ({
      path: formatPath(path),
      span,
      surface: text.slice(span[0], span[1]),
    })),
    article: {
      id: r.article_id,
      url: r.url,
      canonicalUrl: r.canonical_url,
      title: r.title,
      site: r.a_site,
      publishedAt: r.a_published_at,
    },
    officialPersonIds: officials.map((o) => o.person_id),
  };
}
