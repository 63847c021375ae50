export * from './eval/index.js';
export { EXTRACTOR_NAME, EXTRACTOR_VERSION, type ExtractInput, extract } from './events/extract.js';
export { compileRules, type EventRules, eventRules } from './events/rules.js';
export * from './lexicon/index.js';
export * from './recognizers/index.js';
export * from './text/index.js';
