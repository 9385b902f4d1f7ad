// What the status page says about the broker's dependencies and refusals (issue 19, item 1), checked against
// doubles the test controls: a Vault double that serves and then goes away (the backend's counts and last
// error), a Redis address nothing listens on (the store down, its connection error), the refusal log's bounds
// and its allow list of claims, and the admin guard's lock on the status routes. Over loopback, as an
// operator's script reads /-/status.json.
import { describe, expect, it } from '@jest/globals';
import { request as httpRequest } from 'node:http';
import { request } from 'undici';
import { RefusalLog } from '../../src/broker/status/refusals.js';
import { startBed, type Bed } from '../../src/harness/bed.js';
import { exchangeOver, leaks } from '../helpers/broker.js';

const ADMIN_TOKEN = 'status-health-admin-token-5e4d3c2b1a';
const VAULT_TOKEN = 'status-health-vault-token-9f8e7d6c';
const VAULT_DB = 'status-health-vault-db-password-u7Y';

async function statusOf(bed: Bed): Promise<{ text: string; json: Record<string, any> }> {
  const res = await request(`${bed.url}/-/status.json`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  expect(res.statusCode).toBe(200);
  const text = await res.body.text();
  return { text, json: JSON.parse(text) as Record<string, any> };
}

describe('the refusal log', () => {
  it('keeps the last N, newest first', () => {
    let t = Date.parse('2026-12-05T10:00:00Z');
    const log = new RefusalLog(() => t, 3);
    for (let i = 1; i <= 5; i++) {
      t += 1000;
      log.add({ code: 'no_policy_matched', status: 403, verified: true }, { repository: `octo-org/repo-${i}` });
    }
    expect(log.list().map((r) => [r.at, r.claims.repository])).toEqual([
      ['2026-12-05T10:00:05.000Z', 'octo-org/repo-5'],
      ['2026-12-05T10:00:04.000Z', 'octo-org/repo-4'],
      ['2026-12-05T10:00:03.000Z', 'octo-org/repo-3'],
    ]);
  });

  it('keeps only identity claims, withholds a token-shaped value and cuts long ones', () => {
    const log = new RefusalLog();
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlLXBhcnQ';
    log.add({ code: 'signature_invalid', status: 401, verified: false }, {
      sub: `repo:${jwt}`,
      repository: 'r'.repeat(500),
      aud: ['a', 'b'],
      jti: 'jti-value',
      secret: 'some-custom-claim',
      ref: { nested: true },
    });
    const [r] = log.list();
    expect(r!.claims.sub).toBe('(withheld: shaped like a token)');
    expect(r!.claims.repository).toBe(`${'r'.repeat(200)}… (500 characters)`);
    expect(r!.claims.aud).toBe('a, b');
    expect(Object.keys(r!.claims).sort()).toEqual(['aud', 'repository', 'sub']);
  });
});

describe('a secret backend as the page sees it', () => {
  it('counts the values fetched, then shows the failure when Vault goes away', async () => {
    const bed = await startBed({
      vault: { staticTokens: { [VAULT_TOKEN]: { paths: ['kv/data/ci/*'] } }, kv: { kv: { version: 2, secrets: { 'ci/db': { password: VAULT_DB } } } } },
      env: { ADMIN_TOKEN, VAULT_TOKEN },
      prepare: true,
      config: ({ gitlab, vault }) => ({
        issuers: [{ id: 'gitlab', issuer: gitlab.url, kind: 'gitlab', jwks_uri: gitlab.jwksUri }],
        backends: { vault: { ops: { address: vault!.url, auth: { token_env: 'VAULT_TOKEN' }, cache_seconds: 0, timeout_seconds: 2 } } },
        secrets: { VAULT_DB: { vault: { backend: 'ops', mount: 'kv', path: 'ci/db', field: 'password' } } },
        policies: [{ name: 'api', issuer: 'gitlab', claims: { project_path: 'acme/platform/api' }, secrets: ['VAULT_DB'] }],
        admin: { token_env: 'ADMIN_TOKEN' },
      }),
    });
    try {
      const token = () => bed.gitlab.mint(bed.gitlab.claimsFor({ project_path: 'acme/platform/api' } as never));
      expect((await exchangeOver(bed.url, { token: await token() })).status).toBe(200);
      const serving = await statusOf(bed);
      expect(serving.json.backends).toEqual([
        expect.objectContaining({ kind: 'vault', name: 'ops', origin: expect.stringContaining(new URL(bed.vault!.url).host), fetched: 1, errors: 0, last_error: null }),
      ]);
      expect(serving.json.backends[0].last_ok_at).toEqual(expect.any(String));
      // A real request to the double took some time, and less than the backend's 2 s timeout.
      expect(serving.json.backends[0].last_fetch_ms).toBeGreaterThan(0);
      expect(serving.json.backends[0].last_fetch_ms).toBeLessThan(2000);

      await bed.vault!.stop();
      const failed = await exchangeOver(bed.url, { token: await token() });
      expect([failed.status, failed.json.error]).toEqual([503, 'secret_unavailable']);
      const failing = await statusOf(bed);
      expect(failing.json.backends[0]).toMatchObject({ fetched: 1, errors: 1, last_error: expect.any(String) });
      // A failure of the broker's own is not a refusal of the caller.
      expect(failing.json.refusals).toEqual([]);
      expect(failing.json.exchanges).toEqual({ granted: 1, denied: 0, error: 1 });
      expect(leaks(serving.text + failing.text, [VAULT_TOKEN, VAULT_DB, ADMIN_TOKEN])).toEqual([]);

      const page = await request(`${bed.url}/-/status`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
      expect(await page.body.text()).toContain('<span class="bad">failing</span>');
    } finally {
      await bed.vault?.start();
      await bed.close();
    }
  });
});

describe('the store as the page sees it', () => {
  it('a Redis nobody answers at: down, with its connection error, and no password shown', async () => {
    const password = 'status-health-redis-password';
    const bed = await startBed({
      env: { ADMIN_TOKEN, DB: 'status-health-db-value' },
      config: {
        store: `redis://:${password}@127.0.0.1:9/0`,
        secrets: { DB: { env: 'DB' } },
        policies: [{ name: 'p', issuer: 'github', claims: { repository_owner_id: '1', repository_id: '2', ref: 'refs/heads/main' }, secrets: ['DB'] }],
        admin: { token_env: 'ADMIN_TOKEN' },
      },
    });
    try {
      // The client reports its first failed connection within a moment; poll rather than guess a delay.
      let status = await statusOf(bed);
      for (let i = 0; i < 50 && status.json.store.last_error === null; i++) {
        await new Promise((r) => setTimeout(r, 100));
        status = await statusOf(bed);
      }
      expect(status.json.store).toMatchObject({ kind: 'redis', up: false, last_error: expect.stringMatching(/ECONNREFUSED|connect/i) });
      expect(status.json.store.where).toContain('127.0.0.1:9');
      expect(leaks(status.text, [password, ADMIN_TOKEN])).toEqual([]);
    } finally {
      await bed.close();
    }
  });
});

describe('the admin guard on the status routes', () => {
  it('ten wrong tokens from one address lock it out of /-/status.json, the right token too; a reload is generation 2', async () => {
    const bed: Bed = await startBed({
      env: { ADMIN_TOKEN, DB: 'status-guard-db-value' },
      config: {
        secrets: { DB: { env: 'DB' } },
        policies: [{ name: 'p', issuer: 'github', claims: { repository_owner_id: '1', repository_id: '2', ref: 'refs/heads/main' }, secrets: ['DB'] }],
        admin: { token_env: 'ADMIN_TOKEN' },
      },
      broker: { loadConfig: async () => bed.broker.config },
    });
    // Node's own client, bound to a second loopback address (undici 6 does not pass localAddress on).
    const send = (authorization: string) =>
      new Promise<number>((resolve, reject) => {
        const { hostname, port } = new URL(bed.url);
        const req = httpRequest({ host: hostname, port, path: '/-/status.json', localAddress: '127.0.0.9', agent: false, headers: { authorization } }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode!));
        });
        req.on('error', reject);
        req.end();
      });
    try {
      const wrong: number[] = [];
      for (let i = 0; i < 10; i++) wrong.push(await send(`Bearer wrong-status-token-${i}-0123456789`));
      expect(wrong).toEqual(Array(10).fill(401));
      expect(await send(`Bearer ${ADMIN_TOKEN}`)).toBe(429);
      // Another address is not affected.
      expect((await statusOf(bed)).json.configuration.generation).toBe(1);
      const reloaded = await request(`${bed.url}/-/reload`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
      expect(reloaded.statusCode).toBe(200);
      await reloaded.body.text();
      expect((await statusOf(bed)).json.configuration).toMatchObject({ generation: 2, last_reload_failed: false });
    } finally {
      await bed.close();
    }
  });
});

describe("the GitHub Apps' quota", () => {
  it('shows what GitHub last said of each App: limit, remaining, reset; nothing before GitHub said it', async () => {
    const { startGitHubBed, jobToken } = await import('../github-app/bed.js');
    // GitHub's limits played by the fake: 10 requests an hour for the installation and for the App.
    const bed = await startGitHubBed({ api: { limits: { perHour: 10 } }, extra: { admin: { token_env: 'ADMIN_TOKEN' } }, env: { ADMIN_TOKEN } });
    try {
      const before = (await statusOf(bed)).json.github_apps as Array<Record<string, unknown>>;
      expect(before).toEqual([{ app: 'main', installation: null, limit: null, remaining: null, reset_at: null, blocked_until: null, blocked_by: null, in_flight: 0, queued: 0 }]);
      const a = await exchangeOver(bed.url, { token: await jobToken(bed), body: JSON.stringify({ secrets: ['GH_TOKEN'] }) });
      expect(a.status).toBe(200);
      const { text, json } = await statusOf(bed);
      const [app] = json.github_apps as Array<Record<string, unknown>>;
      // The installation lookup and the token request: both counted against the App's JWT hour by the fake.
      const used = bed.api.requests.filter((r) => r.auth === 'app_jwt').length;
      expect(used).toBe(2);
      expect(app).toMatchObject({ app: 'main', limit: 10, remaining: 10 - used, blocked_until: null, in_flight: 0, queued: 0 });
      expect(Date.parse(app!.reset_at as string)).toBeGreaterThan(Date.now());
      expect(leaks(text, [(a.json.secrets as Record<string, string>).GH_TOKEN!, ADMIN_TOKEN])).toEqual([]);
      const page = await request(`${bed.url}/-/status`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}`, accept: 'text/html' } });
      expect(await page.body.text()).toContain(`${10 - used} of 10`);
    } finally {
      await bed.close();
    }
  });
});

describe('a refused oversized token', () => {
  it('is logged by its code alone: the refusal log does not decode what the size limit refused', async () => {
    const bed = await startBed({
      env: { ADMIN_TOKEN, DB: 'status-oversized-db-value' },
      config: {
        listen: { max_token_bytes: 4096 },
        secrets: { DB: { env: 'DB' } },
        policies: [{ name: 'p', issuer: 'github', claims: { repository: 'octo-org/octo-repo' }, secrets: ['DB'] }],
        admin: { token_env: 'ADMIN_TOKEN' },
      },
    });
    try {
      const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
      const big = `${part({ alg: 'RS256' })}.${part({ repository: 'octo-org/oversized', pad: 'x'.repeat(6000) })}.c2ln`;
      const a = await exchangeOver(bed.url, { token: big });
      expect(a.json.error).toBe('token_too_large');
      const [refusal] = (await statusOf(bed)).json.refusals as Array<Record<string, unknown>>;
      expect(refusal).toMatchObject({ code: 'token_too_large', verified: false });
      expect(refusal!.claims).toEqual({});
    } finally {
      await bed.close();
    }
  });
});
