/**
 * Bylines: "Tin, ảnh: Quang Long", "Thanh Phú", "La Hương Thiệp, Ban Dân vận Tỉnh ủy", "Bài và ảnh: Minh
 * Hà - Ngọc Lan", "PV", "Theo Báo Nhân Dân". Kept out of the body; the name becomes Article.author.
 */
import { fold, normaliseSpace } from './text.js';

export interface Byline {
  author: string;
  /** "Theo …" / "Nguồn: …" credit a source, not a writer. */
  attribution: boolean;
}

// On folded text; [:\-] after the label is optional for "Tin, ảnh" forms, required for one-word labels.
const LABEL =
  /^(?:(?:tin|bai|anh|video|clip)(?:\s*(?:,|va|&|\+|-)\s*(?:tin|bai|anh|video|clip))*\s*[:：]|(?:tin|bai)\s*(?:,|va|&|\+)\s*anh\b\s*[:：\-–]?|tac\s*gia\s*[:：]?|(?:dang|viet)\s*boi\s*[:：]?|nguoi\s*dang\s*[:：]|posted\s+by\s+|nguoi\s*viet\s*[:：]|but\s*danh\s*[:：]|nhom\s*(?:pv|phong\s*vien)\s*[:：]?|thuc\s*hien\s*[:：]|bai\s*viet\s*[:：]|by\s+|written\s+by\s+|reported\s+by\s+)\s*/;
const ATTRIBUTION = /^(?:theo\s+|nguon\s*[:：]\s*|source\s*[:：]\s*)/;

/** A Vietnamese personal name or pen name: 2–5 capitalised words, or initials such as "PV", "N.T.H". */
function looksLikeName(s: string): boolean {
  const t = s.trim();
  if (t.length < 2 || t.length > 40 || /\d/.test(t)) return false;
  if (/^(?:\p{Lu}\.?){2,5}$/u.test(t.replace(/\s+/g, ''))) return true;
  const words = t.split(/\s+/);
  if (words.length < 2 || words.length > 5) return false;
  return words.every((w) => /^\p{Lu}[\p{Ll}.]*$/u.test(w) || /^(?:\p{Lu}\.)+\p{Lu}?$/u.test(w));
}

/** Names joined by " - ", " – ", ", ", " và ", "&". */
function looksLikeNames(s: string): boolean {
  const parts = s.split(/\s*(?:\s[-–]\s|,|\s(?:và|&)\s)\s*/u).filter((p) => p.length > 0);
  return parts.length > 0 && parts.length <= 4 && parts.every(looksLikeName);
}

/** "La Hương Thiệp, Ban Dân vận Tỉnh ủy" / "Thanh Phú (Trung tâm VH-TT huyện)": a name then an office. */
function nameWithOffice(s: string): boolean {
  const m = /^([^,(–-]{2,40}?)\s*(?:,\s*|\(\s*|\s[-–]\s)(.{2,80}?)\)?$/u.exec(s);
  if (!m) return false;
  const office = m[2]!;
  return looksLikeName(m[1]!) && /^\p{Lu}/u.test(office) && !/[.!?]\s/.test(office) && !/[;:]/.test(office);
}

/** Reads one short line as a byline, or null when it is prose. */
export function parseByline(line: string): Byline | null {
  if (line.length > 140) return null;
  let t = normaliseSpace(line).replace(/^[\s\-–—]+/, '');
  // "(Theo Báo Lai Châu)": unwrap a line that is wholly in parentheses, and only then.
  if (/^\([^()]*\)$/.test(t)) t = t.slice(1, -1).trim();
  if (t.length < 2 || t.length > 100) return null;
  const f = fold(t);
  const attr = ATTRIBUTION.exec(f);
  if (attr) {
    const rest = t.slice(attr[0].length).replace(/[.\s]+$/, '');
    if (rest.length < 2 || rest.length > 80 || /[.!?]\s/.test(rest)) return null;
    return { author: t.replace(/[.\s]+$/, ''), attribution: true };
  }
  const lab = LABEL.exec(f);
  if (lab) {
    // "Tin: Đức Anh - Ảnh: Minh Hằng": the writer is the author; the photographer's credit goes.
    const rest = t
      .slice(lab[0].length)
      .replace(/\s*[-–,;]\s*(?:Ảnh|ảnh|ẢNH|Video|Clip)\s*:.*$/u, '')
      .trim()
      .replace(/[.\s]+$/, '');
    if (rest.length >= 2 && rest.length <= 80 && !/[.!?]\s/.test(rest)) return { author: rest, attribution: false };
    return null;
  }
  const bare = t.replace(/\.$/, '');
  if (looksLikeNames(bare) || nameWithOffice(bare)) return { author: bare, attribution: false };
  return null;
}

/** Cleans the text of an author element or meta: strips "Tác giả:", "By", "Người viết:". */
export function cleanAuthor(text: string): string | null {
  const t = normaliseSpace(text);
  if (!t) return null;
  const f = fold(t);
  const lab = LABEL.exec(f);
  const rest = (lab ? t.slice(lab[0].length) : t).trim().replace(/[.\s|]+$/, '');
  if (rest.length < 2 || rest.length > 100) return null;
  return rest;
}
