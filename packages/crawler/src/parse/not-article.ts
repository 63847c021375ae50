/** Pages without an article: soft 404s (served with 200), listing pages, empty pages, non-HTML bodies. */
import type { Block, Scan } from './scan.js';
import { fold, normaliseSpace } from './text.js';

const NOT_FOUND = [
  /khong\s+tim\s+thay\s+(?:trang|noi\s*dung|bai\s*viet|du\s*lieu|tin)/,
  /trang\s+(?:ban\s+)?(?:tim|yeu\s+cau|truy\s+cap)\S*\s+(?:\S+\s+){0,3}khong\s+ton\s+tai/,
  /(?:trang|bai\s*viet|noi\s*dung|tin\s*bai|duong\s*dan)\s+(?:nay\s+)?(?:khong\s+ton\s+tai|da\s+bi\s+(?:xoa|go))/,
  /khong\s+ton\s+tai\s+hoac\s+da\s+bi/,
  /\bpage\s+not\s+found\b/,
  /\bnot\s+found\b/,
  /\b(?:loi|error)\s*404\b/,
  /^404\b|\b404$/,
  /\b404\s*[-–:|]/,
];

/** The phrase that marks a soft 404, or null. Headings are checked whole; body text only when short. */
/** Something a not-found message would contain, checked before the folded patterns. */
const MAYBE_NOT_FOUND = /404|kh[oô]ng|not\s+found|t[oồ]n\s+t[aạ]i|x[oó]a|g[oỡ]|error|l[oỗ]i/i;

export function notFoundSignal(texts: (string | null)[]): string | null {
  for (const t of texts) {
    if (!t || !MAYBE_NOT_FOUND.test(t)) continue;
    const n = normaliseSpace(t);
    const f = fold(n);
    for (const re of NOT_FOUND) {
      const m = re.exec(f);
      if (m) return n.slice(m.index, m.index + m[0].length);
    }
  }
  return null;
}

/** Not HTML at all: a PDF, JSON, binary garbage, plain text without a single tag. */
export function notHtmlReason(html: string): string | null {
  const head = html.slice(0, 1024);
  const trimmed = head.trimStart();
  if (trimmed.startsWith('%PDF')) return 'the body is a PDF document';
  if (/^[{[]\s*["{[\]}]/.test(trimmed)) return 'the body is JSON';
  const bad = head.match(/[\u0000\ufffd]/g)?.length ?? 0;
  if (bad > 8) return `the body looks binary (${bad} NUL or replacement characters in the first 1 KB)`;
  if (!/<[a-zA-Z!?/]/.test(head)) return 'no HTML tag in the first 1 KB';
  return null;
}

/** A block that is one link with a headline-length text: an item of a list of articles. */
export function isHeadlineLink(b: Block): boolean {
  return !b.img && b.linkDensity >= 0.6 && b.len >= 20 && b.len <= 300;
}

const LISTING_MIN_LINKS = 5;
/** Share of all headline links that the list container must hold. */
const LISTING_CONTAINER_SHARE = 0.7;
/** Body characters per headline link below which the page is the list rather than an article beside it. */
const LISTING_CHARS_PER_LINK = 40;

/**
 * A listing page: the element holding most of the page's headline links (outside clutter) contains the chosen
 * content root, or sits inside it, or the root is itself an item (a featured story whose heading is a link),
 * and the body text is small against the number of links. An article with a sidebar of links is not a
 * listing: its root lies outside the sidebar and its title is not a link.
 */
export function listingSignal(scan: Scan, clutterOf: Int32Array, root: number, bodyChars: number): string | null {
  const n = scan.els.length;
  const hl = new Int32Array(n);
  let total = 0;
  for (const b of scan.blocks) {
    if (b.owner < 0 || clutterOf[b.owner]! >= 0 || !isHeadlineLink(b)) continue;
    hl[b.owner]!++;
    total++;
  }
  if (total < LISTING_MIN_LINKS) return null;
  for (let i = n - 1; i >= 0; i--) {
    const p = scan.parent[i]!;
    if (p >= 0) hl[p]! += hl[i]!;
  }
  const threshold = Math.max(LISTING_MIN_LINKS, LISTING_CONTAINER_SHARE * total);
  let list = -1;
  for (let i = 0; i < n; i++) if (hl[i]! >= threshold) list = i;
  const links = list >= 0 ? hl[list]! : total;
  if (links < LISTING_MIN_LINKS) return null;
  const rootInList = list < 0 || (root >= list && root < scan.end[list]!);
  const listInRoot = root < 0 || (list >= root && list < scan.end[root]!);
  // A featured story beside the list: the root (or its item wrapper, up to 3 levels up) has a heading that
  // links to another page — one or two headline links, not a list of them.
  let rootIsItem = false;
  for (let i = root, k = 0; i >= 0 && k <= 3 && !rootIsItem; i = scan.parent[i]!, k++)
    rootIsItem = hl[i]! > 0 && hl[i]! <= 2;
  if (!rootInList && !listInRoot && !rootIsItem) return null;
  if (bodyChars >= LISTING_CHARS_PER_LINK * links) return null;
  return `${links} headline links in one list and ${bodyChars} characters of body text`;
}
