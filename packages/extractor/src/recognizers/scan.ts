/** Shared regex plumbing for the recognizers: scanning a window of the text and reading spans from match indices. */

/** Whitespace inside one line: date and number phrases never continue across a line break. */
export const WS = '[^\\S\\n]';
/** Not preceded by a letter or digit (JavaScript's \b is ASCII-only, useless for Vietnamese). */
export const B = '(?<![\\p{L}\\p{M}\\p{N}])';
/** Not followed by a letter or digit. */
export const E = '(?![\\p{L}\\p{M}\\p{N}])';

export type Span = [number, number];

/**
 * Every match of a global `d`-flagged regex whose start lies in [from, to). Each scan resumes one code unit after
 * the previous match start, so a reading the caller rejects does not hide a shorter one inside it; callers keep
 * the best of overlapping candidates with `dropOverlaps`.
 */
export function scan(re: RegExp, text: string, from: number, to: number): IndexedMatch[] {
  const out: IndexedMatch[] = [];
  re.lastIndex = from;
  for (;;) {
    const m = re.exec(text);
    if (m === null || m.index >= to) break;
    out.push(m as IndexedMatch);
    re.lastIndex = m.index + 1;
  }
  re.lastIndex = 0;
  return out;
}

export type IndexedMatch = RegExpExecArray & { indices: RegExpIndicesArray };

/** Span of a named group, or null when the group did not take part in the match. */
export function groupSpan(m: { indices: RegExpIndicesArray }, name: string): Span | null {
  const s = m.indices.groups?.[name];
  return s ? [s[0], s[1]] : null;
}

/** Clamp a window to the text and to sane integers; tolerant of any number the caller passes. */
export function window(text: string, from?: number, to?: number): [number, number] {
  const f = Number.isFinite(from) ? Math.max(0, Math.min(text.length, Math.trunc(from as number))) : 0;
  const t = Number.isFinite(to) ? Math.max(f, Math.min(text.length, Math.trunc(to as number))) : text.length;
  return [f, t];
}

/** How far past the end of a window the regexes of this folder may look (look-aheads, the rest of a match). */
export const LOOKAHEAD_MARGIN = 96;

/**
 * The text cut a little after `to`: offsets are unchanged (the cut starts at 0), and a global regex then stops
 * searching near the window instead of running on to the end of a long text.
 */
export function viewUpTo(text: string, to: number): string {
  return to + LOOKAHEAD_MARGIN < text.length ? text.slice(0, to + LOOKAHEAD_MARGIN) : text;
}

/** Keeps the earliest-starting, then longest, of overlapping candidates. */
export function dropOverlaps<T extends { start: number; end: number }>(items: T[]): T[] {
  const sorted = [...items].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: T[] = [];
  let lastEnd = -1;
  for (const it of sorted) {
    if (it.start >= lastEnd) {
      out.push(it);
      lastEnd = it.end;
    }
  }
  return out;
}

/** A match reduced to plain data: its extent, its named groups and their spans. */
export interface Hit {
  index: number;
  end: number;
  groups: Record<string, string | undefined>;
  spans: Record<string, Span | undefined>;
}

const NO_GROUPS: Readonly<Record<string, undefined>> = Object.freeze({});

/**
 * The hit of a match. Its groups and (at offset 0) its spans are the match's own objects, which every exec makes
 * afresh, not copies: copying named groups costs more than the match itself. Hits are read, never changed.
 */
export function hitOf(m: IndexedMatch, offset = 0): Hit {
  let spans: Record<string, Span | undefined> = (m.indices.groups as Record<string, Span | undefined>) ?? NO_GROUPS;
  if (offset !== 0) {
    const shifted: Record<string, Span | undefined> = {};
    for (const k in spans) {
      const v = spans[k];
      if (v) shifted[k] = [v[0] + offset, v[1] + offset];
    }
    spans = shifted;
  }
  return { index: m.index + offset, end: m.index + offset + m[0].length, groups: m.groups ?? NO_GROUPS, spans };
}

/** A letter, mark or digit: a character inside a word. */
export const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

/**
 * The leftmost match of an end-anchored (`$`), global, `d`-flagged regex over the `size` characters before `at`,
 * that does not start inside a word of the full text nor before `floor`. Offsets are into `text`.
 */
export function leftMatch(re: RegExp, text: string, at: number, size = 48, floor = 0): Hit | null {
  const from = Math.max(0, floor, at - size);
  const win = text.slice(from, at);
  re.lastIndex = 0;
  for (;;) {
    const m = re.exec(win) as IndexedMatch | null;
    if (m === null) break;
    if (m.index > 0 || from === 0 || !WORD_CHAR.test(text[from - 1]!)) {
      re.lastIndex = 0;
      return hitOf(m, from);
    }
    re.lastIndex = m.index + 1;
  }
  re.lastIndex = 0;
  return null;
}
