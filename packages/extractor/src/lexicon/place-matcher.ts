/**
 * Finds place mentions in a text: names introduced by a level word ("huyện Đầm Hà", "tỉnh Long An", "TP. Hồ Chí
 * Minh", "xã Tân Bình") or by the party committee of that level ("Huyện ủy Mường Ảng"), and bare names of provinces
 * and of districts whose name is unique ("Mường Ảng", "Bắc Kạn"). Names must be capitalised as in the official name,
 * so "xã hội" is not the commune "Hội".
 *
 * Two tries, composed: a small one of introducers and one of names (each name carrying its units by level word), so
 * the name trie holds each name once rather than once per introducer. Compiled on first use, cached per gazetteer.
 */
import { type Era, type Gazetteer, loadGazetteer, type PlaceCandidate, type Unit } from './gazetteer.js';
import { lexiconKey } from './key.js';
import { isAbbreviation } from './matchers.js';
import { type LevelWord, placeNameKey, splitLevelWord } from './place-name.js';
import { cachedTokens } from './syllables.js';
import { type MatcherEntry, SyllableMatcher } from './trie.js';

export interface PlaceMention {
  /** Half-open span of the whole mention, introducer included. */
  readonly start: number;
  readonly end: number;
  /** Where the name itself starts (equals `start` for a bare name). */
  readonly nameStart: number;
  /** The introducing words as written ("huyện", "Huyện ủy", "TP."), or null for a bare name. */
  readonly introducer: string | null;
  /** The level word the introducer stands for ("Huyện ủy" → "huyện"), or null for a bare name. */
  readonly levelWord: LevelWord | null;
  /** The units the name can denote, in the requested era(s); narrow them with `Gazetteer.narrow`. */
  readonly candidates: readonly PlaceCandidate[];
}

export interface FindPlacesOptions {
  readonly from?: number;
  readonly to?: number;
  /** Keep only candidates of this era (mentions left with none are dropped). */
  readonly era?: Era;
  /** Also match names written without diacritics. Default false. */
  readonly foldDiacritics?: boolean;
}

/** The units a name can denote: by the level word that may introduce it, and those it may denote alone. */
interface NameEntry {
  readonly byLevelWord: Map<LevelWord, number[]>;
  readonly bare: number[];
}

interface PlaceTries {
  readonly introducers: SyllableMatcher<LevelWord>;
  readonly names: SyllableMatcher<NameEntry>;
}

function compile(g: Gazetteer, foldDiacritics: boolean): PlaceTries {
  const introEntries: MatcherEntry<LevelWord>[] = [];
  for (const [word, intros] of Object.entries(g.introducers) as [LevelWord, readonly string[]][])
    for (const intro of intros)
      introEntries.push({ surface: intro, value: word, caseRule: isAbbreviation(intro) ? 'exact' : 'any' });

  // Which district names are unique (and not also a province's name), to be matched without a level word.
  const districtCount = new Map<string, number>();
  const provinceKeys = new Set<string>();
  for (const u of g.units) {
    if (u.level === 'district') districtCount.set(u.bareKey, (districtCount.get(u.bareKey) ?? 0) + 1);
    if (u.level === 'province') provinceKeys.add(u.bareKey);
  }
  const excluded = new Set(g.bareExcluded.map((n) => placeNameKey(n, false)));
  const bareAllowed = (u: Unit, k: string) => {
    if (excluded.has(k)) return false;
    if (u.level === 'province') return true;
    if (u.level !== 'district') return false;
    return districtCount.get(k) === 1 && !provinceKeys.has(k) && k.includes(' ') && !/^\d/.test(k);
  };

  const names = new Map<string, { surface: string; entry: NameEntry }>();
  const add = (bare: string, levelWord: LevelWord | null, ref: number, allowBare: boolean) => {
    const key = lexiconKey(bare);
    let named = names.get(key);
    if (named === undefined) {
      named = { surface: bare, entry: { byLevelWord: new Map(), bare: [] } };
      names.set(key, named);
    }
    if (levelWord !== null) {
      const refs = named.entry.byLevelWord.get(levelWord);
      if (refs === undefined) named.entry.byLevelWord.set(levelWord, [ref]);
      else if (!refs.includes(ref)) refs.push(ref);
    }
    if (allowBare && !named.entry.bare.includes(ref)) named.entry.bare.push(ref);
  };
  for (const u of g.units) {
    const allowBare = bareAllowed(u, u.bareKey);
    add(u.bare, u.levelWord, u.ref, allowBare);
    if (u.bare.includes('-')) add(u.bare.replace(/\s*-\s*/g, ' '), u.levelWord, u.ref, allowBare);
    for (const alias of g.aliasesOf.get(u.ref) ?? []) {
      const s = splitLevelWord(alias);
      const aliasBare = bareAllowed(u, placeNameKey(s.bare, false));
      add(s.bare, s.levelWord ?? u.levelWord, u.ref, aliasBare);
    }
  }
  const nameEntries: MatcherEntry<NameEntry>[] = [];
  for (const { surface, entry } of names.values()) nameEntries.push({ surface, value: entry, caseRule: 'capitalised' });
  return {
    introducers: new SyllableMatcher(introEntries, { foldDiacritics }),
    names: new SyllableMatcher(nameEntries, { foldDiacritics }),
  };
}

const compiled = new WeakMap<Gazetteer, Map<boolean, PlaceTries>>();

function placeTries(g: Gazetteer, foldDiacritics: boolean): PlaceTries {
  let byFold = compiled.get(g);
  if (byFold === undefined) {
    byFold = new Map();
    compiled.set(g, byFold);
  }
  let m = byFold.get(foldDiacritics);
  if (m === undefined) {
    m = compile(g, foldDiacritics);
    byFold.set(foldDiacritics, m);
  }
  return m;
}

/** Compiles the place matcher of a gazetteer now (it is otherwise compiled on the first `findPlaces`). */
export function compilePlaceMatcher(
  g: Gazetteer = loadGazetteer(),
  foldDiacritics = false,
): { readonly names: number } {
  return { names: placeTries(g, foldDiacritics).names.size };
}

/** Every place mention in `text` (non-overlapping, longest first), with the units each can denote. */
export function findPlaces(
  text: string,
  options: FindPlacesOptions = {},
  g: Gazetteer = loadGazetteer(),
): PlaceMention[] {
  const { introducers, names } = placeTries(g, options.foldDiacritics ?? false);
  const from = Math.max(0, options.from ?? 0);
  const to = Math.min(text.length, options.to ?? text.length);
  const out: PlaceMention[] = [];
  const emit = (start: number, nameStart: number, end: number, levelWord: LevelWord | null, refs: number[]) => {
    const candidates = refs
      .map((ref) => g.candidate(ref))
      .filter((c) => options.era === undefined || c.era === options.era);
    if (candidates.length === 0) return false;
    out.push({
      start,
      end,
      nameStart,
      introducer: levelWord === null ? null : text.slice(start, nameStart).trimEnd(),
      levelWord,
      candidates,
    });
    return true;
  };
  const n = cachedTokens(text, from, to).length;
  let i = 0;
  while (i < n) {
    const intro = introducers.matchAtToken(text, from, to, i);
    if (intro !== undefined) {
      const name = names.matchAtToken(text, from, to, intro.next);
      const refs = name?.match.entry.byLevelWord.get(intro.match.entry);
      if (name !== undefined && refs !== undefined) {
        if (emit(intro.match.start, name.match.start, name.match.end, intro.match.entry, refs)) {
          i = name.next;
          continue;
        }
      }
    }
    const bare = names.matchAtToken(text, from, to, i);
    if (bare !== undefined && bare.match.entry.bare.length > 0) {
      if (emit(bare.match.start, bare.match.start, bare.match.end, null, bare.match.entry.bare)) {
        i = bare.next;
        continue;
      }
    }
    i++;
  }
  return out;
}
