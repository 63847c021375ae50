/** Breadcrumb / category: JSON-LD BreadcrumbList, else the page's breadcrumb element, else article:section. */
import { Role, type Scan } from './scan.js';
import { fold, normaliseSpace } from './text.js';

const HOME = /^(?:trang\s*chu|trang\s*nhat|trang\s*dau|home|homepage|trang\s*chinh)$/;
const CRUMB_SEPARATORS = /\s*(?:»|›|>|→|\/|\||::|\u00bb)\s*/u;
const MAX_ITEMS = 8;

function clean(items: string[], title: string | null): string[] {
  const titleKey = title ? fold(title) : null;
  const out: string[] = [];
  for (const raw of items) {
    const t = normaliseSpace(raw);
    if (t.length < 2 || t.length > 80 || !/\p{L}/u.test(t)) continue;
    const f = fold(t);
    if (HOME.test(f) || f === titleKey) continue;
    if (out.length > 0 && fold(out[out.length - 1]!) === f) continue;
    out.push(t);
    if (out.length >= MAX_ITEMS) break;
  }
  return out;
}

function fromElement(scan: Scan, el: number, title: string | null): string[] {
  const text = scan.roleTexts.get(el)!;
  if (!text.trim() || text.length > 600) return [];
  let parts = text.split('\n').flatMap((line) => line.split(CRUMB_SEPARATORS));
  const end = scan.end[el]!;
  const anchors = scan.anchors.filter((a) => a.el > el && a.el < end).map((a) => a.text);
  // Links side by side with no separator text ("<a>Chính trị</a> <a>Xây dựng Đảng</a>").
  if (anchors.length >= 2 && parts.filter((p) => p.trim()).length < anchors.length) parts = anchors;
  return clean(parts, title);
}

/** Where the breadcrumb may be taken from, besides breadcrumb-classed elements anywhere on the page. */
export interface CrumbScope {
  clutterOf: Int32Array;
  /** Category-classed elements count only from here (a little before the title) … */
  from: number;
  /** … to the end of the content. */
  to: number;
}

export function readBreadcrumb(
  scan: Scan,
  jsonLdItems: string[],
  title: string | null,
  section: string | null,
  scope: CrumbScope,
): string[] {
  if (jsonLdItems.length > 0) {
    const items = clean(jsonLdItems, title);
    if (items.length > 0) return items;
  }
  const sorted = scan.roleEls;
  for (const el of sorted) {
    if ((scan.roles[el]! & Role.Breadcrumb) === 0) continue;
    const items = fromElement(scan, el, title);
    if (items.length > 0) return items;
  }
  for (const el of sorted) {
    if ((scan.roles[el]! & Role.Category) === 0 || scope.clutterOf[el]! >= 0) continue;
    if (el < scope.from || el >= scope.to) continue;
    const items = fromElement(scan, el, title);
    if (items.length > 0 && items.length <= 4) return items;
  }
  if (section) return clean([section], title);
  // WordPress and similar: <a rel="category tag"> in the entry meta.
  const categories = scan.anchors.filter((a) => /\bcategory\b/i.test(a.rel)).map((a) => a.text);
  return clean(categories, title);
}
