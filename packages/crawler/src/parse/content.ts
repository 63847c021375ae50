/**
 * Main-content choice: every text block votes for the elements that contain it, with a weight that rewards
 * prose (length, commas) and punishes links and tiny fragments; the element with the highest total wins.
 *
 * Readability scores paragraphs and propagates to parent and grandparent only, then merges siblings; here the
 * vote goes to every ancestor (one reverse pass over the flattened tree, O(n)), so the winner is the smallest
 * element that holds the prose and not the menus, link lists and counters around it — whatever the nesting
 * depth of a portal template (Liferay and SharePoint wrap the body in 10–20 layout divs).
 */
import type { Block, Scan } from './scan.js';
import { Role } from './scan.js';

/** Per-block cost: menus and labels are many tiny blocks, so each block pays a little. */
const BLOCK_COST = 15;
const LINK_PENALTY = 2;
const COMMA_BONUS = 5;

export function blockWeight(b: Block): number {
  if (b.img) return 0;
  const link = b.len * b.linkDensity;
  const prose = b.len - link;
  return prose - LINK_PENALTY * link - BLOCK_COST + COMMA_BONUS * b.commas;
}

export interface ContentChoice {
  /** Element index of the content root, or -1 for the whole document. */
  root: number;
  score: number;
}

export function chooseContent(scan: Scan, clutterOf: Int32Array): ContentChoice {
  const n = scan.els.length;
  const total = new Float64Array(n);
  let docTotal = 0;
  for (const b of scan.blocks) {
    if (b.owner >= 0 && clutterOf[b.owner]! >= 0) continue;
    const w = blockWeight(b);
    if (b.owner >= 0) total[b.owner]! += w;
    docTotal += w;
  }
  for (let i = n - 1; i >= 0; i--) {
    const p = scan.parent[i]!;
    if (p >= 0) total[p]! += total[i]!;
  }
  let root = -1;
  let best = docTotal;
  for (let i = 0; i < n; i++) {
    if (clutterOf[i]! >= 0) continue;
    // A small nudge for elements that call themselves content, so that ties go to them.
    const s = (scan.roles[i]! & Role.Positive) !== 0 ? total[i]! * 1.02 : total[i]!;
    // ">=": of equal totals the deeper element wins (it holds the same prose and less else).
    if (s >= best) {
      best = s;
      root = i;
    }
  }
  return { root, score: best };
}

/** Index range [from, to) of blocks inside the root element (blocks are in document order). */
export function blockRange(scan: Scan, root: number): [number, number] {
  if (root < 0) return [0, scan.blocks.length];
  const stop = scan.end[root]!;
  let from = -1;
  let to = -1;
  scan.blocks.forEach((b, i) => {
    if (b.owner >= root && b.owner < stop) {
      if (from < 0) from = i;
      to = i + 1;
    }
  });
  return from < 0 ? [0, 0] : [from, to];
}
