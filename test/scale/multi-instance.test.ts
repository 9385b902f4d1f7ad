// Two brokers on one redis-server, as two instances behind a load balancer: replays refused across
// instances, rate limits counted across both, issuance records shared, and the behaviour while Redis is
// down (fail closed for single-use policies, truthful readiness) and after it returns (no restart).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { request } from 'undici';
import { exchangeOver, leaks } from '../helpers/broker.js';
import { SECRET_VALUES, eventually, scaleConfig, startIssuers, type Issuers } from './bed.js';
import { startBed, type Bed } from '../../src/harness/bed.js';
import { startRedis, type RedisServer } from './redis.js';

let redis: RedisServer;
let iss: Issuers;
let a: Bed;
let b: Bed;

beforeAll(async () => {
  [redis, iss] = await Promise.all([startRedis(), startIssuers()]);
  const raw = scaleConfig(iss, { store: `${redis.url}?command_timeout_ms=300`, githubRateLimit: { requests: 25, per_seconds: 60 } });
  [a, b] = await Promise.all([startBed({ issuers: iss, config: raw }), startBed({ issuers: iss, config: raw })]);
  await eventually('both brokers see redis', async () => (await a.broker.store.ping()) && (await b.broker.store.ping()));
});

afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
  await Promise.all([iss?.close(), redis?.stop()]);
  const all = [...(a?.log ?? []), ...(b?.log ?? [])].join('');
  expect(leaks(all, Object.values(SECRET_VALUES))).toEqual([]);
});

const ghToken = (claims: Record<string, unknown> = {}, opts = {}) =>
  iss.github.mint({ ...iss.github.claimsFor(), ...claims }, opts);

async function readyz(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await request(`${url}/readyz`);
  return { status: res.statusCode, body: (await res.body.json()) as Record<string, unknown> };
}

describe('two instances on one redis-server', () => {
  it('a token exchanged on one instance is refused on the other, and on the first again', async () => {
    const token = await ghToken({ sub: 'repo:octo-org/octo-repo:ref:refs/heads/main#replay' });
    const first = await exchangeOver(a.url, { token });
    expect(first.status).toBe(200);
    expect(first.json.secrets).toEqual({ DB_PASSWORD: SECRET_VALUES.DB_PASSWORD, API_KEY: SECRET_VALUES.API_KEY });
    for (const url of [b.url, a.url]) {
      const again = await exchangeOver(url, { token });
      expect(again.status).toBe(401);
      expect(again.json.error).toBe('token_replayed');
      expect(leaks(again.text, Object.values(SECRET_VALUES))).toEqual([]);
    }
  });

  it('many concurrent exchanges of one token on both instances: exactly one succeeds', async () => {
    const token = await ghToken({ sub: 'repo:octo-org/octo-repo:ref:refs/heads/main#race' });
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => exchangeOver(i % 2 ? a.url : b.url, { token })));
    expect(answers.filter((r) => r.status === 200)).toHaveLength(1);
    expect(answers.filter((r) => r.json.error === 'token_replayed')).toHaveLength(19);
  });

  it('a request refused as invalid (400) does not burn the token', async () => {
    const token = await ghToken({ sub: 'repo:octo-org/octo-repo:ref:refs/heads/main#400' });
    const bad = await exchangeOver(a.url, { token, body: '{"secrets": ["NO_SUCH"]}' });
    expect(bad.status).toBe(400);
    const notGranted = await exchangeOver(a.url, { token, body: '{"secrets": ["REGISTRY_TOKEN"]}' });
    expect(notGranted.json.error).toBe('secret_not_granted');
    const ok = await exchangeOver(b.url, { token, body: '{"secrets": ["API_KEY"]}' });
    expect(ok.status).toBe(200);
    expect(ok.json.secrets).toEqual({ API_KEY: SECRET_VALUES.API_KEY });
  });

  it('a single-use policy refuses a token without jti with a clear code, before anything is resolved', async () => {
    const token = await ghToken({ sub: 'repo:octo-org/octo-repo:ref:refs/heads/main#nojti' }, { omit: ['jti'] });
    const r = await exchangeOver(a.url, { token });
    expect(r.status).toBe(401);
    expect(r.json.error).toBe('claim_missing');
    expect(String(r.json.message)).toMatch(/"jti"/);
  });

  it('a policy with single_use: false accepts the same token again', async () => {
    const token = await iss.gitlab.mint();
    for (const url of [a.url, b.url, a.url]) expect((await exchangeOver(url, { token })).status).toBe(200);
  });

  it('the rate limit per issuer and subject counts across both instances, with Retry-After', async () => {
    const sub = 'repo:octo-org/octo-repo:ref:refs/heads/main#rate';
    const statuses: number[] = [];
    let limited;
    for (let i = 0; i < 27; i++) {
      const r = await exchangeOver(i % 2 ? b.url : a.url, { token: await ghToken({ sub }) });
      statuses.push(r.status);
      if (r.status === 429) limited = r;
    }
    expect(statuses).toEqual([...Array(25).fill(200), 429, 429]);
    expect(limited!.json.error).toBe('rate_limited');
    const retryAfter = Number(limited!.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Another subject of the same issuer has its own allowance.
    expect((await exchangeOver(b.url, { token: await ghToken({ sub: `${sub}-other` }) })).status).toBe(200);
  });

  it('an issuance recorded through one instance is revocable through the other, exactly once', async () => {
    const tokenHash = 'f'.repeat(64);
    const expiresAt = new Date(Date.now() + 3600_000).toISOString();
    await a.broker.store.putIssuance({
      tokenHash,
      kind: 'github_installation_token',
      policy: 'prod',
      issuer: 'github',
      sub: 'repo:octo-org/octo-repo:ref:refs/heads/main',
      issuedAt: new Date().toISOString(),
      expiresAt,
      meta: { api: 'http://127.0.0.1:1' },
    });
    expect((await b.broker.store.getIssuance(tokenHash))?.policy).toBe('prod');
    const at = new Date();
    const [x, y] = await Promise.all([b.broker.store.markRevoked(tokenHash, at), a.broker.store.markRevoked(tokenHash, at)]);
    expect([x, y].filter(Boolean)).toHaveLength(1);
    expect((await a.broker.store.getIssuance(tokenHash))?.revokedAt).toBe(at.toISOString());
    expect(await b.broker.store.markRevoked('0'.repeat(64), at)).toBe(false);
  });
});

describe('redis stopped mid-test, then restarted', () => {
  it('fails closed for single-use policies, keeps reusable ones working, reports it, and recovers', async () => {
    const usedBefore = await ghToken({ sub: 'repo:octo-org/octo-repo:ref:refs/heads/main#outage-used' });
    expect((await exchangeOver(a.url, { token: usedBefore })).status).toBe(200);
    const fresh = await ghToken({ sub: 'repo:octo-org/octo-repo:ref:refs/heads/main#outage-fresh' });

    await redis.stop();
    await eventually('readiness reports the store', async () => (await readyz(a.url)).status === 503 && (await readyz(b.url)).status === 503);
    const ready = await readyz(a.url);
    expect(ready.body.status).toBe('store_unavailable');
    expect(ready.body.store).toEqual({ kind: 'redis', ok: false });
    expect((await request(`${a.url}/healthz`)).statusCode).toBe(200);

    // Neither the used token nor a fresh one gets anything: 503 with the documented code, never 200.
    for (const token of [usedBefore, fresh, usedBefore]) {
      for (const url of [a.url, b.url]) {
        const r = await exchangeOver(url, { token });
        expect(r.status).toBe(503);
        expect(r.json.error).toBe('upstream_unavailable');
        expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
      }
    }
    // A reusable policy does not need the store; its rate limit (none here) would be skipped, not enforced.
    expect((await exchangeOver(b.url, { token: await iss.gitlab.mint() })).status).toBe(200);
    // Token checks that come before the store still answer as usual.
    expect((await exchangeOver(a.url, { token: `${fresh.slice(0, -3)}AAA` })).json.error).toBe('signature_invalid');

    const metrics = await (await request(`${a.url}/metrics`)).body.text();
    expect(metrics).toMatch(/^oidc_exchange_store_up 0$/m);
    expect(metrics).toMatch(/^oidc_exchange_store_errors_total\{operation="claim"\} [1-9]/m);

    // Redis returns empty (no persistence): the brokers reconnect by themselves.
    await redis.start();
    await eventually('both instances ready again', async () => (await readyz(a.url)).status === 200 && (await readyz(b.url)).status === 200);
    const r1 = await exchangeOver(b.url, { token: fresh });
    expect(r1.status).toBe(200);
    expect((await exchangeOver(a.url, { token: fresh })).json.error).toBe('token_replayed');
    expect(await (await request(`${a.url}/metrics`)).body.text()).toMatch(/^oidc_exchange_store_up 1$/m);
    expect(a.log.join('')).toMatch(/"event":"store_down"/);
    expect(a.log.join('')).toMatch(/"event":"store_up"/);
  });

  it('a frozen redis (accepts, never answers) costs a request the command timeout, not a hang', async () => {
    redis.freeze();
    try {
      const token = await ghToken({ sub: 'repo:octo-org/octo-repo:ref:refs/heads/main#frozen' });
      const started = Date.now();
      const r = await exchangeOver(a.url, { token });
      expect(r.status).toBe(503);
      expect(r.json.error).toBe('upstream_unavailable');
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      redis.thaw();
    }
    await eventually('ready after thaw', async () => (await readyz(a.url)).status === 200);
    expect((await exchangeOver(b.url, { token: await ghToken({ sub: 'repo:octo-org/octo-repo:ref:refs/heads/main#thawed' }) })).status).toBe(200);
  });
});
