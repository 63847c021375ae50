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
