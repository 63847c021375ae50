/** Lower-cased NFC words (letters and digits), the unit of shingling. */
export function shingleWords(text: string): string[] {
  return text
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

/** Distinct word n-grams (default 3) of a text; a text shorter than n is one shingle. */
export function shingles(text: string, size = 3): Set<string> {
  const words = shingleWords(text);
  if (words.length < size) return new Set(words.length === 0 ? [] : [words.join(' ')]);
  const out = new Set<string>();
  for (let i = 0; i + size <= words.length; i++) out.add(words.slice(i, i + size).join(' '));
  return out;
}

/** Exact Jaccard similarity of two texts' shingle sets (for checks and tests; the index estimates it). */
export function shingleJaccard(a: string, b: string): number {
  const A = shingles(a);
  const B = shingles(b);
  if (A.size === 0 && B.size === 0) return 1;
  let both = 0;
  for (const s of A) if (B.has(s)) both++;
  return both / (A.size + B.size - both);
}
