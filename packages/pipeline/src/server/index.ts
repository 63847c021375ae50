export * from './app.js';
export * from './errors.js';
export * from './export-format.js';
export * from './params.js';
export * from './queue-counts.js';
export * from './security.js';
export * from './serve.js';
export * from './trends.js';
