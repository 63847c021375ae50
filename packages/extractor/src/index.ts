export * from './eval/index.js';
export { EXTRACTOR_NAME, EXTRACTOR_VERSION, type ExtractInput, extract } from './events/extract.js';
export { compileRules, type EventRules, eventRules } from './events/rules.js';
export { loadGazetteer, mapToNew, resolvePlace } from './lexicon/gazetteer.js';
export { lexiconVersion, loadLexicons } from './lexicon/load.js';
export { lexiconMatchers } from './lexicon/matchers.js';
export * from './recognizers/index.js';
export * from './text/index.js';
