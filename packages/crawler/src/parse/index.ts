export type { DateKind, DatelineHit } from './dates.js';
export { dateFromUrl, parseDateline, parseMachineDate, VIETNAM_OFFSET } from './dates.js';
export { ParseInputError, SiteSelectorError } from './errors.js';
export {
  detectLang,
  ENGLISH_SHARE,
  englishShare,
  francLang,
  LANG_CANDIDATES,
  MIN_LANG_CHARS,
  toIso6393,
  VIETNAMESE_SHARE,
  vietnameseShare,
} from './lang.js';
export { CLASS_ROLES, CLUTTER_PHRASES, LexiconError } from './lexicon/index.js';
export { MAX_HTML_CHARS, parse } from './parse.js';
export type { ParseOptions, ParseResult } from './types.js';
export { isNotArticle } from './types.js';
