// A failure of the broker's own never spends a single-use token: the client's retry with the same token (a
// GitLab job has only one) gets the secrets once the source is back, on the memory store, on Redis, and with
// two instances on one Redis racing the retries. Tokens minted for an exchange that failed are revoked.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exchangeOver, leaks } from '../helpers/broker.js';
import { eventually, startIssuers, type Issuers } from '../scale/bed.js';
import { startRedis, type RedisServer } from '../scale/redis.js';
import { AUDIENCE } from '../helpers/broker.js';
import { startBed, type Bed } from '../../src/harness/bed.js';

const DB_PASSWORD = 'file-db-password-5e1b0c-never-print';
let iss: Issuers;
let redis: RedisServer;
let dir: string;
const secretFile = () => join(dir, 'db-password');

beforeAll(async () => {
  [iss, redis] = await Promise.all([startIssuers(), startRedis()]);
  dir = await mkdtemp(join(tmpdir(), 'oidcx-unspent-'));
  await writeFile(secretFile(), DB_PASSWORD);
});
afterAll(async () => {
  await Promise.all([iss?.close(), redis?.stop(), rm(dir, { recursive: true, force: true })]);
});

function config(store: unknown): Record<string, unknown> {
  return {
    audience: AUDIENCE,
    issuers: [
      { id: 'github', issuer: iss.github.url, kind: 'github' },
      { id: 'gitlab', issuer: iss.gitlab.url, kind: 'gitlab', jwks_uri: iss.gitlab.jwksUri },
    ],
    secrets: { DB_PASSWORD: { file: secretFile() } },
    policies: [{ name: 'gitlab-deploy', issuer: 'gitlab', claims: { project_path: 'acme/platform/api' }, secrets: ['DB_PASSWORD'] }],
    store,
  };
}

const gitlabJobToken = () => iss.gitlab.mint(iss.gitlab.claimsFor({ project_path: 'acme/platform/api' } as never));

describe.each([
  ['memory', () => 'memory'],
  ['redis', () => `${redis.url}?key_prefix=unspent-${Math.random().toString(36).slice(2)}:`],
])('on the %s store', (_kind, store) => {
  let a: Bed;
  beforeAll(async () => {
    a = await startBed({ issuers: iss, config: config(store()) });
    await eventually('store reachable', () => a.broker.store.ping());
  });
  afterAll(async () => {
    expect(leaks(a.log.join(''), [DB_PASSWORD])).toEqual([]);
    await a.close();
  });

  it('a 503 from a failing source, then the same token succeeds once the source is back, and only once', async () => {
    const token = await gitlabJobToken();
    await unlink(secretFile());
    const failed = await exchangeOver(a.url, { token });
    expect(failed.status).toBe(503);
    expect(failed.json.error).toBe('secret_unavailable');
    expect(failed.text).not.toContain('db-password');
    // Still failing: still 503, never token_replayed.
    expect((await exchangeOver(a.url, { token })).json.error).toBe('secret_unavailable');

    await writeFile(secretFile(), DB_PASSWORD);
    const retried = await exchangeOver(a.url, { token });
    expect(retried.status).toBe(200);
    expect(retried.json.secrets).toEqual({ DB_PASSWORD });
    // Delivered once: now the token is spent.
    const again = await exchangeOver(a.url, { token });
    expect(again.status).toBe(401);
    expect(again.json.error).toBe('token_replayed');
    const metrics = await (await fetch(`${a.url}/metrics`)).text();
    expect(metrics).toMatch(/^oidc_exchange_token_releases_total\{outcome="released"\} 2$/m);
  });
});

describe('two instances on one Redis', () => {
  let a: Bed;
  let b: Bed;
  beforeAll(async () => {
    const raw = config(`${redis.url}?key_prefix=unspent-two:`);
    [a, b] = await Promise.all([startBed({ issuers: iss, config: raw }), startBed({ issuers: iss, config: raw })]);
    await eventually('both see redis', async () => (await a.broker.store.ping()) && (await b.broker.store.ping()));
  });
  afterAll(async () => {
    expect(leaks(a.log.join('') + b.log.join(''), [DB_PASSWORD])).toEqual([]);
    await Promise.all([a.close(), b.close()]);
  });

  it('a 503 on one instance leaves the token usable on the other; racing retries get the secrets exactly once', async () => {
    const tokens = await Promise.all(Array.from({ length: 10 }, gitlabJobToken));
    await unlink(secretFile());
    for (const [i, token] of tokens.entries()) {
      const r = await exchangeOver(i % 2 ? a.url : b.url, { token });
      expect(r.json.error).toBe('secret_unavailable');
    }
    await writeFile(secretFile(), DB_PASSWORD);
    // Each token retried on both instances at once: one wins, the other is told the token was used.
    for (const token of tokens) {
      const answers = await Promise.all([exchangeOver(a.url, { token }), exchangeOver(b.url, { token })]);
      expect(answers.map((x) => x.status).sort()).toEqual([200, 401]);
      expect(answers.find((x) => x.status === 401)!.json.error).toBe('token_replayed');
      expect(answers.find((x) => x.status === 200)!.json.secrets).toEqual({ DB_PASSWORD });
    }
  });

  it('a source failing while two instances race the same token: neither spends it, the later retry succeeds', async () => {
    const token = await gitlabJobToken();
    await unlink(secretFile());
    const answers = await Promise.all([exchangeOver(a.url, { token }), exchangeOver(b.url, { token })]);
    // One reached the source and failed (503); the other either raced it (token_replayed while the first held
    // the record) or also reached the source. Neither got the secret, and the token is given back.
    expect(answers.every((x) => x.status !== 200)).toBe(true);
    expect(answers.some((x) => x.json.error === 'secret_unavailable')).toBe(true);
    await writeFile(secretFile(), DB_PASSWORD);
    expect((await exchangeOver(b.url, { token })).status).toBe(200);
  });
});

describe('a GitHub App token that cannot be minted', () => {
  let a: Bed;
  let api: NonNullable<Bed['api']>;
  beforeAll(async () => {
    a = await startBed({
      issuers: iss,
      githubApi: true,
      env: ({ api }) => ({ APP_KEY: api!.app.privateKeyPem! }),
      config: ({ api }) => ({
        ...config('memory'),
        github_apps: { main: { app_id: String(api!.app.appId), private_key_env: 'APP_KEY', owner: 'octo-org', api_url: api!.url } },
        secrets: {
          DB_PASSWORD: { file: secretFile() },
          GH_TOKEN: { github_app: { app: 'main', repositories: ['octo-repo'], permissions: { contents: 'read' } } },
          GH_ISSUES: { github_app: { app: 'main', repositories: ['octo-repo'], permissions: { issues: 'write' } } },
        },
        policies: [{ name: 'gitlab-deploy', issuer: 'gitlab', claims: { project_path: 'acme/platform/api' }, secrets: ['DB_PASSWORD', 'GH_TOKEN', 'GH_ISSUES'] }],
      }),
    });
    api = a.api!;
  });
  afterAll(async () => {
    await a.close();
  });

  it('the tokens already minted are revoked, the job token is given back, and the retry gets fresh tokens', async () => {
    const token = await gitlabJobToken();
    await unlink(secretFile());
    const failed = await exchangeOver(a.url, { token });
    expect(failed.json.error).toBe('secret_unavailable');
    // Both GitHub tokens were minted (in parallel with the failed file read) and revoked again.
    expect(api.counts()).toEqual({ issued: 2, revoked: 2 });
    await writeFile(secretFile(), DB_PASSWORD);
    const ok = await exchangeOver(a.url, { token });
    expect(ok.status).toBe(200);
    const got = ok.json.secrets as Record<string, string>;
    expect(api.isAlive(got.GH_TOKEN!)).toBe(true);
    expect(api.counts()).toEqual({ issued: 4, revoked: 2 });
    expect(leaks(a.log.join(''), [DB_PASSWORD, got.GH_TOKEN!, got.GH_ISSUES!])).toEqual([]);
  });

  it('GitHub down: 503 and the token stays usable', async () => {
    const token = await gitlabJobToken();
    api.setMode('down');
    const failed = await exchangeOver(a.url, { token });
    expect(failed.status).toBe(503);
    expect(failed.json.error).toBe('upstream_unavailable');
    api.setMode('up');
    expect((await exchangeOver(a.url, { token })).status).toBe(200);
  });
});
