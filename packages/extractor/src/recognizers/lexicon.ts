import type { z } from 'zod';

/**
 * A recognizer data file (JSON next to this module) is malformed. Thrown once, when the module loads, never on
 * input text: fix the named entry in the named file.
 */
export class RecognizerLexiconError extends Error {
  override readonly name = 'RecognizerLexiconError';
  constructor(
    readonly file: string,
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${file}: ${path || '(root)'}: ${problem} — fix this entry in packages/extractor/src/recognizers/${file}`);
  }
}

/**
 * Validates a data file with its schema and the rules every phrase list keeps: NFC, trimmed, single spaces,
 * no duplicates within one list. Lists to check are named by `phraseLists` (paths into the parsed value).
 */
export function loadLexicon<S extends z.ZodType>(
  file: string,
  schema: S,
  data: unknown,
  phraseLists: (v: z.infer<S>) => Record<string, readonly string[]>,
): z.infer<S> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RecognizerLexiconError(file, issue ? issue.path.join('.') : '', issue ? issue.message : 'invalid');
  }
  const value = parsed.data as z.infer<S>;
  for (const [where, list] of Object.entries(phraseLists(value))) {
    const seen = new Set<string>();
    for (const phrase of list) {
      if (phrase.length === 0) throw new RecognizerLexiconError(file, where, 'empty phrase');
      if (phrase !== phrase.normalize('NFC'))
        throw new RecognizerLexiconError(file, where, `"${phrase}" is not in Unicode NFC`);
      if (phrase !== phrase.trim() || /\s{2,}|[\t\n\r]/.test(phrase))
        throw new RecognizerLexiconError(file, where, `"${phrase}" has stray whitespace`);
      const key = phrase.toLowerCase();
      if (seen.has(key)) throw new RecognizerLexiconError(file, where, `duplicate phrase "${phrase}"`);
      seen.add(key);
    }
  }
  return value;
}

const TONE = /[\u0300\u0301\u0303\u0309\u0323]/u;

/**
 * Spellings of one syllable under both tone placements used in Vietnamese text: "ủy"/"uỷ", "hòa"/"hoà",
 * "khóa"/"khoá", and "quý"/"quí". NFC does not unify them, so a phrase from a lexicon must match either.
 */
export function toneVariants(syllable: string): string[] {
  const out = new Set<string>([syllable.normalize('NFC')]);
  const nfd = syllable.normalize('NFD');
  // An open syllable ending in oa, oe or uy carries its tone on either vowel; closed ones (hoàng) do not vary.
  const m =
    /(?:[oO]([\u0300\u0301\u0303\u0309\u0323]?)[aAeE]|[uU]([\u0300\u0301\u0303\u0309\u0323]?)[yY])([\u0300\u0301\u0303\u0309\u0323]?)$/u.exec(
      nfd,
    );
  // In "quý" the u belongs to the consonant qu: only quý ↔ quí varies (below).
  if (m && !(m[2] !== undefined && /[qQ]$/u.test(nfd.slice(0, m.index)))) {
    const first = m[1] ?? m[2] ?? '';
    const second = m[3] ?? '';
    if ((first !== '') !== (second !== '')) {
      const tone = first || second;
      const v1 = m[0][0]!;
      const v2 = m[0][m[0].length - 1 - second.length]!;
      const swapped = first ? `${v1}${v2}${tone}` : `${v1}${tone}${v2}`;
      out.add((nfd.slice(0, m.index) + swapped).normalize('NFC'));
    }
  }
  // quý ↔ quí
  const q = /^([qQ][uU])([yYiI])([\u0300\u0301\u0303\u0309\u0323]?)$/u.exec(nfd);
  if (q && TONE.test(q[3] ?? '')) {
    const other = /[yY]/.test(q[2]!) ? (q[2] === 'y' ? 'i' : 'I') : q[2] === 'i' ? 'y' : 'Y';
    out.add(`${q[1]}${other}${q[3]}`.normalize('NFC'));
  }
  return [...out];
}

export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Regex source for one phrase: spaces match any run of whitespace, each syllable in either tone placement. */
export function phraseSource(phrase: string): string {
  return phrase
    .split(' ')
    .map((syl) => {
      const v = toneVariants(syl).map(escapeRegex);
      return v.length === 1 ? v[0]! : `(?:${v.join('|')})`;
    })
    .join('\\s+');
}

/** Alternation of phrases, longest first so that "tỷ đồng" wins over "đồng". */
export function alternation(phrases: readonly string[]): string {
  return [...phrases]
    .sort((a, b) => b.length - a.length)
    .map(phraseSource)
    .join('|');
}

function caselessChar(ch: string): string {
  const lo = ch.toLowerCase();
  const up = ch.toUpperCase();
  if (lo === up || lo.length !== 1 || up.length !== 1) return escapeRegex(ch);
  return `[${lo}${up}]`;
}

/**
 * Like `phraseSource`, but case-insensitive by construction, for regexes that must stay case-sensitive elsewhere
 * (document numbers: "QĐi" is not "QĐI"). JavaScript in Node 20 has no inline (?i:…) group.
 */
export function caselessPhraseSource(phrase: string): string {
  return phrase
    .split(' ')
    .map((syl) => {
      const v = toneVariants(syl).map((x) => [...x].map(caselessChar).join(''));
      return v.length === 1 ? v[0]! : `(?:${v.join('|')})`;
    })
    .join('\\s+');
}

/** Case-insensitive alternation, longest first. */
export function caselessAlternation(phrases: readonly string[]): string {
  return [...new Set(phrases)]
    .sort((a, b) => b.length - a.length)
    .map(caselessPhraseSource)
    .join('|');
}

// Keys of the surfaces seen recently: matches repeat the same few words (kind words, units, weekdays), and a key
// costs a normalisation and the tone variants of every syllable.
const KEYS = new Map<string, string>();
const KEYS_MAX = 4096;

/** Folds case, whitespace runs and tone placement, for looking a matched surface up in a lexicon map. */
export function lookupKey(surface: string): string {
  let key = KEYS.get(surface);
  if (key === undefined) {
    key = surface
      .normalize('NFC')
      .toLowerCase()
      .split(/\s+/u)
      .map((syl) => toneVariants(syl).sort()[0]!)
      .join(' ');
    if (KEYS.size >= KEYS_MAX) KEYS.clear();
    KEYS.set(surface, key);
  }
  return key;
}

/**
 * A look-ahead on the first letter of any of the phrases (both cases, both tone placements): put before a costly
 * look-behind, it lets the regex engine skip most positions of a text cheaply.
 */
export function firstCharLookahead(phrases: readonly string[]): string {
  const chars = new Set<string>();
  for (const p of phrases)
    for (const v of toneVariants(p.split(' ')[0]!)) {
      const c = [...v][0]!;
      chars.add(c.toLowerCase());
      chars.add(c.toUpperCase());
    }
  return `(?=[${[...chars].map((c) => (/[\\\]^-]/.test(c) ? `\\${c}` : c)).join('')}])`;
}
