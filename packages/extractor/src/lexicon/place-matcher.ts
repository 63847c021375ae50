/**
 * Finds place mentions in a text: names introduced by a level word ("huyện Đầm Hà", "tỉnh Long An", "TP. Hồ Chí
 * Minh", "xã Tân Bình") or by the party committee of that level ("Huyện ủy Mường Ảng"), and bare names of provinces
 * and of districts whose name is unique ("Mường Ảng", "Bắc Kạn"). Names must be capitalised as in the official name,
 * so "xã hội" is not the commune "Hội". The matcher is compiled on first use and cached per gazetteer.
 */
import { type Era, type Gazetteer, loadGazetteer, type PlaceCandidate, type Unit } from './gazetteer.js';
import { lexiconKey } from './key.js';
import { type LevelWord, placeNameKey, splitLevelWord } from './place-name.js';
import { TokenBuffer, tokenize } from './syllables.js';
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

interface PlaceEntry {
  readonly refs: number[];
  readonly levelWord: LevelWord | null;
  /** Tokens taken by the introducer. */
  readonly introTokens: number;
}

/** How articles introduce a name of each level: the level word, its abbreviations, the party committee. */
const INTRODUCERS: { readonly [W in LevelWord]: readonly string[] } = {
  tỉnh: ['tỉnh', 'Tỉnh ủy'],
  'thành phố': ['thành phố', 'TP.', 'TP', 'Tp.', 'Thành ủy'],
  huyện: ['huyện', 'Huyện ủy'],
  quận: ['quận', 'Quận ủy'],
  'thị xã': ['thị xã', 'TX.', 'TX', 'Thị ủy'],
  xã: ['xã', 'Đảng ủy xã'],
  phường: ['phường', 'Đảng ủy phường'],
  'thị trấn': ['thị trấn', 'TT.', 'Đảng ủy thị trấn'],
  'đặc khu': ['đặc khu'],
};

const buffer = new TokenBuffer();
const INTRO_TOKENS = new Map(
  Object.values(INTRODUCERS)
    .flat()
    .map((intro) => [intro, tokenize(intro, buffer).length]),
);

function compile(g: Gazetteer, foldDiacritics: boolean): SyllableMatcher<PlaceEntry> {
  const groups = new Map<string, { surface: string; entry: PlaceEntry }>();
  const add = (intro: string | null, bare: string, bareKey: string, ref: number, levelWord: LevelWord | null) => {
    const key = `${intro ?? ''}|${bareKey}`;
    const group = groups.get(key);
    if (group !== undefined) {
      if (!group.entry.refs.includes(ref)) group.entry.refs.push(ref);
      return;
    }
    const surface = intro === null ? bare : `${intro} ${bare}`;
    const introTokens = intro === null ? 0 : INTRO_TOKENS.get(intro)!;
    groups.set(key, { surface, entry: { refs: [ref], levelWord: intro === null ? null : levelWord, introTokens } });
  };
  const variants = (bare: string) => (bare.includes('-') ? [bare, bare.replace(/\s*-\s*/g, ' ')] : [bare]);

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

  for (const u of g.units) {
    const names = [{ levelWord: u.levelWord, bare: u.bare, key: u.bareKey }];
    for (const alias of g.aliasesOf.get(u.ref) ?? []) {
      const s = splitLevelWord(alias);
      names.push({ levelWord: s.levelWord ?? u.levelWord, bare: s.bare, key: placeNameKey(s.bare, false) });
    }
    for (const { levelWord, bare, key } of names) {
      const allowBare = bareAllowed(u, key);
      for (const b of variants(bare)) {
        const k = lexiconKey(b);
        if (levelWord !== null) for (const intro of INTRODUCERS[levelWord]) add(intro, b, k, u.ref, levelWord);
        if (allowBare) add(null, b, k, u.ref, null);
      }
    }
  }
  const entries: MatcherEntry<PlaceEntry>[] = [...groups.values()].map((g) => ({
    surface: g.surface,
    value: g.entry,
    caseRule: 'capitalised',
  }));
  return new SyllableMatcher(entries, { foldDiacritics });
}

const compiled = new WeakMap<Gazetteer, Map<boolean, SyllableMatcher<PlaceEntry>>>();

/** The compiled place matcher of a gazetteer (built on first use, ~16,000 surfaces). */
export function placeMatcher(g: Gazetteer = loadGazetteer(), foldDiacritics = false): SyllableMatcher<PlaceEntry> {
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

/** Every place mention in `text` (non-overlapping, longest first), with the units each can denote. */
export function findPlaces(
  text: string,
  options: FindPlacesOptions = {},
  g: Gazetteer = loadGazetteer(),
): PlaceMention[] {
  const matcher = placeMatcher(g, options.foldDiacritics ?? false);
  const out: PlaceMention[] = [];
  const toks = new TokenBuffer();
  for (const m of matcher.findAll(text, options.from ?? 0, options.to ?? text.length)) {
    const candidates = m.entry.refs
      .map((ref) => g.candidate(ref))
      .filter((c) => options.era === undefined || c.era === options.era);
    if (candidates.length === 0) continue;
    let nameStart = m.start;
    if (m.entry.introTokens > 0) {
      tokenize(text, toks, m.start, m.end);
      nameStart = toks.starts[m.entry.introTokens]!;
    }
    out.push({
      start: m.start,
      end: m.end,
      nameStart,
      introducer: nameStart > m.start ? text.slice(m.start, nameStart).trimEnd() : null,
      levelWord: m.entry.levelWord === null || m.entry.introTokens === 0 ? null : m.entry.levelWord,
      candidates,
    });
  }
  return out;
}
