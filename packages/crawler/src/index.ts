export * from './fetch/index.js';
export * from './parse/index.js';
