export * from './discover-stage.js';
export * from './enqueue.js';
export * from './extract-stage.js';
export * from './fetch-stage.js';
export * from './store-stage.js';
