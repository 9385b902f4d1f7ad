// Quota-aware minting against the fake GitHub API with GitHub's rate limits: the broker reads the rate-limit
// headers, refuses with 503 and a Retry-After from GitHub's reset before GitHub would (without spending the
// job's OIDC token), stops calling an App GitHub gave a retry-after until it has passed, keeps to the
// concurrency limit with a bounded queue, exports the quota as metrics and warns in its log; and an App
// installed again gets its new installation looked up.
import { describe, expect, it } from '@jest/globals';
import { request } from 'undici';
import { jobToken, type GitHubBed } from './bed.js';
import { rateLimitedBeds } from './rate-limited-beds.js';

describe('GitHub rate limits', () => {
  const { start, exchange } = rateLimitedBeds();
  const mints = (bed: GitHubBed) => bed.api.requests.filter((r) => r.path.endsWith('/access_tokens')).length;

  it('answers 503 with a Retry-After up to GitHub’s reset once the hour’s quota is spent, without calling GitHub or spending the token', async () => {
    const clock = { offset: 0 };
    const bed = await start({ limits: { perHour: 3 } }, clock);
    // Lookup + mint, then a mint: GitHub says 0 remaining.
    expect((await exchange(bed)).status).toBe(200);
    const second = await exchange(bed);
    expect(second.status).toBe(200);
    const last = bed.api.requests.at(-1)!;
    expect(last.status).toBe(201);
    const calls = bed.api.requests.length;

    const token = await jobToken(bed);
    const refused = await exchange(bed, token);
    const refusedAt = bed.api.clock();
    expect(refused.status).toBe(503);
    expect(refused.json.error).toBe('github_rate_limited');
    // GitHub's window started with the first request: its reset is an hour after it.
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(3500);
    expect(retryAfter).toBeLessThanOrEqual(3601);
    expect(bed.api.requests.length).toBe(calls); // nothing was sent to GitHub
    expect(bed.api.rateLimits()).toMatchObject({ primaryRefusals: 0, secondaryRefusals: 0 });

    const moveTo = (t: number) => {
      clock.offset = t - Date.now();
    };
    // Two seconds before the Retry-After: still refused, with at most three seconds to go.
    moveTo(refusedAt + (retryAfter - 2) * 1000);
    const early = await exchange(bed, token);
    expect(early.status).toBe(503);
    expect(Number(early.headers['retry-after'])).toBeLessThanOrEqual(3);
    expect(bed.api.requests.length).toBe(calls);
    // At the Retry-After, the same OIDC token gets its secrets: the refusals did not spend it.
    moveTo(refusedAt + retryAfter * 1000);
    const after = await exchange(bed, token);
    expect(after.status).toBe(200);
    expect(mints(bed)).toBe(3);
    expect(bed.api.rateLimits()).toMatchObject({ primaryRefusals: 0, secondaryRefusals: 0 });

    // The quota as metrics and a warning in the log.
    const metrics = await (await request(`${bed.url}/metrics`)).body.text();
    expect(metrics).toMatch(/^oidc_exchange_github_rate_limit_limit\{app="main",installation="4242"\} 3$/m);
    expect(metrics).toMatch(/^oidc_exchange_github_rate_limit_remaining\{app="main",installation="4242"\} 2$/m);
    expect(metrics).toMatch(/^oidc_exchange_github_requests_held_total\{app="main",reason="exhausted"\} 2$/m);
    expect(metrics).not.toMatch(/^oidc_exchange_github_rate_limited_total\{/m);
    expect(bed.log.join('')).toContain('"event":"github_quota_low"');
  });

  it('stops calling GitHub for an App that got a secondary-limit answer until its retry-after has passed', async () => {
    const clock = { offset: 0 };
    // 11 points a minute: the lookup (1) and two mints (5 each); the third mint is GitHub's to refuse.
    const bed = await start({ limits: { pointsPerMinute: 11, retryAfterSeconds: 60 } }, clock);
    expect((await exchange(bed)).status).toBe(200);
    expect((await exchange(bed)).status).toBe(200);
    const token = await jobToken(bed);
    const hit = await exchange(bed, token);
    expect(hit.status).toBe(503);
    expect(hit.json.error).toBe('github_rate_limited');
    expect(hit.headers['retry-after']).toBe('60');
    expect(bed.api.rateLimits()).toMatchObject({ secondaryRefusals: 1 });
    const calls = bed.api.requests.length;

    clock.offset += 30_000;
    const held = await exchange(bed, token);
    expect(held.status).toBe(503);
    expect(Number(held.headers['retry-after'])).toBeGreaterThanOrEqual(29);
    expect(Number(held.headers['retry-after'])).toBeLessThanOrEqual(30);
    expect(bed.api.requests.length).toBe(calls);
    expect(bed.api.rateLimits()).toMatchObject({ secondaryRefusals: 1, callsDuringRetryAfter: 0 });

    clock.offset += 31_000;
    expect((await exchange(bed, token)).status).toBe(200);
    expect(bed.api.rateLimits()).toMatchObject({ secondaryRefusals: 1, callsDuringRetryAfter: 0 });
    const metrics = await (await request(`${bed.url}/metrics`)).body.text();
    expect(metrics).toMatch(/^oidc_exchange_github_rate_limited_total\{app="main",kind="secondary"\} 1$/m);
  });

  it('keeps to points_per_minute itself once GitHub sends rate-limit headers: the mint over it is refused before GitHub is asked', async () => {
    const clock = { offset: 0 };
    // The broker may spend 11 points a minute (a lookup and two mints); GitHub would take 900.
    const bed = await start({ limits: {}, app: { points_per_minute: 11 } }, clock);
    expect((await exchange(bed)).status).toBe(200);
    expect((await exchange(bed)).status).toBe(200);
    const calls = bed.api.requests.length;
    const token = await jobToken(bed);
    const held = await exchange(bed, token);
    expect(held.status).toBe(503);
    expect(held.json.error).toBe('github_rate_limited');
    // The oldest spending (the lookup and the first mint) leaves the minute within 60 s.
    expect(Number(held.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(held.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(bed.api.requests.length).toBe(calls);
    clock.offset += Number(held.headers['retry-after']) * 1000;
    expect((await exchange(bed, token)).status).toBe(200);
    expect(bed.api.rateLimits()).toMatchObject({ secondaryRefusals: 0, primaryRefusals: 0 });
    const metrics = await (await request(`${bed.url}/metrics`)).body.text();
    expect(metrics).toMatch(/^oidc_exchange_github_requests_held_total\{app="main",reason="points"\} 1$/m);
  });

  it('keeps to the concurrency limit: requests beyond it wait in the queue, and past its deadline get a 503 that spends no token', async () => {
    const bed = await start({ limits: { concurrency: 3 }, api: { latencyMs: 150 }, app: { max_concurrent_requests: 3, queue_seconds: 5 } });
    const answers = await Promise.all(Array.from({ length: 12 }, () => exchange(bed)));
    expect(answers.map((a) => a.status)).toEqual(Array(12).fill(200));
    expect(bed.api.rateLimits()).toMatchObject({ secondaryRefusals: 0, maxConcurrent: 3 });

    const hurried = await start({ limits: { concurrency: 3 }, api: { latencyMs: 400 }, app: { max_concurrent_requests: 1, queue_seconds: 0.3 } });
    const tokens = await Promise.all(Array.from({ length: 4 }, () => jobToken(hurried)));
    const first = await Promise.all(tokens.map((t) => exchange(hurried, t)));
    const refused = first.filter((a) => a.status === 503);
    expect(refused.length).toBeGreaterThan(0);
    for (const a of refused) {
      expect(a.json.error).toBe('github_rate_limited');
      expect(a.headers['retry-after']).toBe('1');
    }
    expect(hurried.api.rateLimits()).toMatchObject({ secondaryRefusals: 0, maxConcurrent: 1 });
    // Each refused job's token still works.
    for (const [i, a] of first.entries()) if (a.status === 503) expect((await exchange(hurried, tokens[i])).status).toBe(200);
  });

  it('looks the installation up again when GitHub answers 404 for the cached one (the App was installed again)', async () => {
    const bed = await start({ limits: {} });
    expect((await exchange(bed)).status).toBe(200);
    const newId = bed.api.reinstall('octo-org');
    const a = await exchange(bed);
    expect(a.status).toBe(200);
    const tail = bed.api.requests.slice(-3).map((r) => `${r.method} ${r.path} ${r.status}`);
    expect(tail).toEqual([`POST /app/installations/4242/access_tokens 404`, 'GET /orgs/octo-org/installation 200', `POST /app/installations/${newId}/access_tokens 201`]);
    expect(bed.api.token((a.json.secrets as Record<string, string>).GH_TOKEN!)!.installationId).toBe(newId);
    // The next exchange goes straight to the new installation.
    expect((await exchange(bed)).status).toBe(200);
    expect(bed.api.requests.at(-1)!.path).toBe(`/app/installations/${newId}/access_tokens`);
  });
});
