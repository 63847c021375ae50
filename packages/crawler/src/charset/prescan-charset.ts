/** How many leading bytes the `<meta charset>` prescan looks at (HTML Standard §13.2.3.2). */
export const PRESCAN_BYTES = 1024;

const META_TAG = /<meta\b[^>]*>/gi;
const ATTR = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g;
const XML_DECLARATION = /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([^"']+)["']/i;

export interface DeclaredCharset {
  label: string;
  source: 'meta' | 'xml-declaration';
}

/**
 * The charset declared inside the first {@link PRESCAN_BYTES} bytes: an XML declaration's `encoding`,
 * `<meta charset=…>` or `<meta http-equiv="Content-Type" content="…; charset=…">`. Comments are skipped.
 * Returns the label as written (normalise it with `normalizeCharsetLabel`).
 */
export function prescanDeclaredCharset(bytes: Uint8Array): DeclaredCharset | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, PRESCAN_BYTES)).toString(
    'latin1',
  );
  const xml = XML_DECLARATION.exec(head);
  if (xml?.[1]) return { label: xml[1], source: 'xml-declaration' };
  const text = head.replace(/<!--[\s\S]*?(-->|$)/g, '');
  for (const m of text.matchAll(META_TAG)) {
    const attrs = new Map<string, string>();
    for (const a of m[0].slice(5).matchAll(ATTR)) {
      const name = a[1]?.toLowerCase();
      if (name !== undefined && !attrs.has(name)) attrs.set(name, a[2] ?? a[3] ?? a[4] ?? '');
    }
    const charset = attrs.get('charset')?.trim();
    if (charset) return { label: charset, source: 'meta' };
    if (attrs.get('http-equiv')?.toLowerCase() === 'content-type') {
      const c = /charset\s*=\s*["']?([^"';\s]+)/i.exec(attrs.get('content') ?? '');
      if (c?.[1]) return { label: c[1], source: 'meta' };
    }
  }
  return null;
}
