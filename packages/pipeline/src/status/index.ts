export * from './failed-jobs.js';
export * from './queue-status.js';
export * from './table.js';
