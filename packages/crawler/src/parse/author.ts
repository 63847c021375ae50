/**
 * Author, in order of trust: the site's author selector, JSON-LD author, meta author, an element classed
 * author / tác giả / byline, "Tác giả: …" in the dateline, then the byline closing the body ("Tin, ảnh: …").
 * Names that are the site or publisher ("Báo Điện Biên Phủ", "admin") are not authors.
 */
import { type Byline, cleanAuthor } from './byline.js';
import { Role, type Scan } from './scan.js';
import { fold } from './text.js';

const NOT_AUTHOR =
  /^(?:admin|administrator|super\s*user|quan\s*tri(?:\s*vien|\s*he\s*thong|\s*website)?|ban\s*bien\s*tap|bbt|webmaster|editor|root|user|null|undefined)$/;
const PUBLISHER_WORDS =
  /^(?:bao\s|cong\s+thong\s+tin|cong\s+ttdt|trang\s+thong\s+tin|tap\s+chi|dai\s+phat\s+thanh|dang\s+bo|so\s|ubnd|uy\s+ban)/;

export interface AuthorContext {
  scan: Scan;
  clutterOf: Int32Array;
  root: number;
  selectorAuthor: string | null;
  jsonLdAuthor: string | null;
  publisher: string | null;
  siteName: string | null;
  metaLines: string[];
  bylines: Byline[];
}

function acceptable(name: string | null, ctx: AuthorContext): string | null {
  if (!name) return null;
  const cleaned = cleanAuthor(name);
  if (!cleaned || /^https?:\/\//i.test(cleaned) || /[<>{}]/.test(cleaned)) return null;
  const f = fold(cleaned);
  if (NOT_AUTHOR.test(f) || PUBLISHER_WORDS.test(f)) return null;
  for (const org of [ctx.publisher, ctx.siteName]) if (org && fold(org) === f) return null;
  return cleaned;
}

const INLINE_AUTHOR = /(?:tac\s*gia|nguoi\s*viet|but\s*danh|author|by)\s*[:：]\s*/d;

/** "Thứ Hai, 21/10/2024 | Tác giả: Quang Long | Lượt xem: 120" → "Quang Long". */
function authorInLine(line: string): string | null {
  const f = fold(line);
  const m = INLINE_AUTHOR.exec(f);
  if (!m) return null;
  const from = m.indices![0]![1];
  const rest = line.slice(from);
  const stop = /\s*(?:[|·•\n]|\s-\s|lượt|cập nhật|ngày|views|$)/iu.exec(rest);
  return stop ? rest.slice(0, stop.index).trim() : rest.trim();
}

export function chooseAuthor(ctx: AuthorContext): string | null {
  const { scan, clutterOf } = ctx;
  const first =
    acceptable(ctx.selectorAuthor, ctx) ??
    acceptable(ctx.jsonLdAuthor, ctx) ??
    acceptable(scan.metas.get('author') ?? null, ctx) ??
    acceptable(scan.metas.get('article:author') ?? null, ctx) ??
    acceptable(scan.metas.get('dc.creator') ?? null, ctx);
  if (first) return first;
  const rootEnd = ctx.root >= 0 ? scan.end[ctx.root]! : scan.els.length;
  const rootStart = Math.max(ctx.root, 0);
  const sorted = scan.roleEls;
  for (const el of sorted) {
    if ((scan.roles[el]! & Role.Author) === 0 || clutterOf[el]! >= 0) continue;
    if (el < rootStart - 200 || el >= rootEnd) continue;
    const text = scan.roleTexts.get(el)!;
    if (text.length > 120) continue;
    const name = acceptable(authorInLine(text) ?? text, ctx);
    if (name) return name;
  }
  for (const line of ctx.metaLines) {
    const name = acceptable(authorInLine(line), ctx);
    if (name) return name;
  }
  const writer = ctx.bylines.find((b) => !b.attribution);
  if (writer) return writer.author;
  return ctx.bylines[0]?.author ?? null;
}
