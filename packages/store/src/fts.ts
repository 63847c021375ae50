import { foldedWords, foldKey, foldText } from './fold.js';
import type { Dialect } from './sql/driver.js';

/**
 * Full text on both backends from one tokenisation: text is folded (no diacritics, đ = d, lower case) and cut
 * into runs of letters and digits, in JavaScript. SQLite's FTS5 indexes the folded text (unicode61 splits
 * it the same way); PostgreSQL gets a ready tsvector literal (`'kiem':3,17 'tra':4`), which is an order of
 * magnitude cheaper than to_tsvector's parser and needs no unaccent.
 */
export function ftsDocument(text: string): string {
  // FTS5's unicode61 tokenizer splits on everything but letters and digits itself.
  return foldText(text);
}

const MAX_POSITION = 16383;
const MAX_POSITIONS_PER_WORD = 256;

/** A tsvector literal of the folded words of `text`, with positions (so phrases match). */
export function tsvectorLiteral(text: string): string {
  const positions = new Map<string, number[]>();
  let pos = 0;
  for (const w of foldKey(text).split(' ')) {
    if (!w) continue;
    pos = Math.min(pos + 1, MAX_POSITION);
    if (w.length > 200) continue;
    const list = positions.get(w);
    if (!list) positions.set(w, [pos]);
    else if (list.length < MAX_POSITIONS_PER_WORD) list.push(pos);
  }
  const parts: string[] = [];
  for (const [w, ps] of positions) parts.push(`'${w}':${ps.join(',')}`);
  return parts.join(' ');
}

/**
 * A full-text query: bare words, and "quoted phrases" whose words must be adjacent (Vietnamese words are
 * often two syllables: "kiểm tra"). Returns an FTS5 MATCH expression or a tsquery literal, or null when
 * nothing searchable is left.
 */
export function compileTextQuery(dialect: Dialect, q: string): string | null {
  const groups: string[][] = [];
  for (const m of q.matchAll(/"([^"]*)"|(\S+)/g)) {
    const words = foldedWords(m[1] ?? m[2] ?? '');
    if (m[1] !== undefined) {
      if (words.length) groups.push(words);
    } else for (const w of words) groups.push([w]);
  }
  if (groups.length === 0) return null;
  if (dialect === 'sqlite') return groups.map((g) => `"${g.join(' ')}"`).join(' AND ');
  return groups.map((g) => (g.length > 1 ? `(${g.map((w) => `'${w}'`).join(' <-> ')})` : `'${g[0]}'`)).join(' & ');
}
