/** @jest-config-loader esbuild-register */
import type { Config } from 'jest';

// Tests run as native ES modules (node --experimental-vm-modules), compiled by SWC.
// Workspace packages resolve to their TypeScript sources, so no build step precedes the tests.
const config: Config = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022', experimental: { keepImportAttributes: true } },
        module: { type: 'es6' },
        sourceMaps: 'inline',
      },
    ],
  },
  moduleNameMapper: {
    '^@vnevents/([a-z]+)$': '<rootDir>/packages/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testMatch: ['<rootDir>/packages/*/test/**/*.test.ts'],
  testTimeout: 60_000,
  // Real services are shared: keep the worker count small on 2 cores.
  maxWorkers: 2,
};

export default config;
