/**
 * One pass over the page that flattens it into elements in document order and text blocks, and collects the
 * metadata the other stages need. The Scanner consumes open/text/close events: by default straight from
 * htmlparser2's streaming parser (no DOM is built), or from a walk over a cheerio DOM when per-site CSS
 * selectors need one. Neither path recurses, so 5,000 nested divs are fine.
 */
import { Parser } from 'htmlparser2';
import { Block } from './block.js';
import type { DomNode, LoadedDom } from './dom.js';
import { type ScanEvents, walkDom } from './dom-walk.js';
import { classify, Role } from './roles.js';
import { normaliseLines } from './text.js';

export { Block } from './block.js';
export { classify, Role } from './roles.js';

export interface Scan {
  /** The DOM, when the page was scanned with `{ dom: true }` (per-site selectors); else null. */
  dom: LoadedDom | null;
  /** Elements in document (pre-)order: the DOM nodes, or { name, attribs } records without a DOM. */
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
  /** Links with their raw (not normalised) text. */
  anchors: { el: number; href: string; rel: string; text: string }[];
  /** Text of elements with a Title, Lead, Date, Author, Breadcrumb, Caption or Category role. */
  roleTexts: Map<number, string>;
  /** The keys of roleTexts in document order. */
  roleEls: number[];
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
/** Inline elements classed as title, date, author, lead, caption or breadcrumb are kept as blocks of their own. */
const OWN_BLOCK_ROLES = Role.Title | Role.Lead | Role.Date | Role.Author | Role.Breadcrumb | Role.Caption;
const ITEMPROPS = new Set(['datepublished', 'datemodified', 'datecreated', 'author', 'headline']);

const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;
const ITALIC_STYLE = /font-style\s*:\s*italic/i;
const BOLD_STYLE = /font-weight\s*:\s*(?:bold|[6-9]00)/i;

function isHidden(name: string, a: Record<string, string>): boolean {
  if (name === 'html' || name === 'body' || name === 'main') return false;
  if (a['hidden'] !== undefined || a['aria-hidden'] === 'true') return true;
  const style = a['style'];
  return style !== undefined && HIDDEN_STYLE.test(style);
}

/** Icons, bullets and logos: too small to be an article photo with a caption. */
function smallImage(a: Record<string, string>): boolean {
  const w = Number.parseInt(a['width'] ?? '', 10);
  const h = Number.parseInt(a['height'] ?? '', 10);
  return (Number.isFinite(w) && w < 150) || (Number.isFinite(h) && h < 100);
}

enum Kind {
  Element = 0,
  Skip = 1,
  Noop = 2,
  Title = 3,
  LdJson = 4,
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

class Scanner implements ScanEvents {
  /** DOM nodes to leave out entirely (per-site `remove` selectors). */
  constructor(private readonly skipNodes: ReadonlySet<DomNode> | null = null) {}

  readonly els: DomNode[] = [];
  readonly parent: number[] = [];
  readonly end: number[] = [];
  readonly roles: number[] = [];
  readonly blocks: Block[] = [];
  readonly metas = new Map<string, string>();
  readonly ldJson: string[] = [];
  readonly times: Scan['times'] = [];
  readonly itemprops: Scan['itemprops'] = [];
  readonly anchors: Scan['anchors'] = [];
  readonly roleTexts = new Map<number, string>();
  canonical: string | null = null;
  docTitle: string | null = null;
  htmlLang: string | null = null;

  private buf = '';
  private raw = 0;
  private linkRaw = 0;
  private emRaw = 0;
  private strongRaw = 0;
  private linkDepth = 0;
  private emDepth = 0;
  private strongDepth = 0;
  private heading = 0;
  private skipDepth = 0;
  private rawText = '';
  private readonly blockStack: number[] = [];
  private readonly captures: ActiveCapture[] = [];
  // Open frames as parallel arrays (one entry per open element; no object per element).
  private readonly fKind: Kind[] = [];
  private readonly fIdx: number[] = [];
  private readonly fExit: number[] = [];
  private readonly fHeading: number[] = [];
  /** Element index of the innermost open element. */
  private readonly open_: number[] = [];

  private owner(): number {
    return this.blockStack.length > 0 ? this.blockStack[this.blockStack.length - 1]! : -1;
  }

  private push(kind: Kind, idx = -1, exit = 0, heading = this.heading): void {
    this.fKind.push(kind);
    this.fIdx.push(idx);
    this.fExit.push(exit);
    this.fHeading.push(heading);
  }

  private flush(): void {
    for (const c of this.captures) if (c.text.length < CAPTURE_LIMIT) c.text += '\n';
    const buf = this.buf;
    if (buf.length === 0) return;
    const raw = this.raw;
    if (raw > 0) {
      const owner = this.owner();
      let commas = 0;
      for (let i = buf.indexOf(','); i >= 0; i = buf.indexOf(',', i + 1)) commas++;
      this.blocks.push(
        new Block(
          owner,
          false,
          false,
          buf,
          raw,
          Math.min(1, this.linkRaw / raw),
          Math.min(1, this.emRaw / raw),
          Math.min(1, this.strongRaw / raw),
          this.heading,
          owner >= 0 ? (this.els[owner]!.attribs ?? null) : null,
          commas,
        ),
      );
    }
    this.buf = '';
    this.raw = this.linkRaw = this.emRaw = this.strongRaw = 0;
  }

  /** A line break inside the paragraph (<br> in a p, li, heading …). */
  private appendBreak(): void {
    this.buf += '\n';
    for (const c of this.captures) if (c.text.length < CAPTURE_LIMIT) c.text += '\n';
  }

  private appendText(text: string): void {
    // Count visible characters only: indentation between tags must not dilute link density.
    let s = 0;
    let e = text.length;
    while (s < e && text.charCodeAt(s) <= 32) s++;
    while (e > s && text.charCodeAt(e - 1) <= 32) e--;
    const visible = e - s;
    if (visible === 0) {
      // Indentation between tags: one space keeps neighbouring words apart.
      if (this.buf.length > 0) this.buf += ' ';
      for (const c of this.captures) if (c.text.length < CAPTURE_LIMIT) c.text += ' ';
      return;
    }
    // A newline in the source is white space; only <br> and block boundaries break lines.
    const data = text.includes('\n') || text.includes('\r') ? text.replace(/[\r\n]+/g, ' ') : text;
    this.buf += data;
    if (visible > 0) {
      this.raw += visible;
      if (this.linkDepth > 0) this.linkRaw += visible;
      if (this.emDepth > 0) this.emRaw += visible;
      if (this.strongDepth > 0) this.strongRaw += visible;
    }
    for (const c of this.captures) if (c.text.length < CAPTURE_LIMIT) c.text += data;
  }

  open(name: string, a: Record<string, string>, node: DomNode | null): boolean {
    if (this.skipDepth > 0) {
      this.skipDepth++;
      this.push(Kind.Skip);
      return false;
    }
    switch (name) {
      case 'meta': {
        const key = (a['property'] ?? a['name'] ?? a['itemprop'] ?? a['http-equiv'] ?? '').toLowerCase().trim();
        const content = a['content'];
        if (key && content !== undefined && !this.metas.has(key)) this.metas.set(key, content);
        const ip = (a['itemprop'] ?? '').toLowerCase();
        if (ip && ITEMPROPS.has(ip) && content) this.itemprops.push({ el: this.els.length, prop: ip, value: content });
        this.push(Kind.Noop);
        return false;
      }
      case 'link': {
        if (this.canonical === null && a['href'] && (a['rel'] ?? '').toLowerCase().split(/\s+/).includes('canonical'))
          this.canonical = a['href'];
        this.push(Kind.Noop);
        return false;
      }
      case 'title':
      case 'script': {
        const wanted = name === 'title' ? this.docTitle === null : (a['type'] ?? '').toLowerCase().includes('ld+json');
        if (wanted) {
          this.rawText = '';
          this.push(name === 'title' ? Kind.Title : Kind.LdJson);
          return true;
        }
        this.skipDepth++;
        this.push(Kind.Skip);
        return false;
      }
      case 'br': {
        const o = this.owner();
        if (o >= 0 && BR_INLINE_OWNERS.has(this.els[o]!.name ?? '')) this.appendBreak();
        else this.flush();
        this.push(Kind.Noop);
        return false;
      }
      case 'img': {
        this.flush();
        const b = new Block(
          this.owner(),
          true,
          smallImage(a),
          '',
          0,
          this.linkDepth > 0 ? 1 : 0,
          0,
          0,
          this.heading,
          null,
          0,
        );
        this.blocks.push(b);
        this.push(Kind.Noop);
        return false;
      }
      case 'hr':
        this.flush();
        this.push(Kind.Noop);
        return false;
    }
    // Most elements carry no attributes; reading several missing keys of htmlparser2's attribute objects
    // (all of different shapes) is the costly part of this method.
    let hasAttrs = false;
    for (const _ in a) {
      hasAttrs = true;
      break;
    }
    if (SKIP.has(name) || (hasAttrs && isHidden(name, a)) || (node !== null && this.skipNodes?.has(node))) {
      this.skipDepth++;
      this.push(Kind.Skip);
      return false;
    }

    const idx = this.els.length;
    this.els.push(node ?? { type: 'tag', name, attribs: a });
    this.parent.push(this.open_.length > 0 ? this.open_[this.open_.length - 1]! : -1);
    this.end.push(idx + 1);
    this.open_.push(idx);
    const role = hasAttrs ? classify(name, a['class'], a['id'], a['role']) : classify(name, undefined, undefined);
    this.roles.push(role);
    if (name === 'html' && this.htmlLang === null && a['lang']) this.htmlLang = a['lang'];

    let exit = 0;
    if (BLOCK.has(name) || ((role & OWN_BLOCK_ROLES) !== 0 && name !== 'a')) {
      this.flush();
      this.blockStack.push(idx);
      exit |= EXIT_BLOCK;
      if (name.length === 2 && name[0] === 'h' && name[1]! >= '1' && name[1]! <= '6')
        this.heading = name.charCodeAt(1) - 48;
    }
    if (name === 'a') {
      this.linkDepth++;
      exit |= EXIT_LINK;
      if (a['href'] !== undefined) {
        this.captures.push({ el: idx, kind: 'a', text: '' });
        exit |= EXIT_CAPTURE;
      }
    } else if (name === 'time') {
      this.captures.push({ el: idx, kind: 'time', text: '' });
      exit |= EXIT_CAPTURE;
      // <time itemprop="datePublished" datetime="…">: microdata, which ranks with the meta tags.
      const ip = hasAttrs ? a['itemprop'] : undefined;
      if (ip !== undefined && a['datetime'] && ITEMPROPS.has(ip.toLowerCase()))
        this.itemprops.push({ el: idx, prop: ip.toLowerCase(), value: a['datetime'] });
    } else if ((role & CAPTURE_ROLES) !== 0) {
      this.captures.push({ el: idx, kind: 'role', text: '' });
      exit |= EXIT_CAPTURE;
    } else if (hasAttrs && a['itemprop'] !== undefined && ITEMPROPS.has(a['itemprop'].toLowerCase())) {
      const value = a['content'] ?? a['datetime'];
      if (value) this.itemprops.push({ el: idx, prop: a['itemprop'].toLowerCase(), value });
      else {
        this.captures.push({ el: idx, kind: 'itemprop', text: '' });
        exit |= EXIT_CAPTURE;
      }
    }
    const style = hasAttrs ? (a['style'] ?? '') : '';
    const fontStyle = style.includes('font');
    if (name === 'em' || name === 'i' || (fontStyle && ITALIC_STYLE.test(style))) {
      this.emDepth++;
      exit |= EXIT_EM;
    }
    if (name === 'strong' || name === 'b' || (fontStyle && BOLD_STYLE.test(style))) {
      this.strongDepth++;
      exit |= EXIT_STRONG;
    }
    this.push(Kind.Element, idx, exit);
    return true;
  }

  text(data: string): void {
    if (this.skipDepth > 0) return;
    const top = this.fKind.length > 0 ? this.fKind[this.fKind.length - 1] : undefined;
    if (top === Kind.Title || top === Kind.LdJson) this.rawText += data;
    else this.appendText(data);
  }

  close(): void {
    const kind = this.fKind.pop();
    if (kind === undefined) return;
    const idx = this.fIdx.pop()!;
    const ex = this.fExit.pop()!;
    this.fHeading.pop();
    switch (kind) {
      case Kind.Skip:
        this.skipDepth--;
        return;
      case Kind.Noop:
        return;
      case Kind.Title:
        this.docTitle = this.rawText;
        return;
      case Kind.LdJson:
        this.ldJson.push(this.rawText);
        return;
    }
    this.open_.pop();
    this.end[idx] = this.els.length;
    if (ex & EXIT_BLOCK) {
      this.flush();
      this.blockStack.pop();
    }
    // The heading level of the enclosing element, restored after the closing block has been flushed.
    this.heading = this.fHeading.length > 0 ? this.fHeading[this.fHeading.length - 1]! : 0;
    if (ex & EXIT_LINK) this.linkDepth--;
    if (ex & EXIT_EM) this.emDepth--;
    if (ex & EXIT_STRONG) this.strongDepth--;
    if (ex & EXIT_CAPTURE) {
      const cap = this.captures.pop()!;
      const a = this.els[cap.el]!.attribs ?? {};
      if (cap.kind === 'a')
        this.anchors.push({ el: cap.el, href: a['href'] ?? '', rel: a['rel'] ?? '', text: cap.text });
      else if (cap.kind === 'time') this.times.push({ el: cap.el, datetime: a['datetime'] ?? null, text: cap.text });
      else if (cap.kind === 'itemprop')
        this.itemprops.push({ el: cap.el, prop: (a['itemprop'] ?? '').toLowerCase(), value: cap.text });
      else this.roleTexts.set(cap.el, normaliseLines(cap.text));
      // A capture inside another one has fed the outer one too (text is appended to every open capture).
    }
  }

  // htmlparser2 handler interface: the scanner is its own handler (no closures per page).
  onopentag(name: string, attribs: Record<string, string>): void {
    this.open(name, attribs, null);
  }

  ontext(data: string): void {
    this.text(data);
  }

  onclosetag(): void {
    this.close();
  }

  finish(dom: LoadedDom | null): Scan {
    while (this.fKind.length > 0) this.close();
    this.flush();
    return {
      dom,
      els: this.els,
      parent: this.parent,
      end: this.end,
      roles: this.roles,
      blocks: this.blocks,
      metas: this.metas,
      canonical: this.canonical,
      ldJson: this.ldJson,
      docTitle: this.docTitle,
      htmlLang: this.htmlLang,
      times: this.times,
      itemprops: this.itemprops,
      anchors: this.anchors,
      roleTexts: this.roleTexts,
      roleEls: [...this.roleTexts.keys()].sort((a, b) => a - b),
    };
  }
}

const PARSER_OPTIONS = { decodeEntities: true } as const;

export interface ScanOptions {
  /** A cheerio DOM of the page (needed to evaluate per-site CSS selectors): scan it instead of streaming. */
  dom?: LoadedDom;
  /** Nodes of `dom` to leave out with their subtrees (per-site `remove` selectors). */
  skip?: ReadonlySet<DomNode>;
}

export function scanHtml(html: string, opts: ScanOptions = {}): Scan {
  if (opts.dom) {
    const scanner = new Scanner(opts.skip ?? null);
    walkDom(opts.dom.root, scanner);
    return scanner.finish(opts.dom);
  }
  const scanner = new Scanner();
  new Parser(scanner, PARSER_OPTIONS).end(html);
  return scanner.finish(null);
}
