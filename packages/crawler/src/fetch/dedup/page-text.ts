import { createHash } from 'node:crypto';

/** Named references common on Vietnamese pages (Latin-1 letters used by old editors) and punctuation. */
const NAMED: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  copy: '©',
  deg: '°',
  middot: '·',
  bull: '•',
};
const LATIN1_NAMES =
  'Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml'.split(
    ' ',
  );
LATIN1_NAMES.forEach((name, i) => {
  NAMED[name] = String.fromCharCode(0xc0 + i);
});

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (m, ref: string) => {
    if (ref[0] === '#') {
      const cp =
        ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
    return NAMED[ref] ?? m;
  });
}

const DROPPED_ELEMENTS = /<(script|style|noscript|template|svg|iframe)\b[\s\S]*?<\/\1\s*>/gi;
const COMMENTS = /<!--[\s\S]*?-->/g;
/** Page furniture that differs between two portals carrying the same article. */
const CHROME_ELEMENTS = /<(header|footer|nav|aside)\b[\s\S]*?<\/\1\s*>/gi;
const BLOCK_BREAK = /<\/?(p|div|br|li|h[1-6]|tr|td|section|article|header|footer|blockquote)\b[^>]*>/gi;

function tagsToText(html: string): string {
  return decodeEntities(html.replace(BLOCK_BREAK, '\n').replace(/<[^>]*>/g, ' '))
    .normalize('NFC')
    .replace(/[ \t\r\f\v\u00a0]+/g, ' ')
    .replace(/ ?\n[\s]*/g, '\n')
    .trim();
}

/**
 * The visible text of a page's `<body>` for hashing: scripts, styles and comments removed, tags dropped,
 * entities decoded, NFC, whitespace collapsed (block boundaries kept as newlines). A cheap regex pass, not a
 * DOM: it identifies content, the article parser extracts it.
 */
export function pageBodyText(html: string): string {
  const start = html.search(/<body\b/i);
  const end = html.search(/<\/body\s*>/i);
  const body = start >= 0 ? html.slice(start, end > start ? end : undefined) : html;
  return tagsToText(body.replace(COMMENTS, '').replace(DROPPED_ELEMENTS, ' '));
}

/**
 * The text of the page's paragraphs (`<p>` elements of at least 40 characters, outside header, footer, nav
 * and aside): what two portals republishing the same article share, without their menus and footers. Falls back
 * to the body text when there are none.
 */
export function pageMainText(html: string): string {
  const cleaned = html.replace(COMMENTS, '').replace(DROPPED_ELEMENTS, ' ').replace(CHROME_ELEMENTS, ' ');
  const paragraphs: string[] = [];
  for (const m of cleaned.matchAll(/<p\b[^>]*>([\s\S]*?)<\/p\s*>/gi)) {
    const text = tagsToText(m[1] ?? '');
    if (text.length >= 40) paragraphs.push(text);
  }
  return paragraphs.length > 0 ? paragraphs.join('\n') : pageBodyText(html);
}

/** sha256 (hex) of {@link pageBodyText}: equal for pages that show the same text. */
export function contentHash(html: string): string {
  return createHash('sha256').update(pageBodyText(html)).digest('hex');
}
