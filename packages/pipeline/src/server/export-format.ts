import type { EventSummary } from '@vnevents/store';

/** Columns of the CSV export, in order: one row per event, lists joined with "; ". */
export const CSV_COLUMNS = [
  'id',
  'date',
  'sortDate',
  'type',
  'province',
  'district',
  'commune',
  'provinceNew',
  'leadOfficial',
  'leadOfficialTitle',
  'leadUnit',
  'targetUnits',
  'officials',
  'directives',
  'results',
  'site',
  'url',
  'title',
  'publishedAt',
  'confidence',
] as const;

type Cell = string | number | null;

function row(e: EventSummary): Cell[] {
  const ev = e.event;
  return [
    e.id,
    e.date,
    e.sortDate,
    e.type,
    e.place.province,
    e.place.district,
    e.place.commune,
    e.places.new.province,
    e.leadOfficial?.name ?? null,
    e.leadOfficial?.title ?? null,
    e.leadUnit,
    ev.targetUnits.map((u) => u.name).join('; '),
    ev.officials.map((o) => o.name).join('; '),
    e.directives.join('; '),
    ev.results.length,
    e.site,
    e.url,
    e.title,
    e.publishedAt,
    e.confidence,
  ];
}

/**
 * One CSV field (RFC 4180). Article text is untrusted: a text cell that a spreadsheet would run as a formula
 * (=, +, -, @, tab, CR at the start) gets a leading apostrophe.
 */
export function csvField(v: Cell): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  const s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The header line, after a UTF-8 byte order mark so spreadsheets read Vietnamese correctly. */
export function csvHeader(): string {
  return `\uFEFF${CSV_COLUMNS.join(',')}\r\n`;
}

export function csvRow(e: EventSummary): string {
  return `${row(e).map(csvField).join(',')}\r\n`;
}

export function jsonlRow(e: EventSummary): string {
  return `${JSON.stringify(e)}\n`;
}
