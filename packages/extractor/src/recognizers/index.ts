export type { DayRef } from './calendar.js';
export { DATELINE_WINDOW, type Dateline, parseDateline } from './dateline.js';
export {
  type DateBasis,
  type DateMention,
  type FindDatesOptions,
  findDates,
  type PartOfDay,
  weekdayDay,
} from './dates.js';
export { type DocRef, findDocRefs } from './doc-refs.js';
export { RecognizerLexiconError } from './lexicon.js';
export { parseVietnameseNumber } from './numbers.js';
export { findQuantities, type Qualifier, type Quantity } from './quantities.js';
export {
  findYearEvidence,
  headingEnd,
  type InferYearOptions,
  inferYear,
  type YearEvidence,
  type YearInference,
  type YearRule,
} from './year-inference.js';
