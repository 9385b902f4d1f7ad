// Vault mode against the Vault API double (login, KV v2 and v1, namespace, 403, missing key, token revoked in
// the post step), and the post step revoking what the broker marked revocable (revoke contract).
import { startFakeVault, type FakeVault } from '../../src/harness/fakes/vault.js';
import { AUDIENCE } from '../helpers/broker.js';
import { RUNTIMES, leakedNames, sendJson, startActionBed, startFront, type ActionBed, type Front } from '../helpers/action.js';

const KV = { password: 'vault-db-pa55word', user: 'svc-vault-user', legacy: 'kv-one-legacy-value' };
let ab: ActionBed;
let vault: FakeVault;
beforeAll(async () => {
  ab = await startActionBed({ config: () => ({ secrets: { X: { value: 'unused-value' } }, policies: [{ name: 'p', issuer: 'github', claims: { repository: 'octo-org/octo-repo' }, secrets: ['X'] }] }) });
  vault = await startFakeVault({
    issuer: ab.bed.github.url,
    jwksUri: ab.bed.github.jwksUri,
    authPath: 'github-actions',
    namespace: 'ci/team-a',
    roles: {
      deploy: { bound_audiences: ['https://vault.example'], bound_claims: { repository: 'octo-org/octo-repo', environment: 'production' }, paths: ['secret/data/ci/*', 'kv1/app'] },
      narrow: { bound_audiences: ['https://vault.example'], paths: ['secret/data/ci/other'] },
    },
    kv: {
      secret: { version: 2, secrets: { 'ci/db': { password: KV.password, user: KV.user }, 'ci/other': { x: 'other-value' } } },
      kv1: { version: 1, secrets: { app: { legacy: KV.legacy } } },
    },
  });
});
afterAll(async () => {
  await vault?.close();
  await ab?.close();
});

const vaultInputs = (extra: Record<string, string> = {}) => ({
  'broker-url': vault.url,
  broker: 'vault',
  audience: 'https://vault.example',
  'vault-role': 'deploy',
  'vault-auth-path': 'github-actions',
  'vault-namespace': 'ci/team-a',
  ...extra,
});

describe.each(RUNTIMES)('Vault mode under %s', (_label, node) => {
  it('reads KV v2 and v1 fields, masks them, and revokes the Vault token in the post step', async () => {
    const job = await ab.runner.runJob({
      node,
      inputs: vaultInputs({ secrets: 'secret/data/ci/db password | DB_PASSWORD\nsecret/data/ci/db user | DB_USER\nkv1/app legacy | LEGACY' }),
    });
    expect(job.main.errors).toEqual([]);
    expect(job.main.exitCode).toBe(0);
    expect(Object.keys(job.main.env).sort()).toEqual(['DB_PASSWORD', 'DB_USER', 'LEGACY']);
    expect(job.main.env.DB_PASSWORD === KV.password && job.main.env.DB_USER === KV.user).toBe(true);
    expect(job.main.outputs.LEGACY === KV.legacy).toBe(true);
    expect(leakedNames(`${job.main.log}\n${job.post!.log}\n${job.main.summary}`, KV)).toEqual([]);
    expect(job.main.printedBeforeMask).toEqual([]);
    expect(vault.requests.every((r) => r.namespace === 'ci/team-a')).toBe(true);
    expect(vault.requests.some((r) => r.path === '/v1/auth/github-actions/login')).toBe(true);
    const issued = [...vault.tokens.values()];
    expect(issued.at(-1)!.revoked).toBe(true);
    expect(job.post!.log).toMatch(/revoked the Vault token/);
    expect(leakedNames(job.post!.log + job.main.log, Object.fromEntries([...vault.tokens.keys()].map((t, i) => [`T${i}`, t])))).toEqual([]);
  });

  it('the default export name of `user` is USER, which is refused', async () => {
    const job = await ab.runner.runJob({ node, inputs: vaultInputs({ secrets: 'secret/data/ci/db user' }) });
    expect(job.main.exitCode).toBe(1);
    expect(job.main.errors.join('\n')).toMatch(/line 1: USER is refused/);
  });

  it("shows Vault's 403 and still revokes the token", async () => {
    const job = await ab.runner.runJob({ node, inputs: vaultInputs({ 'vault-role': 'narrow', secrets: 'secret/data/ci/db password | DB_PASSWORD' }) });
    expect(job.main.exitCode).toBe(1);
    // Vault's own words, quoted as peer text (one line, escapes visible).
    expect(job.main.errors.join('\n')).toMatch(/Vault refused to read secret\/data\/ci\/db \(403\): "1 error occurred:\\n\\t\* permission denied/);
    expect(job.main.env).toEqual({});
    expect([...vault.tokens.values()].at(-1)!.revoked).toBe(true);
  });

  it('a missing key names the line, the path and the field', async () => {
    const job = await ab.runner.runJob({ node, inputs: vaultInputs({ secrets: 'secret/data/ci/db password | DB_PASSWORD\nsecret/data/ci/db nope | NOPE' }) });
    expect(job.main.exitCode).toBe(1);
    expect(job.main.errors.join('\n')).toMatch(/line 2: the secret at secret\/data\/ci\/db has no field "nope"/);
    expect(job.main.env).toEqual({});
  });

  it("a refused login shows Vault's errors and the token's claims", async () => {
    const job = await ab.runner.runJob({ node, inputs: vaultInputs({ 'vault-role': 'missing-role', secrets: 'secret/data/ci/db password | DB_PASSWORD' }) });
    expect(job.main.exitCode).toBe(1);
    expect(job.main.errors.join('\n')).toMatch(/Vault refused the login .* \(400\): "role \\"missing-role\\" could not be found"/);
    expect(job.main.log).toMatch(/repository: octo-org\/octo-repo/);
  });

  it('a path with no secret says so (404)', async () => {
    const job = await ab.runner.runJob({ node, inputs: vaultInputs({ secrets: 'secret/data/ci/nothing password | DB_PASSWORD' }) });
    expect(job.main.exitCode).toBe(1);
    expect(job.main.errors.join('\n')).toMatch(/Vault has no secret at secret\/data\/ci\/nothing \(404\)/);
  });
});

describe.each(RUNTIMES)('revocation in the post step under %s', (_label, node) => {
  // The runner names the job's GitHub API in GITHUB_API_URL; the post step revokes only there (or on the broker).
  const GH = 'ghs_revocableInstallationToken0123456789';
  let github: Front;
  let broker: Front;
  beforeAll(async () => {
    // The GitHub API double: 204 for the first DELETE of a token, 401 after (already revoked).
    const revoked = new Set<string>();
    github = await startFront(undefined, (_n, req, res) => {
      // GitHub takes the token as `Bearer <t>` or `token <t>`.
      const token = String(req.headers.authorization ?? '').replace(/^(Bearer|token) /, '');
      if (req.method === 'DELETE' && req.url === '/installation/token' && token === GH && !revoked.has(token)) {
        revoked.add(token);
        res.writeHead(204);
        res.end();
        return true;
      }
      return sendJson(res, 401, { message: 'Bad credentials' });
    });
    // A broker double that marks GH_TOKEN revocable, as the broker does for GitHub App tokens.
    broker = await startFront(undefined, (_n, _req, res) =>
      sendJson(res, 200, {
        secrets: { GH_TOKEN: GH, DB_PASSWORD: 'static-db-password-9' },
        policy: 'gh',
        expires_at: new Date(Date.now() + 3600_000).toISOString(),
        revoke: [{ name: 'GH_TOKEN', method: 'DELETE', url: `${github.url}/installation/token` }],
        future_field: 'ignored',
      }),
    );
  });
  afterAll(async () => {
    await github?.close();
    await broker?.close();
  });

  it('revokes the token with the contract headers, says so, never prints it; 401 later is fine', async () => {
    const before = github.requests.length;
    const job = await ab.runner.runJob({ node, inputs: { 'broker-url': broker.url, audience: AUDIENCE, 'export-all': 'true' }, env: { GITHUB_API_URL: github.url } });
    expect(job.main.exitCode).toBe(0);
    expect(job.main.env.GH_TOKEN === GH).toBe(true);
    expect(job.post!.exitCode).toBe(0);
    const del = github.requests.slice(before);
    expect(del.length).toBe(1);
    expect(del[0]!.method).toBe('DELETE');
    // Octokit authenticates with the token itself (`token <token>`, which GitHub takes like `Bearer`).
    expect(del[0]!.headers.authorization === `token ${GH}`).toBe(true);
    expect(del[0]!.headers.accept).toBe('application/vnd.github+json');
    expect(del[0]!.headers['x-github-api-version']).toBe('2022-11-28');
    expect(job.post!.log).toMatch(/revoked GH_TOKEN/);
    expect(leakedNames(`${job.main.log}\n${job.post!.log}\n${job.main.summary}`, { GH, DB: 'static-db-password-9' })).toEqual([]);
    // The state that carries the token to the post step holds no other value.
    expect(job.main.state['oidc-exchange']).not.toContain('static-db-password-9');

    const again = await ab.runner.runJob({ node, inputs: { 'broker-url': broker.url, audience: AUDIENCE, 'export-all': 'true' }, env: { GITHUB_API_URL: github.url } });
    expect(again.post!.exitCode).toBe(0);
    expect(again.post!.log).toMatch(/GH_TOKEN had already expired or been revoked/);
    expect(again.post!.warnings).toEqual([]);
  });

  it('revoke: false leaves the token alone; a failing revocation only warns', async () => {
    const before = github.requests.length;
    const off = await ab.runner.runJob({ node, inputs: { 'broker-url': broker.url, audience: AUDIENCE, 'export-all': 'true', revoke: 'false' }, env: { GITHUB_API_URL: github.url } });
    expect(off.post!.exitCode).toBe(0);
    expect(github.requests.length).toBe(before);
    const down = await startFront(undefined, (_n, _req, res) => sendJson(res, 500, { message: 'boom' }));
    const b2 = await startFront(undefined, (_n, _req, res) =>
      sendJson(res, 200, { secrets: { GH_TOKEN: GH }, policy: 'gh', expires_at: null, revoke: [{ name: 'GH_TOKEN', method: 'DELETE', url: `${down.url}/installation/token` }] }),
    );
    try {
      const job = await ab.runner.runJob({ node, inputs: { 'broker-url': b2.url, audience: AUDIENCE, 'export-all': 'true' }, env: { GITHUB_API_URL: down.url } });
      expect(job.post!.exitCode).toBe(0);
      expect(job.post!.warnings.join('\n')).toMatch(/revoking GH_TOKEN answered HTTP 500/);
      expect(leakedNames(job.post!.log, { GH })).toEqual([]);
    } finally {
      await down.close();
      await b2.close();
    }
  });
});
