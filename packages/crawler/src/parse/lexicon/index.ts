export * from './class-roles.js';
export * from './clutter-phrases.js';
export * from './compile.js';
