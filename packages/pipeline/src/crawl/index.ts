export * from './start-crawl.js';
