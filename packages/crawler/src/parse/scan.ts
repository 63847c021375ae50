/**
 * One iterative pass over the DOM (no recursion, so 5,000 nested divs are fine) that flattens the page into
 * elements in document order and text blocks, and collects the metadata the other stages need.
 */
import { type DomNode, type LoadedDom, loadDom } from './dom.js';
import { ROLES } from './lexicon/index.js';
import { normaliseLines } from './text.js';

/** Bits in Scan.roles, from tag names, class names and ids. */
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

/** A run of inline text inside one block-level element (or an image). */
export interface Block {
  /** Index (in Scan.els) of the innermost block-level element holding the text; -1 for the document. */
  owner: number;
  img: boolean;
  /** An image too small to carry a caption (icons, bullets). */
  icon: boolean;
  /** Normalised text; lines separated by "\n", an empty line where the page had a paragraph break. */
  text: string;
  len: number;
  linkDensity: number;
  emRatio: number;
  strongRatio: number;
  /** 1–6 inside h1–h6, else 0. */
  heading: number;
  align: 'center' | 'right' | null;
  commas: number;
}

export interface Scan {
  dom: LoadedDom;
  /** Elements in document (pre-)order. */
  els: DomNode[];
  parent: number[];
  /** Exclusive end of each element's subtree in `els`. */
  end: number[];
  roles: number[];
  blocks: Block[];
  /** <meta> content by lower-cased property / name / itemprop / http-equiv; the first one wins. */
  metas: Map<string, string>;
  canonical: string | null;
  ldJson: string[];
  docTitle: string | null;
  htmlLang: string | null;
  times: { el: number; datetime: string | null; text: string }[];
  itemprops: { el: number; prop: string; value: string }[];
  anchors: { el: number; href: string; rel: string; text: string }[];
  /** Text of elements with a Title, Lead, Date, Author, Breadcrumb or Caption role. */
  roleTexts: Map<number, string>;
}

const BLOCK = new Set(
  'address article aside blockquote body center dd details dialog div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup html li main nav ol p pre section summary table tbody td tfoot th thead tr ul caption'.split(
    ' ',
  ),
);
const SKIP = new Set(
  'style noscript template svg math iframe object embed select option textarea button canvas audio video map frameset frame input applet'.split(
    ' ',
  ),
);
/** Block owners inside which a single <br> is a line break within the paragraph. */
const BR_INLINE_OWNERS = new Set('p li h1 h2 h3 h4 h5 h6 dd dt figcaption caption blockquote th'.split(' '));
const CAPTURE_ROLES = Role.Title | Role.Lead | Role.Date | Role.Author | Role.Breadcrumb | Role.Caption | Role.Category;
const CAPTURE_LIMIT = 5_000;
const ITEMPROPS = new Set(['datepublished', 'datemodified', 'datecreated', 'author', 'headline']);

const roleCache = new Map<string, number>();
/** ARIA landmarks that are page chrome. */
const LANDMARK_CLUTTER = new Set(['banner', 'navigation', 'contentinfo', 'complementary', 'search', 'menubar', 'menu']);

/** Role bits for one element from its tag, class tokens and id (cached by the class+id string). */
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
  const key = `${cls ?? ''}#${id ?? ''}`;
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

const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;
const ITALIC_STYLE = /font-style\s*:\s*italic/i;
const BOLD_STYLE = /font-weight\s*:\s*(?:bold|[6-9]00)/i;
const ALIGN_STYLE = /text-align\s*:\s*(center|right)/i;

function isHidden(name: string, a: Record<string, string>): boolean {
  if (name === 'html' || name === 'body' || name === 'main') return false;
  if (a['hidden'] !== undefined || a['aria-hidden'] === 'true') return true;
  const style = a['style'];
  return style !== undefined && HIDDEN_STYLE.test(style);
}

function alignOf(a: Record<string, string> | undefined): 'center' | 'right' | null {
  if (!a) return null;
  const al = (a['align'] ?? '').toLowerCase();
  if (al === 'center' || al === 'right') return al;
  const m = ALIGN_STYLE.exec(a['style'] ?? '');
  return m ? (m[1]!.toLowerCase() as 'center' | 'right') : null;
}

/** Icons, bullets and logos: too small to be an article photo with a caption. */
function smallImage(a: Record<string, string>): boolean {
  const w = Number.parseInt(a['width'] ?? '', 10);
  const h = Number.parseInt(a['height'] ?? '', 10);
  return (Number.isFinite(w) && w < 150) || (Number.isFinite(h) && h < 100);
}

interface Frame {
  node: DomNode;
  i: number;
  idx: number;
  /** What to undo on exit (bits of EXIT_*). */
  exit: number;
  heading: number;
}
const EXIT_BLOCK = 1;
const EXIT_LINK = 2;
const EXIT_EM = 4;
const EXIT_STRONG = 8;
const EXIT_CAPTURE = 16;

interface ActiveCapture {
  el: number;
  kind: 'a' | 'time' | 'role' | 'itemprop';
  text: string;
}

export function scanHtml(html: string): Scan {
  const dom = loadDom(html);
  const els: DomNode[] = [];
  const parent: number[] = [];
  const end: number[] = [];
  const roles: number[] = [];
  const blocks: Block[] = [];
  const metas = new Map<string, string>();
  const ldJson: string[] = [];
  const times: Scan['times'] = [];
  const itemprops: Scan['itemprops'] = [];
  const anchors: Scan['anchors'] = [];
  const roleTexts = new Map<number, string>();
  let canonical: string | null = null;
  let docTitle: string | null = null;
  let htmlLang: string | null = null;

  let buf = '';
  let raw = 0;
  let linkRaw = 0;
  let emRaw = 0;
  let strongRaw = 0;
  let linkDepth = 0;
  let emDepth = 0;
  let strongDepth = 0;
  let heading = 0;
  const blockStack: number[] = [];
  const captures: ActiveCapture[] = [];

  const ownerIdx = (): number => (blockStack.length > 0 ? blockStack[blockStack.length - 1]! : -1);

  const flush = (): void => {
    for (const c of captures) if (c.text.length < CAPTURE_LIMIT) c.text += '\n';
    if (buf.length === 0) return;
    const text = normaliseLines(buf);
    if (text.length > 0 && raw > 0) {
      const owner = ownerIdx();
      const len = text.length;
      let commas = 0;
      for (let i = 0; i < len; i++) if (text.charCodeAt(i) === 44) commas++;
      blocks.push({
        owner,
        img: false,
        icon: false,
        text,
        len,
        linkDensity: Math.min(1, linkRaw / raw),
        emRatio: Math.min(1, emRaw / raw),
        strongRatio: Math.min(1, strongRaw / raw),
        heading,
        align: owner >= 0 ? alignOf(els[owner]!.attribs) : null,
        commas,
      });
    }
    buf = '';
    raw = linkRaw = emRaw = strongRaw = 0;
  };

  const appendText = (data: string): void => {
    buf += data;
    // Count visible characters only: indentation between tags must not dilute link density.
    const visible = data.trim().length;
    if (visible > 0) {
      raw += visible;
      if (linkDepth > 0) linkRaw += visible;
      if (emDepth > 0) emRaw += visible;
      if (strongDepth > 0) strongRaw += visible;
    }
    for (const c of captures) if (c.text.length < CAPTURE_LIMIT) c.text += data;
  };

  const stack: Frame[] = [{ node: dom.root, i: 0, idx: -1, exit: 0, heading: 0 }];
  while (stack.length > 0) {
    const f = stack[stack.length - 1]!;
    const kids = f.node.children;
    if (kids !== undefined && f.i < kids.length) {
      const c = kids[f.i++]!;
      const type = c.type;
      if (type === 'text') {
        appendText(c.data ?? '');
        continue;
      }
      if (type !== 'tag' && type !== 'script' && type !== 'style') continue;
      const name = c.name ?? '';
      const a = c.attribs ?? {};
      switch (name) {
        case 'meta': {
          const key = (a['property'] ?? a['name'] ?? a['itemprop'] ?? a['http-equiv'] ?? '').toLowerCase().trim();
          const content = a['content'];
          if (key && content !== undefined && !metas.has(key)) metas.set(key, content);
          const ip = (a['itemprop'] ?? '').toLowerCase();
          if (ip && ITEMPROPS.has(ip) && content) itemprops.push({ el: els.length, prop: ip, value: content });
          continue;
        }
        case 'link': {
          const rel = (a['rel'] ?? '').toLowerCase().split(/\s+/);
          if (canonical === null && rel.includes('canonical') && a['href']) canonical = a['href'];
          continue;
        }
        case 'title': {
          if (docTitle === null) {
            let t = '';
            for (const k of c.children ?? []) if (k.type === 'text') t += k.data ?? '';
            docTitle = t;
          }
          continue;
        }
        case 'script': {
          if ((a['type'] ?? '').toLowerCase().includes('ld+json')) {
            let t = '';
            for (const k of c.children ?? []) if (k.type === 'text') t += k.data ?? '';
            ldJson.push(t);
          }
          continue;
        }
        case 'br': {
          const o = ownerIdx();
          if (o >= 0 && BR_INLINE_OWNERS.has(els[o]!.name ?? '')) appendText('\n');
          else flush();
          continue;
        }
        case 'img': {
          flush();
          blocks.push({
            owner: ownerIdx(),
            img: true,
            icon: smallImage(a),
            text: '',
            len: 0,
            linkDensity: linkDepth > 0 ? 1 : 0,
            emRatio: 0,
            strongRatio: 0,
            heading,
            align: null,
            commas: 0,
          });
          continue;
        }
        case 'hr':
          flush();
          continue;
      }
      if (SKIP.has(name) || type !== 'tag' || isHidden(name, a)) continue;

      const idx = els.length;
      els.push(c);
      parent.push(f.idx);
      end.push(idx + 1);
      const role = classify(name, a['class'], a['id'], a['role']);
      roles.push(role);
      if (name === 'html' && htmlLang === null && a['lang']) htmlLang = a['lang'];

      let exit = 0;
      let h = f.heading;
      if (BLOCK.has(name)) {
        flush();
        blockStack.push(idx);
        exit |= EXIT_BLOCK;
        if (name.length === 2 && name[0] === 'h' && name[1]! >= '1' && name[1]! <= '6') {
          h = name.charCodeAt(1) - 48;
        }
      }
      heading = h;
      if (name === 'a') {
        linkDepth++;
        exit |= EXIT_LINK;
        if (a['href'] !== undefined) {
          captures.push({ el: idx, kind: 'a', text: '' });
          exit |= EXIT_CAPTURE;
        }
      } else if (name === 'time') {
        captures.push({ el: idx, kind: 'time', text: '' });
        exit |= EXIT_CAPTURE;
      } else if ((role & CAPTURE_ROLES) !== 0) {
        captures.push({ el: idx, kind: 'role', text: '' });
        exit |= EXIT_CAPTURE;
      } else if (a['itemprop'] !== undefined && ITEMPROPS.has(a['itemprop'].toLowerCase())) {
        const value = a['content'] ?? a['datetime'];
        if (value) itemprops.push({ el: idx, prop: a['itemprop'].toLowerCase(), value });
        else {
          captures.push({ el: idx, kind: 'itemprop', text: '' });
          exit |= EXIT_CAPTURE;
        }
      }
      const style = a['style'];
      if (name === 'em' || name === 'i' || (style !== undefined && ITALIC_STYLE.test(style))) {
        emDepth++;
        exit |= EXIT_EM;
      }
      if (name === 'strong' || name === 'b' || (style !== undefined && BOLD_STYLE.test(style))) {
        strongDepth++;
        exit |= EXIT_STRONG;
      }
      stack.push({ node: c, i: 0, idx, exit, heading: h });
      continue;
    }

    // Leaving f.
    stack.pop();
    if (f.idx < 0) continue;
    end[f.idx] = els.length;
    const ex = f.exit;
    if (ex & EXIT_BLOCK) {
      flush();
      blockStack.pop();
    }
    if (ex & EXIT_LINK) linkDepth--;
    if (ex & EXIT_EM) emDepth--;
    if (ex & EXIT_STRONG) strongDepth--;
    if (ex & EXIT_CAPTURE) {
      const cap = captures.pop()!;
      const node = els[cap.el]!;
      const a = node.attribs ?? {};
      if (cap.kind === 'a')
        anchors.push({ el: cap.el, href: a['href'] ?? '', rel: a['rel'] ?? '', text: normaliseLines(cap.text) });
      else if (cap.kind === 'time') times.push({ el: cap.el, datetime: a['datetime'] ?? null, text: cap.text });
      else if (cap.kind === 'itemprop')
        itemprops.push({ el: cap.el, prop: (a['itemprop'] ?? '').toLowerCase(), value: cap.text });
      else roleTexts.set(cap.el, normaliseLines(cap.text));
      // A capture inside another one also feeds the outer one (text was appended to both already).
    }
    const parentFrame = stack[stack.length - 1];
    heading = parentFrame ? parentFrame.heading : 0;
  }
  flush();

  return {
    dom,
    els,
    parent,
    end,
    roles,
    blocks,
    metas,
    canonical,
    ldJson,
    docTitle,
    htmlLang,
    times,
    itemprops,
    anchors,
    roleTexts,
  };
}
