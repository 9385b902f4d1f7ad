// The github_app secret source end to end over loopback: a real broker mints installation tokens at the fake
// GitHub API, which checks the app JWT the way GitHub does and records every request.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { exchangeOver, leaks, startTestBed } from '../helpers/broker.js';
import { startFakeGitHubApi } from '../../src/harness/fakes/github-api.js';
import { call, jobToken, reach, startGitHubBed, type GitHubBed } from './bed.js';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

describe('github_app secret source', () => {
  let bed: GitHubBed;
  const minted: string[] = [];

  beforeAll(async () => {
    bed = await startGitHubBed();
  });
  afterAll(async () => {
    // No token the broker minted, and no private key, ever reaches its log.
    const log = bed.log.join('');
    expect(leaks(log, minted)).toEqual([]);
    expect(log).not.toContain('PRIVATE KEY');
    await bed.close();
  });

  async function exchange(body?: unknown, accept?: string) {
    const a = await exchangeOver(bed.url, { token: await jobToken(bed), body: body === undefined ? undefined : JSON.stringify(body), accept });
    const t = (a.json.secrets as Record<string, string> | undefined)?.GH_TOKEN;
    if (t) minted.push(t);
    return a;
  }

  it("mints a token whose repositories and permissions equal the policy's grant", async () => {
    const a = await exchange();
    expect(a.status).toBe(200);
    const token = (a.json.secrets as Record<string, string>).GH_TOKEN!;
    expect(token.startsWith('ghs_')).toBe(true);
    // What GitHub was asked for, over the wire...
    const asked = bed.api.requests.filter((r) => r.path.endsWith('/access_tokens')).at(-1)!;
    expect(asked.requested).toEqual({ repositories: ['octo-repo', 'octo-infra'], permissions: { contents: 'read', issues: 'write' } });
    // ...and what the token can do at GitHub.
    const info = bed.api.token(token)!;
    expect(info.repositories.sort()).toEqual(['octo-infra', 'octo-repo']);
    expect(info.permissions).toEqual({ contents: 'read', issues: 'write' });
    const r = await reach(bed.api, token);
    expect(r.status).toBe(200);
    expect((r.json as { repositories: Array<{ full_name: string }> }).repositories.map((x) => x.full_name).sort()).toEqual(['octo-org/octo-infra', 'octo-org/octo-repo']);
  });

  it("signs app JWTs within GitHub's rules: RS256, iss the app ID, iat 60 s back, exp at most 10 minutes ahead", async () => {
    const before = Math.floor(Date.now() / 1000);
    await exchange();
    const after = Math.floor(Date.now() / 1000);
    const jwtCalls = bed.api.requests.filter((r) => r.auth === 'app_jwt');
    expect(jwtCalls.length).toBeGreaterThan(0);
    for (const r of jwtCalls) {
      const { iss, iat, exp, alg } = r.jwt as { iss: string; iat: number; exp: number; alg: string };
      expect(alg).toBe('RS256');
      expect(iss).toBe(String(bed.api.app.appId));
      expect(iat).toBeLessThanOrEqual(after - 59 + 1); // backdated against clock drift
      expect(iat).toBeGreaterThanOrEqual(before - 60 - 600); // a cached JWT is at most one lifetime old
      expect(exp).toBeGreaterThan(after);
      expect(exp - after).toBeLessThanOrEqual(600);
      expect(exp - iat).toBeLessThanOrEqual(660);
    }
    // Every app call was accepted by the fake GitHub's JWT checks.
    expect(jwtCalls.every((r) => r.status < 400)).toBe(true);
  });

  it('looks the installation up once and reuses the app JWT while it is fresh', async () => {
    const lookups = () => bed.api.requests.filter((r) => r.path === '/orgs/octo-org/installation').length;
    const n = lookups();
    await exchange();
    await exchange();
    expect(lookups()).toBe(n);
    const jwts = new Set(bed.api.requests.filter((r) => r.auth === 'app_jwt').map((r) => JSON.stringify(r.jwt)));
    expect(jwts.size).toBe(1);
  });

  it('answers with expires_at, the revoke list, and an issuance record for the token', async () => {
    const a = await exchange();
    const token = (a.json.secrets as Record<string, string>).GH_TOKEN!;
    expect(a.json.expires_at).toBe(bed.api.token(token)!.expiresAt.toISOString());
    expect(a.json.revoke).toEqual([{ name: 'GH_TOKEN', method: 'DELETE', url: `${bed.api.url}/installation/token` }]);
    const rec = await bed.broker.store.getIssuance(sha256(token));
    expect(rec).toMatchObject({ kind: 'github_installation_token', policy: 'deploy', issuer: 'github', repository: 'octo-org/octo-repo' });
    expect(rec!.sub).toBe('repo:octo-org/octo-repo:environment:production');
    expect(rec!.expiresAt).toBe(bed.api.token(token)!.expiresAt.toISOString());
  });

  it('text/plain answers keep the NAME BASE64 body and carry the revoke list in OIDC-Exchange-Revoke', async () => {
    const a = await exchange(undefined, 'text/plain');
    expect(a.status).toBe(200);
    const lines = a.text.trimEnd().split('\n');
    expect(lines.map((l) => l.split(' ')[0]).sort()).toEqual(['DB_PASSWORD', 'GH_TOKEN']);
    expect(lines.every((l) => /^[A-Z_]+ [A-Za-z0-9+/=]+$/.test(l))).toBe(true);
    const token = Buffer.from(lines.find((l) => l.startsWith('GH_TOKEN '))!.split(' ')[1]!, 'base64').toString();
    minted.push(token);
    expect(a.headers['oidc-exchange-revoke']).toBe(`GH_TOKEN ${bed.api.url}/installation/token`);
  });

  it('a static-only request gets no revoke list and mints nothing', async () => {
    const issued = bed.api.counts().issued;
    const a = await exchange({ secrets: ['DB_PASSWORD'] });
    expect(a.status).toBe(200);
    expect(a.json.revoke).toBeUndefined();
    expect(a.json.expires_at).toBeNull();
    expect(bed.api.counts().issued).toBe(issued);
  });

  it('the holder revokes the token per the revoke contract and GitHub then refuses it', async () => {
    const a = await exchange();
    const token = (a.json.secrets as Record<string, string>).GH_TOKEN!;
    const entry = (a.json.revoke as Array<{ url: string; method: string }>)[0]!;
    const del = await call(entry.url, {
      method: entry.method,
      headers: { authorization: `Bearer ${token}`, accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' },
    });
    expect(del.status).toBe(204);
    expect(bed.api.isAlive(token)).toBe(false);
    expect((await reach(bed.api, token)).status).toBe(401);
    // Revoking again is "already dead", not an error the client has to handle differently.
    const again = await call(entry.url, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
    expect(again.status).toBe(401);
  });

  it('a request narrows the grant: fewer repositories, lower permissions', async () => {
    const a = await exchange({ secrets: ['GH_TOKEN'], github: { GH_TOKEN: { repositories: ['octo-infra'], permissions: { contents: 'read' } } } });
    expect(a.status).toBe(200);
    const info = bed.api.token((a.json.secrets as Record<string, string>).GH_TOKEN!)!;
    expect(info.repositories).toEqual(['octo-infra']);
    expect(info.permissions).toEqual({ contents: 'read' });
    const b = await exchange({ github: { GH_TOKEN: { permissions: { issues: 'read' } } } });
    expect(b.status).toBe(200);
    const info2 = bed.api.token((b.json.secrets as Record<string, string>).GH_TOKEN!)!;
    expect(info2.permissions).toEqual({ issues: 'read' });
    expect(info2.repositories.sort()).toEqual(['octo-infra', 'octo-repo']);
  });

  it.each([
    ['a repository outside the grant', { repositories: ['octo-repo', 'octo-docs'] }, /does not grant octo-docs/],
    ['a higher permission level', { permissions: { contents: 'write' } }, /contents: write \(granted: read\)/],
    ['a permission the grant lacks', { permissions: { administration: 'read' } }, /administration: read \(not granted at all\)/],
  ])('a request for more is refused before GitHub is asked: %s', async (_what, ask, message) => {
    const issued = bed.api.counts().issued;
    const a = await exchange({ github: { GH_TOKEN: ask } });
    expect(a.status).toBe(403);
    expect(a.json.error).toBe('github_scope_not_granted');
    expect(String(a.json.message)).toMatch(message);
    expect(String(a.json.message)).toMatch(/narrow the grant, never widen it/);
    expect(bed.api.counts().issued).toBe(issued);
  });

  it.each([
    ['not an object', { github: ['GH_TOKEN'] }, /"github" must be an object/],
    ['an unknown field', { github: { GH_TOKEN: { scopes: ['repo'] } } }, /unknown field\(s\) "scopes"/],
    ['a bad permission level', { github: { GH_TOKEN: { permissions: { contents: 'all' } } } }, /"read", "write" or "admin"/],
    ['a repository with its owner', { github: { GH_TOKEN: { repositories: ['octo-org/octo-repo'] } } }, /without the owner/],
    ['a static secret', { github: { DB_PASSWORD: { permissions: { contents: 'read' } } } }, /not a GitHub App token/],
    ['a secret not requested', { secrets: ['DB_PASSWORD'], github: { GH_TOKEN: { permissions: { contents: 'read' } } } }, /does not receive/],
  ])('a malformed narrowing is a 400 that says what to fix: %s', async (_what, body, message) => {
    const a = await exchange(body);
    expect(a.status).toBe(400);
    expect(a.json.error).toBe('body_malformed');
    expect(String(a.json.message)).toMatch(message);
  });
});

describe("GitHub's refusals become broker errors that say what to fix", () => {
  it('app not installed on the owner: 502 github_app_not_installed', async () => {
    const bed = await startGitHubBed({ app: { owner: 'someone-else' } });
    try {
      const a = await exchangeOver(bed.url, { token: await jobToken(bed) });
      expect(a.status).toBe(502);
      expect(a.json.error).toBe('github_app_not_installed');
      expect(String(a.json.message)).toMatch(/not installed on someone-else.*install it there/);
      // An organization first, then a user account of that name.
      expect(bed.api.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
        'GET /orgs/someone-else/installation 404',
        'GET /users/someone-else/installation 404',
      ]);
    } finally {
      await bed.close();
    }
  });

  it("a key GitHub does not know: 502 github_app_unauthorized, pointing at the key's fingerprint", async () => {
    const other = await startFakeGitHubApi();
    const bed = await startGitHubBed({ env: { GH_APP_KEY: other.app.privateKeyPem } });
    try {
      const a = await exchangeOver(bed.url, { token: await jobToken(bed) });
      expect(a.status).toBe(502);
      expect(a.json.error).toBe('github_app_unauthorized');
      expect(String(a.json.message)).toMatch(/private key.*fingerprint/);
      expect(bed.api.requests.at(-1)!.message).toBe('A JSON web token could not be decoded');
    } finally {
      await Promise.all([bed.close(), other.close()]);
    }
  });

  it('a permission the app lacks on the installation: 502 github_permission_refused with what to change', async () => {
    const bed = await startGitHubBed({ grant: { app: 'main', permissions: { administration: 'write' } } });
    try {
      const a = await exchangeOver(bed.url, { token: await jobToken(bed) });
      expect(a.status).toBe(502);
      expect(a.json.error).toBe('github_permission_refused');
      expect(String(a.json.message)).toMatch(/The permissions requested are not granted to this installation/);
      expect(String(a.json.message)).toMatch(/give the GitHub App "main" those permissions/);
    } finally {
      await bed.close();
    }
  });

  it('GitHub down: 503 upstream_unavailable with Retry-After', async () => {
    const bed = await startGitHubBed();
    try {
      bed.api.setMode('down');
      const a = await exchangeOver(bed.url, { token: await jobToken(bed) });
      expect(a.status).toBe(503);
      expect(a.json.error).toBe('upstream_unavailable');
      expect(a.headers['retry-after']).toBe('30');
    } finally {
      await bed.close();
    }
  });

  it('when one of two tokens cannot be minted, the other is revoked again and the job gets nothing', async () => {
    const bed = await startGitHubBed({
      extra: {
        secrets: {
          GH_TOKEN: { github_app: { app: 'main', permissions: { contents: 'read' } } },
          GH_ADMIN: { github_app: { app: 'main', permissions: { administration: 'write' } } },
        },
        policies: [{ name: 'two', issuer: 'github', claims: { repository: 'octo-org/octo-repo' }, secrets: ['GH_TOKEN', 'GH_ADMIN'] }],
      },
    });
    try {
      const a = await exchangeOver(bed.url, { token: await jobToken(bed) });
      expect(a.status).toBe(502);
      expect(bed.api.counts()).toEqual({ issued: 1, revoked: 1 });
    } finally {
      await bed.close();
    }
  });
});

describe('installation owners and issuers', () => {
  it('a repository owner uses GET /repos/{owner}/{repo}/installation, and the client ID works as iss', async () => {
    const bed = await startGitHubBed({ app: { owner: 'octo-org/octo-repo' } });
    try {
      const clientBed = bed; // same API; a second broker with client_id below
      const a = await exchangeOver(bed.url, { token: await jobToken(bed) });
      expect(a.status).toBe(200);
      expect(bed.api.requests[0]).toMatchObject({ method: 'GET', path: '/repos/octo-org/octo-repo/installation', status: 200 });

      const viaClientId = await startTestBed({
        env: { K: clientBed.api.app.privateKeyPem },
        config: () => ({
          github_apps: { main: { client_id: clientBed.api.app.clientId, private_key_env: 'K', owner: 'octo-org', api_url: clientBed.api.url } },
          secrets: { GH_TOKEN: { github_app: { app: 'main', permissions: { contents: 'read' } } } },
          policies: [{ name: 'p', issuer: 'github', claims: { repository: 'octo-org/octo-repo' }, secrets: ['GH_TOKEN'] }],
        }),
      });
      try {
        const b = await exchangeOver(viaClientId.url, { token: await viaClientId.github.mint(viaClientId.github.claimsFor({})) });
        expect(b.status).toBe(200);
        expect(clientBed.api.requests.at(-1)!.jwt!.iss).toBe(clientBed.api.app.clientId);
      } finally {
        await viaClientId.close();
      }
    } finally {
      await bed.close();
    }
  });

  it('a user account: the organization lookup 404s, the user lookup finds it', async () => {
    const bed = await startGitHubBed({
      app: { owner: 'octocat' },
      api: { apps: [{ installations: [{ account: 'octocat', type: 'User', repositories: ['octo-repo', 'octo-infra'], permissions: { contents: 'write', issues: 'read' } }] }] },
      grant: { app: 'main', repositories: ['octo-repo'], permissions: { contents: 'read' } },
    });
    try {
      const a = await exchangeOver(bed.url, { token: await jobToken(bed) });
      expect(a.status).toBe(200);
      expect(bed.api.requests.slice(0, 2).map((r) => `${r.path} ${r.status}`)).toEqual(['/orgs/octocat/installation 404', '/users/octocat/installation 200']);
    } finally {
      await bed.close();
    }
  });
});
