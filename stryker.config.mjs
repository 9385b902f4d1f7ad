// StrykerJS settings shared by every module of the security core (npm run test:mutation runs
// scripts/mutation.mjs, which runs Stryker once per module of test/mutation/modules.json with that module's
// `mutate` files, test files, incremental file and ignored equivalent mutants). Needs Node >= 22 and jest's
// ESM mode (--experimental-vm-modules).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'jest',
  jest: { projectType: 'custom', configFile: 'jest.mutation.config.mjs', enableFindRelatedTests: false },
  testRunnerNodeArgs: ['--experimental-vm-modules'],
  coverageAnalysis: 'perTest',
  // The machine is shared: two test processes at most.
  concurrency: 2,
  checkers: [],
  reporters: ['clear-text', 'progress', 'json'],
  timeoutMS: 20000,
  // Only what the tests read is copied into Stryker's sandbox.
  ignorePatterns: ['dist', 'docs', 'bench', 'examples', 'ops', 'gitlab-component', 'test/runtimes', 'coverage', 'reports', '.stryker-tmp'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  thresholds: { high: 90, low: 85, break: 85 },
};
