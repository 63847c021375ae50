/**
 * What a fetch expects back: `html` (article and listing pages), `xml` (sitemaps and feeds, also gzip files
 * and plain-text sitemaps), `text` (robots.txt and other text/*) or `any`.
 */
export type ContentKind = 'html' | 'xml' | 'text' | 'any';

const ACCEPT_HEADER: Record<ContentKind, string> = {
  html: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1',
  xml: 'application/xml,text/xml,application/rss+xml,application/atom+xml,*/*;q=0.1',
  text: 'text/plain,text/*;q=0.9,*/*;q=0.1',
  any: '*/*',
};

export function acceptHeader(kind: ContentKind): string {
  return ACCEPT_HEADER[kind];
}

/** The media type of a Content-Type value, lower-cased without parameters; null when missing. */
export function mediaType(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const t = contentType.split(';')[0]?.trim().toLowerCase();
  return t ? t : null;
}

/** Whether a response of this Content-Type can be used for `kind`. A missing Content-Type is accepted (sniffed). */
export function isAcceptableContentType(contentType: string | null | undefined, kind: ContentKind): boolean {
  const t = mediaType(contentType);
  if (t === null || kind === 'any') return true;
  switch (kind) {
    case 'html':
      return t === 'text/html' || t === 'application/xhtml+xml';
    case 'xml':
      return (
        t.includes('xml') ||
        t === 'text/plain' ||
        t === 'text/html' ||
        t === 'application/gzip' ||
        t === 'application/x-gzip' ||
        t === 'application/octet-stream'
      );
    case 'text':
      return t.startsWith('text/');
  }
}
