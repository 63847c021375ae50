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

export function readBreadcrumb(
  scan: Scan,
  jsonLdItems: string[],
  title: string | null,
  section: string | null,
): string[] {
  if (jsonLdItems.length > 0) {
    const items = clean(jsonLdItems, title);
    if (items.length > 0) return items;
  }
  const sorted = [...scan.roleTexts.keys()].sort((a, b) => a - b);
  for (const el of sorted) {
    if ((scan.roles[el]! & Role.Breadcrumb) === 0) continue;
    const text = scan.roleTexts.get(el)!;
    if (!text.trim() || text.length > 600) continue;
    let parts = text.split('\n').flatMap((line) => line.split(CRUMB_SEPARATORS));
    if (parts.filter((p) => p.trim()).length < 2) {
      const end = scan.end[el]!;
      const anchors = scan.anchors.filter((a) => a.el > el && a.el < end).map((a) => a.text);
      if (anchors.length >= 2) parts = anchors;
    }
    const items = clean(parts, title);
    if (items.length > 0) return items;
  }
  if (section) return clean([section], title);
  // WordPress and similar: <a rel="category tag"> in the entry meta.
  const categories = scan.anchors.filter((a) => /\bcategory\b/i.test(a.rel)).map((a) => a.text);
  return clean(categories, title);
}
