// The quota gate on its own, on a clock the test moves: GitHub's answers read as its rate-limit documentation
// describes them, including the cases the fake does not send (a secondary limit without retry-after, answers
// arriving out of order, a GitHub that sends no rate-limit headers at all).
import { describe, expect, it } from '@jest/globals';
import { BrokerError } from '../../src/broker/errors.js';
import { AppQuota, DEFAULT_QUOTA } from '../../src/broker/github/quota.js';

function gate(settings = DEFAULT_QUOTA) {
  const clock = { t: Date.UTC(2026, 0, 1) };
  return { clock, quota: new AppQuota('main', settings, () => clock.t) };
}
const refusal = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e as BrokerError);

describe('AppQuota', () => {
  it('reads a 403 that says "secondary rate limit" without retry-after as a one-minute wait', async () => {
    const { clock, quota } = gate();
    const limited = quota.observe(403, {}, '4242', 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.');
    expect(limited).toEqual({ kind: 'secondary', retryAfter: 60 });
    clock.t += 20_000;
    const e = await refusal(quota.acquire('POST'));
    expect(e).toBeInstanceOf(BrokerError);
    expect([e!.code, e!.status, e!.retryAfter]).toEqual(['github_rate_limited', 503, 40]);
    clock.t += 40_000;
    (await quota.acquire('POST'))();
  });

  it('a 403 that is not a rate limit is left to the caller', () => {
    const { quota } = gate();
    expect(quota.observe(403, { 'x-ratelimit-remaining': '4000', 'x-ratelimit-limit': '5000', 'x-ratelimit-reset': '1767229200' }, '4242', 'Resource not accessible by integration')).toBeUndefined();
  });

  it('keeps the lowest remaining of one window when answers arrive out of order, and the new window after a reset', () => {
    const { clock, quota } = gate();
    const reset = Math.floor(clock.t / 1000) + 3600;
    const h = (remaining: number, r = reset) => ({ 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': String(remaining), 'x-ratelimit-reset': String(r) });
    quota.observe(201, h(10), '1');
    quota.observe(201, h(12), '1');
    expect(quota.snapshot()).toMatchObject({ remaining: 10, limit: 5000, resetAt: reset });
    clock.t = (reset + 1) * 1000;
    expect(quota.snapshot().remaining).toBe(5000);
    quota.observe(201, h(4999, reset + 3600), '1');
    expect(quota.snapshot()).toMatchObject({ remaining: 4999, resetAt: reset + 3600 });
  });

  it('does not pace points for a GitHub that sends no rate-limit headers (GitHub Enterprise Server with limits off)', async () => {
    const { quota } = gate({ ...DEFAULT_QUOTA, pointsPerMinute: 10 });
    for (let i = 0; i < 50; i++) {
      (await quota.acquire('POST'))();
      quota.observe(201, {}, '1');
    }
    expect(quota.headroom()).toBe(Number.POSITIVE_INFINITY);
  });

  it('believes no wait longer than GitHub\'s hour: a retry-after or a reset years away holds the App for an hour at most', async () => {
    const { clock, quota } = gate();
    const now = Math.floor(clock.t / 1000);
    expect(quota.observe(403, { 'retry-after': '999999999' }, '1', 'You have exceeded a secondary rate limit.')).toEqual({ kind: 'secondary', retryAfter: 3600 });
    expect((await refusal(quota.acquire('POST')))?.retryAfter).toBe(3600);
    clock.t += 3600_000;
    (await quota.acquire('POST'))();

    const spent = { 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now + 10 * 365 * 86400) };
    expect(quota.observe(403, spent, '1', 'API rate limit exceeded for installation ID 1.')).toEqual({ kind: 'primary', retryAfter: 3600 });
    expect(quota.snapshot().resetAt).toBe(now + 3600 + 3600);
    expect((await refusal(quota.acquire('POST')))?.retryAfter).toBe(3600);
    clock.t += 3600_000;
    (await quota.acquire('POST'))();
  });
});
