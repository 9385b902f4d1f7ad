// `oidc-exchange try-action` from the bundled CLI: a user's broker config and claims file, the bundled action
// through the fake runner, and a report with names and sizes but no value.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DIST, assertBuilt, leakedNames } from '../helpers/action.js';

const run = promisify(execFile);
const VALUE = 'try-action-secret-value-42';
let dir: string;

beforeAll(() => {
  assertBuilt();
  dir = mkdtempSync(join(tmpdir(), 'try-action-'));
  writeFileSync(
    join(dir, 'broker.yaml'),
    [
      'audience: https://broker.example.com',
      'issuers:',
      '  - id: github',
      '    issuer: https://token.actions.githubusercontent.com',
      'secrets:',
      '  DB_PASSWORD: { env: TRY_DB_PASSWORD }',
      'policies:',
      '  - name: prod-deploy',
      '    issuer: github',
      '    claims: { repository: octo-org/octo-repo, ref: refs/heads/main, environment: production }',
      '    secrets: [DB_PASSWORD]',
      '',
    ].join('\n'),
  );
  writeFileSync(join(dir, 'prod.json'), JSON.stringify({ environment: 'production' }));
  writeFileSync(join(dir, 'staging.json'), JSON.stringify({ environment: 'staging' }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (args: string[]) =>
  run(process.execPath, [join(DIST, 'cli.js'), 'try-action', '--config', join(dir, 'broker.yaml'), ...args], { env: { PATH: process.env.PATH, TRY_DB_PASSWORD: VALUE } }).then(
    (r) => ({ code: 0, out: r.stdout + r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
  );

it('prints what the job would receive, masked', async () => {
  const r = await cli(['--claims', join(dir, 'prod.json'), '--secrets', 'DB_PASSWORD | PGPASSWORD']);
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/PGPASSWORD=\*\*\* \(26 bytes\)/);
  expect(r.out).toMatch(/secret-names=PGPASSWORD/);
  expect(r.out).toMatch(/Policy: prod-deploy/);
  expect(r.out).toMatch(/Job: octo-org\/octo-repo, \[this run\]\(https:\/\/github\.com\/octo-org\/octo-repo\/actions\/runs\/\d+\)/);
  expect(leakedNames(r.out, { VALUE })).toEqual([]);
});

it('shows why a policy does not match the claims', async () => {
  const r = await cli(['--claims', join(dir, 'staging.json'), '--secrets', 'DB_PASSWORD']);
  expect(r.code).toBe(1);
  expect(r.out).toMatch(/403 no_policy_matched/);
  expect(r.out).toMatch(/environment: staging/);
  expect(leakedNames(r.out, { VALUE })).toEqual([]);
});
