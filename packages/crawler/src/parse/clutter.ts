/**
 * Page chrome: which elements are clutter (class/id roles, per-site `remove` selectors) and which text
 * blocks are chrome phrases ("Lượt xem: 2537 In bài viết", "Tin khác", "Từ khóa: …").
 */
import { PHRASES } from './lexicon/index.js';
import { Role, type Scan } from './scan.js';
import { fold } from './text.js';

/** Chrome lines are short ("Lượt xem: 2537 | In bài viết | Chia sẻ"); longer lines are prose. */
export const MAX_CHROME_LINE = 120;
/** Share of the page's text above which a clutter-looking element is taken to be the content after all. */
const PROTECT_SHARE = 0.5;

/**
 * For each element, the index of the outermost clutter element containing it (itself included), or -1.
 * `forced` elements (site `remove` selectors) are clutter whatever they hold. A class-marked element that
 * holds most of the page's prose (and is not a link list) is protected: some templates put "sidebar" or
 * "share" in the class of the element that wraps the article.
 */
export function computeClutter(scan: Scan, forced: ReadonlySet<number>): Int32Array {
  const n = scan.els.length;
  const self = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const name = scan.els[i]!.name;
    if (name === 'html' || name === 'body') continue;
    const r = scan.roles[i]!;
    if ((r & Role.ClutterStrong) !== 0 || ((r & Role.ClutterWeak) !== 0 && (r & Role.Positive) === 0)) self[i] = 1;
  }
  const protectedEls = new Set<number>();
  const clutterOf = new Int32Array(n);
  let total = 0;
  for (const b of scan.blocks) total += b.len;
  for (let round = 0; round < 4; round++) {
    for (let i = 0; i < n; i++) {
      const p = scan.parent[i]!;
      const inherited = p >= 0 ? clutterOf[p]! : -1;
      if (inherited >= 0) clutterOf[i] = inherited;
      else if (forced.has(i) || (self[i] === 1 && !protectedEls.has(i))) clutterOf[i] = i;
      else clutterOf[i] = -1;
    }
    if (total === 0) break;
    const textOf = new Map<number, { len: number; link: number }>();
    for (const b of scan.blocks) {
      if (b.owner < 0) continue;
      const c = clutterOf[b.owner]!;
      if (c < 0 || forced.has(c)) continue;
      const t = textOf.get(c) ?? { len: 0, link: 0 };
      t.len += b.len;
      t.link += b.len * b.linkDensity;
      textOf.set(c, t);
    }
    let changed = false;
    for (const [el, t] of textOf)
      if (t.len > total * PROTECT_SHARE && t.link < t.len * 0.5) {
        protectedEls.add(el);
        changed = true;
      }
    if (!changed) break;
  }
  return clutterOf;
}

/** Folded text without a trailing colon or dash, for whole-block comparisons. */
function foldedKey(text: string): string {
  return fold(text)
    .replace(/[\s:：\-–—>».]+$/u, '')
    .replace(/^[\s\-–—•»>]+/u, '')
    .trim();
}

/** "Tin khác", "Tin liên quan:", "BÌNH LUẬN" … : the article ends here. */
export function isCutOff(text: string): boolean {
  if (text.length > 40) return false;
  return PHRASES.cutOff.has(foldedKey(text));
}

/**
 * A line made only of chrome phrases, numbers and separators: "Lượt xem: 2537 | In bài viết".
 * `folded` is fold(line) when the caller already has it.
 */
export function isChromeLine(line: string, folded?: string): boolean {
  if (line.length > MAX_CHROME_LINE) return false;
  // Prose has commas between words; chrome lines are lists of labels ("In bài | Gửi email | Chia sẻ").
  if (line.includes(', ') && line.split(' ').length > 6) return false;
  const f = folded ?? fold(line);
  PHRASES.chrome.lastIndex = 0;
  if (!PHRASES.chrome.test(f)) return false;
  PHRASES.chrome.lastIndex = 0;
  const residue = f.replace(PHRASES.chrome, ' ').replace(/[^\p{L}]+/gu, '');
  // Single letters survive "Cỡ chữ A- A A+"; allow a few of them.
  return residue.length <= 3;
}

/** "Từ khóa: …", "Bài tiếp theo: …" (short lines only; a label is followed by a colon). */
export function isLabelLine(line: string, folded?: string): boolean {
  if (line.length > 250 || (!line.includes(':') && !line.includes('：'))) return false;
  return PHRASES.label.test((folded ?? fold(line)).trimStart());
}
