/** Compiled matchers over the loaded lexicons, one per lexicon, built once per Lexicons object and option set. */
import { isLowerCode, isUpperCode } from './key.js';
import { type Lexicons, loadLexicons, surfacesOf } from './load.js';
import { DEFAULT_CASE_RULES, type LexiconEntryTypes, type LexiconName } from './schema.js';
import { type CaseRule, type MatcherEntry, type MatcherOptions, SyllableMatcher } from './trie.js';

export type LexiconMatchers = { readonly [K in LexiconName]: SyllableMatcher<LexiconEntryTypes[K]> };

/** An all-capitals surface with at least two letters ("UBND", "TP.") is an abbreviation and matches case-exactly. */
export function isAbbreviation(surface: string): boolean {
  let upper = 0;
  for (let i = 0; i < surface.length; i++) {
    const c = surface.charCodeAt(i);
    if (isLowerCode(c)) return false;
    if (isUpperCode(c)) upper++;
  }
  return upper >= 2;
}

/**
 * The matcher entries of a lexicon: one per surface and alias. The case rule is the entry's own `caseRule`, else
 * `exact` for an all-capitals abbreviation, else the lexicon's default (surnames: capitalised; abbreviations: exact).
 */
export function matcherEntries<K extends LexiconName>(
  name: K,
  entries: readonly LexiconEntryTypes[K][],
): MatcherEntry<LexiconEntryTypes[K]>[] {
  const out: MatcherEntry<LexiconEntryTypes[K]>[] = [];
  for (const value of entries) {
    for (const surface of surfacesOf(value)) {
      const caseRule: CaseRule = value.caseRule ?? (isAbbreviation(surface) ? 'exact' : DEFAULT_CASE_RULES[name]);
      out.push({ surface, value, caseRule });
    }
  }
  return out;
}

const compiled = new WeakMap<Lexicons, Map<boolean, LexiconMatchers>>();

/** The compiled matchers of `lexicons` (default: the package's lexicons), cached. */
export function lexiconMatchers(lexicons: Lexicons = loadLexicons(), options: MatcherOptions = {}): LexiconMatchers {
  const fold = options.foldDiacritics ?? false;
  let byFold = compiled.get(lexicons);
  if (byFold === undefined) {
    byFold = new Map();
    compiled.set(lexicons, byFold);
  }
  const cached = byFold.get(fold);
  if (cached !== undefined) return cached;
  const opts: MatcherOptions = { foldDiacritics: fold };
  const m: LexiconMatchers = {
    titles: new SyllableMatcher(matcherEntries('titles', lexicons.titles), opts),
    units: new SyllableMatcher(matcherEntries('units', lexicons.units), opts),
    abbreviations: new SyllableMatcher(matcherEntries('abbreviations', lexicons.abbreviations), opts),
    cues: new SyllableMatcher(matcherEntries('cues', lexicons.cues), opts),
    triggers: new SyllableMatcher(matcherEntries('triggers', lexicons.triggers), opts),
    surnames: new SyllableMatcher(matcherEntries('surnames', lexicons.surnames), opts),
  };
  byFold.set(fold, m);
  return m;
}
