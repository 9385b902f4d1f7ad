// Issue 18, finding 9: `check --lint --sarif FILE` followed a symbolic link at FILE, so a reviewed change that
// planted `lint.sarif -> ../somewhere/else` made the lint job overwrite a file outside the checkout. The report
// is now written to a fresh name (O_EXCL|O_NOFOLLOW) in the same folder and renamed over FILE.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { lstat, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkCommand } from '../../src/cli/commands/check.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oidcx-sarif-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('check --lint --sarif FILE', () => {
  it('replaces a symbolic link at FILE instead of writing through it', async () => {
    const config = join(dir, 'broker.yaml');
    await writeFile(config, 'audience: https://broker.example.com\nissuers: [{ id: github, issuer: https://token.actions.githubusercontent.com }]\nsecrets: { DB_PASSWORD: { value: x } }\npolicies:\n  - { name: p, issuer: github, claims: { repository_owner_id: "9919", repository_id: "690210123", environment: production }, secrets: [DB_PASSWORD] }\n');
    const outside = join(dir, 'outside.txt');
    await writeFile(outside, 'not yours\n');
    const sarif = join(dir, 'lint.sarif');
    await symlink(outside, sarif);
    let printed = '';
    const sink = { write: (s: string) => (printed += s) };
    expect(await checkCommand(['--lint', '--config', config, '--sarif', sarif], { stdout: sink, stderr: sink, env: {} })).toBe(0);
    expect(printed).not.toContain('not yours');
    expect(await readFile(outside, 'utf8')).toBe('not yours\n');
    expect((await lstat(sarif)).isSymbolicLink()).toBe(false);
    expect(JSON.parse(await readFile(sarif, 'utf8')).version).toBe('2.1.0');
    expect((await readdir(dir)).sort()).toEqual(['broker.yaml', 'lint.sarif', 'outside.txt']);
  });
});
