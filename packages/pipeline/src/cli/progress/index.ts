export * from './crawl-progress.js';
