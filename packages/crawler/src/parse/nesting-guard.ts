/**
 * Bounds the nesting depth of a page before it reaches htmlparser2, whose open-element stack costs O(depth)
 * per tag (Array#unshift): 100,000 nested divs take tens of seconds there. One linear pass counts open
 * elements the way the parser will (void elements, elements with optional end tags and raw-text bodies are
 * skipped; a close tag pops to its match). Beyond MAX_NESTING, bare wrappers (a div, span, b, font … with
 * no attributes) are removed together with their close tags; tags that carry meaning — attributes (class,
 * id, style), headings, links, <time>, figures, tables, lists, emphasis — stay until HARD_MAX_NESTING,
 * beyond which every opening tag goes. Text is never removed. Pages within the limit come back as the same
 * string, untouched.
 */

export const MAX_NESTING = 400;
export const HARD_MAX_NESTING = 1_000;
const KEEP = new Set(
  'h1 h2 h3 h4 h5 h6 a time article main figure figcaption table ul ol dl blockquote pre em strong header footer nav aside'.split(
    ' ',
  ),
);
const rawCloseCache = new Map<string, RegExp>();

const VOID = new Set(
  'area base basefont bgsound br col command embed frame hr image img input keygen link meta param source track wbr'.split(
    ' ',
  ),
);
/** Closed implicitly by the parser, so they never pile up on its stack. */
const OPTIONAL_END = new Set(
  'html head body p li dt dd td th tr thead tbody tfoot colgroup caption option optgroup rt rp rb rtc'.split(' '),
);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noembed', 'noframes', 'iframe']);

function isNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === 58 || c === 95;
}

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/**
 * Below this many tags even a fully nested page costs htmlparser2 only a few milliseconds, so the guard
 * is skipped (counting "<" is far cheaper than the guard's pass).
 */
export const GUARD_MIN_TAGS = 3_000;

function fewTags(html: string, limit: number): boolean {
  if (html.length < limit * 3) return true; // every tag takes at least 3 characters
  let count = 0;
  for (let i = html.indexOf('<'); i >= 0; i = html.indexOf('<', i + 1)) if (++count >= limit) return false;
  return true;
}

export function capNesting(html: string, max = MAX_NESTING, hardMax = HARD_MAX_NESTING): string {
  if (fewTags(html, GUARD_MIN_TAGS)) return html;
  const n = html.length;
  const stack: string[] = [];
  const dropped = new Map<string, number>();
  const cuts: number[] = [];
  let i = 0;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0 || lt + 1 >= n) break;
    const c = html.charCodeAt(lt + 1);
    if (c === 33) {
      // <!-- comment --> or <!DOCTYPE …>
      const close = html.startsWith('<!--', lt) ? html.indexOf('-->', lt + 4) : html.indexOf('>', lt + 2);
      i = close < 0 ? n : close + (html.startsWith('<!--', lt) ? 3 : 1);
      continue;
    }
    const closing = c === 47;
    const start = closing ? lt + 2 : lt + 1;
    if (start >= n || !isLetter(html.charCodeAt(start))) {
      i = lt + 1;
      continue;
    }
    let j = start + 1;
    while (j < n && isNameChar(html.charCodeAt(j))) j++;
    const gt = html.indexOf('>', j);
    if (gt < 0) break;
    const name = html.slice(start, j).toLowerCase();
    const end = gt + 1;
    i = end;
    if (VOID.has(name) || OPTIONAL_END.has(name)) continue;
    if (closing) {
      const d = dropped.get(name) ?? 0;
      if (d > 0) {
        dropped.set(name, d - 1);
        cuts.push(lt, end);
      } else {
        const at = stack.lastIndexOf(name);
        if (at >= 0) stack.length = at;
      }
      continue;
    }
    if (RAW_TEXT.has(name)) {
      // Skip the raw-text body: "<div>" inside a script is not markup.
      let re = rawCloseCache.get(name);
      if (!re) {
        re = new RegExp(`</${name}\\s*>`, 'gi');
        rawCloseCache.set(name, re);
      }
      re.lastIndex = end;
      const m = re.exec(html);
      i = m ? m.index + m[0].length : n;
      continue;
    }
    if (html.charCodeAt(gt - 1) === 47) continue; // <x … />
    const bare = gt === j || /^\s*\/?$/.test(html.slice(j, gt));
    if (stack.length >= hardMax || (stack.length >= max && bare && !KEEP.has(name))) {
      dropped.set(name, (dropped.get(name) ?? 0) + 1);
      cuts.push(lt, end);
    } else stack.push(name);
  }
  if (cuts.length === 0) return html;
  const parts: string[] = [];
  let from = 0;
  for (let k = 0; k < cuts.length; k += 2) {
    parts.push(html.slice(from, cuts[k]));
    from = cuts[k + 1]!;
  }
  parts.push(html.slice(from));
  return parts.join('');
}
