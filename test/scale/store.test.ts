// The Store contract, run against both implementations: what one broker keeps in memory, several keep in
// Redis with the same semantics. Plus the configuration checks of `store:`, `single_use` and `rate_limit`.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildConfig } from '../../src/broker/config/load.js';
import { ConfigError } from '../../src/broker/errors.js';
import { createStore, MemoryStore, redactUrl, type IssuanceRecord, type Store } from '../../src/broker/store/index.js';
import { parseRedisSpec } from '../../src/broker/store/redis.js';
import { eventually } from './bed.js';
import { freePort, startRedis, type RedisServer } from './redis.js';

let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
});

function record(tokenHash: string, overrides: Partial<IssuanceRecord> = {}): IssuanceRecord {
  return {
    tokenHash,
    kind: 'github_installation_token',
    policy: 'prod',
    issuer: 'github',
    sub: 'repo:o/r:ref:refs/heads/main',
    jti: 'j-1',
    repository: 'o/r',
    issuedAt: new Date().toISOString(),
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    meta: { api: 'https://api.github.com', path: '/a/b' },
    ...overrides,
  };
}

describe.each([
  ['memory', () => new MemoryStore() as Store],
  ['redis', () => createStore(`${redis.url}?key_prefix=contract-${Math.random().toString(36).slice(2)}:`)],
])('%s store', (kind, make) => {
  let store: Store;
  beforeAll(async () => {
    store = make();
    await eventually('store reachable', () => store.ping());
  });
  afterAll(async () => {
    await store?.close();
  });

  it('has the right kind and answers ping', async () => {
    expect(store.kind).toBe(kind);
    expect(await store.ping()).toBe(true);
  });

  it('claimOnce: true the first time, false afterwards, true again once the TTL has passed', async () => {
    expect(await store.claimOnce('jti:a', 1)).toBe(true);
    expect(await store.claimOnce('jti:a', 1)).toBe(false);
    expect(await store.claimOnce('jti:b', 1)).toBe(true);
    await new Promise((r) => setTimeout(r, 1100));
    expect(await store.claimOnce('jti:a', 60)).toBe(true);
  });

  it('release forgets a claim only for the owner that made it', async () => {
    expect(await store.claimOnce('jti:rel', 60, 'owner-1')).toBe(true);
    await store.release('jti:rel', 'someone-else');
    expect(await store.claimOnce('jti:rel', 60, 'owner-2')).toBe(false);
    await store.release('jti:rel', 'owner-1');
    expect(await store.claimOnce('jti:rel', 60, 'owner-2')).toBe(true);
    expect(await store.claimOnce('jti:rel', 60, 'owner-3')).toBe(false);
  });

  it('holdUntil keeps the later of two holds until its TTL, and heldUntil reads it back', async () => {
    expect(await store.heldUntil('github-hold:a')).toBeUndefined();
    await store.holdUntil('github-hold:a', 5_000, 600);
    expect(await store.heldUntil('github-hold:a')).toBe(5_000);
    // An earlier time does not shorten another instance's hold; a later one replaces it.
    await store.holdUntil('github-hold:a', 4_000, 600);
    expect(await store.heldUntil('github-hold:a')).toBe(5_000);
    await store.holdUntil('github-hold:a', 9_000, 600);
    expect(await store.heldUntil('github-hold:a')).toBe(9_000);
    expect(await store.heldUntil('github-hold:b')).toBeUndefined();
    await new Promise((r) => setTimeout(r, 700));
    expect(await store.heldUntil('github-hold:a')).toBeUndefined();
  });

  it('waitReady resolves once the store can be used', async () => {
    expect(await store.waitReady(1000)).toBe(true);
  });

  it('claimOnce is atomic under concurrency', async () => {
    const results = await Promise.all(Array.from({ length: 50 }, () => store.claimOnce('jti:race', 60)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('hit counts within a window and reports when it resets', async () => {
    const counts = [];
    for (let i = 0; i < 3; i++) counts.push(await store.hit('rate:x', 30));
    expect(counts.map((c) => c.count)).toEqual([1, 2, 3]);
    for (const c of counts) {
      expect(c.resetSeconds).toBeGreaterThanOrEqual(1);
      expect(c.resetSeconds).toBeLessThanOrEqual(30);
    }
    expect((await store.hit('rate:y', 30)).count).toBe(1);
    await store.hit('rate:short', 1);
    await new Promise((r) => setTimeout(r, 1100));
    expect((await store.hit('rate:short', 1)).count).toBe(1);
  });

  it('keeps issuance records as given, and revokes each exactly once', async () => {
    const r = record('a'.repeat(64));
    await store.putIssuance(r);
    expect(await store.getIssuance(r.tokenHash)).toEqual(r);
    expect(await store.getIssuance('b'.repeat(64))).toBeUndefined();
    const at = new Date('2030-01-01T00:00:00.000Z');
    expect(await store.markRevoked(r.tokenHash, at)).toBe(true);
    expect(await store.markRevoked(r.tokenHash, new Date())).toBe(false);
    expect(await store.getIssuance(r.tokenHash)).toEqual({ ...r, revokedAt: at.toISOString() });
    expect(await store.markRevoked('c'.repeat(64), at)).toBe(false);
  });

  it('does not return an issuance record a day past its expiry', async () => {
    const r = record('d'.repeat(64), { expiresAt: new Date(Date.now() - 86_400_000 - 5000).toISOString() });
    await store.putIssuance(r);
    await new Promise((res) => setTimeout(res, 1100));
    expect(await store.getIssuance(r.tokenHash)).toBeUndefined();
  });
});

describe('redis store keys', () => {
  it('holds digests only: no jti, subject or key text appears in Redis', async () => {
    const store = createStore(`${redis.url}?key_prefix=digest:`);
    await eventually('store reachable', () => store.ping());
    await store.claimOnce('jti:https://issuer.example\u0000secret-looking-jti', 60);
    await store.hit('rate:github\u0000repo:o/r:ref:refs/heads/main', 60);
    const keys = await redis.command('KEYS', 'digest:*');
    expect(keys).not.toMatch(/secret-looking-jti|repo:o\/r|issuer\.example/);
    expect(keys).toMatch(/digest:once:[A-Za-z0-9_-]{43}/);
    expect(keys).toMatch(/digest:hit:[A-Za-z0-9_-]{43}/);
    await store.close();
  });

  it('an unreachable redis fails operations at once with 503 upstream_unavailable and ping false', async () => {
    const port = await freePort();
    const store = createStore(`redis://127.0.0.1:${port}?connect_timeout_ms=200`);
    expect(await store.ping()).toBe(false);
    const started = Date.now();
    await expect(store.claimOnce('x', 10)).rejects.toMatchObject({ code: 'upstream_unavailable', status: 503 });
    await expect(store.hit('x', 10)).rejects.toMatchObject({ code: 'upstream_unavailable' });
    expect(Date.now() - started).toBeLessThan(1000);
    await store.close();
  });
});

describe('store configuration', () => {
  const base = {
    audience: 'https://broker.example',
    issuers: [{ id: 'github', issuer: 'https://token.actions.githubusercontent.com' }],
    secrets: { A: { value: 'x' } },
    policies: [{ name: 'p', issuer: 'github', claims: { repository: 'o/r' }, secrets: ['A'] }],
  };
  const problems = async (extra: Record<string, unknown>): Promise<string[]> => {
    try {
      await buildConfig({ ...base, ...extra }, 'broker.yaml');
      return [];
    } catch (e) {
      if (e instanceof ConfigError) return e.problems;
      throw e;
    }
  };

  it.each([
    ['memory', []],
    ['redis://127.0.0.1:6379', []],
    ['rediss://user:pw@redis.internal:6380/2?key_prefix=broker-a:&command_timeout_ms=250', []],
    ['mysql://db', ['store: "mysql://db" is not supported; use "memory", redis://host:port, or a mapping { redis: { url, password_env, ca_file } }']],
    ['redis://h:1?timeout=3', ['store: unknown store URL parameter "timeout" (known: key_prefix, command_timeout_ms, connect_timeout_ms)']],
    ['redis://h:1?command_timeout_ms=0', ['store: store URL parameter command_timeout_ms must be a whole number of milliseconds from 10 to 60000']],
  ])('store %j -> %j', async (store, expected) => {
    expect(await problems({ store })).toEqual(expected);
  });

  it('single_use defaults to true and may be turned off per policy; rate_limit is per issuer', async () => {
    const cfg = await buildConfig(
      {
        ...base,
        issuers: [{ id: 'github', issuer: 'https://token.actions.githubusercontent.com', rate_limit: { requests: 60, per_seconds: 60 } }],
        policies: [
          { name: 'p', issuer: 'github', claims: { repository: 'o/r' }, secrets: ['A'] },
          { name: 'q', issuer: 'github', claims: { repository: 'o/q' }, secrets: ['A'], single_use: false },
        ],
      },
      'broker.yaml',
    );
    expect(cfg.policies.map((p) => p.singleUse)).toEqual([true, false]);
    expect(cfg.issuers[0]!.rateLimit).toEqual({ requests: 60, perSeconds: 60 });
  });

  it('names the path of a bad rate_limit or single_use', async () => {
    expect(
      await problems({
        issuers: [{ id: 'github', issuer: 'https://token.actions.githubusercontent.com', rate_limit: { requests: 0, per_second: 60 } }],
        policies: [{ name: 'p', issuer: 'github', claims: { repository: 'o/r' }, secrets: ['A'], single_use: 'yes' }],
      }),
    ).toEqual(
      expect.arrayContaining([
        'issuers[0].rate_limit.per_second: unknown key (check the spelling; see docs/policies.md)',
        'issuers[0].rate_limit.per_seconds: is required',
        'issuers[0].rate_limit.requests: must be >= 1',
        'policies[0].single_use: must be boolean',
      ]),
    );
  });

  it('never shows the store password', () => {
    expect(redactUrl('redis://user:hunter2@h:1/0')).toBe('redis://user:***@h:1/0');
    expect(parseRedisSpec('redis://:hunter2@h:1/0?key_prefix=a:').url).toBe('redis://:hunter2@h:1/0');
  });
});
