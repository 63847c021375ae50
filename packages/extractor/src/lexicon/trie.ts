/**
 * A compiled matcher over lexicon surfaces: a trie whose edges are syllables of the matching key. `findAll` makes a
 * single left-to-right scan and returns non-overlapping, leftmost-longest matches at syllable boundaries.
 */
import { cachedKey, isUpperCode, isWordCode, lexiconKey } from './key.js';
import { TokenBuffer, tokenize, tokenKey } from './syllables.js';

/**
 * How the letter case of the text must agree with the surface: `any` ignores case; `capitalised` requires an
 * upper-case initial in the text wherever the surface's syllable has one ("Ma" the surname, not "ma"); `exact`
 * requires every letter's case to agree ("TU" the abbreviation, not "tu").
 */
export type CaseRule = 'any' | 'capitalised' | 'exact';

export interface MatcherEntry<T> {
  readonly surface: string;
  readonly value: T;
  readonly caseRule?: CaseRule;
}

export interface MatcherOptions {
  /** Also match without diacritics ("Dam Ha" finds "Đầm Hà"; "Huyên ủy" finds "Huyện ủy"). Default false. */
  readonly foldDiacritics?: boolean;
}

/** A half-open span [start, end) of the text and the entry that matched it. */
export interface LexiconMatch<T> {
  readonly start: number;
  readonly end: number;
  /** The best entry: one whose surface has the text's exact diacritics if any, else the first that matched. */
  readonly entry: T;
  /** Other entries with the same key at this span (only when several surfaces share a key); usually empty. */
  readonly alternatives: readonly T[];
}

interface Terminal<T> {
  readonly value: T;
  readonly caseRule: CaseRule;
  /** The surface's letters (no spaces or punctuation) in their case, for the case rules. */
  readonly letters: string;
  /** Per syllable, 1 when the surface's syllable starts upper-case. */
  readonly initials: readonly boolean[];
  /** Tone-folded key of the surface's letters, to prefer exact diacritics when folding them. */
  readonly exactLetters: string;
}

const NO_ALTERNATIVES: readonly never[] = Object.freeze([]);
const SYLLABLE_BITS = 2 ** 22;

export class SyllableMatcher<T> {
  /** Syllable string → dense id. */
  private readonly syllables = new Map<string, number>();
  /** nodeId * 2^22 + syllableId → child node id. */
  private readonly edges = new Map<number, number>();
  private readonly terminals: (Terminal<T>[] | undefined)[] = [undefined];
  private nodeCount = 1;
  private readonly buffer = new TokenBuffer();
  readonly foldDiacritics: boolean;
  /** Number of surfaces compiled in. */
  size = 0;

  constructor(entries: Iterable<MatcherEntry<T>>, options: MatcherOptions = {}) {
    this.foldDiacritics = options.foldDiacritics ?? false;
    for (const e of entries) this.add(e);
  }

  private add(e: MatcherEntry<T>): void {
    const key = lexiconKey(e.surface, { foldDiacritics: this.foldDiacritics });
    const exactKey = this.foldDiacritics ? lexiconKey(e.surface) : key;
    const toks = tokenize(e.surface, this.buffer);
    if (toks.length === 0) throw new Error(`lexicon surface ${JSON.stringify(e.surface)} has no syllables`);
    let node = 0;
    let letters = '';
    let exactLetters = '';
    const initials: boolean[] = [];
    for (let t = 0; t < toks.length; t++) {
      const s = toks.starts[t]!;
      const end = toks.ends[t]!;
      const syl = tokenKey(key, s, end);
      let id = this.syllables.get(syl);
      if (id === undefined) {
        id = this.syllables.size;
        this.syllables.set(syl, id);
      }
      const edge = node * SYLLABLE_BITS + id;
      let child = this.edges.get(edge);
      if (child === undefined) {
        child = this.nodeCount++;
        this.edges.set(edge, child);
        this.terminals.push(undefined);
      }
      node = child;
      if (isWordCode(e.surface.charCodeAt(s))) {
        letters += e.surface.slice(s, end);
        exactLetters += exactKey.slice(s, end);
        initials.push(isUpperCode(e.surface.charCodeAt(s)));
      }
    }
    const list = this.terminals[node] ?? [];
    list.push({ value: e.value, caseRule: e.caseRule ?? 'any', letters, initials, exactLetters });
    this.terminals[node] = list;
    this.size++;
  }

  /**
   * Every non-overlapping, leftmost-longest match inside [from, to) of `text`. Offsets are into `text` itself.
   */
  findAll(text: string, from = 0, to = text.length): LexiconMatch<T>[] {
    const out: LexiconMatch<T>[] = [];
    const key = cachedKey(text, this.foldDiacritics);
    const toks = tokenize(text, this.buffer, Math.max(0, from), Math.min(text.length, to));
    const n = toks.length;
    let i = 0;
    while (i < n) {
      const m = this.longestAt(text, key, toks, i, n);
      if (m === undefined) {
        i++;
        continue;
      }
      out.push(m.match);
      i = m.next;
    }
    return out;
  }

  /** The longest match that starts exactly at offset `at` (a syllable start), or undefined. */
  matchAt(text: string, at: number, to = text.length): LexiconMatch<T> | undefined {
    const key = cachedKey(text, this.foldDiacritics);
    const toks = tokenize(text, this.buffer, at, Math.min(text.length, to));
    if (toks.length === 0 || toks.starts[0] !== at) return undefined;
    return this.longestAt(text, key, toks, 0, toks.length)?.match;
  }

  private longestAt(
    text: string,
    key: string,
    toks: TokenBuffer,
    i: number,
    n: number,
  ): { match: LexiconMatch<T>; next: number } | undefined {
    let node = 0;
    let bestEnd = -1;
    let best: Terminal<T>[] | undefined;
    for (let j = i; j < n; j++) {
      const id = this.syllables.get(tokenKey(key, toks.starts[j]!, toks.ends[j]!));
      if (id === undefined) break;
      const child = this.edges.get(node * SYLLABLE_BITS + id);
      if (child === undefined) break;
      node = child;
      const terms = this.terminals[node];
      if (terms !== undefined) {
        const ok = terms.filter((t) => caseAgrees(t, text, toks, i, j + 1));
        if (ok.length > 0) {
          bestEnd = j + 1;
          best = ok;
        }
      }
    }
    if (best === undefined) return undefined;
    const start = toks.starts[i]!;
    const end = toks.ends[bestEnd - 1]!;
    let chosen = best[0]!;
    if (this.foldDiacritics && best.length > 1) {
      const exact = lettersOf(lexiconKey(text.slice(start, end)), toks, i, bestEnd, start);
      chosen = best.find((t) => t.exactLetters === exact) ?? chosen;
    }
    const alternatives = best.length > 1 ? best.filter((t) => t !== chosen).map((t) => t.value) : NO_ALTERNATIVES;
    return { match: { start, end, entry: chosen.value, alternatives }, next: bestEnd };
  }
}

/** The letters of tokens [i, j) of `s`, where `s` starts at text offset `base`. */
function lettersOf(s: string, toks: TokenBuffer, i: number, j: number, base: number): string {
  let out = '';
  for (let t = i; t < j; t++) {
    const a = toks.starts[t]! - base;
    if (isWordCode(s.charCodeAt(a))) out += s.slice(a, toks.ends[t]! - base);
  }
  return out;
}

function caseAgrees<T>(t: Terminal<T>, text: string, toks: TokenBuffer, i: number, j: number): boolean {
  if (t.caseRule === 'any') return true;
  let k = 0; // index into t.letters
  let syl = 0;
  for (let x = i; x < j; x++) {
    const s = toks.starts[x]!;
    const e = toks.ends[x]!;
    if (!isWordCode(text.charCodeAt(s))) continue;
    if (t.caseRule === 'capitalised') {
      if (t.initials[syl] === true && !isUpperCode(text.charCodeAt(s))) return false;
    } else {
      for (let p = s; p < e; p++, k++) {
        if (isUpperCode(text.charCodeAt(p)) !== isUpperCode(t.letters.charCodeAt(k))) return false;
      }
    }
    syl++;
  }
  return true;
}

/** Compiles entries into a matcher. Build it once and reuse it: compiling is the expensive part. */
export function compileMatcher<T>(
  entries: Iterable<MatcherEntry<T>>,
  options: MatcherOptions = {},
): SyllableMatcher<T> {
  return new SyllableMatcher(entries, options);
}
