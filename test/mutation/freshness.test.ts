// The last mutation-testing result (test/mutation/results.json, written by `npm run test:mutation`) must
// describe the sources as they are: each module of test/mutation/modules.json has a result recorded on its
// current files (the hash below is scripts/mutation.mjs's: SHA-256 over each file's path and text, in the
// table's order) at or above the threshold. A change to a mutated module without a new run fails here, with
// the command to run. The run itself takes minutes per module, too long for every `npm test`.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const read = (f: string): unknown => JSON.parse(readFileSync(join(root, f), 'utf8'));

interface Module {
  mutate: string[];
  tests: string[];
  excluded?: Record<string, string>;
  equivalent?: Array<{ file: string; mutator: string; original: string; replacement: string; reason: string }>;
}
const table = read('test/mutation/modules.json') as { threshold: number; modules: Record<string, Module> };
const results = (existsSync(join(root, 'test/mutation/results.json')) ? read('test/mutation/results.json') : { modules: {} }) as {
  modules: Record<string, { score: number; sourceHash: string } | undefined>;
};

function hash(files: string[]): string {
  const h = createHash('sha256');
  for (const f of files) h.update(f).update('\0').update(readFileSync(join(root, f))).update('\0');
  return h.digest('hex');
}

describe('the recorded mutation scores', () => {
  it('the threshold is at least 85%', () => {
    expect(table.threshold).toBeGreaterThanOrEqual(85);
  });

  it.each(Object.entries(table.modules))('%s: recorded on the current sources, at or above the threshold', (name, module) => {
    const result = results.modules[name];
    const rerun = `run "npm run test:mutation -- ${name}" and commit test/mutation/results.json and test/mutation/incremental/${name}.json`;
    expect({ name, recorded: result !== undefined, hint: rerun }).toEqual({ name, recorded: true, hint: rerun });
    expect({ name, fresh: result!.sourceHash === hash(module.mutate), hint: rerun }).toEqual({ name, fresh: true, hint: rerun });
    expect(result!.score).toBeGreaterThanOrEqual(table.threshold);
    expect(existsSync(join(root, `test/mutation/incremental/${name}.json`))).toBe(true);
  });

  it.each(Object.entries(table.modules))('%s: its files exist, and every equivalent mutant and left-out test says why', (_name, module) => {
    for (const f of [...module.mutate, ...module.tests]) expect({ f, exists: existsSync(join(root, f)) }).toEqual({ f, exists: true });
    for (const e of module.equivalent ?? []) expect(e.reason.length).toBeGreaterThan(20);
    for (const why of Object.values(module.excluded ?? {})) expect(why.length).toBeGreaterThan(20);
  });
});
