export * from './article.js';
export * from './event.js';
export * from './json-schema.js';
export * from './site.js';
export * from './span.js';
export * from './validate.js';
