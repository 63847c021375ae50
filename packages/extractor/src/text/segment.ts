import { abbreviationKind } from './abbreviations.js';

/**
 * A half-open `[start, end)` range of UTF-16 offsets into the normalised text; `text.slice(start, end)` is the
 * segment's surface, without surrounding white space.
 */
export interface Segment {
  start: number;
  end: number;
}

const SPACE = /\s/u;

/** `[start, end)` without white space at either end, or null when nothing is left. */
export function trimSegment(text: string, start: number, end: number): Segment | null {
  while (start < end && SPACE.test(text[start]!)) start++;
  while (end > start && SPACE.test(text[end - 1]!)) end--;
  return start < end ? { start, end } : null;
}

function clampRange(text: string, from: number | undefined, to: number | undefined): [number, number] {
  const n = text.length;
  const s = Math.max(0, Math.min(n, Math.trunc(from ?? 0) || 0));
  const e = Math.max(s, Math.min(n, to === undefined ? n : Math.trunc(to) || 0));
  return [s, e];
}

/**
 * Paragraphs: every non-blank line (a captured page puts each paragraph, title, caption and byline on its own
 * line, so a single newline separates paragraphs as much as a blank line does).
 */
export function paragraphs(text: string, from?: number, to?: number): Segment[] {
  const [s, e] = clampRange(text, from, to);
  const out: Segment[] = [];
  let i = s;
  while (i < e) {
    let j = text.indexOf('\n', i);
    if (j < 0 || j > e) j = e;
    const seg = trimSegment(text, i, j);
    if (seg) out.push(seg);
    i = j + 1;
  }
  return out;
}

const TERMINATORS = /[.!?…]+/g;
const CLOSERS = '"\'”’»›)]';
const WORD_CHAR = /[\p{L}\p{M}\p{Nd}]/u;
const LOWER_START = /\p{Ll}/u;
const UPPER_START = /\p{Lu}/u;
const HAS_LOWER = /\p{Ll}/u;
const SINGLE_CAPITAL = /^\p{Lu}$/u;
const LIST_MARKER = /^(?:\d{1,3}|[a-zđ]|[IVXLC]{1,6})$/u;

/** The letters, digits and inner dots just before `p` ("PGS.TS" before "PGS.TS."), without leading dots. */
function wordBefore(text: string, p: number, lineStart: number): string {
  let i = p;
  while (
    i > lineStart &&
    (WORD_CHAR.test(text[i - 1]!) || (text[i - 1] === '.' && i - 1 > lineStart && WORD_CHAR.test(text[i - 2]!)))
  ) {
    i--;
  }
  return text.slice(i, p);
}

/** The letters (and inner dots) just after `q`. */
function wordAfter(text: string, q: number, lineEnd: number): string {
  let i = q;
  while (i < lineEnd && WORD_CHAR.test(text[i]!)) i++;
  return text.slice(q, i);
}

function lastPiece(word: string): string {
  const dot = word.lastIndexOf('.');
  return dot < 0 ? word : word.slice(dot + 1);
}

/**
 * Does the terminator run `text[p, q)` end a sentence? `r` is after the closing quotes/brackets that follow it, `k`
 * the next visible character (`k > r` when white space follows; `k === lineEnd` at the end of the line).
 */
function endsSentence(
  text: string,
  p: number,
  q: number,
  r: number,
  k: number,
  sentStart: number,
  lineEnd: number,
): boolean {
  if (k >= lineEnd) return true;
  const run = text.slice(p, q);
  const next = text[k]!;
  if (k === r) {
    // Glued: "hoạt động.Việc thực hiện" ends a sentence; "TP.HCM", "Th.S", "20.000", "v.v" do not.
    if (run !== '.' && run !== '!' && run !== '?') return false;
    if (!UPPER_START.test(next)) return false;
    if (run !== '.') return true;
    const before = wordBefore(text, p, sentStart);
    const kind = abbreviationKind(before);
    if (kind === 'list-end') return true;
    if (kind !== undefined) return false;
    const piece = lastPiece(before);
    if (piece.length < 2 || !HAS_LOWER.test(piece)) return false;
    return abbreviationKind(`${piece}.${wordAfter(text, k, lineEnd)}`) === undefined;
  }
  // A sentence does not start in lower case: "v.v. và", "… qua đó", "? anh hỏi" go on.
  if (LOWER_START.test(next)) return false;
  if (run !== '.') return true; // "...", "…", "!", "?", "?!" before a capital, digit or quote
  const before = wordBefore(text, p, sentStart);
  const kind = abbreviationKind(before);
  if (kind === 'list-end') return true;
  if (kind !== undefined) return false; // "TS. Nguyễn", "TP. Hồ Chí Minh"
  if (SINGLE_CAPITAL.test(lastPiece(before))) return false; // initials: "Nguyễn V. A", "Q. 1", "P. 5"
  if (LIST_MARKER.test(text.slice(sentStart, p).trim())) return false; // "1. Nội dung", "a. Công tác", "II. Kết quả"
  return true;
}

function sentencesInLine(text: string, s: number, e: number, out: Segment[]): void {
  let start = s;
  TERMINATORS.lastIndex = s;
  for (let m = TERMINATORS.exec(text); m !== null && m.index < e; m = TERMINATORS.exec(text)) {
    const p = m.index;
    const q = Math.min(e, p + m[0].length);
    let r = q;
    while (r < e && CLOSERS.includes(text[r]!)) r++;
    let k = r;
    while (k < e && SPACE.test(text[k]!)) k++;
    if (endsSentence(text, p, q, r, k, start, e)) {
      const seg = trimSegment(text, start, r);
      if (seg) out.push(seg);
      start = k;
    }
    TERMINATORS.lastIndex = Math.max(q, r);
  }
  const seg = trimSegment(text, start, e);
  if (seg) out.push(seg);
}

/**
 * Sentences of `text[from, to)` (the whole text by default). Sentences never cross a line break. A sentence ends at
 * ". ", "! ", "? ", "… " or "... " before a word that does not start in lower case, at the end of a line, and at a
 * full stop glued to a capital ("hoạt động.Việc"). It does not end after abbreviations (TP., TS., ThS., PGS.TS.,
 * BS., KS., Th.S, Tp. — rules/abbreviations.ts), after initials (Nguyễn V. A, Q. 1, P. 5), after a list number
 * ("1. "), inside numbers (83,2; 20.000; 11.09.2019; 18:11:27; 1.234,5), or at "v.v.", "...", "…" followed by a
 * lower-case word (a list that ends mid-sentence).
 */
export function sentences(text: string, from?: number, to?: number): Segment[] {
  const [s, e] = clampRange(text, from, to);
  const out: Segment[] = [];
  let i = s;
  while (i < e) {
    let j = text.indexOf('\n', i);
    if (j < 0 || j > e) j = e;
    sentencesInLine(text, i, j, out);
    i = j + 1;
  }
  return out;
}
