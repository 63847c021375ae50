export { AbbreviationDataError, abbreviationKind } from './abbreviations.js';
export { clauses, protectedMask, trimItem } from './clauses.js';
export {
  decodeLegacy,
  encodeLegacy,
  type LegacyEncoding,
  LegacyTableError,
  type LineEvidence,
  looksLegacy,
  scoreLine,
} from './legacy/index.js';
export { type ListSplit, listItems } from './list-items.js';
export { type MatchKeyOptions, matchKey } from './match-key.js';
export { CharacterRuleError, type Conversion, type NormaliseResult, normalise } from './normalise.js';
export type { AbbreviationKind } from './rules/abbreviations.js';
export { paragraphs, type Segment, sentences, trimSegment } from './segment.js';
export { type Token, type TokenKind, tokens } from './tokens.js';
export { isVietnameseSyllable } from './vietnamese.js';
