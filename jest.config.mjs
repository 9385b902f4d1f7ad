// ts-jest in ESM mode: sources are transpiled per file (isolatedModules) and never type-checked here;
// `npm run typecheck` does that as its own step.
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, diagnostics: false }],
  },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  testTimeout: 30000,
  // Loopback servers and child processes: two workers keep a 2-core machine responsive.
  maxWorkers: 2,
};
