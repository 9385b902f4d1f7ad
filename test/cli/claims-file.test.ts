// One claims-file format for check, try-action, token and gitlab-job (src/cli/claims-file.ts): the same file
// gives the same decision in `check` and in `try-action`; what is filled in is derived the same way
// everywhere; a value given twice that disagrees is an error, never a silent override.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { completeClaims, readGivenClaims } from '../../src/cli/claims-file.js';
import { UsageError } from '../../src/cli/options.js';
import { startFakeIssuer, type FakeIssuer } from '../../src/harness/fakes/issuer.js';
import { callCli } from '../helpers/command.js';
import { runCli } from '../helpers/process.js';

let dir: string;
const file = async (name: string, claims: Record<string, unknown>) => {
  const p = join(dir, name);
  await writeFile(p, JSON.stringify(claims));
  return p;
};
const env = { PATH: process.env.PATH, PROD_DB_PASSWORD: 'claims-test-db-5e1f', PROD_TLS_KEY: 'claims-test-tls-8b2a' };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oidc-exchange-claims-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('completeClaims', () => {
  it('derives sub, repository_owner and workflow_ref from the parts, as GitHub does', async () => {
    const given = await readGivenClaims('check', await file('parts.json', { repository: 'acme/web', ref: 'refs/heads/dev', environment: 'staging' }));
    const c = completeClaims('check', given, { iss: 'https://token.actions.githubusercontent.com', aud: 'https://b' });
    expect(c.platform).toBe('github');
    expect(c.claims).toMatchObject({
      sub: 'repo:acme/web:environment:staging',
      repository_owner: 'acme',
      ref_type: 'branch',
      workflow_ref: 'acme/web/.github/workflows/ci.yml@refs/heads/dev',
      iss: 'https://token.actions.githubusercontent.com',
      aud: 'https://b',
    });
    expect(c.derived).toEqual(expect.arrayContaining(['sub', 'repository_owner', 'workflow_ref', 'iss', 'aud']));
    expect(c.defaults).toContain('repository_id');
  });

  it('keeps a given sub (custom subject claims) and a given workflow file', async () => {
    const given = await readGivenClaims('check', undefined, ['repository=acme/web', 'sub=repo:acme/web:job_workflow_ref:x', 'workflow_ref=acme/web/.github/workflows/deploy.yml@refs/heads/main']);
    const c = completeClaims('token', given, {});
    expect(c.claims.sub).toBe('repo:acme/web:job_workflow_ref:x');
    expect(c.claims.job_workflow_ref).toBe('acme/web/.github/workflows/deploy.yml@refs/heads/main');
  });

  it('derives GitLab sub, namespace_path and ref_path', async () => {
    const c = completeClaims('gitlab-job', await readGivenClaims('gitlab-job', undefined, ['project_path=grp/sub/app', 'ref=v1.2', 'ref_type=tag']), { signedBy: 'http://127.0.0.1:1' });
    expect(c.claims).toMatchObject({ sub: 'project_path:grp/sub/app:ref_type:tag:ref:v1.2', namespace_path: 'grp/sub', ref_path: 'refs/tags/v1.2', iss: 'http://127.0.0.1:1' });
  });

  it('replaces time claims of a pasted payload with a fresh token\'s, and says so', async () => {
    const c = completeClaims('token', await readGivenClaims('token', 'examples/claims-github.json'), { signedBy: 'http://127.0.0.1:1' });
    expect(c.claims.exp).toBeUndefined();
    expect(c.notes.join('\n')).toContain('iat, nbf, exp, jti from examples/claims-github.json are replaced');
    expect(c.notes.join('\n')).toContain('standing in for https://token.actions.githubusercontent.com');
  });

  it.each([
    [{ repository: 'acme/web', repository_owner: 'evil' }, [], 'repository_owner "evil" but repository "acme/web" belongs to "acme"'],
    [{ repository: 'acme/web', ref: 'refs/tags/v1', ref_type: 'branch' }, [], 'ref "refs/tags/v1" is a tag'],
    [{ project_path: 'a/b/c', namespace_path: 'x' }, [], 'project_path "a/b/c" is in "a/b"'],
    [{ repository: 'acme/web', environment: 'production' }, ['environment=staging'], "conflicts with"],
    [{ environment: 'production' }, [], 'cannot tell whether these are GitHub or GitLab claims'],
  ])('refuses %j with %j', async (claims, set, message) => {
    const p = await file('bad.json', claims);
    await expect((async () => completeClaims('check', await readGivenClaims('check', p, set), {}))()).rejects.toThrow(message);
    await expect((async () => completeClaims('check', await readGivenClaims('check', p, set), {}))()).rejects.toBeInstanceOf(UsageError);
  });

  it('names a claim the platform never emits, with the closest one', async () => {
    const c = completeClaims('check', await readGivenClaims('check', undefined, ['repository=a/b', 'enviroment=production']), {});
    expect(c.unknown).toEqual(['enviroment is not a claim GitHub emits (did you mean environment?)']);
  });
});

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
    // A real process: one that hung with its fake issuer listening would be killed (code null), not exit 2.
    const r = await runCli(['try-action', '--config', 'examples/broker.yaml', '--claims', p], { env, timeoutMs: 45_000 });
    expect(r.stderr).toContain('repository_owner "evil" but repository "acme/web" belongs to "acme"');
    expect(r.code).toBe(2);
  }, 60_000);

  it("check notes a match that rests on a typical job's value", async () => {
    const p = await file('defaults.json', { repository: 'octo-org/octo-repo', environment: 'production' });
    const r = await callCli(['check', '--config', 'examples/broker.yaml', '--claims', p]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('note: prod-deploy matched on repository_owner_id, repository_id, ref from the typical job, not from');
  });

  it('try-action shows the path of a file: secret as it is, and values masked', async () => {
    const r = await callCli(['try-action', '--config', 'examples/broker.yaml', '--claims', 'examples/claims-github.json', '--secrets', 'DB_PASSWORD\\nTLS_KEY | file:TLS_KEY_PATH'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/ {2}TLS_KEY_PATH=\/\S+\/TLS_KEY_PATH {2}\(a file\)/);
    expect(r.stdout).toContain(`DB_PASSWORD=*** (${env.PROD_DB_PASSWORD.length} bytes)`);
    expect(r.stdout).not.toContain(env.PROD_DB_PASSWORD);
    expect(r.stdout).not.toContain(env.PROD_TLS_KEY);
  });
});

describe('token and gitlab-job read the same format', () => {
  let github: FakeIssuer;
  let gitlab: FakeIssuer;
  beforeAll(async () => {
    [github, gitlab] = await Promise.all([startFakeIssuer({ kind: 'github' }), startFakeIssuer({ kind: 'gitlab' })]);
  });
  afterAll(() => Promise.all([github.close(), gitlab.close()]));
  const payload = (jwt: string) => JSON.parse(Buffer.from(jwt.trim().split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;

  it('token mints the example file with its own iss and a fresh exp, everything else as in the file', async () => {
    const r = await callCli(['token', '--issuer-url', github.url, '--claims', 'examples/claims-github.json']);
    expect(r.code).toBe(0);
    const claims = payload(r.stdout);
    expect(claims).toMatchObject({ iss: github.url, aud: 'https://broker.example.com', repository_id: '690210123', sub: 'repo:octo-org/octo-repo:environment:production' });
    expect(claims.exp as number).toBeGreaterThan(Date.now() / 1000);
    expect(r.stderr).toContain('standing in for https://token.actions.githubusercontent.com');
  });

  it('token refuses --audience that disagrees with the file, and GitLab claims at a GitHub issuer', async () => {
    const aud = await callCli(['token', '--issuer-url', github.url, '--claims', 'examples/claims-github.json', '--audience', 'https://other']);
    expect(aud.code).toBe(2);
    expect(aud.stderr).toContain('says aud "https://broker.example.com" but --audience is "https://other"');
    const kind = await callCli(['token', '--issuer-url', github.url, '--claims', 'examples/claims-gitlab.json']);
    expect(kind.code).toBe(2);
    expect(kind.stderr).toContain('the claims are GitLab claims but');
  });

  it('token derives sub from --set parts for GitLab too', async () => {
    const r = await callCli(['token', '--issuer-url', gitlab.url, '--set', 'project_path=grp/app', '--set', 'ref=main']);
    expect(r.code).toBe(0);
    expect(payload(r.stdout)).toMatchObject({ sub: 'project_path:grp/app:ref_type:branch:ref:main', namespace_path: 'grp', iss: gitlab.url });
  });
});
