export * from './crawl-tracker.js';
export * from './stats.js';
