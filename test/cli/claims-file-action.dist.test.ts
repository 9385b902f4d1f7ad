// The same claims file gives the same decision in `check` and in `try-action`, which runs the bundled action
// (dist/index.js) through the fake runner, so this is the dist tier: a partial file that matches and one that
// does not, the file's aud as the action's audience, a self-contradicting file refused by the real process
// with nothing left listening, and a file: secret's path shown while values stay masked.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { callCli } from '../helpers/command.js';
import { runBundledCli } from '../helpers/process.js';

let dir: string;
const file = async (name: string, claims: Record<string, unknown>) => {
  const p = join(dir, name);
  await writeFile(p, JSON.stringify(claims));
  return p;
};
const env = { PATH: process.env.PATH, PROD_DB_PASSWORD: 'claims-test-db-5e1f', PROD_TLS_KEY: 'claims-test-tls-8b2a' };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oidc-exchange-claims-action-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the same file in check and try-action', () => {
  it.each([
    ['matches', { repository: 'octo-org/octo-repo', repository_id: '690210123', environment: 'production' }, 0, 'policy prod-deploy decides', 'delivered under policy "prod-deploy"'],
    ['does not match', { repository: 'octo-org/octo-repo', repository_id: '690210123', environment: 'staging' }, 1, 'no policy matches', '403 no_policy_matched'],
  ])('partial claims that %s: same decision', async (_what, claims, code, checkSays, actionSays) => {
    const p = await file('partial.json', claims);
    const check = await callCli(['check', '--config', 'examples/broker.yaml', '--claims', p]);
    expect(check.stdout).toContain(checkSays);
    expect(check.stdout).toContain('claims: filled in from the other claims: ');
    expect(check.code).toBe(code);
    const action = await callCli(['try-action', '--config', 'examples/broker.yaml', '--claims', p, '--secrets', 'DB_PASSWORD'], { env });
    expect(action.stdout + action.stderr).toContain(actionSays);
    expect(action.code).toBe(code);
  });

  it("a file's aud becomes the action's audience; a different --input audience is an error", async () => {
    const p = await file('aud.json', { repository: 'octo-org/octo-repo', environment: 'production', aud: 'https://elsewhere.example' });
    const conflict = await callCli(['try-action', '--config', 'examples/broker.yaml', '--claims', p, '--input', 'audience=https://broker.example.com'], { env });
    expect(conflict.code).toBe(2);
    expect(conflict.stderr).toContain(`${p} says aud "https://elsewhere.example" but --input audience is "https://broker.example.com"`);
    const used = await callCli(['try-action', '--config', 'examples/broker.yaml', '--claims', p, '--secrets', 'DB_PASSWORD'], { env });
    expect(used.stdout).toContain('401 audience_mismatch');
    expect(used.code).toBe(1);
  });

  it('try-action refuses claims that contradict themselves and exits (nothing left listening)', async () => {
    const p = await file('contradiction.json', { repository: 'acme/web', repository_owner: 'evil' });
    // A real process (the bundle): one that hung with its fake issuer listening would be killed (code null), not exit 2.
    const r = await runBundledCli(['try-action', '--config', 'examples/broker.yaml', '--claims', p], { env, timeoutMs: 45_000 });
    expect(r.stderr).toContain('repository_owner "evil" but repository "acme/web" belongs to "acme"');
    expect(r.code).toBe(2);
  }, 60_000);

  it('try-action shows the path of a file: secret as it is, and values masked', async () => {
    const r = await callCli(['try-action', '--config', 'examples/broker.yaml', '--claims', 'examples/claims-github.json', '--secrets', 'DB_PASSWORD\\nTLS_KEY | file:TLS_KEY_PATH'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/ {2}TLS_KEY_PATH=\/\S+\/TLS_KEY_PATH {2}\(a file\)/);
    expect(r.stdout).toContain(`DB_PASSWORD=*** (${env.PROD_DB_PASSWORD.length} bytes)`);
    expect(r.stdout).not.toContain(env.PROD_DB_PASSWORD);
    expect(r.stdout).not.toContain(env.PROD_TLS_KEY);
  });
});
