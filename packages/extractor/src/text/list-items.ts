import { clauses, protectedMask, trimItem } from './clauses.js';
import { BULLET_SYMBOLS, COLONLESS_LEAD_INS, NOT_A_LEAD_IN_AFTER, SPACED_BULLET_SYMBOLS } from './rules/list-cues.js';
import { paragraphs, type Segment, sentences, trimSegment } from './segment.js';

/** A segment read as a list. */
export interface ListSplit {
  /** Sentences of the segment before the sentence that introduces the list (not part of it). */
  preamble: Segment[];
  /** The lead-in ("Bên cạnh …, như:", "Đoàn đề nghị:"), colon included; null when there is none. */
  leadIn: Segment | null;
  /** The items, trimmed like clauses (no marker, no final stop). */
  items: Segment[];
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const SYMBOLS = BULLET_SYMBOLS.map(escapeRegExp).join('|');
const SPACED = SPACED_BULLET_SYMBOLS.map(escapeRegExp).join('|');
const ENUMERATOR = String.raw`\(?(?:\d{1,2}|[a-zđ]|[IVX]{1,4})[.)]`;
/** A bullet or enumerator at the start of a line: "- ", "• ", "a) ", "1. ", "2) ", "II. ". */
const BULLET = new RegExp(String.raw`^(?:(?:${SYMBOLS})\s*|(?:${SPACED})\s+|${ENUMERATOR}\s+)`, 'u');
/** The same at the start of an inline item ("…; b) việc …"). */
const ITEM_MARKER = BULLET;
const CUE = new RegExp(
  String.raw`(?<![\p{L}\p{M}])(?<before>(?:${NOT_A_LEAD_IN_AFTER.map(escapeRegExp).join('|')})\s+)?(?:${COLONLESS_LEAD_INS.map(escapeRegExp).join('|')})(?![\p{L}\p{M}])`,
  'giu',
);

/** Items of `[s, e)`: its sentences, split into clauses, each without a leading list marker. */
function itemsOf(text: string, s: number, e: number, out: Segment[]): void {
  for (const sent of sentences(text, s, e)) {
    for (const c of clauses(text, sent)) {
      const m = ITEM_MARKER.exec(text.slice(c.start, Math.min(c.end, c.start + 8)));
      const item = m ? trimItem(text, c.start + m[0].length, c.end) : c;
      if (item) out.push(item);
    }
  }
}

/** The first colon of `[s, e)` that can end a lead-in: not inside quotes/brackets, not in 18:11 or a URL. */
function leadInColon(text: string, s: number, e: number, mask: Uint8Array): number {
  for (let i = text.indexOf(':', s); i >= 0 && i < e; i = text.indexOf(':', i + 1)) {
    if (mask[i - s] === 1) continue;
    if (/\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? '')) continue;
    if (text[i + 1] === '/') continue;
    return i;
  }
  return -1;
}

/** End of a colon-less lead-in ("… hạn chế như") before the first free semicolon, or -1. */
function colonlessLeadIn(text: string, s: number, e: number, mask: Uint8Array): number {
  let semi = -1;
  for (let i = text.indexOf(';', s); i >= 0 && i < e; i = text.indexOf(';', i + 1)) {
    if (mask[i - s] !== 1) {
      semi = i;
      break;
    }
  }
  if (semi < 0) return -1;
  let end = -1;
  CUE.lastIndex = s;
  for (let m = CUE.exec(text); m !== null && m.index < semi; m = CUE.exec(text)) {
    if (m.groups?.['before'] === undefined && mask[m.index - s] !== 1) end = m.index + m[0].length;
  }
  return end;
}

function inline(text: string, s: number, e: number, split: ListSplit): void {
  const mask = protectedMask(text, s, e);
  let end = leadInColon(text, s, e, mask);
  if (end >= 0) end++;
  else end = colonlessLeadIn(text, s, e, mask);
  if (end < 0) {
    itemsOf(text, s, e, split.items);
    return;
  }
  const before = sentences(text, s, end);
  const own = before.pop();
  split.preamble.push(...before);
  split.leadIn = own ? trimSegment(text, own.start, end) : null;
  itemsOf(text, end, e, split.items);
}

/**
 * Reads `seg` as a list: the lead-in (ending in a colon — "như:", "gồm:", "sau:", "là:", "đề nghị:" — or in
 * "như"/"gồm" before semicolon-separated items) and the items after it, split at semicolons, sentence ends and
 * bullet lines (-, +, •, *, a), b), 1., 2)). When bullet lines follow a line without a colon, that line is the
 * lead-in. Without a lead-in, every clause of the segment is an item. The extractor keeps the items and drops the
 * lead-in.
 */
export function listItems(text: string, seg: Segment): ListSplit {
  const s = Math.max(0, seg.start);
  const e = Math.min(text.length, seg.end);
  const split: ListSplit = { preamble: [], leadIn: null, items: [] };
  if (e <= s) return split;
  const lines = paragraphs(text, s, e);
  const first = lines.findIndex((l) => BULLET.test(text.slice(l.start, Math.min(l.end, l.start + 8))));
  if (first < 0) {
    inline(text, s, e, split);
    return split;
  }
  if (first > 0) {
    const prefixEnd = lines[first - 1]!.end;
    inline(text, s, prefixEnd, split);
    if (split.leadIn === null) {
      // No colon: the sentence just before the bullets introduces them; what comes before it is preamble.
      const before = sentences(text, s, prefixEnd);
      split.leadIn = before.pop() ?? null;
      split.preamble.push(...before);
      split.items = [];
    }
  }
  for (let i = first; i < lines.length; i++) {
    const line = lines[i]!;
    const m = BULLET.exec(text.slice(line.start, Math.min(line.end, line.start + 8)));
    itemsOf(text, line.start + (m ? m[0].length : 0), line.end, split.items);
  }
  return split;
}
