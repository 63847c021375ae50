/**
 * Text normalisation shared by the parser: one place decides what whitespace, zero-width characters and
 * leftover entities become, so that every field of an Article is normalised the same way.
 */

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const SPACES = /[\s\u00A0\u2000-\u200A\u202F\u205F\u3000]+/g;
/** Entities that survived decoding because the page escaped them twice (`&amp;nbsp;`). */
const LEFTOVER_ENTITY = /&(nbsp|amp|quot|apos|lt|gt|#\d{1,6}|#x[0-9a-f]{1,6});/gi;
const NAMED: Record<string, string> = { nbsp: ' ', amp: '&', quot: '"', apos: "'", lt: '<', gt: '>' };

function decodeLeftover(s: string): string {
  return s.replace(LEFTOVER_ENTITY, (whole, name: string) => {
    const lower = name.toLowerCase();
    if (lower.startsWith('#x')) return safeCodePoint(Number.parseInt(lower.slice(2), 16), whole);
    if (lower.startsWith('#')) return safeCodePoint(Number.parseInt(lower.slice(1), 10), whole);
    return NAMED[lower] ?? whole;
  });
}

function safeCodePoint(cp: number, fallback: string): string {
  return Number.isInteger(cp) && cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : fallback;
}

const NEEDS_ENTITY = 1;
const NEEDS_NFC = 2;
const NEEDS_ZERO_WIDTH = 4;
const NEEDS_SPACE = 8;

/** What normaliseSpace has to do to `s`, found in one pass over its UTF-16 units (0: nothing). */
function needs(s: string): number {
  let flags = 0;
  let prevSpace = true; // a leading space needs trimming
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) {
      if (prevSpace) flags |= NEEDS_SPACE;
      prevSpace = true;
      continue;
    }
    prevSpace = false;
    if (c < 32) flags |= NEEDS_SPACE;
    else if (c === 38) flags |= NEEDS_ENTITY;
    else if (c >= 0x80) {
      if (
        (c >= 0x0300 && c <= 0x036f) ||
        (c >= 0x1dc0 && c <= 0x1dff) ||
        (c >= 0x20d0 && c <= 0x20ff) ||
        (c >= 0xfe20 && c <= 0xfe2f)
      )
        flags |= NEEDS_NFC;
      else if ((c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff || c === 0x00ad) flags |= NEEDS_ZERO_WIDTH;
      else if (
        c === 0xa0 ||
        (c >= 0x2000 && c <= 0x200a) ||
        c === 0x202f ||
        c === 0x205f ||
        c === 0x3000 ||
        c === 0x1680 ||
        c === 0x2028 ||
        c === 0x2029 ||
        c === 0x85
      )
        flags |= NEEDS_SPACE;
    }
  }
  if (prevSpace && s.length > 0) flags |= NEEDS_SPACE; // trailing space
  return flags;
}

/** NFC, zero-width characters removed, any run of whitespace → one space, trimmed. */
export function normaliseSpace(s: string): string {
  const n = needs(s);
  if (n === 0) return s;
  let t = s;
  if (n & NEEDS_ENTITY) t = decodeLeftover(t);
  if (n & NEEDS_NFC) t = t.normalize('NFC');
  if (n & NEEDS_ZERO_WIDTH) t = t.replace(ZERO_WIDTH, '');
  return t.replace(SPACES, ' ').trim();
}

/** Like normaliseSpace but keeps line breaks (`\n`, collapsed: at most one empty line in a row). */
export function normaliseLines(s: string): string {
  if (!s.includes('\n')) return normaliseSpace(s);
  const out: string[] = [];
  let blank = false;
  for (const line of s.split('\n')) {
    const t = normaliseSpace(line);
    if (t) {
      if (blank && out.length > 0) out.push('');
      out.push(t);
      blank = false;
    } else blank = true;
  }
  return out.join('\n');
}

// fold(): lower case without diacritics, đ → d, one UTF-16 unit in for one out, so offsets in the folded
// string are offsets in the original (NFC) string.
const FOLD_LIMIT = 0x2000;
const foldTable: string[] = [];
for (let c = 0; c < FOLD_LIMIT; c++) {
  const ch = String.fromCharCode(c);
  let base = ch.normalize('NFD').charAt(0);
  if (c === 0x0110 || c === 0x0111) base = 'd';
  const lower = base.toLowerCase();
  foldTable.push(lower.length === 1 ? lower : base.length === 1 ? base : ch);
}

/** Lower-cased, diacritics removed, đ → d; same length as the input (for NFC input, offsets carry over). */
export function fold(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += c < FOLD_LIMIT ? foldTable[c] : s[i];
  }
  return out;
}

/** Number of letters and digits (Unicode-aware). */
export function countWordChars(s: string): number {
  const m = s.match(/[\p{L}\p{N}]/gu);
  return m ? m.length : 0;
}
