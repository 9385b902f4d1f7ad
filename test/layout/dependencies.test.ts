// The layout stays as drawn: dependency-cruiser checks src/ against the rules in .dependency-cruiser.cjs (no
// circles, nothing outside src/cli imports it, src/platform imports nothing of ours, no path into node_modules/,
// no test or benchmark code), and a failure lists every violation as `rule: from -> to`. A small tree that
// breaks each rule once shows the rules are live: a rule that matches nothing would pass any layout.
import { afterAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DEPCRUISE = join(root, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

interface Violation {
  type: string;
  from: string;
  to: string;
  rule: { name: string };
  cycle?: Array<{ name: string }>;
}

/** dependency-cruiser over `cwd`/src with the repository's rules: each violation as one line. */
function cruise(cwd: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [DEPCRUISE, 'src', '--config', join(root, '.dependency-cruiser.cjs'), '--output-type', 'json', '--no-progress'],
      { cwd, maxBuffer: 64 << 20, timeout: 60_000 },
      (error, stdout, stderr) => {
        // It exits non-zero when it finds violations; only output that is not its report is a failure to run.
        let report: { summary: { violations: Violation[] } };
        try {
          report = JSON.parse(stdout) as typeof report;
        } catch {
          return reject(new Error(`dependency-cruiser did not report (${error?.message ?? 'no error'}): ${stderr}`));
        }
        resolve(
          report.summary.violations.map((v) =>
            v.cycle ? `${v.rule.name}: ${[v.from, ...v.cycle.map((c) => c.name)].join(' -> ')}` : `${v.rule.name}: ${v.from} -> ${v.to}`,
          ),
        );
      },
    );
  });
}

// A tree that breaks each rule once (written before the tests, so both cruises run at the same time).
const fixture = mkdtempSync(join(tmpdir(), 'oidcx-layout-'));
afterAll(() => rmSync(fixture, { recursive: true, force: true }));
const files: Record<string, string> = {
  'src/cli/main.ts': "export const cli = 1;\n",
  'src/broker/uses-cli.ts': "import { cli } from '../cli/main.js';\nexport const b = cli;\n",
  'src/platform/github.ts': "import { b } from '../broker/uses-cli.js';\nexport const p = b;\n",
  'src/client/a.ts': "import { y } from './b.js';\nexport const x = () => y;\n",
  'src/client/b.ts': "import { x } from './a.js';\nexport const y = () => x;\n",
  'src/action/context.ts': "import { c } from '../../node_modules/some-package/lib/context.js';\nexport const ctx = c;\n",
  'node_modules/some-package/package.json': '{ "name": "some-package", "version": "1.0.0" }\n',
  'node_modules/some-package/lib/context.js': 'export const c = 1;\n',
  'src/harness/bed.ts': "import { t } from '../../test/helpers/t.js';\nexport const bed = t;\n",
  'test/helpers/t.ts': 'export const t = 1;\n',
  'tsconfig.json': '{ "compilerOptions": { "module": "NodeNext", "moduleResolution": "NodeNext", "allowJs": true } }\n',
  'package.json': '{ "name": "layout-fixture", "type": "module" }\n',
};
for (const [path, text] of Object.entries(files)) {
  mkdirSync(dirname(join(fixture, path)), { recursive: true });
  writeFileSync(join(fixture, path), text);
}
copyFileSync(join(root, '.dependency-cruiser.cjs'), join(fixture, '.dependency-cruiser.cjs'));
// Each cruise loads dependency-cruiser and TypeScript afresh: started together, they overlap.
const ofRepository = cruise(root);
const ofFixture = cruise(fixture);
// Both are awaited by the tests below; a rejection before then is not an unhandled one.
ofRepository.catch(() => undefined);
ofFixture.catch(() => undefined);

describe('the layout of src/', () => {
  it('breaks none of the dependency rules', async () => {
    expect(await ofRepository).toEqual([]);
  }, 90_000);
});

describe('the rules', () => {
  it('each catches what it forbids', async () => {
    expect((await ofFixture).sort()).toEqual(
      [
        'cli-on-top: src/broker/uses-cli.ts -> src/cli/main.ts',
        'no-circular: src/client/a.ts -> src/client/b.ts -> src/client/a.ts',
        'no-node-modules-path: src/action/context.ts -> node_modules/some-package/lib/context.js',
        'no-tests-in-src: src/harness/bed.ts -> test/helpers/t.ts',
        'platform-at-the-bottom: src/platform/github.ts -> src/broker/uses-cli.ts',
      ].sort(),
    );
  }, 90_000);
});
