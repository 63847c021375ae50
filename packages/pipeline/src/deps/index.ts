export * from './load-ports.js';
export * from './ports.js';
export * from './sites.js';
