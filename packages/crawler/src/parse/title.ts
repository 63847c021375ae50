/**
 * Title: a heading on the page that agrees with og:title / JSON-LD headline / <title>, else og:title or
 * headline, else the first h1 or title-classed heading, else <title> — with the site-name part removed
 * ("Đoàn kiểm tra … - Cổng thông tin điện tử tỉnh Lai Châu" → "Đoàn kiểm tra …").
 */
import { isChromeLine } from './clutter.js';
import { Role, type Scan } from './scan.js';
import { fold, normaliseSpace } from './text.js';

export interface TitleChoice {
  title: string | null;
  /** Element whose text is the title (so the body can leave it out), or -1. */
  el: number;
}

const SEPARATORS = /(\s+[-–—:»]\s+|\s*\|\s*|\s+::\s+)/;
const SITE_WORDS =
  /^(?:cong\s+(?:thong\s+tin|ttdt|tt)|trang\s+(?:thong\s+tin|tin|chu)|bao\s|bao$|tap\s+chi|portal|website|web\s|dang\s+bo|dang\s+cong\s+san|ubnd|uy\s+ban|so\s|tinh\s+uy|huyen\s+uy|thanh\s+uy|hdnd|dai\s+phat\s+thanh|official|home|trang\s+chu|tin\s+tuc|news)/;

/** Removes leading/trailing parts of a <title> that name the site. */
export function stripSiteName(title: string, siteName: string | null, host: string | null): string {
  const t = normaliseSpace(title);
  // Capturing split: even indices are parts, odd indices the separators between them.
  const pieces = t.split(SEPARATORS);
  if (pieces.length < 3) return t;
  const site = siteName ? fold(normaliseSpace(siteName)) : null;
  const hostKey = host
    ? host
        .replace(/^www\./, '')
        .split('.')[0]!
        .replace(/[^a-z0-9]/g, '')
    : null;
  const isSite = (p: string): boolean => {
    const f = fold(p.trim());
    if (!f) return true;
    if (site && (f === site || site.includes(f) || f.includes(site))) return true;
    if (hostKey && hostKey.length >= 4 && f.replace(/[^a-z0-9]/g, '').includes(hostKey)) return true;
    return SITE_WORDS.test(f);
  };
  let from = 0;
  let to = pieces.length - 1;
  while (to - from >= 2 && isSite(pieces[to]!)) to -= 2;
  while (to - from >= 2 && isSite(pieces[from]!)) from += 2;
  return pieces
    .slice(from, to + 1)
    .join('')
    .trim();
}

const GENERIC_TITLE =
  /^(?:chi\s*tiet(?:\s*tin(?:\s*tuc)?)?|tin\s*tuc(?:\s*-\s*su\s*kien)?|trang\s*chu|home|news|print|ban\s*in|xem\s*tin)$/;

function same(a: string, b: string): boolean {
  return fold(a) === fold(b);
}

/** The heading agrees with a (folded) metadata title: equal, or the metadata title starts with / contains it. */
function agrees(heading: string, foldedMeta: string | null): boolean {
  if (!foldedMeta || heading.length < 10 || heading.length > foldedMeta.length) return false;
  const h = fold(heading);
  const m = foldedMeta;
  return m === h || m.startsWith(h) || m.endsWith(h) || (h.length >= 20 && m.includes(h));
}

export function chooseTitle(
  scan: Scan,
  clutterOf: Int32Array,
  meta: { og: string | null; headline: string | null; siteName: string | null; host: string | null },
  selectorTitle: { text: string; el: number } | null,
): TitleChoice {
  if (selectorTitle?.text) return { title: normaliseSpace(selectorTitle.text), el: selectorTitle.el };

  // Headings: h1–h3 blocks and elements classed as titles, outside clutter.
  const candidates: { text: string; el: number; h1: boolean; classed: boolean }[] = [];
  const seen = new Set<number>();
  for (const b of scan.blocks) {
    if (b.img || b.owner < 0 || clutterOf[b.owner]! >= 0) continue;
    if (b.heading >= 1 && b.heading <= 3 && b.len >= 4 && b.len <= 400 && b.linkDensity < 0.95) {
      const classed = (scan.roles[b.owner]! & Role.Title) !== 0;
      candidates.push({ text: normaliseSpace(b.text), el: b.owner, h1: b.heading === 1, classed });
      seen.add(b.owner);
    }
  }
  for (const [el, text] of scan.roleTexts) {
    if ((scan.roles[el]! & Role.Title) === 0 || clutterOf[el]! >= 0 || seen.has(el)) continue;
    const t = normaliseSpace(text);
    if (t.length >= 10 && t.length <= 400) candidates.push({ text: t, el, h1: false, classed: true });
  }
  candidates.sort((a, b) => a.el - b.el);

  // "In bài viết", "Chi tiết tin", "Tin tức": a <title> that names the page type, not the article.
  const rawDoc = scan.docTitle ? normaliseSpace(scan.docTitle) : null;
  const docTitle = rawDoc && !isChromeLine(rawDoc) && !GENERIC_TITLE.test(fold(rawDoc)) ? rawDoc : null;
  for (const source of [meta.og, meta.headline, docTitle]) {
    if (!source) continue;
    const folded = fold(normaliseSpace(source));
    const hit = candidates.find((c) => agrees(c.text, folded));
    if (hit) return { title: hit.text, el: hit.el };
  }
  const strip = (s: string): string => stripSiteName(s, meta.siteName, meta.host);
  if (meta.og) return { title: strip(meta.og), el: findEl(candidates, strip(meta.og)) };
  if (meta.headline) return { title: normaliseSpace(meta.headline), el: findEl(candidates, meta.headline) };
  const site = meta.siteName ? fold(meta.siteName) : null;
  const h1 = candidates.find((c) => c.h1 && c.text.length >= 15 && fold(c.text) !== site);
  if (h1) return { title: h1.text, el: h1.el };
  const classed = candidates.find((c) => c.classed && c.text.length >= 15);
  if (classed) return { title: classed.text, el: classed.el };
  if (docTitle) return { title: strip(docTitle), el: -1 };
  return { title: null, el: -1 };
}

function findEl(candidates: { text: string; el: number }[], title: string): number {
  return candidates.find((c) => same(c.text, title))?.el ?? -1;
}
