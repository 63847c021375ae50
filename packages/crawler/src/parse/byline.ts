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

/**
 * "La Hương Thiệp, Ban Dân vận Tỉnh ủy" / "Thanh Phú (Trung tâm VH-TT huyện)" / "Hạnh - Ban Dân vận": a name,
 * then an office after the first ",", "(" or " - ". Found by scanning for the separator (no backtracking).
 */
function nameWithOffice(s: string): boolean {
  let cut = -1;
  let skip = 0;
  for (let i = 2; i < s.length && i <= 42; i++) {
    const c = s[i];
    if (c === ',' || c === '(') {
      cut = i;
      skip = 1;
      break;
    }
    if ((c === '-' || c === '–') && s[i - 1] === ' ' && s[i + 1] === ' ') {
      cut = i - 1;
      skip = 3;
      break;
    }
  }
  if (cut < 2) return false;
  const name = s.slice(0, cut).trim();
  let office = s.slice(cut + skip).trim();
  if (s[cut] === '(' && office.endsWith(')')) office = office.slice(0, -1).trim();
  if (office.length < 2 || office.length > 80) return false;
  return looksLikeName(name) && /^\p{Lu}/u.test(office) && !/[.!?]\s/.test(office) && !/[;:]/.test(office);
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
