// The fake GitHub API holds app JWTs to GitHub's rules, with GitHub's own messages, so the broker's JWTs are
// tested against something that refuses what GitHub refuses.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createPrivateKey } from 'node:crypto';
import { SignJWT } from 'jose';
import { startFakeGitHubApi, type FakeGitHubApi } from '../../src/harness/fakes/github-api.js';
import { call, reach } from './bed.js';

describe('fake GitHub API', () => {
  let api: FakeGitHubApi;
  let stranger: FakeGitHubApi;
  beforeAll(async () => {
    [api, stranger] = await Promise.all([startFakeGitHubApi(), startFakeGitHubApi()]);
  });
  afterAll(() => Promise.all([api.close(), stranger.close()]));

  const now = () => Math.floor(Date.now() / 1000);
  async function jwt(claims: Record<string, unknown>, opts: { key?: string; alg?: string } = {}): Promise<string> {
    const key = createPrivateKey(opts.key ?? api.app.privateKeyPem!);
    return new SignJWT(claims).setProtectedHeader({ alg: opts.alg ?? 'RS256' }).sign(key);
  }
  async function asApp(token: string, path = '/app', method = 'GET', body?: unknown, extra: Record<string, string> = {}, on: FakeGitHubApi = api) {
    return call(`${on.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, accept: 'application/vnd.github+json', 'content-type': 'application/json', ...extra },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }
  const good = () => ({ iss: api.app.appId, iat: now() - 60, exp: now() + 540 });

  it('accepts a JWT within the rules, with the app ID (number or string) or the client ID as iss', async () => {
    for (const iss of [api.app.appId, String(api.app.appId), api.app.clientId]) {
      const r = await asApp(await jwt({ ...good(), iss }));
      expect(r.status).toBe(200);
      expect(r.json).toMatchObject({ id: api.app.appId, client_id: api.app.clientId });
    }
  });

  it.each([
    ['exp more than 10 minutes ahead', () => ({ ...good(), exp: now() + 660 }), "'Expiration time' claim ('exp') is too far in the future"],
    ['exp in the past', () => ({ ...good(), iat: now() - 700, exp: now() - 5 }), "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires"],
    ['iat in the future', () => ({ ...good(), iat: now() + 120 }), "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued"],
    ['no exp', () => ({ iss: api.app.appId, iat: now() - 60 }), "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires"],
  ])("refuses %s with GitHub's message", async (_what, claims, message) => {
    const r = await asApp(await jwt(claims()));
    expect(r.status).toBe(401);
    expect((r.json as { message: string }).message).toBe(message);
  });

  it('refuses a JWT signed by another key, with another algorithm, or naming another app', async () => {
    expect((await asApp(await jwt(good(), { key: stranger.app.privateKeyPem }))).status).toBe(401);
    expect((await asApp(await jwt(good(), { alg: 'RS512' }))).status).toBe(401);
    expect((await asApp(await jwt({ ...good(), iss: 999 }))).status).toBe(401);
    expect((await asApp('not-a-jwt')).status).toBe(401);
    expect(api.requests.slice(-4).every((r) => r.status === 401 && r.auth !== 'app_jwt')).toBe(true);
  });

  it('issues ghs_ tokens scoped to what was asked, and 422 for more than the installation has', async () => {
    const app = await jwt(good());
    const inst = await asApp(app, '/orgs/octo-org/installation');
    expect(inst.status).toBe(200);
    const id = (inst.json as { id: number }).id;
    const t = await asApp(app, `/app/installations/${id}/access_tokens`, 'POST', { repositories: ['octo-docs'], permissions: { contents: 'read' } });
    expect(t.status).toBe(201);
    const body = t.json as { token: string; permissions: unknown; repository_selection: string; repositories: Array<{ full_name: string }>; expires_at: string };
    // github.com's form since 2026: ghs_<APPID>_<JWT>, about 520 characters, two dots, - and _ inside.
    expect(body.token).toMatch(new RegExp(`^ghs_${api.app.appId}_[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$`));
    expect(body.token.length).toBeGreaterThan(450);
    expect(body.token.length).toBeLessThan(650);
    expect(body.token.slice(4)).toMatch(/-/);
    expect(body.token.slice(4)).toMatch(/_.*_/);
    expect(body.permissions).toEqual({ contents: 'read' });
    expect(body.repository_selection).toBe('selected');
    expect(body.repositories.map((r) => r.full_name)).toEqual(['octo-org/octo-docs']);
    expect(Date.parse(body.expires_at) - Date.now()).toBeGreaterThan(3500_000);
    expect((await reach(api, body.token)).status).toBe(200);

    const tooMuch = await asApp(app, `/app/installations/${id}/access_tokens`, 'POST', { permissions: { administration: 'read' } });
    expect(tooMuch.status).toBe(422);
    const notThere = await asApp(app, `/app/installations/${id}/access_tokens`, 'POST', { repositories: ['elsewhere'] });
    expect(notThere.status).toBe(422);
    expect((notThere.json as { message: string }).message).toMatch(/not accessible to the parent installation/);
  });

  it('issues the classic form (ghs_ + 36 alphanumerics) when the fake plays a classic GitHub or the request asks for it', async () => {
    const classicApi = await startFakeGitHubApi({ tokenForm: 'classic' });
    try {
      const mint = async (on: FakeGitHubApi, header?: string) => {
        const key = createPrivateKey(on.app.privateKeyPem!);
        const j = await new SignJWT({ iss: String(on.app.appId), iat: now() - 60, exp: now() + 540 }).setProtectedHeader({ alg: 'RS256' }).sign(key);
        const id = on.app.installations[0]!.id;
        const r = await asApp(j, `/app/installations/${id}/access_tokens`, 'POST', {}, header === undefined ? {} : { 'X-GitHub-Stateless-S2S-Token': header }, on);
        expect(r.status).toBe(201);
        return (r.json as { token: string }).token;
      };
      const classic = /^ghs_[A-Za-z0-9]{36}$/;
      const stateless = /^ghs_\d+_[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
      expect(await mint(classicApi)).toMatch(classic);
      expect(await mint(classicApi, 'enabled')).toMatch(stateless);
      expect(await mint(api, 'disabled')).toMatch(classic);
      // GitHub ignores any other value of the header (true, 1, ...): the default form.
      expect(await mint(api, 'true')).toMatch(stateless);
      expect(await mint(classicApi, '1')).toMatch(classic);
      const t = await mint(api, 'disabled');
      expect((await reach(api, t)).status).toBe(200);
    } finally {
      await classicApi.close();
    }
  });

  it('never records a token or a JWT', async () => {
    const recorded = JSON.stringify(api.requests);
    expect(recorded).not.toMatch(/ghs_/);
    expect(recorded).not.toMatch(/eyJ/);
  });
});
