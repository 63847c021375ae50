import { createHash } from 'node:crypto';
import { htmlText } from './html-text.js';

/** Page furniture that differs between two portals carrying the same article. */
const CHROME_ELEMENTS = /<(header|footer|nav|aside|script|style)\b[\s\S]*?<\/\1\s*>/gi;

/**
 * The visible text of a page's `<body>` for hashing: scripts, styles and comments removed, tags dropped,
 * entities decoded, NFC, whitespace collapsed (block boundaries kept as newlines). A cheap single pass, not a
 * DOM: it identifies content, the article parser extracts it.
 */
export function pageBodyText(html: string): string {
  const start = html.search(/<body\b/i);
  if (start < 0) return htmlText(html);
  const end = html.lastIndexOf('</body');
  return htmlText(html, start, end > start ? end : html.length);
}

/**
 * The text of the page's paragraphs (`<p>` elements of at least 40 characters, outside header, footer, nav
 * and aside): what two portals republishing the same article share, without their menus and footers. Falls back
 * to the body text when there are none.
 */
export function pageMainText(html: string): string {
  const cleaned = html.replace(/<!--[\s\S]*?-->/g, '').replace(CHROME_ELEMENTS, ' ');
  const paragraphs: string[] = [];
  for (const m of cleaned.matchAll(/<p\b[^>]*>([\s\S]*?)<\/p\s*>/gi)) {
    const text = htmlText(m[1] ?? '');
    if (text.length >= 40) paragraphs.push(text);
  }
  return paragraphs.length > 0 ? paragraphs.join('\n') : pageBodyText(html);
}

/** sha256 (hex) of {@link pageBodyText}: equal for pages that show the same text. */
export function contentHash(html: string): string {
  return createHash('sha256').update(pageBodyText(html)).digest('hex');
}
