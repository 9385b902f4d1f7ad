// A pool of GitHub Apps for one owner (github_apps.NAME.pool): each mint goes to the App with the most quota
// left, a rate-limit answer fails over to the next App within the same exchange, every App's quota is
// exported under its own name, and no exchange gets two tokens minted.
import { describe, expect, it } from '@jest/globals';
import { createPrivateKey } from 'node:crypto';
import { SignJWT } from 'jose';
import { request } from 'undici';
import { quotaSnapshots } from '../../src/broker/github/pool.js';
import { DEFAULT_INSTALLATION, newAppKey, type FakeGitHubApi } from '../../src/harness/fakes/github-api.js';
import type { FakeRateLimits } from '../../src/harness/fakes/github-rate-limits.js';
import { call } from './bed.js';
import { rateLimitedBeds } from './rate-limited-beds.js';

describe('a pool of GitHub Apps', () => {
  const { start, exchange, minted } = rateLimitedBeds();

  /** A broker whose app "main" pools `n` Apps, each installed on octo-org with its own installation. */
  async function startPool(n: number, limits: FakeRateLimits) {
    const keys = await Promise.all(Array.from({ length: n }, () => newAppKey()));
    const env: Record<string, string> = {};
    keys.forEach((k, i) => (env[`GH_APP_KEY_${i}`] = k.privateKeyPem));
    const bed = await start({
      limits,
      api: { apps: keys.map((k, i) => ({ publicKey: k.publicKey, installations: [{ ...DEFAULT_INSTALLATION, id: 4242 + i }] })) },
      env: { ...env, GH_APP_KEY: env.GH_APP_KEY_0! },
      app: { pool: keys.slice(1).map((_, i) => ({ app_id: 100002 + i, private_key_env: `GH_APP_KEY_${i + 1}` })) },
    });
    return { bed, keys };
  }
  const byApp = (api: FakeGitHubApi) => {
    const n: Record<number, number> = {};
    for (const t of minted) {
      const info = api.token(t);
      if (info) n[info.appId] = (n[info.appId] ?? 0) + 1;
    }
    return n;
  };

  it('spreads mints over the Apps by remaining quota and uses all of it before answering 503 with the earliest reset', async () => {
    const { bed } = await startPool(3, { perHour: 3 });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await exchange(bed)).status);
    // Each App: one lookup and two mints fill its 3 requests; the seventh job is refused before GitHub is asked.
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 503]);
    expect(byApp(bed.api)).toEqual({ 100001: 2, 100002: 2, 100003: 2 });
    expect(bed.api.rateLimits()).toMatchObject({ counted: 9, primaryRefusals: 0, secondaryRefusals: 0 });
    // No exchange got two tokens: GitHub issued exactly one per granted exchange.
    expect(bed.api.counts().issued).toBe(6);

    const metrics = await (await request(`${bed.url}/metrics`)).body.text();
    for (const [app, inst] of [['main', 4242], ['main.pool[0]', 4243], ['main.pool[1]', 4244]] as const) {
      expect(metrics).toContain(`oidc_exchange_github_rate_limit_remaining{app="${app}",installation="${inst}"} 0`);
    }
    // What the status page shows: every App, spent until its reset, nothing in flight.
    const snap = quotaSnapshots(bed.broker.config.githubApps);
    expect(snap.map((q) => [q.app, q.installation, q.limit, q.remaining, q.inFlight])).toEqual([
      ['main', '4242', 3, 0, 0],
      ['main.pool[0]', '4243', 3, 0, 0],
      ['main.pool[1]', '4244', 3, 0, 0],
    ]);
    for (const q of snap) expect(q.resetAt! * 1000).toBeGreaterThan(Date.now());
    // The start-up log names every App of the pool with its key's fingerprint.
    expect(bed.log.join('').match(/"event":"github_app"/g)).toHaveLength(3);
  });

  it('fails over to the next App within the same exchange when GitHub refuses one for its rate limit', async () => {
    const { bed, keys } = await startPool(2, { perHour: 4 });
    expect((await exchange(bed)).status).toBe(200); // App 1: lookup + mint, 2 left
    expect((await exchange(bed)).status).toBe(200); // App 2 (quota not yet known): lookup + mint, 2 left
    expect(byApp(bed.api)).toEqual({ 100001: 1, 100002: 1 });

    // Another client of App 1 spends its last two requests behind the broker's back.
    const t = Math.floor(bed.api.clock() / 1000);
    const jwt = await new SignJWT({ iss: '100001', iat: t - 30, exp: t + 500 }).setProtectedHeader({ alg: 'RS256' }).sign(createPrivateKey(keys[0]!.privateKeyPem));
    for (let i = 0; i < 2; i++) expect((await call(`${bed.api.url}/app`, { headers: { authorization: `Bearer ${jwt}` } })).status).toBe(200);

    // The broker picks App 1 (a tie, configuration order), GitHub refuses it, App 2 mints: one answer, one token.
    const issuedBefore = bed.api.counts().issued;
    const a = await exchange(bed);
    expect(a.status).toBe(200);
    expect(bed.api.counts().issued).toBe(issuedBefore + 1);
    expect(bed.api.rateLimits()).toMatchObject({ primaryRefusals: 1, secondaryRefusals: 0 });
    expect(bed.api.token((a.json.secrets as Record<string, string>).GH_TOKEN!)!.appId).toBe(100002);
    const tail = bed.api.requests.slice(-2).map((r) => `${r.path} ${r.status}`);
    expect(tail).toEqual(['/app/installations/4242/access_tokens 403', '/app/installations/4243/access_tokens 201']);

    // App 1 is now known to be spent: the next mint goes straight to App 2.
    expect((await exchange(bed)).status).toBe(200);
    expect(bed.api.requests.at(-1)!.path).toBe('/app/installations/4243/access_tokens');
    const refused = await exchange(bed);
    expect(refused.status).toBe(503);
    expect(refused.json.error).toBe('github_rate_limited');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(3500);
    expect(bed.api.rateLimits()).toMatchObject({ primaryRefusals: 1 });
    const metrics = await (await request(`${bed.url}/metrics`)).body.text();
    expect(metrics).toMatch(/^oidc_exchange_github_rate_limited_total\{app="main",kind="primary"\} 1$/m);
  });
});
