// The fake GitHub API's rate limits answer as GitHub's REST rate-limit documentation says GitHub does: the
// x-ratelimit-* headers on every answer, 403 with remaining 0 past the hourly limit, 403 with retry-after past
// a secondary limit (points a minute, concurrency), a longer wait for a client that keeps calling, and a clock
// that can run faster than real time.
import { afterEach, describe, expect, it } from '@jest/globals';
import { createPrivateKey } from 'node:crypto';
import { SignJWT } from 'jose';
import { startFakeGitHubApi, type FakeGitHubApi, type FakeGitHubApiOptions } from '../../src/harness/fakes/github-api.js';
import { call } from './bed.js';

describe('fake GitHub API rate limits', () => {
  const started: FakeGitHubApi[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((a) => a.close()));
  });
  async function start(opts: FakeGitHubApiOptions): Promise<FakeGitHubApi> {
    const api = await startFakeGitHubApi(opts);
    started.push(api);
    return api;
  }
  async function jwtFor(api: FakeGitHubApi): Promise<string> {
    const t = Math.floor(api.clock() / 1000);
    return new SignJWT({ iss: String(api.app.appId), iat: t - 30, exp: t + 540 }).setProtectedHeader({ alg: 'RS256' }).sign(createPrivateKey(api.app.privateKeyPem!));
  }
  async function asApp(api: FakeGitHubApi, path: string, method = 'GET', jwt?: string) {
    return call(`${api.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${jwt ?? (await jwtFor(api))}`, accept: 'application/vnd.github+json', 'content-type': 'application/json' },
      body: method === 'POST' ? '{}' : undefined,
    });
  }
  const mint = (api: FakeGitHubApi, jwt?: string) => asApp(api, `/app/installations/4242/access_tokens`, 'POST', jwt);

  it('sends the x-ratelimit headers on every answer and refuses past the hourly limit until the reset', async () => {
    let offset = 0;
    const api = await start({ limits: { perHour: 3 }, now: () => Date.now() + offset });
    const first = await asApp(api, '/app');
    expect(first.status).toBe(200);
    expect(first.headers['x-ratelimit-limit']).toBe('3');
    expect(first.headers['x-ratelimit-remaining']).toBe('2');
    expect(first.headers['x-ratelimit-used']).toBe('1');
    expect(first.headers['x-ratelimit-resource']).toBe('core');
    const reset = Number(first.headers['x-ratelimit-reset']);
    // The hour starts with the first request.
    expect(reset * 1000 - api.clock()).toBeGreaterThan(3590_000);
    expect(reset * 1000 - api.clock()).toBeLessThanOrEqual(3601_000);
    expect((await mint(api)).status).toBe(201);
    const last = await asApp(api, '/orgs/octo-org/installation');
    expect(last.status).toBe(200);
    expect(last.headers['x-ratelimit-remaining']).toBe('0');

    const over = await asApp(api, '/app');
    expect(over.status).toBe(403);
    expect(over.headers['x-ratelimit-remaining']).toBe('0');
    expect(over.headers['x-ratelimit-reset']).toBe(String(reset));
    expect(over.headers['retry-after']).toBeUndefined();
    expect(over.json).toMatchObject({ message: `API rate limit exceeded for app ID ${api.app.appId}.` });

    offset += 3601_000;
    const after = await asApp(api, '/app');
    expect(after.status).toBe(200);
    expect(after.headers['x-ratelimit-remaining']).toBe('2');
    expect(api.rateLimits()).toMatchObject({ counted: 4, primaryRefusals: 1, secondaryRefusals: 0 });
  });

  it('counts points a minute (POST 5, GET 1), answers retry-after, and doubles the wait of a client that keeps calling', async () => {
    let offset = 0;
    const api = await start({ limits: { pointsPerMinute: 21 }, now: () => Date.now() + offset });
    const jwt = await jwtFor(api);
    for (let i = 0; i < 4; i++) expect((await mint(api, jwt)).status).toBe(201);
    expect((await asApp(api, '/app', 'GET', jwt)).status).toBe(200); // 21 points
    const refused = await mint(api, jwt);
    expect(refused.status).toBe(403);
    expect(refused.headers['retry-after']).toBe('60');
    expect((refused.json as { message: string }).message).toMatch(/^You have exceeded a secondary rate limit\. Please wait a few minutes before you try again\./);
    // The primary quota is untouched by the refusal.
    expect(refused.headers['x-ratelimit-used']).toBe('5');

    offset += 10_000;
    const again = await asApp(api, '/app', 'GET', jwt);
    expect(again.status).toBe(403);
    expect(again.headers['retry-after']).toBe('120');
    offset += 10_000;
    const third = await asApp(api, '/app', 'GET', jwt);
    expect(third.headers['retry-after']).toBe('240');

    offset += 241_000;
    expect((await asApp(api, '/app', 'GET', await jwtFor(api))).status).toBe(200);
    expect(api.rateLimits()).toMatchObject({ secondaryRefusals: 3, callsDuringRetryAfter: 2 });
  });

  it('refuses a request beyond the concurrency limit with a secondary-limit answer', async () => {
    const api = await start({ limits: { concurrency: 2 }, latencyMs: 300 });
    const jwt = await jwtFor(api);
    const answers = await Promise.all([0, 1, 2].map(() => asApp(api, '/app', 'GET', jwt)));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([200, 200, 403]);
    expect(answers.find((a) => a.status === 403)!.headers['retry-after']).toBe('60');
    expect(api.rateLimits()!.maxConcurrent).toBe(2);
  });

  it('runs its clock timeScale times faster: an hour of quota resets within a real second or two', async () => {
    const api = await start({ limits: { perHour: 1 }, timeScale: 3600 });
    expect((await asApp(api, '/app')).status).toBe(200);
    const over = await asApp(api, '/app');
    expect(over.status).toBe(403);
    const resetMs = Number(over.headers['x-ratelimit-reset']) * 1000;
    const realWait = (resetMs - api.clock()) / 3600;
    expect(realWait).toBeLessThan(1100);
    await new Promise((r) => setTimeout(r, realWait + 50));
    expect((await asApp(api, '/app')).status).toBe(200);
  });

  it('sends no rate-limit headers without limits, and gives a reinstalled app a new installation id', async () => {
    const api = await start({});
    const a = await asApp(api, '/orgs/octo-org/installation');
    expect(a.headers['x-ratelimit-limit']).toBeUndefined();
    expect((a.json as { id: number }).id).toBe(4242);
    const id = api.reinstall('octo-org');
    expect(id).not.toBe(4242);
    expect((await mint(api)).status).toBe(404);
    expect(((await asApp(api, '/orgs/octo-org/installation')).json as { id: number }).id).toBe(id);
  });
});
