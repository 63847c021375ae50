/**
 * Blocks of the content root → body paragraphs, captions, lead and byline. Drops what a careful reader
 * would not call the article: the title, datelines and counters, chrome phrases (whole blocks and trailing
 * lines), link lists, and everything after "Tin khác" / "Tin liên quan" / "Bình luận".
 */
import { type Byline, parseByline } from './byline.js';
import { isChromeLine, isCutOff, isLabelLine, MAX_CHROME_LINE } from './clutter.js';
import { type DatelineHit, datelineResidue, mayHoldDate, parseDateline } from './dates.js';
import { type Block, Role, type Scan } from './scan.js';
import { fold, normaliseSpace } from './text.js';

export interface BodyInput {
  scan: Scan;
  clutterOf: Int32Array;
  range: [number, number];
  title: string | null;
  titleEl: number;
  /** Element holding the lead (sapo), or -1. */
  leadEl: number;
}

export interface BodyResult {
  paragraphs: string[];
  captions: string[];
  /** Lead found inside the body (bold first paragraph, h2 right under the title), if any. */
  lead: string | null;
  bylines: Byline[];
  /** Dateline-like blocks met in the content, in order (for dates and "Tác giả:" authors). */
  metaLines: string[];
  /** Blocks that are one link with a headline-length text (listing signal). */
  headlineLinks: number;
  proseBlocks: number;
}

const WALK_LIMIT = 10;

/** text equals an already-folded key (fold keeps lengths, so most blocks are ruled out without folding). */
function sameText(text: string, foldedKey: string): boolean {
  return text.length === foldedKey.length && fold(text) === foldedKey;
}
const MAX_IMAGE_TABLE_TEXT = 500;

function within(scan: Scan, el: number, anc: number): boolean {
  return anc >= 0 && el >= anc && el < scan.end[anc]!;
}

/**
 * Nearest ancestor-or-self (up to WALK_LIMIT levels) with the given role bit and at most `maxText`
 * characters of text — a "date" or "caption" class on a wrapper of the whole article does not count.
 */
function roleAncestor(scan: Scan, el: number, bit: number, maxText: number): number {
  for (let i = el, k = 0; i >= 0 && k < WALK_LIMIT; i = scan.parent[i]!, k++)
    if ((scan.roles[i]! & bit) !== 0 && (scan.roleTexts.get(i)?.length ?? 0) <= maxText) return i;
  return -1;
}

function tableAncestor(scan: Scan, el: number, levels = 6): number {
  for (let i = el, k = 0; i >= 0 && k < levels; i = scan.parent[i]!, k++) if (scan.els[i]!.name === 'table') return i;
  return -1;
}

/** A block that is a dateline with at most a name and counters around it. */

export function isMetaLine(text: string): boolean {
  return metaLineHits(text) !== null;
}

/** The dates of a dateline block ("11:32 - Thứ Hai, 21/10/2024 | Lượt xem: 2537"), or null for prose. */
/** Datelines are a few words ("Ngày đăng: 08/07/2024 11:38 | Cập nhật: … | Lượt xem: 1.245 | In bài viết"). */
const MAX_DATELINE_WORDS = 24;

function wordCount(text: string): number {
  let n = 1;
  for (let i = text.indexOf(' '); i >= 0; i = text.indexOf(' ', i + 1)) n++;
  return n;
}

export function metaLineHits(text: string): DatelineHit[] | null {
  if (text.length > 220 || wordCount(text) > MAX_DATELINE_WORDS || !mayHoldDate(text)) return null;
  const hits = parseDateline(text);
  if (hits.length === 0) return null;
  const residue = datelineResidue(text, hits);
  if (residue.length <= 12) return hits;
  if (isChromeLine(residue)) return hits;
  const noChrome = fold(residue)
    .replace(
      /\b(?:luot\s*xem|luot\s*doc|in\s*bai(?:\s*viet)?|chia\s*se|ban\s*in|views?|print|share|gui\s*email|email|cap\s*nhat)\b/g,
      ' ',
    )
    .replace(/\b\d+\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (noChrome.length <= 12) return hits;
  return /^(?:tac\s*gia|nguoi\s*viet|nguoi\s*dang|but\s*danh|by|author|theo|nguon)\b/.test(noChrome) &&
    noChrome.length <= 60
    ? hits
    : null;
}

/** isMetaLine for a block, remembered on the block. */
export function blockIsMetaLine(b: Block): boolean {
  if (b.metaLine === null) {
    b.dateHits = b.len <= 240 && mayHoldDate(b.raw) ? metaLineHits(b.text.replace(/\n+/g, ' ')) : null;
    b.metaLine = b.dateHits !== null;
  }
  return b.metaLine;
}

function captionAfterImage(b: Block, text: string): boolean {
  if (b.heading > 0 || b.len > 250 || b.linkDensity >= 0.5 || /[:：]$/.test(text)) return false;
  // "CỔNG THÔNG TIN ĐIỆN TỬ TỈNH …" next to a logo is a site name, not a caption.
  if (text === text.toUpperCase() && /\p{Lu}{4}/u.test(text)) return false;
  if (b.emRatio >= 0.6 || b.align === 'center') return true;
  // A plain paragraph under a photo is its caption only when it reads like one: one short clause or two
  // ("Đồng chí …, Trưởng ban Dân vận Tỉnh ủy phát biểu tại buổi làm việc."), not a report sentence.
  return b.len <= 130 && b.strongRatio < 0.8 && !text.includes(';') && text.split(',').length <= 3;
}

/** A letter or digit anywhere (a block of only punctuation or bullets is not a paragraph). */
function hasWordChar(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 0xc0) return true;
  }
  return false;
}

function hasColon(s: string): boolean {
  return s.includes(':') || s.includes('：');
}

/** A chrome or label line ("Lượt xem: 2537", "Từ khóa: …"). */
function junkLine(l: string): boolean {
  if (l.length > MAX_CHROME_LINE && (l.length > 250 || !hasColon(l))) return false;
  const f = fold(l);
  return isChromeLine(l, f) || isLabelLine(l, f);
}

/** Lines of one paragraph with chrome lines removed from both ends. */
function trimChromeLines(lines: string[]): string[] {
  let from = 0;
  let to = lines.length;
  const junk = junkLine;
  while (to > from && junk(lines[to - 1]!)) to--;
  while (from < to && junk(lines[from]!)) from++;
  return lines.slice(from, to);
}

/**
 * A closing line set apart by its style — right-aligned, or wholly bold / italic — that reads as a credit
 * rather than a sentence: "Thanh tra Sở", "Ban Tuyên giáo Huyện ủy", "Nhóm phóng viên".
 */
function styledByline(line: string, b: Block): Byline | null {
  const styled = b.align === 'right' || b.strongRatio >= 0.8 || b.emRatio >= 0.8;
  if (!styled || b.heading > 0 || line.length > 60 || /[.!?:;]$/.test(line) || !/^\p{Lu}/u.test(line)) return null;
  if (line.split(/\s+/).length > 8 || /\d{3,}/.test(line)) return null;
  return { author: line, attribution: false };
}

interface Kept {
  lines: string[];
  block: Block;
  /** The <tr> of a short table cell, else -1. */
  row: number;
}

const MAX_CELL = 300;

/** The row of a block owned by a td/th (directly under its tr), else -1. */
function tableRow(scan: Scan, b: Block): number {
  if (b.owner < 0) return -1;
  const name = scan.els[b.owner]!.name;
  if (name !== 'td' && name !== 'th') return -1;
  const tr = scan.parent[b.owner]!;
  return tr >= 0 && scan.els[tr]!.name === 'tr' ? tr : -1;
}

export function extractBody(input: BodyInput): BodyResult {
  const { scan, clutterOf, range, title, titleEl, leadEl } = input;
  // The same line is read as a byline up to three times (labelled check, closing lines, opening line).
  const bylineMemo = new Map<string, Byline | null>();
  const byline = (line: string): Byline | null => {
    let r = bylineMemo.get(line);
    if (r === undefined) {
      r = parseByline(line);
      bylineMemo.set(line, r);
    }
    return r;
  };
  const titleKey = title ? fold(title) : null;
  const kept: Kept[] = [];
  const captions: string[] = [];
  const metaLines: string[] = [];
  let headlineLinks = 0;
  let proseBlocks = 0;
  let afterImage = false;
  let cutAt = -1;

  // Image tables (<table class="image">, SharePoint/CKEditor caption tables): a small table with a picture in
  // it. A layout table that happens to hold the whole article and its photo is not one.
  const imageTables = new Set<number>();
  const tableText = new Map<number, number>();
  for (let i = range[0]; i < range[1]; i++) {
    const b = scan.blocks[i]!;
    if (b.owner < 0) continue;
    const t = tableAncestor(scan, b.owner, b.img ? 4 : 6);
    if (t < 0) continue;
    if (b.img && !b.icon) imageTables.add(t);
    else tableText.set(t, (tableText.get(t) ?? 0) + b.len);
  }
  for (const t of imageTables) if ((tableText.get(t) ?? 0) > MAX_IMAGE_TABLE_TEXT) imageTables.delete(t);

  // The block that holds the title, when the title is inside the content root.
  let titleBlock = -1;
  for (let i = range[0]; i < range[1] && titleKey !== null; i++) {
    const b = scan.blocks[i]!;
    if (b.img) continue;
    if (
      (b.owner >= 0 && within(scan, b.owner, titleEl)) ||
      (Math.abs(b.len - titleKey.length) <= 12 && sameText(normaliseSpace(b.text), titleKey))
    ) {
      titleBlock = i;
      break;
    }
  }

  for (let i = range[0]; i < range[1]; i++) {
    const b = scan.blocks[i]!;
    if (b.owner >= 0 && clutterOf[b.owner]! >= 0) continue;
    if (b.img) {
      if (i < titleBlock) continue;
      if (!b.icon && b.linkDensity < 1) afterImage = true;
      continue;
    }
    const wasAfterImage = afterImage;
    afterImage = false;
    // Block text is normalised line by line already; joining its lines keeps it normalised.
    const text = b.text.includes('\n') ? b.text.replace(/\n+/g, ' ') : b.text;
    if (!text || !hasWordChar(text)) continue;
    if (b.owner >= 0 && (within(scan, b.owner, titleEl) || within(scan, b.owner, leadEl))) continue;
    // Above the title there is no body: site headers, breadcrumbs, datelines of flat pages.
    if (i < titleBlock) continue;
    if (titleKey && sameText(text, titleKey)) continue;
    if (isCutOff(text)) {
      cutAt = i;
      break;
    }

    // Captions: figcaption / caption classes, image tables, a short line right under an image.
    if (b.owner >= 0) {
      const capEl = roleAncestor(scan, b.owner, Role.Caption, 600);
      const table = tableAncestor(scan, b.owner);
      if (capEl >= 0 || (table >= 0 && imageTables.has(table) && b.len <= 300)) {
        captions.push(text);
        continue;
      }
    }
    const labelled =
      /^(?:t|b)/i.test(text) && /^(?:tin|bai|tac\s*gia)\b/.test(fold(text.slice(0, 12))) ? byline(text) : null;
    if (wasAfterImage && !labelled && captionAfterImage(b, text)) {
      captions.push(text);
      continue;
    }
    if (blockIsMetaLine(b)) {
      metaLines.push(text);
      continue;
    }
    if (b.owner >= 0 && roleAncestor(scan, b.owner, Role.Date | Role.Author | Role.Breadcrumb, 300) >= 0) {
      if (b.len <= 200) {
        metaLines.push(text);
        continue;
      }
    }
    if (b.linkDensity > 0.5) {
      if (b.len >= 20 && b.linkDensity >= 0.6) headlineLinks++;
      continue;
    }
    if (text.length <= MAX_CHROME_LINE || (text.length <= 250 && hasColon(text))) {
      const f = fold(text);
      if (isChromeLine(text, f) || isLabelLine(text, f)) continue;
    }

    // Cells of one data-table row make one paragraph: "Tập thể được khen thưởng | 1.380 | 1.735".
    const row = tableRow(scan, b);
    const prev = kept[kept.length - 1];
    if (row >= 0 && prev && prev.row === row && prev.block.owner !== b.owner && b.len <= MAX_CELL) {
      prev.lines = [`${prev.lines.join(' ')} | ${text}`];
      continue;
    }
    const paragraphs = b.text.split(/\n\n+/);
    for (const p of paragraphs) {
      const lines = trimChromeLines(p.split('\n').filter((l) => l.length > 0));
      if (lines.length > 0) kept.push({ lines, block: b, row: b.len <= MAX_CELL ? row : -1 });
    }
    proseBlocks++;
  }

  // Bylines: the last short paragraph(s), or the last line of the last paragraph.
  const bylines: Byline[] = [];
  for (let k = 0; k < 2 && kept.length > 0; k++) {
    const last = kept[kept.length - 1]!;
    const line = last.lines[last.lines.length - 1]!;
    const by = byline(line) ?? (last.lines.length === 1 ? styledByline(line, last.block) : null);
    if (!by) break;
    bylines.unshift(by);
    if (last.lines.length > 1) last.lines.pop();
    else kept.pop();
  }
  // Editors sometimes paste "Tin liên quan:" links above the byline: look a few blocks past the cut-off.
  if (cutAt >= 0 && bylines.length === 0) {
    for (let i = cutAt + 1, seen = 0; i < range[1] && seen < 12; i++) {
      const b = scan.blocks[i]!;
      if (b.img || (b.owner >= 0 && clutterOf[b.owner]! >= 0) || b.linkDensity > 0.5) continue;
      seen++;
      const text = normaliseSpace(b.text);
      const labelled = /^(?:tin|bai|tac\s*gia)\b/.test(fold(text)) || b.align === 'right';
      const by = labelled ? (parseByline(text) ?? styledByline(text, b)) : null;
      if (by) {
        bylines.push(by);
        break;
      }
    }
  }
  // A labelled byline, or a bold / right-aligned name, opening the body.
  if (kept.length > 1) {
    const first = kept[0]!;
    const only = first.lines.length === 1 ? first.lines[0]! : null;
    const by = only ? parseByline(only) : null;
    if (
      by &&
      only &&
      (/^(?:tin|bai|tac\s*gia|theo)\b/.test(fold(only)) ||
        first.block.strongRatio >= 0.8 ||
        first.block.align === 'right')
    ) {
      bylines.push(by);
      kept.shift();
    }
  }

  // A lead inside the body: a bold first paragraph, or an h2 right under the title.
  let lead: string | null = null;
  if (leadEl < 0 && kept.length > 1) {
    const first = kept[0]!;
    const text = first.lines.join(' ');
    const isBoldLead = first.block.strongRatio >= 0.8 && text.length >= 60 && first.block.heading === 0;
    const isH2Lead = first.block.heading === 2 && text.length >= 60;
    if (isBoldLead || isH2Lead) {
      lead = text;
      kept.shift();
    }
  }

  return {
    paragraphs: kept.map((k) => k.lines.join(' ')),
    captions,
    lead,
    bylines,
    metaLines,
    headlineLinks,
    proseBlocks,
  };
}
