/** What an element is, from its tag, class names, id and ARIA role (lexicon/class-roles.ts). */
import { ROLES } from './lexicon/index.js';

/** Bits in Scan.roles. */
export const Role = {
  ClutterStrong: 1,
  ClutterWeak: 2,
  Positive: 4,
  Title: 8,
  Lead: 16,
  Date: 32,
  Author: 64,
  Breadcrumb: 128,
  Caption: 256,
  Category: 512,
} as const;

/** ARIA landmarks that are page chrome. */
const LANDMARK_CLUTTER = new Set(['banner', 'navigation', 'contentinfo', 'complementary', 'search', 'menubar', 'menu']);
const roleCache = new Map<string, number>();

/** Role bits for one element (class/id part cached by the class+id string). */
export function classify(
  name: string,
  cls: string | undefined,
  id: string | undefined,
  aria: string | undefined = undefined,
): number {
  let bits = 0;
  if (name === 'nav' || name === 'aside' || name === 'footer') bits |= Role.ClutterWeak;
  if (aria !== undefined && LANDMARK_CLUTTER.has(aria.toLowerCase())) bits |= Role.ClutterWeak;
  if (name === 'figcaption') bits |= Role.Caption;
  if (name === 'article' || name === 'main') bits |= Role.Positive;
  if (!cls && !id) return bits;
  // Most elements have a class and no id: key by the class string itself, no concatenation.
  const key = id === undefined ? (cls as string) : `${cls ?? ''}#${id}`;
  let cached = roleCache.get(key);
  if (cached === undefined) {
    cached = 0;
    const tokens = `${cls ?? ''} ${id ?? ''}`.toLowerCase().split(/\s+/);
    for (const t of tokens) {
      if (!t) continue;
      const strong = ROLES.clutterStrong.test(t);
      const weak = ROLES.clutterWeak.test(t);
      if (strong) cached |= Role.ClutterStrong;
      if (weak) cached |= Role.ClutterWeak;
      if (!strong && !weak && ROLES.positive.test(t)) cached |= Role.Positive;
      if (ROLES.title.test(t)) cached |= Role.Title;
      if (ROLES.lead.test(t)) cached |= Role.Lead;
      if (ROLES.date.test(t)) cached |= Role.Date;
      if (ROLES.author.test(t)) cached |= Role.Author;
      if (ROLES.breadcrumb.test(t)) cached |= Role.Breadcrumb;
      if (ROLES.caption.test(t)) cached |= Role.Caption;
      if (ROLES.category.test(t)) cached |= Role.Category;
    }
    if (roleCache.size > 10_000) roleCache.clear();
    roleCache.set(key, cached);
  }
  return bits | cached;
}
