/** The lead (sapo): an element classed sapo / lead / summary / description … between the title and the body. */
import { Role, type Scan } from './scan.js';
import { normaliseSpace } from './text.js';

const MIN_LEAD = 40;
const MAX_LEAD = 1_200;

export interface LeadChoice {
  el: number;
  text: string;
}

export function chooseLead(scan: Scan, clutterOf: Int32Array, root: number, titleEl: number): LeadChoice | null {
  const rootEnd = root >= 0 ? scan.end[root]! : scan.els.length;
  let fallback: LeadChoice | null = null;
  const sorted = scan.roleEls;
  for (const el of sorted) {
    if ((scan.roles[el]! & Role.Lead) === 0 || clutterOf[el]! >= 0 || el >= rootEnd) continue;
    // A lead-classed wrapper around the whole article is not a lead.
    if (root >= 0 && el <= root && scan.end[el]! >= rootEnd) continue;
    const text = normaliseSpace(scan.roleTexts.get(el)!.replace(/\n+/g, ' '));
    if (text.length < MIN_LEAD || text.length > MAX_LEAD) continue;
    const choice = { el, text };
    if (titleEl < 0 || el > titleEl) return choice;
    fallback ??= choice;
  }
  return fallback && root >= 0 && fallback.el >= root ? fallback : null;
}
