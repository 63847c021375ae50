/**
 * Sentence and clause boundaries inside one paragraph, as the event rules need them. Offsets are half-open into
 * the document text. A period ends a sentence when a capital (or a quote and a capital) follows, and not after an
 * abbreviation (TP., TS., PGS.TS., v.v.) or inside a number (83,2; 11.09.2019; 18:11:27).
 */
export interface Seg {
  start: number;
  end: number;
}

const ABBREV = /(?:^|[\s(])(?:TP|Tp|TS|ThS|Th\.S|PGS|GS|BS|KS|CN|Q|P|TX|TT|St|Mr|Ms|v\.v|PGS\.TS|GS\.TS|\p{Lu})\.$/u;
const BOUNDARY = /[.!?…]+["”’)]?(?=\s*["“‘(]?\p{Lu})|[.!?…]+["”’)]?\s*$/gu;

export function sentencesIn(text: string, from: number, to: number): Seg[] {
  const out: Seg[] = [];
  const s = text.slice(from, to);
  let begin = 0;
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(s); m; m = BOUNDARY.exec(s)) {
    const end = m.index + m[0].length;
    const before = s.slice(Math.max(0, m.index - 12), m.index + 1);
    if (m[0] === '.' && ABBREV.test(before)) continue;
    if (/\d$/u.test(s.slice(0, m.index)) && /^\.\d/u.test(s.slice(m.index, m.index + 2))) continue;
    push(out, text, from + begin, from + end);
    begin = end;
  }
  if (begin < s.length) push(out, text, from + begin, to);
  return out;
}

function push(out: Seg[], text: string, start: number, end: number) {
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  if (end > start) out.push({ start, end });
}

/** Splits a sentence at semicolons and list markers that are not inside quotes or parentheses. */
export function clausesIn(text: string, seg: Seg): Seg[] {
  const out: Seg[] = [];
  let depth = 0;
  let quote = false;
  let begin = seg.start;
  // Quotes shelter semicolons only when they are balanced; an unclosed “ (a common typo) shelters nothing.
  const inner = text.slice(seg.start, seg.end);
  const quotesBalanced = (inner.match(/“/g)?.length ?? 0) === (inner.match(/”/g)?.length ?? 0);
  for (let i = seg.start; i < seg.end; i++) {
    const c = text[i]!;
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === '“' && quotesBalanced) quote = true;
    else if (c === '”') quote = false;
    else if (c === ';' && depth === 0 && !quote) {
      push(out, text, begin, i);
      begin = i + 1;
    }
  }
  push(out, text, begin, seg.end);
  return out;
}
