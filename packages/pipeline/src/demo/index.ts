export * from './demo.js';
export * from './fixture-sites.js';
