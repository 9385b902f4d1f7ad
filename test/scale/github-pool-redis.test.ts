// Two brokers on one redis-server sharing a pool of GitHub Apps, as behind a load balancer, against the fake
// GitHub API with GitHub's rate limits: a wait GitHub gives one instance (a secondary limit's retry-after, a
// spent hour) holds the other instance too, so neither calls an App GitHub asked to wait; refused jobs keep
// their OIDC tokens and get their secrets once the wait is over; no exchange gets two tokens.
import { afterEach, describe, expect, it } from '@jest/globals';
import { DEFAULT_INSTALLATION, newAppKey, startFakeGitHubApi } from '../../src/harness/fakes/github-api.js';
import type { FakeRateLimits } from '../../src/harness/fakes/github-rate-limits.js';
import { startBed, type Bed } from '../../src/harness/bed.js';
import { exchangeOver } from '../helpers/broker.js';
import { AUDIENCE, eventually, startIssuers, type Issuers } from './bed.js';
import { startRedis } from './redis.js';

describe('a pool of GitHub Apps shared by two brokers on Redis', () => {
  let owned: Array<{ close?(): Promise<void>; stop?(): Promise<void> }> = [];
  afterEach(async () => {
    for (const o of owned.reverse()) await (o.close ?? o.stop)!.call(o);
    owned = [];
  });

  async function start(apps: number, limits: FakeRateLimits, clock: { offset: number }) {
    const keys = await Promise.all(Array.from({ length: apps }, () => newAppKey()));
    const [redis, iss, api] = await Promise.all([
      startRedis(),
      startIssuers(),
      startFakeGitHubApi({ limits, now: () => Date.now() + clock.offset, apps: keys.map((k, i) => ({ publicKey: k.publicKey, installations: [{ ...DEFAULT_INSTALLATION, id: 4242 + i }] })) }),
    ]);
    owned.push(redis, iss, api);
    const env = Object.fromEntries(keys.map((k, i) => [`GH_APP_KEY_${i}`, k.privateKeyPem]));
    const raw = {
      audience: AUDIENCE,
      issuers: [{ id: 'github', issuer: iss.github.url, kind: 'github' }],
      github_apps: {
        main: {
          app_id: '100001',
          private_key_env: 'GH_APP_KEY_0',
          owner: 'octo-org',
          api_url: api.url,
          ...(apps > 1 ? { pool: keys.slice(1).map((_, i) => ({ app_id: String(100002 + i), private_key_env: `GH_APP_KEY_${i + 1}` })) } : {}),
        },
      },
      secrets: { GH_TOKEN: { github_app: { app: 'main', repositories: ['octo-repo'], permissions: { contents: 'read' } } } },
      policies: [{ name: 'release', issuer: 'github', claims: { repository: 'octo-org/octo-repo', ref: 'refs/heads/main' }, secrets: ['GH_TOKEN'] }],
      store: redis.url,
    };
    const both = await Promise.all([0, 1].map(() => startBed({ issuers: iss, config: raw, env, load: { now: api.clock } })));
    owned.push(...both);
    await eventually('both brokers see redis', async () => (await both[0]!.broker.store.ping()) && (await both[1]!.broker.store.ping()));
    return { api, iss, brokers: both as [Bed, Bed] };
  }
  const mint = (iss: Issuers) => iss.github.mint({ ...iss.github.claimsFor({ repository: 'octo-org/octo-repo', ref: 'refs/heads/main' }) });

  it('a secondary-limit wait given to one instance holds the other; refused tokens work after the wait, one token per exchange', async () => {
    const clock = { offset: 0 };
    // 21 points a minute per App: a lookup per instance (1) and a few mints (5 each) before GitHub says wait.
    const { api, iss, brokers } = await start(2, { pointsPerMinute: 21, retryAfterSeconds: 60 }, clock);
    const refused: Array<{ token: string; via: number }> = [];
    let granted = 0;
    for (let i = 0; i < 12; i++) {
      const token = await mint(iss);
      const a = await exchangeOver(brokers[i % 2]!.url, { token });
      if (a.status === 200) granted++;
      else {
        expect(a.status).toBe(503);
        expect(a.json.error).toBe('github_rate_limited');
        expect(Number(a.headers['retry-after'])).toBeGreaterThan(0);
        expect(Number(a.headers['retry-after'])).toBeLessThanOrEqual(60);
        refused.push({ token, via: i % 2 });
      }
    }
    const stats = api.rateLimits()!;
    // GitHub had to say "wait" at most once per App, and nobody called an App while it was told to wait.
    expect(stats.secondaryRefusals).toBeGreaterThan(0);
    expect(stats.secondaryRefusals).toBeLessThanOrEqual(2);
    expect(stats.callsDuringRetryAfter).toBe(0);
    expect(refused.length).toBeGreaterThan(0);
    expect(api.counts().issued).toBe(granted);

    // After the wait (and a fresh minute of points) each refused job's same token is granted, via the other instance.
    clock.offset += 61_000;
    for (const r of refused) {
      const a = await exchangeOver(brokers[1 - r.via]!.url, { token: r.token });
      expect(a.status).toBe(200);
      granted++;
    }
    expect(api.counts().issued).toBe(granted);
    expect(api.rateLimits()!.callsDuringRetryAfter).toBe(0);
  });

  it('an hour one instance spent is not asked of GitHub by the other', async () => {
    const clock = { offset: 0 };
    const { api, iss, brokers } = await start(1, { perHour: 4 }, clock);
    // Each instance looks the installation up once and mints once: GitHub's 4 requests are spent.
    expect((await exchangeOver(brokers[0].url, { token: await mint(iss) })).status).toBe(200);
    expect((await exchangeOver(brokers[1].url, { token: await mint(iss) })).status).toBe(200);
    const calls = api.requests.length;
    // Instance 0 last heard "2 left", but instance 1 was told "0 left": 0 refuses without calling GitHub.
    const token = await mint(iss);
    const a = await exchangeOver(brokers[0].url, { token });
    expect(a.status).toBe(503);
    expect(Number(a.headers['retry-after'])).toBeGreaterThan(3500);
    expect(api.requests.length).toBe(calls);
    expect(api.rateLimits()).toMatchObject({ primaryRefusals: 0, secondaryRefusals: 0 });

    clock.offset += Number(a.headers['retry-after']) * 1000;
    expect((await exchangeOver(brokers[0].url, { token })).status).toBe(200);
    expect(api.counts().issued).toBe(3);
  });
});
