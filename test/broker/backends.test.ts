// Secrets kept where teams already keep them, each end to end through an exchange over loopback: Vault KV v2
// (AppRole and token auth, with renewal) against the Vault API double, AWS Secrets Manager through AWS's SDK
// against a double that speaks its wire protocol and checks SigV4, and files encrypted with the real `age`
// tool. Each shows its outage (503, the token not spent) and its recovery (the same token then succeeds),
// values cached for the configured time, and no value in any log line or error.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildConfig } from '../../src/broker/config/load.js';
import { ConfigError } from '../../src/broker/errors.js';
import { startBed, type Bed } from '../../src/harness/bed.js';
import type { FakeSecretsManager } from '../../src/harness/fakes/aws-secrets-manager.js';
import type { FakeVault } from '../../src/harness/fakes/vault.js';
import { AUDIENCE, exchangeOver, leaks } from '../helpers/broker.js';
import { eventually, type Issuers } from '../scale/bed.js';

const VALUES = {
  vaultDb: 'vault-db-pw-3c9f1a-never-print',
  vaultApi: 'vault-api-key-77ab02-never-print',
  awsKey: 'aws-api-key-d41d8c-never-print',
  awsWhole: 'aws-whole-string-0a1b2c-never-print',
  ageWhole: 'age-whole-file-9f8e7d-never-print\n',
  ageField: 'age-field-value-6c5b4a-never-print',
  roleSecretId: 'approle-secret-id-1f2e3d4c5b6a',
  staticToken: 'hvs.static-operator-token-00112233',
  awsSecretKey: 'aws-secret-access-key-never-print-0000',
};
const ROLE_ID = 'role-id-broker-0001';

let bed: Bed;
let iss: Pick<Issuers, 'github' | 'gitlab'>;
let vault: FakeVault;
let aws: FakeSecretsManager;
let dir: string;
let identity: string;
let url: string;
let log: string[];
const delivered: string[] = [];

async function token(project = 'acme/platform/api'): Promise<string> {
  return iss.gitlab.mint(iss.gitlab.claimsFor({ project_path: project } as never));
}

async function get(name: string, tok?: string) {
  return exchangeOver(url, { token: tok ?? (await token()), body: JSON.stringify({ secrets: [name] }) });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oidcx-backends-'));
  // A real age identity and files encrypted by the real age tool (armored and binary).
  execFileSync('age-keygen', ['-o', join(dir, 'broker.agekey')], { stdio: 'ignore' });
  identity = await readFile(join(dir, 'broker.agekey'), 'utf8');
  const recipient = /public key: (age1[0-9a-z]+)/.exec(identity)![1]!;
  execFileSync('age', ['-r', recipient, '-a', '-o', join(dir, 'whole.age')], { input: VALUES.ageWhole });
  execFileSync('age', ['-r', recipient, '-o', join(dir, 'secrets.yaml.age')], { input: `deploy_key: ${VALUES.ageField}\nother: 1\n` });

  bed = await startBed({
    vault: {
      approles: { broker: { role_id: ROLE_ID, secret_id: VALUES.roleSecretId, paths: ['kv/data/ci/*'], ttlSeconds: 3, maxTtlSeconds: 60 } },
      // The AppRole token's 3 s lease starts at the broker's login; the static token's runs from the double's
      // start, through the broker's whole start-up (over 3 s on a loaded machine: the broker's first lookup-self
      // found it lapsed), so its lease is 6 s: still shorter than the renewal test's 7 s, so it must be renewed.
      staticTokens: { [VALUES.staticToken]: { paths: ['kv/data/ci/api'], ttlSeconds: 6, maxTtlSeconds: 60, renewable: true } },
      kv: { kv: { version: 2, secrets: { 'ci/db': { password: VALUES.vaultDb, user: 'app' }, 'ci/api': { key: VALUES.vaultApi } } } },
    },
    aws: {
      region: 'eu-west-1',
      credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: VALUES.awsSecretKey },
      secrets: { 'ci/api': JSON.stringify({ key: VALUES.awsKey, other: 'x' }), 'ci/whole': VALUES.awsWhole },
    },
    configPath: join(dir, 'broker.yaml'),
    env: { VAULT_SECRET_ID: VALUES.roleSecretId, VAULT_TOKEN: VALUES.staticToken, AWS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE', AWS_SECRET: VALUES.awsSecretKey },
    prepare: true,
    config: ({ gitlab, vault, aws }) => ({
    issuers: [{ id: 'gitlab', issuer: gitlab.url, kind: 'gitlab', jwks_uri: gitlab.jwksUri }],
    backends: {
      vault: {
        main: { address: vault!.url, auth: { approle: { role_id: ROLE_ID, secret_id_env: 'VAULT_SECRET_ID' } }, cache_seconds: 1, timeout_seconds: 2 },
        ops: { address: vault!.url, auth: { token_env: 'VAULT_TOKEN' }, cache_seconds: 0 },
      },
      aws_secrets_manager: {
        prod: {
          region: 'eu-west-1',
          endpoint: aws!.url,
          credentials: { access_key_id_env: 'AWS_KEY_ID', secret_access_key_env: 'AWS_SECRET' },
          cache_seconds: 1,
          timeout_seconds: 2,
        },
      },
      age: { repo: { identity_file: 'broker.agekey', cache_seconds: 0 } },
    },
    secrets: {
      VAULT_DB: { vault: { backend: 'main', mount: 'kv', path: 'ci/db', field: 'password' } },
      VAULT_API: { vault: { backend: 'ops', mount: 'kv', path: 'ci/api', field: 'key' } },
      AWS_API_KEY: { aws_secrets_manager: { secret_id: 'ci/api', field: 'key' } },
      AWS_WHOLE: { aws_secrets_manager: { secret_id: 'ci/whole' } },
      AGE_WHOLE: { age: { file: 'whole.age' } },
      AGE_FIELD: { age: { file: 'secrets.yaml.age', field: 'deploy_key' } },
    },
    policies: [{ name: 'api', issuer: 'gitlab', claims: { project_path: 'acme/platform/api' }, secrets: ['VAULT_DB', 'VAULT_API', 'AWS_API_KEY', 'AWS_WHOLE', 'AGE_WHOLE', 'AGE_FIELD'] }],
    }),
  });
  ({ url, log } = bed);
  [iss, vault, aws] = [bed, bed.vault!, bed.aws!];
});

afterAll(async () => {
  await bed?.close();
  const everything = log.join('');
  const secretValues = [...Object.values(VALUES), identity.split('\n').find((l) => l.startsWith('AGE-SECRET-KEY'))!, ...vault.tokens.keys(), ...delivered];
  expect(leaks(everything, secretValues)).toEqual([]);
  await rm(dir, { recursive: true, force: true });
});

describe('start-up', () => {
  it('logs each backend ready, and logs in to Vault with AppRole before the first exchange', () => {
    const lines = log.join('');
    expect(lines).toMatch(/"event":"backend_ready","kind":"vault","backend":"main"/);
    expect(lines).toMatch(/"event":"backend_ready","kind":"aws_secrets_manager","backend":"prod"/);
    expect(lines).toMatch(/"event":"vault_login","backend":"main"/);
    expect(vault.requests.filter((r) => r.path === '/v1/auth/approle/login')).toHaveLength(1);
  });
});

describe('everything through one exchange', () => {
  it('delivers each backend value byte for byte', async () => {
    const r = await exchangeOver(url, { token: await token() });
    expect(r.status).toBe(200);
    expect(r.json.secrets).toEqual({
      VAULT_DB: VALUES.vaultDb,
      VAULT_API: VALUES.vaultApi,
      AWS_API_KEY: VALUES.awsKey,
      AWS_WHOLE: VALUES.awsWhole,
      AGE_WHOLE: VALUES.ageWhole,
      AGE_FIELD: VALUES.ageField,
    });
    delivered.push(...Object.values(r.json.secrets as Record<string, string>));
  });
});

describe('vault', () => {
  it('reads KV v2 with the AppRole token and the static token, each with its own header', async () => {
    const reads = vault.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/v1/kv/data/'));
    expect(reads.map((r) => r.path)).toEqual(expect.arrayContaining(['/v1/kv/data/ci/db', '/v1/kv/data/ci/api']));
  });

  it('renews the tokens before they lapse (3 s and 6 s TTLs), so exchanges keep working past their TTLs', async () => {
    const start = Date.now();
    while (Date.now() - start < 7000) {
      const r = await get('VAULT_API');
      expect(r.status).toBe(200);
      await new Promise((res) => setTimeout(res, 700));
    }
    const renewals = vault.requests.filter((r) => r.path === '/v1/auth/token/renew-self');
    expect(renewals.length).toBeGreaterThanOrEqual(2);
    expect(log.join('')).toMatch(/"event":"vault_token_renewed","backend":"ops"/);
    expect(log.join('')).toMatch(/"event":"vault_token_renewed","backend":"main"/);
  }, 20000);

  it('an outage is a 503 that does not spend the token; the same token succeeds when Vault is back', async () => {
    await new Promise((r) => setTimeout(r, 1100)); // past cache_seconds
    const tok = await token();
    await vault.stop();
    const failed = await get('VAULT_DB', tok);
    expect(failed.status).toBe(503);
    expect(failed.json.error).toBe('secret_unavailable');
    expect(failed.text).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|kv\//);
    await vault.start();
    const ok = await get('VAULT_DB', tok);
    expect(ok.status).toBe(200);
    expect(ok.json.secrets).toEqual({ VAULT_DB: VALUES.vaultDb });
    expect(log.join('')).toMatch(/"event":"exchange_failure","code":"secret_unavailable","detail":"vault main: reading kv\/ci\/db: GET \/v1\/kv\/data\/ci\/db: ECONNREFUSED"/);
  });

  it('serves from the cache within cache_seconds, and a rotated value after it', async () => {
    await get('VAULT_DB');
    const before = vault.requests.filter((r) => r.path === '/v1/kv/data/ci/db').length;
    await get('VAULT_DB');
    expect(vault.requests.filter((r) => r.path === '/v1/kv/data/ci/db').length).toBe(before);
    vault.kv.kv!.secrets['ci/db'] = { password: `${VALUES.vaultDb}-rotated` };
    await new Promise((r) => setTimeout(r, 1100));
    const r = await get('VAULT_DB');
    if (r.status !== 200) console.log(log.filter((l) => /exchange_failure|vault_/.test(l)).slice(-8).join(''));
    expect(r.json.secrets).toEqual({ VAULT_DB: `${VALUES.vaultDb}-rotated` });
    delivered.push(`${VALUES.vaultDb}-rotated`);
    const m = await (await fetch(`${url}/metrics`)).text();
    expect(m).toMatch(/^oidc_exchange_secret_fetches_total\{kind="vault",backend="main",outcome="hit"\} [1-9]/m);
    expect(m).toMatch(/^oidc_exchange_secret_fetches_total\{kind="vault",backend="main",outcome="error"\} [1-9]/m);
  });

  it('logs in again when Vault no longer accepts the AppRole token', async () => {
    // Past cache_seconds first, then revoke and read at once: revoking before the wait let the 2-s renewal
    // timer meet the revoked token during it and log in before `logins` was counted.
    await new Promise((r) => setTimeout(r, 1100));
    const logins = vault.requests.filter((r) => r.path === '/v1/auth/approle/login').length;
    for (const t of vault.tokens.values()) if (t.role === 'broker') t.revoked = true;
    const r = await get('VAULT_DB');
    expect(r.status).toBe(200);
    expect(vault.requests.filter((x) => x.path === '/v1/auth/approle/login').length).toBeGreaterThan(logins);
  });
});

describe('aws_secrets_manager', () => {
  it('speaks AWS JSON 1.1 with SigV4 that the double verifies with AWS own signer', () => {
    const accepted = aws.requests.filter((r) => !r.refused);
    expect(accepted.length).toBeGreaterThanOrEqual(2);
    for (const r of accepted) {
      expect(r.target).toBe('secretsmanager.GetSecretValue');
      expect(r.accessKeyId).toBe('AKIAIOSFODNN7EXAMPLE');
      expect(r.scope).toMatch(/^\d{8}\/eu-west-1\/secretsmanager$/);
      expect(r.signedHeaders).toEqual(expect.arrayContaining(['host', 'x-amz-date', 'x-amz-target', 'content-type']));
    }
    expect(aws.requests.filter((r) => r.refused)).toEqual([]);
  });

  it('an outage is a 503 that does not spend the token; the same token succeeds when AWS is back', async () => {
    await new Promise((r) => setTimeout(r, 1100));
    const tok = await token();
    await aws.stop();
    const failed = await get('AWS_API_KEY', tok);
    expect(failed.status).toBe(503);
    expect(failed.json.error).toBe('secret_unavailable');
    await aws.start();
    const ok = await get('AWS_API_KEY', tok);
    expect(ok.status).toBe(200);
    expect(ok.json.secrets).toEqual({ AWS_API_KEY: VALUES.awsKey });
  });

  it('a secret AWS does not have is a 503 with the SDK error name in the log, never the value', async () => {
    delete aws.secrets['ci/whole'];
    await new Promise((r) => setTimeout(r, 1100));
    const r = await get('AWS_WHOLE');
    expect(r.status).toBe(503);
    expect(log.join('')).toMatch(/aws_secrets_manager prod: ci\/whole: ResourceNotFoundException \(HTTP 400\)/);
    aws.secrets['ci/whole'] = VALUES.awsWhole;
  });

  it('a wrong secret key is refused by the double as AWS refuses it', async () => {
    const { SecretsManagerClient, GetSecretValueCommand } = await import('@aws-sdk/client-secrets-manager');
    const client = new SecretsManagerClient({ region: 'eu-west-1', endpoint: aws.url, credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wrong' }, maxAttempts: 1 });
    await expect(client.send(new GetSecretValueCommand({ SecretId: 'ci/api' }))).rejects.toMatchObject({ name: 'InvalidSignatureException' });
    client.destroy();
    expect(aws.requests.at(-1)!.refused).toBe('InvalidSignatureException');
  });
});

describe('age', () => {
  it('a missing file is a 503 that does not spend the token; the same token succeeds once it is back', async () => {
    const tok = await token();
    await rename(join(dir, 'whole.age'), join(dir, 'whole.age.bak'));
    const failed = await get('AGE_WHOLE', tok);
    expect(failed.status).toBe(503);
    await rename(join(dir, 'whole.age.bak'), join(dir, 'whole.age'));
    const ok = await get('AGE_WHOLE', tok);
    expect(ok.json.secrets).toEqual({ AGE_WHOLE: VALUES.ageWhole });
  });

  it('a file encrypted to another identity is refused at load, by its path', async () => {
    const other = join(dir, 'other.agekey');
    execFileSync('age-keygen', ['-o', other], { stdio: 'ignore' });
    const recipient = /public key: (age1[0-9a-z]+)/.exec(await readFile(other, 'utf8'))![1]!;
    execFileSync('age', ['-r', recipient, '-o', join(dir, 'foreign.age')], { input: 'x' });
    const raw = {
      audience: AUDIENCE,
      issuers: [{ id: 'gitlab', issuer: iss.gitlab.url, kind: 'gitlab' }],
      backends: { age: { repo: { identity_file: 'broker.agekey' } } },
      secrets: { FOREIGN: { age: { file: 'foreign.age' } }, MISSING: { age: { file: 'secrets.yaml.age', field: 'nope' } } },
      policies: [{ name: 'p', issuer: 'gitlab', claims: { project_path: 'x' }, secrets: ['FOREIGN', 'MISSING'] }],
    };
    const e = await buildConfig(raw, join(dir, 'broker.yaml'), { env: {}, checkSources: true }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ConfigError);
    expect((e as ConfigError).problems).toEqual([
      expect.stringMatching(/^secrets\.FOREIGN\.age: age repo: .*foreign\.age: cannot be decrypted with the configured identity/),
      expect.stringMatching(/^secrets\.MISSING\.age: age repo: .*secrets\.yaml\.age has no field "nope"$/),
    ]);
  });
});

describe('configuration', () => {
  async function problems(raw: Record<string, unknown>, env: NodeJS.ProcessEnv = {}): Promise<string[]> {
    const full = { audience: AUDIENCE, issuers: [{ id: 'gitlab', issuer: iss.gitlab.url, kind: 'gitlab' }], policies: [{ name: 'p', issuer: 'gitlab', claims: { project_path: 'x' }, secrets: ['S'] }], ...raw };
    const e = await buildConfig(full, join(dir, 'c.yaml'), { env, checkSources: true }).then(() => undefined, (x: unknown) => x);
    return e instanceof ConfigError ? e.problems : [];
  }

  it.each([
    [{ backends: { vault: { v: { address: 'http://vault.internal:8200', auth: { token_env: 'T' } } } }, secrets: { S: { vault: { path: 'a', field: 'b' } } } }, { T: 'x' }, ['backends.vault.v.address: must use https (plain http is accepted only for loopback addresses, for local testing)']],
    [{ backends: { vault: { v: { address: 'https://v', auth: { token_env: 'T', token_file: 'f' } } } }, secrets: { S: { vault: { path: 'a', field: 'b' } } } }, { T: 'x' }, ['backends.vault.v.auth: set exactly one of approle, token_env or token_file']],
    [{ backends: { vault: { v: { address: 'https://v', auth: { approle: { role_id: 'r', secret_id_env: 'SID' } } } } }, secrets: { S: { vault: { path: 'a', field: 'b' } } } }, {}, ['backends.vault.v.auth.approle.secret_id_env: environment variable SID is not set']],
    [{ secrets: { S: { vault: { path: 'a', field: 'b' } } } }, {}, ['secrets.S.vault: no vault backend is configured; add one under backends.vault']],
    [{ backends: { vault: { a: { address: 'https://v', auth: { token_env: 'T' } }, b: { address: 'https://w', auth: { token_env: 'T' } } } }, secrets: { S: { vault: { path: 'a', field: 'b' } } } }, { T: 'x' }, ['secrets.S.vault.backend: is required when several vault backends are configured (a, b)']],
    [{ backends: { aws_secrets_manager: { p: { region: 'eu-west-1' } } }, secrets: { S: { aws_secrets_manager: { backend: 'q', secret_id: 'x' } } } }, {}, ['secrets.S.aws_secrets_manager.backend: "q" is not defined under backends.aws_secrets_manager (known: p)']],
    [{ backends: { age: { r: { identity_env: 'AGE_ID' } } }, secrets: { S: { value: 'v' } } }, { AGE_ID: 'not a key' }, ['backends.age.r.identity_env: line 1 of the identities is not an age secret key (AGE-SECRET-KEY-1...)']],
  ])('%j is refused by its path', async (raw, env, expected) => {
    expect(await problems(raw, env)).toEqual(expected);
  });

  it('a Vault outage at start-up does not stop the broker: it is logged and answered 503 until Vault is back', async () => {
    const down = await startBed({
      issuers: iss,
      config: {
        issuers: [{ id: 'gitlab', issuer: iss.gitlab.url, kind: 'gitlab', jwks_uri: iss.gitlab.jwksUri }],
        backends: { vault: { main: { address: 'http://127.0.0.1:1', auth: { token_env: 'T' }, timeout_seconds: 1 } } },
        secrets: { S: { vault: { path: 'a', field: 'b' } } },
        policies: [{ name: 'p', issuer: 'gitlab', claims: { project_path: 'acme/platform/api' }, secrets: ['S'] }],
      },
      configPath: join(dir, 'c.yaml'),
      env: { T: 'hvs.x' },
      prepare: true,
    });
    expect(down.log.join('')).toMatch(/"event":"backend_unreachable","kind":"vault","backend":"main","detail":"GET \/v1\/auth\/token\/lookup-self: ECONNREFUSED"/);
    expect((await exchangeOver(down.url, { token: await token() })).json.error).toBe('secret_unavailable');
    await down.close();
    await eventually('closed', async () => true);
  });
});
