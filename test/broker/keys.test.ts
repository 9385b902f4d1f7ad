// The broker's key cache against real fake issuers, with the broker's clock under the test's control:
// rotation without restart, bounded staleness while the issuer is down, and the refetch cooldown that keeps
// a flood of forged key IDs from turning the broker against the issuer.
import { afterEach, describe, expect, it } from '@jest/globals';
import { exchangeOver, startTestBed, type TestBed } from '../helpers/broker.js';

const jwksFetches = (bed: TestBed) => bed.github.requests.filter((r) => r.path === '/.well-known/jwks').length;

let bed: TestBed | undefined;
let offset = 0; // seconds the broker's clock is ahead of real time
const clock = () => Date.now() + offset * 1000;

async function start(issuerSettings: Record<string, unknown>): Promise<TestBed> {
  offset = 0;
  bed = await startTestBed({
    now: clock,
    config: ({ github }) => ({
      issuers: [{ id: 'github', issuer: github.url, kind: 'github', ...issuerSettings }],
      secrets: { TOKEN: { value: 'key-test-secret-value' } },
      policies: [{ name: 'main', issuer: 'github', claims: { repository: 'octo-org/octo-repo' }, secrets: ['TOKEN'] }],
    }),
  });
  return bed;
}

/** A token valid at the broker's (shifted) time. */
function mint(b: TestBed, opts: Parameters<TestBed['github']['mint']>[1] = {}): Promise<string> {
  return b.github.mint(b.github.claimsFor(), { shiftSeconds: offset, ...opts });
}

afterEach(async () => {
  await bed?.close();
  bed = undefined;
});

describe('keys', () => {
  it('picks up a rotated key without a restart', async () => {
    const b = await start({ jwks_cooldown_seconds: 30 });
    expect((await exchangeOver(b.url, { token: await mint(b) })).status).toBe(200);
    const oldToken = await mint(b);
    await b.github.rotate({ dropOld: false });
    offset = 31; // past the cooldown since the first fetch
    const r = await exchangeOver(b.url, { token: await mint(b) });
    expect(r.status).toBe(200);
    expect(jwksFetches(b)).toBe(2);
    // Tokens signed with the previous key still verify while the issuer publishes it.
    expect((await exchangeOver(b.url, { token: oldToken })).status).toBe(200);
  });

  it('with the issuer down, cached keys work inside the staleness window and fail cleanly after it', async () => {
    const b = await start({ jwks_refresh_seconds: 60, jwks_max_stale_seconds: 600, jwks_cooldown_seconds: 10, jwks_timeout_seconds: 1 });
    expect((await exchangeOver(b.url, { token: await mint(b) })).status).toBe(200);
    b.github.setMode('down');
    offset = 120; // keys are due for refresh; the refresh fails in the background
    expect((await exchangeOver(b.url, { token: await mint(b) })).status).toBe(200);
    offset = 590; // still inside the window
    expect((await exchangeOver(b.url, { token: await mint(b) })).status).toBe(200);
    offset = 700; // past it: the broker will not vouch for tokens it cannot check
    const r = await exchangeOver(b.url, { token: await mint(b) });
    expect({ status: r.status, code: r.json.error, retry: r.headers['retry-after'] }).toEqual({ status: 503, code: 'upstream_unavailable', retry: '5' });
    const ready = await fetch(`${b.url}/readyz`);
    expect(ready.status).toBe(503);
    // The issuer comes back: the broker recovers by itself.
    b.github.setMode('up');
    offset = 720;
    expect((await exchangeOver(b.url, { token: await mint(b) })).status).toBe(200);
    expect((await fetch(`${b.url}/readyz`)).status).toBe(200);
  });

  it('an issuer that hangs costs at most the fetch timeout and then answers 503', async () => {
    const b = await start({ jwks_timeout_seconds: 0.5 });
    b.github.setMode('hang');
    const started = Date.now();
    const r = await exchangeOver(b.url, { token: await mint(b) });
    expect({ status: r.status, code: r.json.error }).toEqual({ status: 503, code: 'upstream_unavailable' });
    expect(Date.now() - started).toBeLessThan(5000);
    b.github.setMode('up');
  });

  it('a flood of unknown kids causes at most one key fetch per cooldown', async () => {
    const b = await start({ jwks_cooldown_seconds: 30 });
    expect((await exchangeOver(b.url, { token: await mint(b) })).status).toBe(200);
    const afterWarm = jwksFetches(b);
    const stray = await b.github.strayKey();
    offset = 31;
    const flood = await Promise.all(Array.from({ length: 60 }, async (_, i) =>
      exchangeOver(b.url, { token: await mint(b, { key: stray, header: { kid: `forged-${i}` } }) })));
    expect(new Set(flood.map((r) => `${r.status} ${String(r.json.error)}`))).toEqual(new Set(['401 unknown_key']));
    expect(jwksFetches(b) - afterWarm).toBe(1);
    // Within the same cooldown, more forged kids fetch nothing.
    offset = 40;
    for (let i = 0; i < 20; i++) await exchangeOver(b.url, { token: await mint(b, { key: stray, header: { kid: `again-${i}` } }) });
    expect(jwksFetches(b) - afterWarm).toBe(1);
    // And genuine traffic keeps working throughout.
    expect((await exchangeOver(b.url, { token: await mint(b) })).status).toBe(200);
  });

  it('an issuer down from the start gets 503, retried at most once per cooldown', async () => {
    const b = await start({ jwks_cooldown_seconds: 30, jwks_timeout_seconds: 1 });
    b.github.setMode('down');
    const answers = await Promise.all(Array.from({ length: 10 }, async () => exchangeOver(b.url, { token: await mint(b) })));
    expect(new Set(answers.map((r) => `${r.status} ${String(r.json.error)}`))).toEqual(new Set(['503 upstream_unavailable']));
    expect(b.github.requests.length).toBe(1); // one discovery attempt, then the cooldown
  });
});
