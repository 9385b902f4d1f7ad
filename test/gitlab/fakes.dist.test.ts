// The component against servers that behave in ways the reference broker cannot be made to on demand: a
// broker that rate-limits and marks a token revocable (OIDC-Exchange-Revoke, with a GitHub API fake that
// takes the DELETE), and Vault/OpenBao (JWT login, KV v2 reads, token revoke-self) per their documented APIs.
import { readFile } from 'node:fs/promises';
import { runGitLabJob, type GitLabJobOptions, type GitLabJobResult } from '../../src/harness/gitlab/job.js';
import { fakeJwt as makeJwt, json, plainAnswer, startFake, type Fake } from './fake-server.js';
import { leaked, SHELLS, toolPath } from './job-env.js';

const GH_TOKEN = 'ghs_fakeInstallationToken0123456789abcdef';
const MULTI = '-----BEGIN FAKE-----\nZmFrZSBrZXkgbWF0ZXJpYWw=\n-----END FAKE-----\n';
const path = toolPath(['curl', 'jq']);
const wgetPath = toolPath(['wget', 'jq']);
const noJq = toolPath(['curl']);
afterAll(() => {
  path.remove();
  wgetPath.remove();
  noJq.remove();
});

const jobs: GitLabJobResult[] = [];
afterEach(async () => {
  for (const j of jobs.splice(0)) await j.cleanup();
});

async function job(opts: Partial<GitLabJobOptions> & { inputs: GitLabJobOptions['inputs'] }): Promise<GitLabJobResult> {
  const r = await runGitLabJob({ token: fakeJwt, shell: ['/bin/dash'], path: path.path, script: [], ...opts, inputs: { audience: 'https://broker.test', timeout_seconds: 10, ...(opts.inputs.secrets ? {} : { export_all: true }), ...opts.inputs } });
  jobs.push(r);
  return r;
}

// The fakes do not verify signatures; the shape is what the script handles.
const fakeJwt = makeJwt();

describe('the names the job chose (a broker granting names that run code)', () => {
  let fake: Fake;
  let grant: Record<string, string> = {};
  beforeAll(async () => {
    fake = await startFake((req, res) => {
      if (req.method === 'POST' && req.path === '/v1/exchange') return plainAnswer(res, grant);
      json(res, 404, { message: 'Not Found' });
    });
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.seen.length = 0;
  });

  it('with neither secrets nor export_all, nothing is requested or exported, and the job says how to ask', async () => {
    grant = { GOCACHEPROG: '/tmp/evil-code', DB_PASSWORD: 'db-value-g1' };
    const r = await job({ inputs: { broker_url: fake.url, export_all: false }, script: ['echo "script ran"'] });
    expect(r.exitCode).not.toBe(0);
    expect(r.scriptLog).toContain('no secret names were chosen, so nothing would be exported: list the names in the input secrets (one per line), or set the input export_all: true');
    expect(r.scriptLog).not.toContain('script ran');
    expect(fake.seen).toEqual([]);
  });

  it.each(['GOCACHEPROG', 'BAZELISK_BASE_URL', 'CYPRESS_INSTALL_BINARY', 'AWS_PAGER', 'PSQL_PAGER', 'KUBE_EDITOR'])('with export_all, %s is refused even when allow_names names it', async (name) => {
    grant = { OK_NAME: 'ok-value-g2', [name]: '/tmp/evil-code' };
    const r = await job({ inputs: { broker_url: fake.url, allow_names: `OK_NAME ${name}` }, script: ['echo "script ran"'] });
    expect(r.exitCode).not.toBe(0);
    expect(r.scriptLog).toContain(`${name} is refused: the name is reserved`);
    expect(r.scriptLog).not.toContain('script ran');
  });

  it('with export_all, allow_names narrows what the broker may grant', async () => {
    grant = { APP_TOKEN: 'app-value-g3', DB_PASSWORD: 'db-value-g3' };
    const narrow = await job({ inputs: { broker_url: fake.url, allow_names: 'APP_*' }, script: ['echo "script ran"'] });
    expect(narrow.exitCode).not.toBe(0);
    expect(narrow.scriptLog).toContain('DB_PASSWORD is not exported: it matches none of allow_names (APP_*)');
    expect(narrow.scriptLog).not.toContain('script ran');
    grant = { APP_TOKEN: 'app-value-g4', APP_KEY: 'app-value-g4' };
    const wide = await job({ inputs: { broker_url: fake.url, allow_names: 'APP_*, OTHER' }, script: ['test "$APP_TOKEN" = app-value-g4'] });
    expect(wide.exitCode).toBe(0);
    expect(wide.scriptLog).toContain('exported 2 secret(s) as variables: APP_TOKEN APP_KEY');
  });

  it('a secrets list exports only the listed names, whatever else the broker sends', async () => {
    grant = { DB_PASSWORD: 'db-value-g5', GOCACHEPROG: '/tmp/evil-code' };
    const r = await job({ inputs: { broker_url: fake.url, secrets: 'DB_PASSWORD' }, script: ['test -z "${GOCACHEPROG:-}"'] });
    expect(r.exitCode).toBe(0);
    expect(r.scriptLog).toContain('exported 1 secret(s) as variables: DB_PASSWORD');
  });
});

describe('an answer larger than 16 MiB', () => {
  let fake: Fake;
  beforeAll(async () => {
    // 20 MiB of NAME BASE64-looking lines, with its length announced.
    const line = `BIG ${'QUFB'.repeat(255)}\n`;
    const body = Buffer.from(line.repeat(Math.ceil((20 * 1024 * 1024) / line.length)));
    fake = await startFake((req, res) => {
      // ?chunked: no length announced, which curl before 8.4 does not stop at --max-filesize.
      const announced = !req.path.includes('chunked');
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', ...(announced ? { 'content-length': String(body.length) } : {}) });
      res.on('error', () => undefined);
      res.end(body);
    });
  });
  afterAll(() => fake.close());

  it.each(SHELLS.flatMap(([label, shell]) => [['curl', label, shell, path.path], ['wget', label, shell, wgetPath.path]] as const))('with %s under %s: refused with a clear error, once, and nothing exported', async (_c, _l, shell, p) => {
    fake.seen.length = 0;
    const r = await job({ shell: [...shell], path: p, inputs: { broker_url: fake.url, secrets: 'BIG' }, script: ['echo "script ran"'] });
    expect(r.exitCode).not.toBe(0);
    expect(r.scriptLog).toContain('answered with more than 16 MiB, far more than an exchange answer; nothing was read');
    expect(r.scriptLog).not.toContain('script ran');
    expect(fake.seen).toHaveLength(1);
  });

  it.each(SHELLS.map(([label, shell]) => [label, shell] as const))('with curl under %s and no length announced: refused the same way', async (_l, shell) => {
    fake.seen.length = 0;
    const r = await job({ shell: [...shell], path: path.path, inputs: { broker_url: `${fake.url}/chunked`, secrets: 'BIG' }, script: ['echo "script ran"'] });
    expect(r.exitCode).not.toBe(0);
    expect(r.scriptLog).toContain('answered with more than 16 MiB, far more than an exchange answer');
    expect(r.scriptLog).not.toContain('script ran');
    expect(fake.seen).toHaveLength(1);
  });
});

describe('a broker that rate-limits, then hands out a revocable token', () => {
  let fake: Fake;
  let deleteStatus = 204;
  let limited = 0;
  beforeAll(async () => {
    fake = await startFake((req, res) => {
      if (req.method === 'POST' && req.path === '/v1/exchange') {
        if (limited > 0) {
          limited--;
          return json(res, 429, { error: 'rate_limited', message: 'slow down' }, { 'retry-after': '1' });
        }
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'oidc-exchange-revoke': `GH_TOKEN ${fake.url}/installation/token` });
        return res.end(`GH_TOKEN ${Buffer.from(GH_TOKEN).toString('base64')}\nKEY ${Buffer.from(MULTI).toString('base64')}\n`);
      }
      if (req.method === 'DELETE' && req.path === '/installation/token') {
        res.writeHead(deleteStatus);
        return res.end();
      }
      json(res, 404, { message: 'Not Found' });
    });
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.seen.length = 0;
    deleteStatus = 204;
  });

  it.each([
    ['curl', path.path],
    ['wget', wgetPath.path],
  ])('with %s: honours Retry-After, then after_script revokes the token with its own value', async (_c, p) => {
    limited = 1;
    const r = await job({ path: p, inputs: { broker_url: fake.url }, script: ['printf %s "$GH_TOKEN" > "$CI_PROJECT_DIR/gh"'] });
    expect(r.exitCode).toBe(0);
    expect(await readFile(`${r.projectDir}/gh`, 'utf8')).toBe(GH_TOKEN);
    expect(r.scriptLog).toContain('429 rate limited; retrying in 1s');
    expect(fake.seen[0]!.headers.accept).toBe('text/plain');
    const del = fake.seen.filter((s) => s.method === 'DELETE');
    expect(del).toHaveLength(1);
    expect(del[0]!.headers.authorization).toBe(`Bearer ${GH_TOKEN}`);
    expect(del[0]!.headers.accept).toBe('application/vnd.github+json');
    expect(del[0]!.headers['x-github-api-version']).toBe('2022-11-28');
    expect(r.afterLog).toContain('revoked GH_TOKEN');
    expect(leaked(r.log, [GH_TOKEN, MULTI])).toEqual([]);
  });

  it('renamed secrets are revoked under their exported name; a failing revocation only warns', async () => {
    deleteStatus = 500;
    const r = await job({ inputs: { broker_url: fake.url, secrets: 'GH_TOKEN | GH_APP_TOKEN\nKEY' } });
    expect(r.exitCode).toBe(0);
    expect(fake.seen.find((s) => s.method === 'DELETE')!.headers.authorization).toBe(`Bearer ${GH_TOKEN}`);
    expect(r.afterLog).toContain('warning: revoking GH_APP_TOKEN answered 500');
    expect(r.afterExitCode).toBe(0);
    expect(leaked(r.log, [GH_TOKEN, MULTI])).toEqual([]);
  });

  it('revoke: false leaves the token alone; 401 from GitHub means already revoked', async () => {
    const r = await job({ inputs: { broker_url: fake.url, revoke: false } });
    expect(r.exitCode).toBe(0);
    expect(fake.seen.some((s) => s.method === 'DELETE')).toBe(false);
    deleteStatus = 401;
    const again = await job({ inputs: { broker_url: fake.url } });
    expect(again.afterLog).toContain('GH_TOKEN was already revoked or expired');
  });

  it('masking proxy_exec prints ::add-mask:: for each value line; wrapper mode never does', async () => {
    const proxy = await job({ inputs: { broker_url: fake.url, masking: 'proxy_exec' } });
    expect(proxy.exitCode).toBe(0);
    expect(proxy.scriptLog).toContain(`::add-mask::${GH_TOKEN}\n`);
    expect(proxy.scriptLog).toContain('::add-mask::ZmFrZSBrZXkgbWF0ZXJpYWw=\n');
    const plain = await job({ inputs: { broker_url: fake.url } });
    expect(plain.scriptLog).not.toContain('::add-mask::');
    expect(leaked(plain.log, [GH_TOKEN, MULTI])).toEqual([]);
  });

  it('a broker that keeps failing: retried within timeout_seconds, then an error naming the last answer', async () => {
    limited = 100;
    const r = await job({ inputs: { broker_url: fake.url, timeout_seconds: 3 } });
    limited = 0;
    expect(r.exitCode).not.toBe(0);
    expect(r.scriptLog).toMatch(/failed after \d attempt\(s\) within timeout_seconds \(3 s\): last answer 429 rate limited/);
  });
});

describe('Vault / OpenBao mode', () => {
  let vault: Fake;
  const vaultToken = 'hvs.fakeVaultClientToken42';
  const DB = 'vault-db-pässword "q" $x `y`\n';
  beforeAll(async () => {
    vault = await startFake((req, res) => {
      if (req.method === 'POST' && req.path === '/v1/auth/jwt/login') {
        const body = JSON.parse(req.body) as { role?: string; jwt?: string };
        if (body.role !== 'ci') return json(res, 400, { errors: [`role "${body.role}" could not be found`] });
        if (body.jwt !== fakeJwt) return json(res, 400, { errors: ['error validating token: invalid audience (aud) claim'] });
        return json(res, 200, { auth: { client_token: vaultToken, lease_duration: 300, renewable: false } });
      }
      if (req.headers['x-vault-token'] !== vaultToken) return json(res, 403, { errors: ['permission denied'] });
      if (req.method === 'GET' && req.path === '/v1/secret/data/ci') {
        return json(res, 200, { data: { data: { db_password: DB, port: 5432 }, metadata: { version: 3 } } });
      }
      if (req.method === 'POST' && req.path === '/v1/auth/token/revoke-self') {
        res.writeHead(204);
        return res.end();
      }
      json(res, 404, { errors: [] });
    });
  });
  afterAll(() => vault.close());
  beforeEach(() => {
    vault.seen.length = 0;
  });

  it('logs in with the id token, reads KV v2 keys byte-exact, and revokes its Vault token at the end', async () => {
    const r = await job({
      inputs: { broker: 'vault', broker_url: vault.url, vault_role: 'ci', secrets: 'secret/data/ci db_password | DB_PASSWORD\nsecret/data/ci port' },
      script: ['printf %s "$DB_PASSWORD" > "$CI_PROJECT_DIR/db"', 'test "$PORT" = 5432'],
    });
    expect(r.exitCode).toBe(0);
    expect(await readFile(`${r.projectDir}/db`, 'utf8')).toBe(DB);
    expect(vault.seen.map((s) => `${s.method} ${s.path}`)).toEqual([
      'POST /v1/auth/jwt/login',
      'GET /v1/secret/data/ci',
      'GET /v1/secret/data/ci',
      'POST /v1/auth/token/revoke-self',
    ]);
    expect(r.afterLog).toContain('revoked VAULT_TOKEN');
    expect(leaked(r.log, [DB, vaultToken])).toEqual([]);
  });

  it("shows Vault's own error for a wrong role", async () => {
    const r = await job({ inputs: { broker: 'vault', broker_url: vault.url, vault_role: 'nope', secrets: 'secret/data/ci db_password' } });
    expect(r.exitCode).not.toBe(0);
    expect(r.scriptLog).toContain('answered 400: "role "nope" could not be found"');
  });

  it('a missing key, and a missing jq, are clear errors', async () => {
    const key = await job({ inputs: { broker: 'vault', broker_url: vault.url, vault_role: 'ci', secrets: 'secret/data/ci nokey' } });
    expect(key.scriptLog).toContain('has no key nokey');
    expect(key.exitCode).not.toBe(0);
    const jq = await job({ path: noJq.path, inputs: { broker: 'vault', broker_url: vault.url, vault_role: 'ci', secrets: 'secret/data/ci db_password' } });
    expect(jq.scriptLog).toContain('Vault mode needs jq in the job image');
    expect(jq.exitCode).not.toBe(0);
  });
});
