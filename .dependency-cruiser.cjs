// The rules src/'s layout holds, checked by dependency-cruiser: `npm run check:layout` prints what breaks them,
// and test/layout/dependencies.test.ts fails `npm test` on it. The parts (action, broker, client, harness) sit
// between src/cli, the only layer that reads argv or sets exit codes, on top, and src/platform (what GitHub and
// GitLab put in tokens) at the bottom. Type-only imports count (tsPreCompilationDeps): a module that needs
// another's types is tied to it in the layout even when the bundle drops the import.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'A circle makes two modules one part that reads as two: move what both need into a third.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'cli-on-top',
      comment: 'src/cli is the only layer that reads argv or sets exit codes; the parts never reach up into it.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'platform-at-the-bottom',
      comment: 'src/platform is what GitHub and GitLab put in tokens: every part may use it, so it imports nothing of ours.',
      severity: 'error',
      from: { path: '^src/platform/' },
      to: { path: '^src/', pathNot: '^src/platform/' },
    },
    {
      name: 'no-node-modules-path',
      comment: "A path into node_modules/ goes around the package's exports map and breaks when the package moves a file: import the package by its name.",
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '(^|/)node_modules/', dependencyTypesNot: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-bundled', 'npm-no-pkg', 'npm-unknown', 'core'] },
    },
    {
      name: 'no-tests-in-src',
      comment: 'The product never loads test or benchmark code; shared test beds belong in src/harness.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(test|bench)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};
