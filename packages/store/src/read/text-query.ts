import { foldedWords } from '../fold.js';
import type { Dialect } from '../sql/driver.js';

/**
 * A full-text query: bare words, and "quoted phrases" whose words must be adjacent (Vietnamese words are
 * often two syllables: "kiểm tra"). Everything is folded, so the query and the indexed text agree.
 * Returns null when nothing searchable is left.
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
  return groups.map((g) => (g.length > 1 ? `(${g.join(' <-> ')})` : g[0])).join(' & ');
}
