import { type Segment, trimSegment } from './segment.js';

const OPEN_CLOSE: Record<string, string> = { '(': ')', '[': ']', '“': '”', '«': '»', '‹': '›' };
const CLOSERS = new Set(Object.values(OPEN_CLOSE));

/**
 * Ranges of `text[s, e)` inside paired quotes or brackets, as a per-offset mask (1 = inside). An opening mark
 * with no closing one in the range protects nothing: "chiến dịch “30 ngày đêm …; quan tâm …" still splits.
 */
export function protectedMask(text: string, s: number, e: number): Uint8Array {
  const mask = new Uint8Array(e - s);
  const stack: { ch: string; at: number }[] = [];
  let straight = -1; // pending ASCII double quote
  for (let i = s; i < e; i++) {
    const ch = text[i]!;
    if (ch === '"') {
      if (straight < 0) straight = i;
      else {
        mask.fill(1, straight - s, i - s + 1);
        straight = -1;
      }
    } else if (OPEN_CLOSE[ch] !== undefined) stack.push({ ch, at: i });
    else if (CLOSERS.has(ch)) {
      for (let k = stack.length - 1; k >= 0; k--) {
        if (OPEN_CLOSE[stack[k]!.ch] !== ch) continue;
        mask.fill(1, stack[k]!.at - s, i - s + 1);
        stack.length = k;
        break;
      }
    }
  }
  return mask;
}

const TRAILING = /[\s.;:,!?…]/u;

/**
 * An item-shaped segment: white space trimmed at both ends, and the clause's own stop (. ; : , ! ? … and runs of
 * them) removed from its end. Closing quotes and brackets stay. Null when nothing is left.
 */
export function trimItem(text: string, start: number, end: number): Segment | null {
  const t = trimSegment(text, start, end);
  if (t === null) return null;
  let e = t.end;
  while (e > t.start && TRAILING.test(text[e - 1]!)) e--;
  return e > t.start ? { start: t.start, end: e } : null;
}

/**
 * The clauses of a sentence (or any segment): split at semicolons that are not inside quotes or brackets. Each
 * clause is trimmed like an item (see `trimItem`): "…, đồng bộ;" → "…, đồng bộ"; the last keeps no final stop.
 */
export function clauses(text: string, seg: Segment): Segment[] {
  const s = Math.max(0, seg.start);
  const e = Math.min(text.length, seg.end);
  const out: Segment[] = [];
  if (e <= s) return out;
  const mask = protectedMask(text, s, e);
  let from = s;
  for (let i = text.indexOf(';', s); i >= 0 && i < e; i = text.indexOf(';', i + 1)) {
    if (mask[i - s] === 1) continue;
    const c = trimItem(text, from, i);
    if (c) out.push(c);
    from = i + 1;
  }
  const last = trimItem(text, from, e);
  if (last) out.push(last);
  return out;
}
