// The component's other modes end to end: Vault/OpenBao (the harness's Vault double verifies the job's real
// id token from the fake GitLab issuer against the issuer's keys and the role's bound claims, serves KV v1 and
// v2 in a namespace, and records that the Vault token was revoked), `masking: proxy_exec` (exactly the
// ::add-mask:: lines a proxy_exec runner needs, and nothing else), `debug_claims`, and images that only have
// GNU wget.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runGitLabJob, type GitLabJobOptions, type GitLabJobResult } from '../../src/harness/gitlab/job.js';
import { startFakeVault, type FakeVault } from '../../src/harness/fakes/vault.js';
import { AUDIENCE, startTestBed, type TestBed } from '../helpers/broker.js';
import { dumpScript, leaked, SHELLS, toolPath } from './job-env.js';

const KV = {
  password: 'vault-db-p4ss "q" $x `y` \\z',
  cert: '-----BEGIN CERTIFICATE-----\nMIIBvault0123456789\nAAAAvaultline2abcdef\n-----END CERTIFICATE-----\n',
  legacy: 'kv-one-legacy-value-55e1',
};
const BROKER = { SHORT: 'ab', NEWLINES: 'first-line-3c1d\nsecond-line-8e2f\n\nfourth-7a9b', API_KEY: 'api-key-value-0f3e9d1c' };
const VAULT_AUD = 'https://vault.example';

let bed: TestBed;
let vault: FakeVault;
const paths = { curl: toolPath(['curl', 'jq']), wget: toolPath(['wget', 'jq']) };

beforeAll(async () => {
  const env: NodeJS.ProcessEnv = {};
  const secrets: Record<string, unknown> = {};
  for (const [n, v] of Object.entries(BROKER)) {
    env[`V_${n}`] = v;
    secrets[n] = { env: `V_${n}` };
  }
  bed = await startTestBed({
    env,
    config: () => ({ secrets, policies: [{ name: 'api', issuer: 'gitlab', claims: { project_path: 'acme/platform/api' }, secrets: Object.keys(BROKER) }] }),
  });
  vault = await startFakeVault({
    issuer: bed.gitlab.url,
    jwksUri: bed.gitlab.jwksUri,
    authPath: 'gitlab',
    namespace: 'team-a',
    roles: {
      ci: { bound_audiences: [VAULT_AUD], bound_claims: { project_path: 'acme/platform/api', ref_protected: 'true' }, paths: ['secret/data/ci/*', 'kv1/app'] },
    },
    kv: {
      secret: { version: 2, secrets: { 'ci/db': { password: KV.password, port: 5432 }, 'ci/tls': { cert: KV.cert } } },
      kv1: { version: 1, secrets: { app: { legacy: KV.legacy } } },
    },
  });
});

afterAll(async () => {
  await vault.close();
  await bed.close();
  for (const p of Object.values(paths)) p.remove();
});

const jobs: GitLabJobResult[] = [];
afterEach(async () => {
  for (const j of jobs.splice(0)) {
    expect(leaked(j.log, [...Object.values(KV), BROKER.NEWLINES, BROKER.API_KEY, ...vault.tokens.keys()])).toEqual([]);
    await j.cleanup();
  }
});

async function job(opts: Partial<GitLabJobOptions>): Promise<GitLabJobResult> {
  const r = await runGitLabJob({
    issuer: bed.gitlab,
    job: { ref_protected: true },
    shell: ['/bin/dash'],
    path: paths.curl.path,
    script: [],
    ...opts,
    inputs: { broker_url: bed.url, audience: AUDIENCE, timeout_seconds: 10, ...(opts.inputs?.secrets ? {} : { export_all: true }), ...(opts.inputs ?? {}) },
  });
  jobs.push(r);
  return r;
}

const vaultInputs = {
  broker: 'vault',
  audience: VAULT_AUD,
  vault_role: 'ci',
  vault_auth_path: 'gitlab',
  vault_namespace: 'team-a',
  secrets: 'secret/data/ci/db password | DB_PASSWORD\nsecret/data/ci/db port | DB_PORT\nsecret/data/ci/tls cert | TLS_CERT\nkv1/app legacy',
};

describe('Vault / OpenBao mode, end to end', () => {
  const cases = [...SHELLS.map(([label, shell]) => [`${label}, curl`, shell, 'curl'] as const), ['dash, GNU wget', ['/bin/dash'], 'wget'] as const];
  it.each(cases)('%s: logs in with the real id token, reads KV v2 and v1 byte-exact, and revokes its Vault token at the end', async (_l, shell, client) => {
    const before = vault.tokens.size;
    const r = await job({
      shell: [...shell],
      path: paths[client].path,
      inputs: { ...vaultInputs, broker_url: vault.url, export: 'both' },
      script: dumpScript(['DB_PASSWORD', 'TLS_CERT', 'LEGACY']).concat('test "$DB_PORT" = 5432'),
    });
    expect(r.exitCode).toBe(0);
    for (const [name, value] of [['DB_PASSWORD', KV.password], ['TLS_CERT', KV.cert], ['LEGACY', KV.legacy]] as const) {
      expect(await readFile(join(r.projectDir, `env-${name}`), 'utf8')).toBe(value);
      expect(await readFile(join(r.projectDir, `file-${name}`), 'utf8')).toBe(value);
    }
    expect(vault.requests.slice(-1)[0]).toEqual({ method: 'POST', path: '/v1/auth/token/revoke-self', namespace: 'team-a' });
    const issued = [...vault.tokens.values()].slice(before);
    expect(issued).toHaveLength(1);
    expect(issued[0]!.revoked).toBe(true);
    expect(r.afterLog).toContain('revoked VAULT_TOKEN');
  });

  it('a token whose claims the role does not bind is refused, with Vault\'s reason', async () => {
    const r = await job({ job: { ref_protected: false }, inputs: { ...vaultInputs, broker_url: vault.url } });
    expect(r.exitCode).not.toBe(0);
    expect(r.scriptLog).toContain('answered 400: "error validating claims: claim "ref_protected" does not match any associated bound claim values"');
  });

  it('a read the role may not make fails the job, and the Vault token is revoked at once, before after_script', async () => {
    const before = vault.tokens.size;
    const r = await job({ inputs: { ...vaultInputs, broker_url: vault.url, secrets: 'secret/data/ci/db password\nsecret/data/other/x key' }, afterScript: [] });
    expect(r.exitCode).not.toBe(0);
    expect(r.scriptLog).toContain('Vault (reading secret/data/other/x) answered 403');
    expect([...vault.tokens.values()].slice(before).map((t) => t.revoked)).toEqual([true]);
    expect(await import('node:fs/promises').then((fs) => fs.readdir(r.buildsDir))).toEqual(['acme']);
  });
});

describe('masking: proxy_exec', () => {
  it.each(['env', 'file'])('with export %s: one ::add-mask:: line per value line of 3 characters or more, on stdout, and no value otherwise', async (exportMode) => {
    const r = await job({ inputs: { masking: 'proxy_exec', export: exportMode } });
    // This log shows values on purpose (a proxy_exec runner hides them): the leak scan below is this test's own.
    jobs.splice(jobs.indexOf(r), 1);
    expect(r.exitCode).toBe(0);
    const masks = r.scriptLog.split('\n').filter((l) => l.startsWith('::add-mask::')).sort();
    const expected = Object.values(BROKER)
      .flatMap((v) => v.split('\n'))
      .filter((l) => l.length >= 3)
      .map((l) => `::add-mask::${l}`)
      .sort();
    expect(masks).toEqual(expected);
    // Outside those lines, no value, and no advice about the wrapper a proxy_exec runner does not need.
    const rest = r.log.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n');
    expect(leaked(rest, [BROKER.NEWLINES, BROKER.API_KEY])).toEqual([]);
    expect(r.scriptLog).not.toContain('GitLab does not mask these values');
    await r.cleanup();
  });
});

describe('debug_claims', () => {
  it('prints the token\'s claims before the exchange, never the token', async () => {
    const token = await bed.gitlab.mint(bed.gitlab.claimsFor({ environment: 'staging', ref_protected: true }), { audience: AUDIENCE });
    const r = await job({ token, inputs: { debug_claims: true } });
    expect(r.exitCode).toBe(0);
    const lines = r.scriptLog.split('\n');
    const at = lines.findIndex((l) => l.includes("the job's id token ($OIDC_EXCHANGE_ID_TOKEN) carries these claims:"));
    expect(at).toBeGreaterThan(-1);
    expect(lines.findIndex((l) => l.includes('exported 3 secret(s)'))).toBeGreaterThan(at);
    expect(r.scriptLog).toContain(`  iss: "${bed.gitlab.url}"`);
    expect(r.scriptLog).toContain(`  aud: "${AUDIENCE}"`);
    expect(r.scriptLog).toContain('  project_path: "acme/platform/api"');
    expect(r.scriptLog).toContain('  environment: "staging"');
    expect(r.scriptLog).toMatch(/ {2}exp: \d+\n/);
    for (const part of token.split('.')) expect(r.log).not.toContain(part);
  });

  it('without it, a successful job prints no claims', async () => {
    const r = await job({});
    expect(r.exitCode).toBe(0);
    expect(r.scriptLog).not.toContain('carries these claims');
  });
});

describe('an image with GNU wget only', () => {
  it.each(SHELLS)('under %s: the exchange, a refusal explained, and the wrapper', async (_l, shell) => {
    const ok = await job({ shell, path: paths.wget.path, script: ['oidc_exchange_redact sh -c \'echo "key=$API_KEY"\''] });
    expect(ok.exitCode).toBe(0);
    expect(ok.scriptLog).toContain('key=[MASKED]');
    expect(ok.afterLog).toContain("removed the secrets' files");
    const refused = await job({ shell, path: paths.wget.path, job: { project_path: 'other/group/app' } });
    expect(refused.exitCode).not.toBe(0);
    expect(refused.scriptLog).toContain('answered 403 no_policy_matched');
    expect(refused.scriptLog).toContain('project_path: "other/group/app"');
  });
});
