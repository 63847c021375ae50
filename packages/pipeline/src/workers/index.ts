export * from './error-kinds.js';
export * from './run-workers.js';
export * from './stage-processor.js';
export * from './terminal.js';
export * from './worker-set.js';
