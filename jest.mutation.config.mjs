// The jest configuration Stryker runs (npm run test:mutation, scripts/mutation.mjs): the source tier's
// settings, restricted to the test files that import the module under mutation (MUTATION_MODULE, a key of
// test/mutation/modules.json), so each mutant is judged by the tests written for that module and a run stays short.
import { readFileSync } from 'node:fs';
import { base } from './jest.config.mjs';

const table = JSON.parse(readFileSync(new URL('./test/mutation/modules.json', import.meta.url), 'utf8'));
const name = process.env.MUTATION_MODULE;
const module = table.modules[name ?? ''];
if (!module) throw new Error(`MUTATION_MODULE must name a module of test/mutation/modules.json (${Object.keys(table.modules).join(', ')}), got ${JSON.stringify(name)}`);

export default {
  ...base,
  testMatch: module.tests.map((t) => `<rootDir>/${t}`),
  // Stryker runs one test process per concurrency slot: one jest worker in each.
  maxWorkers: 1,
};
