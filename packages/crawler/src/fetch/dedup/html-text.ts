/** Named references common on Vietnamese pages (Latin-1 letters used by old editors) and punctuation. */
const NAMED = new Map<string, string>([
  ['nbsp', '\u00a0'],
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
  ['ndash', '–'],
  ['mdash', '—'],
  ['hellip', '…'],
  ['lsquo', '‘'],
  ['rsquo', '’'],
  ['ldquo', '“'],
  ['rdquo', '”'],
  ['laquo', '«'],
  ['raquo', '»'],
  ['copy', '©'],
  ['deg', '°'],
  ['middot', '·'],
  ['bull', '•'],
]);
'Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml'
  .split(' ')
  .forEach((name, i) => {
    NAMED.set(name, String.fromCharCode(0xc0 + i));
  });

/** Elements whose content is not text. */
const RAW = new Map(
  ['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'textarea', 'title'].map((t) => [
    t,
    new RegExp(`</${t}\\s*>`, 'gi'),
  ]),
);
/** Elements that end a line of text. */
const BLOCK = new Set([
  'p',
  'div',
  'br',
  'li',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'tr',
  'td',
  'th',
  'table',
  'section',
  'article',
  'header',
  'footer',
  'nav',
  'aside',
  'main',
  'blockquote',
  'figure',
  'figcaption',
  'hr',
  'dd',
  'dt',
]);

function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0;
}

function isNameChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
}

/** The character of an entity reference at `i` (`&…;`), with the index after it, or null. */
function entityAt(html: string, i: number): [string, number] | null {
  const semi = html.indexOf(';', i + 2);
  if (semi < 0 || semi - i > 10) return null;
  const ref = html.slice(i + 1, semi);
  if (ref.charCodeAt(0) === 0x23) {
    const hex = ref.charCodeAt(1) === 0x78 || ref.charCodeAt(1) === 0x58;
    const digits = ref.slice(hex ? 2 : 1);
    if (!(hex ? /^[0-9a-f]+$/i : /^\d+$/).test(digits)) return null;
    const cp = Number.parseInt(digits, hex ? 16 : 10);
    return cp > 0 && cp <= 0x10ffff ? [String.fromCodePoint(cp), semi + 1] : null;
  }
  const named = NAMED.get(ref);
  return named === undefined ? null : [named, semi + 1];
}

/**
 * Visible text of an HTML fragment in one pass: tags dropped (block elements end a line), script/style and
 * other raw-text elements and comments skipped, entity references decoded, runs of whitespace collapsed to one
 * space (or one newline at a block boundary), trimmed, NFC. A regex-free scanner: linear in the input.
 */
export function htmlText(html: string, start = 0, end = html.length): string {
  const parts: string[] = [];
  let gap: '' | ' ' | '\n' = '';
  const flushGap = () => {
    if (gap !== '' && parts.length > 0) parts.push(gap);
    gap = '';
  };
  const space = (kind: ' ' | '\n') => {
    if (kind === '\n' || gap === '') gap = kind;
  };
  let i = start;
  while (i < end) {
    const c = html.charCodeAt(i);
    if (c === 0x3c /* < */) {
      if (html.startsWith('<!--', i)) {
        const close = html.indexOf('-->', i + 4);
        i = close < 0 ? end : close + 3;
        space(' ');
        continue;
      }
      let j = i + 1;
      const closing = html.charCodeAt(j) === 0x2f;
      if (closing) j++;
      const nameStart = j;
      while (j < end && isNameChar(html.charCodeAt(j))) j++;
      if (j === nameStart && !(html.charCodeAt(j) === 0x21 || html.charCodeAt(j) === 0x3f)) {
        // "<" that starts no tag is text.
        flushGap();
        parts.push('<');
        i++;
        continue;
      }
      const name = html.slice(nameStart, j).toLowerCase();
      const gt = html.indexOf('>', j);
      i = gt < 0 ? end : gt + 1;
      const raw = closing ? undefined : RAW.get(name);
      if (raw !== undefined) {
        raw.lastIndex = i;
        const m = raw.exec(html);
        i = m === null ? end : m.index + m[0].length;
      }
      space(BLOCK.has(name) ? '\n' : ' ');
      continue;
    }
    if (c === 0x26 /* & */) {
      const e = entityAt(html, i);
      if (e !== null) {
        if (e[0] === '\u00a0') space(' ');
        else {
          flushGap();
          parts.push(e[0]);
        }
        i = e[1];
        continue;
      }
    }
    if (isSpace(c)) {
      space(' ');
      i++;
      continue;
    }
    // A run of text, single spaces between words included: one slice per run, not one per word.
    let j = i + 1;
    while (j < end) {
      const d = html.charCodeAt(j);
      if (d === 0x3c || d === 0x26) break;
      if (d === 0x20) {
        const after = j + 1 < end ? html.charCodeAt(j + 1) : 0x3c;
        if (isSpace(after) || after === 0x3c || after === 0x26) break;
      } else if (isSpace(d)) break;
      j++;
    }
    flushGap();
    parts.push(html.slice(i, j));
    i = j;
  }
  return parts.join('').normalize('NFC');
}
