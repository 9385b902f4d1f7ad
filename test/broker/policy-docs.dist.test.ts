// docs/policies.md as printed: every `sh` command runs against the built CLI (dist/cli.js, as `oidc-exchange` on
// PATH), in a folder holding the repository's examples. (Its configuration blocks: policy-docs.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { chmod, cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { blocksOf, repoRoot, where, type DocBlock } from '../helpers/docs.js';

const FILE = 'docs/policies.md';
const blocks = blocksOf(FILE);
const CLI = join(repoRoot, 'dist', 'cli.js');

describe(`${FILE}: sh blocks run as printed`, () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'oidc-exchange-policy-docs-'));
    // The commands name the repository's example files, as a reader in a clone runs them.
    await cp(join(repoRoot, 'examples'), join(dir, 'examples'), { recursive: true });
    await writeFile(join(dir, 'oidc-exchange'), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`);
    await chmod(join(dir, 'oidc-exchange'), 0o755);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const shBlocks = blocks.filter((b) => b.lang === 'sh');
  it('has the commands this test expects', () => {
    expect(shBlocks.map((b) => b.text)).toEqual([expect.stringContaining('oidc-exchange check --lint --config examples/broker.yaml')]);
  });

  it.each(shBlocks.map((b) => [where(b), b] as const))('%s: every line exits 0 against examples/broker.yaml', (_w, b: DocBlock) => {
    for (const line of b.text.split('\n').filter((l) => l.trim() && !l.trim().startsWith('#'))) {
      const r = spawnSync('sh', ['-c', line], { cwd: dir, env: { PATH: `${dir}:${process.env.PATH}` }, encoding: 'utf8' });
      expect([line, r.status, r.stderr]).toEqual([line, 0, '']);
    }
    expect(JSON.parse(spawnSync('cat', ['lint.sarif'], { cwd: dir, encoding: 'utf8' }).stdout)).toMatchObject({ version: '2.1.0' });
  });
});
