// Two brokers on one redis-server, as behind a load balancer: a GitHub token minted through one instance
// leaks and GitLab reports it to the other, which recognises it as issued (the issuance record is in Redis),
// revokes it at GitHub once, and stays idempotent across both instances.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { startFakeGitHubApi, type FakeGitHubApi } from '../../src/harness/fakes/github-api.js';
import { exchangeOver, leaks } from '../helpers/broker.js';
import { AUDIENCE, eventually, startIssuers, type Issuers } from './bed.js';
import { startBed, type Bed } from '../../src/harness/bed.js';
import { startRedis, type RedisServer } from './redis.js';

const REVOCATION_TOKEN = 'across-instances-revocation-token-5e1f';
const TYPE = 'gitleaks_rule_id_github_app_token';

let redis: RedisServer;
let iss: Issuers;
let api: FakeGitHubApi;
let dir: string;
let a: Bed;
let b: Bed;

beforeAll(async () => {
  [redis, iss, api] = await Promise.all([startRedis(), startIssuers(), startFakeGitHubApi()]);
  dir = await mkdtemp(join(tmpdir(), 'oidc-exchange-across-'));
  await writeFile(join(dir, 'app.pem'), api.app.privateKeyPem!, { mode: 0o600 });
  await writeFile(join(dir, 'revocation-token'), `${REVOCATION_TOKEN}\n`, { mode: 0o600 });
  const raw = {
    audience: AUDIENCE,
    issuers: [{ id: 'github', issuer: iss.github.url, kind: 'github' }],
    github_apps: { main: { app_id: String(api.app.appId), private_key_file: join(dir, 'app.pem'), owner: 'octo-org', api_url: api.url } },
    secrets: { GH_TOKEN: { github_app: { app: 'main', repositories: ['octo-repo'], permissions: { contents: 'read' } } } },
    policies: [{ name: 'release', issuer: 'github', claims: { repository: 'octo-org/octo-repo', ref: 'refs/heads/main' }, secrets: ['GH_TOKEN'] }],
    revocation: { token_file: join(dir, 'revocation-token') },
    store: redis.url,
  };
  [a, b] = await Promise.all([startBed({ issuers: iss, config: raw }), startBed({ issuers: iss, config: raw })]);
  await eventually('both brokers see redis', async () => (await a.broker.store.ping()) && (await b.broker.store.ping()));
});

afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
  await Promise.all([iss?.close(), api?.close(), redis?.stop()]);
  await rm(dir, { recursive: true, force: true });
});

async function revokeThrough(url: string, token: string): Promise<number> {
  const res = await request(`${url}/v1/revoke_tokens`, {
    method: 'POST',
    headers: { authorization: REVOCATION_TOKEN, 'content-type': 'application/json' },
    body: JSON.stringify([{ type: TYPE, token, location: 'https://gitlab.example.com/acme/app/-/blob/abc/leak.txt' }]),
  });
  await res.body.dump();
  return res.statusCode;
}

describe('revocation across instances', () => {
  it('a token minted through one instance is revoked through the other, once', async () => {
    const minted = await exchangeOver(a.url, { token: await iss.github.mint(iss.github.claimsFor()) });
    expect(minted.status).toBe(200);
    const token = (minted.json.secrets as Record<string, string>).GH_TOKEN!;
    expect(api.isAlive(token)).toBe(true);
    const deletes = () => api.requests.filter((r) => r.method === 'DELETE' && r.path === '/installation/token').length;

    // GitLab reports the leak to the other instance, then retries the same batch on both.
    expect(await revokeThrough(b.url, token)).toBe(204);
    expect(api.isAlive(token)).toBe(false);
    expect(await revokeThrough(a.url, token)).toBe(204);
    expect(await revokeThrough(b.url, token)).toBe(204);
    expect(deletes()).toBe(1);

    const logs = [...a.log, ...b.log].join('');
    expect(leaks(logs, [token, REVOCATION_TOKEN])).toEqual([]);
    // Exactly one instance revoked at GitHub and audited it (by hash, never the token).
    expect(logs.split('\n').filter((l) => l.includes('"event":"token_revoked"') && l.includes('"result":"revoked"'))).toHaveLength(1);
  });
});
