// The broker's status page (issue 19, items 1 and 2): GET /-/status, GET /-/status.json and the policy
// playground, over loopback from a real broker, and the page in a real browser (Debian's chromium through
// puppeteer-core, one browser for the file): it renders with no console error and no CSP violation, the
// sign-in works as an operator uses it, the playground answers for a matching and a refused claims set, Tab
// reaches every control, and neither the page nor the JSON carries any configured secret value or token.
// Expected values come from the test's own configuration and the fake issuers, never from the code under test.
// The functions handed to page.evaluate run in the browser: they are typed against the DOM.
/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'puppeteer-core';
import { request } from 'undici';
import { startBed, type Bed } from '../../src/harness/bed.js';
import { launchChromium } from '../helpers/browser.js';
import { exchangeOver, leaks } from '../helpers/broker.js';

const ADMIN_TOKEN = 'status-admin-token-6f1d0c9a2b7e4d3c';
const REVOCATION_TOKEN = 'status-revocation-token-0a9b8c7d6e5f';
const DB_PASSWORD = 'status-db-password-value-q8Wz';
const DEPLOY_KEY = 'status-deploy-key-value-Lm3x';
const OVERRIDE_REASON = 'the nightly load test replays one token on purpose';

const REPO = { repository: 'octo-org/octo-repo', repository_id: '690210123', repository_owner_id: '9919', ref: 'refs/heads/main' };

let bed: Bed;
let browser: Browser;
/** Every secret the test configured and every token it sent: none may appear on the page or in the JSON. */
const secrets: string[] = [ADMIN_TOKEN, REVOCATION_TOKEN, DB_PASSWORD, DEPLOY_KEY];
// Anyone can put anything in a token's claims: the refused one carries markup, which must stay text.
const refusedRepository = 'octo-org/<b id="injected">other-repo</b>';

beforeAll(async () => {
  bed = await startBed({
    env: { ADMIN_TOKEN, REVOCATION_TOKEN, DB_PASSWORD, DEPLOY_KEY },
    config: () => ({
      secrets: { DB_PASSWORD: { env: 'DB_PASSWORD' }, DEPLOY_KEY: { env: 'DEPLOY_KEY' } },
      policies: [
        { name: 'deploy', issuer: 'github', claims: { repository_owner_id: '9919', repository_id: '690210123', ref: 'refs/heads/main' }, secrets: ['DB_PASSWORD'] },
        {
          name: 'load-test',
          issuer: 'github',
          claims: { repository_owner_id: '9919', repository_id: '777', ref: 'refs/heads/main' },
          secrets: ['DEPLOY_KEY'],
          single_use: false,
          allow_risky: [{ rule: 'replay-allowed', reason: OVERRIDE_REASON }],
        },
      ],
      admin: { token_env: 'ADMIN_TOKEN' },
      revocation: { token_env: 'REVOCATION_TOKEN' },
    }),
    prepare: true,
  });
  // One granted exchange and one refused (a repository no policy pins), both over the wire.
  const granted = await bed.github.mint(bed.github.claimsFor(REPO));
  secrets.push(granted);
  expect((await exchangeOver(bed.url, { token: granted })).status).toBe(200);
  const refused = await bed.github.mint(bed.github.claimsFor({ ...REPO, repository: refusedRepository, repository_id: '31337' }));
  secrets.push(refused);
  expect((await exchangeOver(bed.url, { token: refused })).json.error).toBe('no_policy_matched');
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await bed?.close();
});

async function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown>; text: string }> {
  const res = await request(`${bed.url}${path}`, { headers });
  return { status: res.statusCode, headers: res.headers, text: await res.body.text() };
}

async function playground(body: string, headers: Record<string, string> = { authorization: `Bearer ${ADMIN_TOKEN}` }) {
  const res = await request(`${bed.url}/-/status/playground`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await res.body.text();
  return { status: res.statusCode, text, json: JSON.parse(text) as Record<string, unknown> };
}

describe('the status routes over HTTP', () => {
  it('GET /-/status.json with the admin token: issuers with their key ids, policies with findings and overrides, the refusal', async () => {
    const res = await get('/-/status.json', { authorization: `Bearer ${ADMIN_TOKEN}` });
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const status = JSON.parse(res.text) as Record<string, any>;
    expect(leaks(res.text, secrets)).toEqual([]);

    const github = status.issuers.find((i: { id: string }) => i.id === 'github');
    expect(github).toMatchObject({ issuer: bed.github.url, usable: true, key_ids: [bed.github.activeKey().kid], last_error: null, discovered: true });
    expect(status.issuers.find((i: { id: string }) => i.id === 'gitlab')).toMatchObject({ jwks_uri: bed.gitlab.jwksUri, key_ids: [bed.gitlab.activeKey().kid], discovered: false });

    expect(status.policies.map((p: { name: string }) => p.name)).toEqual(['deploy', 'load-test']);
    const loadTest = status.policies[1];
    expect(loadTest).toMatchObject({ secrets: ['DEPLOY_KEY'], single_use: false });
    expect(loadTest.findings).toContainEqual(expect.objectContaining({ rule: 'replay-allowed', overridden: OVERRIDE_REASON }));

    expect(status.refusals).toHaveLength(1);
    expect(status.refusals[0]).toMatchObject({ code: 'no_policy_matched', status: 403, verified: true, issuer: 'github' });
    expect(status.refusals[0].claims).toMatchObject({ iss: bed.github.url, repository: refusedRepository, repository_id: '31337', ref: 'refs/heads/main' });
    // Only identity claims: the token's jti and times are not kept.
    expect(Object.keys(status.refusals[0].claims)).not.toContain('jti');

    expect(status.exchanges).toEqual({ granted: 1, denied: 1, error: 0 });
    expect(status.store).toMatchObject({ kind: 'memory', up: true, last_error: null });
    expect(status.revocations).toEqual({ enabled: true, revoked: 0, already: 0, unknown: 0, failed: 0 });
    expect(status.configuration).toMatchObject({ generation: 1, last_reload_failed: false });
  });

  it('GET /-/status with the token: the server-rendered page under a strict CSP and the security headers', async () => {
    const res = await get('/-/status', { authorization: `Bearer ${ADMIN_TOKEN}`, accept: 'text/html' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toMatch(/^default-src 'none'; /);
    expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+';/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).not.toContain('unsafe');
    expect(res.headers).toMatchObject({ 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' });
    expect(res.text).toContain(bed.github.activeKey().kid);
    expect(res.text).toContain(OVERRIDE_REASON);
    expect(res.text).toContain('other-repo');
    expect(res.text).not.toContain('<b id=');
    expect(res.text).not.toMatch(/<(img|link|iframe)\b|\bsrc=/i);
    expect(leaks(res.text, secrets)).toEqual([]);
  });

  it('a missing or wrong token is a 401 (a browser gets the sign-in page, still 401); no admin section is a 404', async () => {
    const browserLike = await get('/-/status', { accept: 'text/html,application/xhtml+xml' });
    expect(browserLike.status).toBe(401);
    expect(browserLike.text).toContain('id="admin-token"');
    expect(browserLike.text).not.toContain('Issuers');
    expect(browserLike.headers['content-security-policy']).toMatch(/^default-src 'none'/);
    for (const path of ['/-/status', '/-/status.json']) {
      const wrong = await get(path, { authorization: 'Bearer wrong-admin-token-0123456789' });
      expect([wrong.status, JSON.parse(wrong.text).error]).toEqual([401, 'unauthorized']);
    }
    expect((await playground('{}', {})).json.error).toBe('unauthorized');

    const other = await startBed({
      issuers: { github: bed.github, gitlab: bed.gitlab },
      env: { X: 'x-value-for-the-404-test' },
      config: { secrets: { X: { env: 'X' } }, policies: [{ name: 'p', issuer: 'github', claims: { repository_owner_id: '1', repository_id: '1', ref: 'refs/heads/main' }, secrets: ['X'] }] },
    });
    try {
      for (const path of ['/-/status', '/-/status.json']) {
        const res = await request(`${other.url}${path}`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
        expect([res.statusCode, ((await res.body.json()) as { error: string }).error]).toEqual([404, 'not_found']);
      }
    } finally {
      await other.close();
    }
  });

  it('the playground: a matching and a refused claims set, a clear 400 for bad JSON, a body limit', async () => {
    const match = await playground(JSON.stringify({ repository: REPO.repository, repository_id: REPO.repository_id, repository_owner_id: REPO.repository_owner_id, ref: REPO.ref }));
    expect(match.status).toBe(200);
    expect(match.json.matched).toBe('deploy');

    const refused = await playground(JSON.stringify({ ...REPO, repository_id: '31337' }));
    expect(refused.json.matched).toBeNull();
    const deploy = (refused.json.policies as Array<{ name: string; failures: Array<{ claim: string; actual: string; expected: string[] }> }>).find((p) => p.name === 'deploy')!;
    // An exact matcher is shown as its JSON string, as `oidc-exchange check` prints it.
    expect(deploy.failures).toEqual([{ claim: 'repository_id', reason: 'mismatch', actual: '31337', expected: [JSON.stringify('690210123')] }]);

    const bad = await playground('{"repository": ');
    expect([bad.status, bad.json.error]).toEqual([400, 'body_malformed']);
    expect(String(bad.json.message)).toContain('JSON');
    const notObject = await playground('[1, 2]');
    expect([notObject.status, notObject.json.error]).toEqual([400, 'body_malformed']);
    const huge = await playground(JSON.stringify({ repository: 'x'.repeat(70 * 1024) }));
    expect([huge.status, huge.json.error]).toEqual([413, 'body_too_large']);
    expect(leaks(match.text + refused.text, secrets)).toEqual([]);
  });
});

describe('the status page in chromium', () => {
  let page: Page;
  const consoleErrors: string[] = [];
  const violations: string[] = [];

  beforeAll(async () => {
    page = await browser.newPage();
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      // The sign-in page arrives with its 401, which chromium reports as a failed resource load: that is the
      // documented answer to a missing token, not an error of the page.
      if (/^Failed to load resource: the server responded with a status of 401/.test(m.text()) && m.location().url === `${bed.url}/-/status`) return;
      consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    await page.exposeFunction('reportViolation', (v: string) => void violations.push(v));
    await page.evaluateOnNewDocument(() => {
      document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { reportViolation(v: string): void }).reportViolation(`${e.violatedDirective} ${e.blockedURI}`));
    });
  });

  it('opens in its sign-in state (401), loads with the typed token, and shows the model with no error or CSP violation', async () => {
    const res = await page.goto(`${bed.url}/-/status`);
    expect(res?.status()).toBe(401);
    expect(await page.$eval('main', (m) => m.textContent)).toContain('Sign in');

    await page.type('#admin-token', ADMIN_TOKEN);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('main')?.textContent?.includes('Issuers'), { timeout: 10_000 });
    const main = await page.$eval('main', (m) => m.textContent ?? '');
    expect(main).toContain(bed.github.activeKey().kid);
    expect(main).toContain(refusedRepository);
    expect(await page.$('#injected')).toBeNull();
    expect(main).toContain(OVERRIDE_REASON);
    expect(main).toContain('no_policy_matched');

    const html = await page.content();
    expect(leaks(html, secrets)).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(violations).toEqual([]);
  });

  it('the playground answers for a matching and for a refused claims set', async () => {
    const check = async (claims: object): Promise<string> => {
      await page.$eval('#claims', (t, v) => void ((t as HTMLTextAreaElement).value = v), JSON.stringify(claims));
      await page.$eval('#playground-result', (u) => u.replaceChildren());
      await page.click('#playground-form button[type=submit]');
      await page.waitForFunction(() => (document.querySelector('#playground-result')?.children.length ?? 0) > 0, { timeout: 10_000 });
      return page.$eval('#playground-result', (u) => u.textContent ?? '');
    };
    expect(await check(REPO)).toContain('Policy deploy matches');
    const refused = await check({ ...REPO, repository_id: '31337' });
    expect(refused).toContain('No policy matches');
    expect(refused).toContain(`repository_id is 31337; expected ${JSON.stringify('690210123')}`);
    expect(leaks(await page.content(), secrets)).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(violations).toEqual([]);
  });

  it('Tab reaches every control of the page, in order', async () => {
    const controls = await page.$$eval('input, button, textarea, select, a[href]', (els) => els.map((e) => e.id || `${e.closest('form')?.id} ${e.tagName.toLowerCase()}`));
    expect(controls.length).toBeGreaterThanOrEqual(4);
    // A click on the (unfocusable) title puts the start of sequential navigation at the top of the page.
    await page.click('h1');
    const reached: string[] = [];
    for (let i = 0; i < controls.length; i++) {
      await page.keyboard.press('Tab');
      reached.push(await page.evaluate(() => {
        const e = document.activeElement as HTMLElement;
        return e.id || `${e.closest('form')?.id} ${e.tagName.toLowerCase()}`;
      }));
    }
    expect(reached).toEqual(controls);
  });
});
