export { buildProgram, main, VERSION } from './cli/main.js';
