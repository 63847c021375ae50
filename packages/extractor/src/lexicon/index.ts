export { LexiconError, type LexiconLocation } from './errors.js';
export {
  type CommuneMapping,
  defaultGazetteerFile,
  type Era,
  Gazetteer,
  loadGazetteer,
  mapToNew,
  type NewUnitTarget,
  type PlaceCandidate,
  type PlaceResolution,
  type ResolveOptions,
  resolvePlace,
} from './gazetteer.js';
export {
  defaultLexiconDir,
  type Lexicons,
  lexiconVersion,
  loadLexiconFile,
  loadLexicons,
  surfaceKey,
  surfacesOf,
} from './load.js';
export { isAbbreviation, type LexiconMatchers, lexiconMatchers, matcherEntries } from './matchers.js';
export { compilePlaceMatcher, type FindPlacesOptions, findPlaces, type PlaceMention } from './place-matcher.js';
export { LEVEL_WORDS, type LevelWord, type PlaceLevel, placeNameKey, splitLevelWord } from './place-name.js';
export {
  type AbbreviationEntry,
  CUE_CATEGORIES,
  type CueEntry,
  LEXICON_NAMES,
  type LexiconEntryTypes,
  type LexiconName,
  type SurnameEntry,
  type TitleEntry,
  type TriggerEntry,
  type UnitEntry,
} from './schema.js';
export {
  type CaseRule,
  compileMatcher,
  type LexiconMatch,
  type MatcherEntry,
  type MatcherOptions,
  SyllableMatcher,
} from './trie.js';
