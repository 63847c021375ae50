// Dependency direction (see ../shared/style.md): schema ← extractor, crawler ← store ← pipeline.
// The extractor imports only the schema; nothing imports the pipeline; library code never imports the testkit.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'schema-has-no-internal-deps',
      severity: 'error',
      from: { path: '^packages/schema/src' },
      to: { path: '^packages/(extractor|crawler|store|pipeline|testkit)/' },
    },
    {
      name: 'schema-has-no-io',
      severity: 'error',
      from: { path: '^packages/schema/src' },
      to: {
        dependencyTypes: ['core'],
        path: '^(fs|net|http|https|child_process|dgram|node:fs|node:net|node:http|node:https|node:child_process)',
      },
    },
    {
      name: 'extractor-imports-only-schema',
      severity: 'error',
      from: { path: '^packages/extractor/src' },
      to: { path: '^packages/(crawler|store|pipeline|testkit)/' },
    },
    {
      name: 'crawler-imports-only-schema',
      severity: 'error',
      from: { path: '^packages/crawler/src' },
      to: { path: '^packages/(extractor|store|pipeline|testkit)/' },
    },
    {
      name: 'store-does-not-import-pipeline',
      severity: 'error',
      from: { path: '^packages/store/src' },
      to: { path: '^packages/(pipeline|testkit)/' },
    },
    {
      name: 'nothing-imports-pipeline',
      severity: 'error',
      from: { pathNot: '^packages/pipeline/' },
      to: { path: '^packages/pipeline/' },
    },
    {
      name: 'src-never-imports-testkit',
      severity: 'error',
      from: { path: '^packages/(schema|extractor|crawler|store|pipeline)/src' },
      to: { path: '^packages/testkit/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    combinedDependencies: true,
    preserveSymlinks: false,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.json'],
    },
  },
};
