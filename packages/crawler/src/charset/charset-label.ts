import iconv from 'iconv-lite';

/**
 * Maps a charset label from a header, a `<meta>` or a site entry to the name this package decodes with,
 * or null when nothing can decode it. Labels follow the WHATWG Encoding Standard where it matters
 * (iso-8859-1 and us-ascii mean windows-1252); TCVN3 (TCVN 5712:1993 "ABC") has many spellings.
 */
export function normalizeCharsetLabel(label: string | null | undefined): string | null {
  if (label === null || label === undefined) return null;
  const l = label
    .trim()
    .replace(/^["']|["']$/g, '')
    .toLowerCase();
  if (l === '') return null;
  switch (l) {
    case 'utf-8':
    case 'utf8':
    case 'unicode-1-1-utf-8':
    case 'unicode11utf8':
    case 'x-unicode20utf8':
      return 'utf-8';
    case 'windows-1258':
    case 'cp1258':
    case 'x-cp1258':
      return 'windows-1258';
    case 'tcvn':
    case 'tcvn3':
    case 'tcvn-3':
    case 'tcvn5712':
    case 'tcvn-5712':
    case 'tcvn5712-1':
    case 'tcvn5712-3':
    case 'vn3':
    case 'x-viet-tcvn5712':
    case 'abc':
      return 'tcvn3';
    case 'iso-8859-1':
    case 'iso8859-1':
    case 'latin1':
    case 'l1':
    case 'us-ascii':
    case 'ascii':
    case 'windows-1252':
    case 'cp1252':
    case 'x-cp1252':
      return 'windows-1252';
    case 'utf-16':
    case 'utf-16le':
      return 'utf-16le';
    case 'utf-16be':
      return 'utf-16be';
    default:
      return iconv.encodingExists(l) ? l : null;
  }
}

/** The charset parameter of a Content-Type header value, or null. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const m = /;\s*charset\s*=\s*("[^"]*"|'[^']*'|[^;\s]+)/i.exec(contentType);
  return m?.[1] ? m[1].replace(/^["']|["']$/g, '') : null;
}
