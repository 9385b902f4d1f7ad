// The source tier (`npm test`): every test/**/*.test.ts but the *.dist.test.ts files, on src/ in ESM mode, with
// no build first and nothing read from dist/. SWC strips the types file by file (the sources are written for
// isolatedModules), faster than ts-jest on the cold cache CI starts with; nothing is type-checked here,
// `npm run typecheck` does that as its own step.
// The dist tier (`npm run test:dist`, jest.dist.config.mjs) runs the bundles after `npm run build`.
export const base = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'es6' }, sourceMaps: 'inline' }],
  },
  testTimeout: 30000,
  // Loopback servers and child processes: two workers keep a 2-core machine responsive.
  maxWorkers: 2,
};

export default {
  ...base,
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '\\.dist\\.test\\.ts$'],
};
