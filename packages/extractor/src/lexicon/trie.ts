/**
 * A compiled matcher over lexicon surfaces: a trie whose edges are syllables of the matching key. `findAll` makes a
 * single left-to-right scan and returns non-overlapping, leftmost-longest matches at syllable boundaries.
 */
import { cachedKey, isUpperCode, isWordCode, lexiconKey } from './key.js';
import { cachedScan, TokenBuffer, tokenize, tokenKey } from './syllables.js';

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
  /** `exact`: the surface's letters (no spaces or punctuation) in their case. */
  readonly letters: string;
  /** `capitalised`: bit k set when the surface's k-th syllable starts upper-case. */
  readonly initials: number;
  /** With folded diacritics: tone-folded key of the surface's letters, to prefer exact diacritics. */
  readonly exactLetters: string;
}

const NO_ALTERNATIVES: readonly never[] = Object.freeze([]);
const NONE = -1;

/**
 * The trie: node ids are dense integers. Most nodes have one child, kept inline (`onlySyllable`, `onlyChild`);
 * a node with more children keeps them in a Map from syllable id. Keys stay small integers, so building the
 * 100,000-node place trie does not allocate a heap number per edge.
 */
export class SyllableMatcher<T> {
  /** Syllable string → dense id. */
  private readonly syllables = new Map<string, number>();
  private onlySyllable = new Int32Array(1024).fill(NONE);
  private onlyChild = new Int32Array(1024).fill(NONE);
  private readonly moreChildren = new Map<number, Map<number, number>>();
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

  private child(node: number, syllable: number): number {
    if (this.onlySyllable[node] === syllable) return this.onlyChild[node]!;
    return this.moreChildren.get(node)?.get(syllable) ?? NONE;
  }

  private addChild(node: number, syllable: number): number {
    const child = this.nodeCount++;
    if (child >= this.onlyChild.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2).fill(NONE);
        b.set(a);
        return b;
      };
      this.onlySyllable = grow(this.onlySyllable);
      this.onlyChild = grow(this.onlyChild);
    }
    this.terminals.push(undefined);
    if (this.onlySyllable[node] === NONE) {
      this.onlySyllable[node] = syllable;
      this.onlyChild[node] = child;
    } else {
      let more = this.moreChildren.get(node);
      if (more === undefined) {
        more = new Map();
        this.moreChildren.set(node, more);
      }
      more.set(syllable, child);
    }
    return child;
  }

  private add(e: MatcherEntry<T>): void {
    const caseRule = e.caseRule ?? 'any';
    const key = lexiconKey(e.surface, { foldDiacritics: this.foldDiacritics });
    const exactKey = this.foldDiacritics ? lexiconKey(e.surface) : '';
    const toks = tokenize(e.surface, this.buffer);
    if (toks.length === 0) throw new Error(`lexicon surface ${JSON.stringify(e.surface)} has no syllables`);
    let node = 0;
    let letters = '';
    let exactLetters = '';
    let initials = 0;
    let syllable = 0;
    for (let t = 0; t < toks.length; t++) {
      const s = toks.starts[t]!;
      const end = toks.ends[t]!;
      const syl = tokenKey(key, s, end);
      let id = this.syllables.get(syl);
      if (id === undefined) {
        id = this.syllables.size;
        this.syllables.set(syl, id);
      }
      const next = this.child(node, id);
      node = next === NONE ? this.addChild(node, id) : next;
      if (isWordCode(e.surface.charCodeAt(s))) {
        if (caseRule === 'exact') letters += e.surface.slice(s, end);
        if (this.foldDiacritics) exactLetters += exactKey.slice(s, end);
        if (syllable < 31 && isUpperCode(e.surface.charCodeAt(s))) initials |= 1 << syllable;
        syllable++;
      }
    }
    const list = this.terminals[node] ?? [];
    list.push({ value: e.value, caseRule, letters, initials, exactLetters });
    this.terminals[node] = list;
    this.size++;
  }

  /**
   * Every non-overlapping, leftmost-longest match inside [from, to) of `text`. Offsets are into `text` itself.
   */
  findAll(text: string, from = 0, to = text.length): LexiconMatch<T>[] {
    const out: LexiconMatch<T>[] = [];
    const key = cachedKey(text, this.foldDiacritics);
    const { tokens: toks, keys } = cachedScan(
      text,
      key,
      this.foldDiacritics,
      Math.max(0, from),
      Math.min(text.length, to),
    );
    const n = toks.length;
    let i = 0;
    while (i < n) {
      const m = this.longestAt(text, keys, toks, i, n);
      if (m === undefined) {
        i++;
        continue;
      }
      out.push(m.match);
      i = m.next;
    }
    return out;
  }

  /**
   * The longest match starting at token `token` of the scan of [from, to) of `text`, with the index of the token
   * after it: a building block for matchers composed of several tries (the place matcher). Tokens are those of
   * `cachedTokens(text, from, to)` (syllables.ts).
   */
  matchAtToken(
    text: string,
    from: number,
    to: number,
    token: number,
  ): { readonly match: LexiconMatch<T>; readonly next: number } | undefined {
    const key = cachedKey(text, this.foldDiacritics);
    const { tokens, keys } = cachedScan(text, key, this.foldDiacritics, Math.max(0, from), Math.min(text.length, to));
    return token < tokens.length ? this.longestAt(text, keys, tokens, token, tokens.length) : undefined;
  }

  /** The longest match that starts exactly at offset `at` (a syllable start), or undefined. */
  matchAt(text: string, at: number, to = text.length): LexiconMatch<T> | undefined {
    const key = cachedKey(text, this.foldDiacritics);
    const toks = tokenize(text, this.buffer, at, Math.min(text.length, to));
    if (toks.length === 0 || toks.starts[0] !== at) return undefined;
    const keys: string[] = [];
    for (let i = 0; i < toks.length; i++) keys.push(tokenKey(key, toks.starts[i]!, toks.ends[i]!));
    return this.longestAt(text, keys, toks, 0, toks.length)?.match;
  }

  private longestAt(
    text: string,
    keys: readonly string[],
    toks: TokenBuffer,
    i: number,
    n: number,
  ): { match: LexiconMatch<T>; next: number } | undefined {
    let node = 0;
    let bestEnd = -1;
    let best: Terminal<T>[] | undefined;
    for (let j = i; j < n; j++) {
      const id = this.syllables.get(keys[j]!);
      if (id === undefined) break;
      const child = this.child(node, id);
      if (child === NONE) break;
      node = child;
      const terms = this.terminals[node];
      if (terms !== undefined) {
        const ok =
          terms.length === 1
            ? caseAgrees(terms[0]!, text, toks, i, j + 1)
              ? terms
              : undefined
            : terms.filter((t) => caseAgrees(t, text, toks, i, j + 1));
        if (ok !== undefined && ok.length > 0) {
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
      if (syl < 31 && (t.initials & (1 << syl)) !== 0 && !isUpperCode(text.charCodeAt(s))) return false;
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
