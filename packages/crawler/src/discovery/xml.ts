import { XMLParser } from 'fast-xml-parser';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => ['url', 'sitemap', 'item', 'entry', 'link'].includes(name),
});

/**
 * Parses a sitemap or feed. The DOCTYPE is removed first: neither format needs one, and entity declarations
 * are how XML bombs work.
 */
export function parseXml(text: string): Record<string, unknown> {
  const cleaned = text.replace(/^\uFEFF/, '').replace(/<!DOCTYPE[^[>]*(\[[\s\S]*?\])?\s*>/i, '');
  return parser.parse(cleaned) as Record<string, unknown>;
}

/** The text of a parsed element: a string, or the `#text` of an element with attributes. */
export function textOf(node: unknown): string | null {
  if (typeof node === 'string') return node.trim() || null;
  if (typeof node === 'number') return String(node);
  if (node !== null && typeof node === 'object' && '#text' in node)
    return textOf((node as { '#text': unknown })['#text']);
  return null;
}

export function asArray(node: unknown): unknown[] {
  if (node === undefined || node === null) return [];
  return Array.isArray(node) ? node : [node];
}

export function asRecord(node: unknown): Record<string, unknown> {
  return node !== null && typeof node === 'object' && !Array.isArray(node) ? (node as Record<string, unknown>) : {};
}

/** A W3C datetime / RFC 822 date as a Date, or null when missing or unparseable. */
export function parseDate(value: string | null): Date | null {
  if (value === null) return null;
  const t = Date.parse(value.trim());
  return Number.isNaN(t) ? null : new Date(t);
}
