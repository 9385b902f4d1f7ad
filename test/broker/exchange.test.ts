// POST /v1/exchange over loopback against a real broker and real fake issuers: every way a token or a
// request can be wrong gets its documented status and code, and the broker keeps serving.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHmac } from 'node:crypto';
import { request } from 'undici';
import { startFakeIssuer } from '../../src/harness/fakes/issuer.js';
import { AUDIENCE, exchangeOver, leaks, startTestBed, type TestBed } from '../helpers/broker.js';

const SECRETS = {
  DB_PASSWORD: 'db-pässwörd with spaces, "quotes" and $dollar',
  DEPLOY_KEY: '-----BEGIN KEY-----\nline one\nline two\n-----END KEY-----\n',
  REGISTRY_TOKEN: 'glpat-secret-value-0123456789',
  OTHER: 'other-team-secret-value',
};

let bed: TestBed;
const tokens: string[] = [];

function b64url(s: string): string {
  return Buffer.from(s).toString('base64url');
}

async function githubToken(job: Record<string, unknown> = {}, opts: Parameters<TestBed['github']['mint']>[1] = {}): Promise<string> {
  const t = await bed.github.mint({ ...bed.github.claimsFor({ environment: 'production', ...job }) }, opts);
  tokens.push(t);
  return t;
}

beforeAll(async () => {
  bed = await startTestBed({
    env: { DB_PASSWORD_ENV: SECRETS.DB_PASSWORD, REGISTRY_TOKEN_ENV: SECRETS.REGISTRY_TOKEN },
    config: () => ({
      listen: { body_limit_bytes: 4096, max_token_bytes: 16384, header_limit_bytes: 32768 },
      secrets: {
        DB_PASSWORD: { env: 'DB_PASSWORD_ENV' },
        DEPLOY_KEY: { value: SECRETS.DEPLOY_KEY },
        REGISTRY_TOKEN: { env: 'REGISTRY_TOKEN_ENV' },
        OTHER: { value: SECRETS.OTHER },
      },
      policies: [
        {
          name: 'prod-deploy',
          issuer: 'github',
          claims: { repository: 'octo-org/octo-repo', ref: 'refs/heads/main', environment: 'production' },
          secrets: ['DB_PASSWORD', 'DEPLOY_KEY'],
        },
        {
          name: 'other-team',
          issuer: 'github',
          claims: { repository: 'octo-org/other-secret-repo-pattern-*' },
          secrets: ['OTHER'],
        },
        {
          name: 'gitlab-main',
          issuer: 'gitlab',
          claims: { project_path: 'acme/platform/*', ref_protected: 'true' },
          secrets: ['REGISTRY_TOKEN'],
        },
      ],
    }),
  });
});

afterAll(async () => {
  // Everything the broker logged in this file: no secret value and no token.
  const log = bed.log.join('');
  expect(leaks(log, Object.values(SECRETS))).toEqual([]);
  expect(leaks(log, tokens)).toEqual([]);
  expect(log).not.toMatch(/eyJ[A-Za-z0-9_-]{8,}\.eyJ/);
  await bed.close();
});

describe('granted', () => {
  it('a valid GitHub token gets exactly what its policy grants', async () => {
    const r = await exchangeOver(bed.url, { token: await githubToken() });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/^application\/json/);
    expect(r.headers['cache-control']).toBe('no-store');
    expect(r.json).toEqual({
      secrets: { DB_PASSWORD: SECRETS.DB_PASSWORD, DEPLOY_KEY: SECRETS.DEPLOY_KEY },
      policy: 'prod-deploy',
      expires_at: null,
    });
  });

  it('a valid GitLab token gets exactly what its policy grants', async () => {
    const t = await bed.gitlab.mint(bed.gitlab.claimsFor({ ref: 'main', ref_protected: true }));
    tokens.push(t);
    const r = await exchangeOver(bed.url, { token: t });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ secrets: { REGISTRY_TOKEN: SECRETS.REGISTRY_TOKEN }, policy: 'gitlab-main', expires_at: null });
  });

  it('answers text/plain with one NAME BASE64 line per secret, byte-exact', async () => {
    const r = await exchangeOver(bed.url, { token: await githubToken(), accept: 'text/plain' });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/plain/);
    const lines = r.text.split('\n');
    expect(lines.pop()).toBe('');
    const decoded = Object.fromEntries(lines.map((l) => {
      const [name, value, ...rest] = l.split(' ');
      expect(rest).toEqual([]);
      return [name, Buffer.from(value!, 'base64').toString('utf8')];
    }));
    expect(decoded).toEqual({ DB_PASSWORD: SECRETS.DB_PASSWORD, DEPLOY_KEY: SECRETS.DEPLOY_KEY });
  });

  it('a request may narrow the grant', async () => {
    const r = await exchangeOver(bed.url, { token: await githubToken(), body: JSON.stringify({ secrets: ['DEPLOY_KEY'] }) });
    expect(r.status).toBe(200);
    expect(r.json.secrets).toEqual({ DEPLOY_KEY: SECRETS.DEPLOY_KEY });
  });

  it('accepts the token whatever the case of "Bearer"', async () => {
    const r = await exchangeOver(bed.url, { authorization: `bearer ${await githubToken()}` });
    expect(r.status).toBe(200);
  });
});

describe('refused tokens', () => {
  const cases: Array<[string, () => Promise<string | { authorization?: string }>, number, string]> = [
    ['alg: none', async () => {
      const t = await githubToken();
      const [, payload] = t.split('.');
      return `${b64url(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${payload}.`;
    }, 401, 'algorithm_not_allowed'],
    ['HS256 signed with the issuer public key', async () => {
      const t = await githubToken();
      const [, payload] = t.split('.');
      const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT', kid: bed.github.activeKey().kid }));
      const jwk = JSON.stringify(bed.github.activeKey().publicJwk);
      const sig = createHmac('sha256', jwk).update(`${header}.${payload}`).digest('base64url');
      return `${header}.${payload}.${sig}`;
    }, 401, 'algorithm_not_allowed'],
    ['unknown kid (a key the issuer never published)', async () => githubToken({}, { key: await bed.github.strayKey() }), 401, 'unknown_key'],
    ['known kid, signed by another key', async () => {
      const stray = await bed.github.strayKey();
      return githubToken({}, { key: stray, header: { kid: bed.github.activeKey().kid } });
    }, 401, 'signature_invalid'],
    ['tampered payload', async () => {
      const t = await githubToken();
      const [h, p, s] = t.split('.');
      const claims = JSON.parse(Buffer.from(p!, 'base64url').toString());
      claims.ref = 'refs/heads/main-but-tampered';
      return `${h}.${b64url(JSON.stringify(claims))}.${s}`;
    }, 401, 'signature_invalid'],
    ['tampered signature', async () => {
      const t = await githubToken();
      const [h, p, s] = t.split('.');
      const sig = Buffer.from(s!, 'base64url');
      sig[10] ^= 0xff;
      return `${h}.${p}.${sig.toString('base64url')}`;
    }, 401, 'signature_invalid'],
    ['expired', () => githubToken({}, { shiftSeconds: -1000, ttlSeconds: 300 }), 401, 'token_expired'],
    ['nbf in the future beyond leeway', () => githubToken({}, { shiftSeconds: 600 }), 401, 'token_not_yet_valid'],
    ['iat in the future beyond leeway', async () =>
      bed.github.mint({ ...bed.github.claimsFor({ environment: 'production' }), iat: Math.floor(Date.now() / 1000) + 600 }, { omit: ['nbf'] }),
      401, 'token_not_yet_valid'],
    ['issued longer ago than the maximum token age', () => githubToken({}, { shiftSeconds: -4000, ttlSeconds: 8000 }), 401, 'token_too_old'],
    ['iss of another trusted issuer (signed with the wrong keys)', async () =>
      bed.github.mint({ ...bed.github.claimsFor({ environment: 'production' }), iss: bed.gitlab.url }), 401, 'unknown_key'],
    ['iss that only looks like a trusted one', async () =>
      bed.github.mint({ ...bed.github.claimsFor({ environment: 'production' }), iss: `${bed.github.url}.evil.example` }), 401, 'issuer_not_trusted'],
    ['wrong audience', () => githubToken({}, { audience: 'https://some-other-service.example' }), 401, 'audience_mismatch'],
    ['missing sub', () => githubToken({}, { omit: ['sub'] }), 401, 'claim_missing'],
    ['missing exp', () => githubToken({}, { omit: ['exp'] }), 401, 'claim_missing'],
    ['missing iss', () => githubToken({}, { omit: ['iss'] }), 401, 'claim_missing'],
    ['broken base64', async () => 'eyJhbGciOiJSUzI1NiJ9.@@@not-base64@@@.c2ln', 401, 'token_malformed'],
    ['base64url of something that is not JSON', async () => `${b64url('{"alg":"RS256"')}.${b64url('not json')}.c2ln`, 401, 'token_malformed'],
    ['two parts only', async () => 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0', 401, 'token_malformed'],
    ['a 20 KB token (over the token limit, under the header limit)', async () => `eyJhbGciOiJSUzI1NiJ9.${'A'.repeat(20 * 1024)}.c2ln`, 401, 'token_too_large'],
    ['a 100 KB token (over the header limit)', async () => `eyJhbGciOiJSUzI1NiJ9.${'A'.repeat(100 * 1024)}.c2ln`, 431, 'headers_too_large'],
    ['no Authorization header', async () => ({}), 401, 'token_missing'],
    ['empty bearer', async () => ({ authorization: 'Bearer ' }), 401, 'token_missing'],
    ['not a bearer scheme', async () => ({ authorization: 'Basic dXNlcjpwYXNz' }), 401, 'token_missing'],
  ];

  it.each(cases.map(([name, make, status, code]) => [name, status, code, make] as const))('%s -> %d %s', async (_name, status, code, make) => {
    const t = await make();
    const r = typeof t === 'string' ? await exchangeOver(bed.url, { token: t }) : await exchangeOver(bed.url, t);
    expect({ status: r.status, code: r.json.error }).toEqual({ status, code });
    expect(Object.keys(r.json).sort()).toEqual(['error', 'message']);
    expect(typeof r.json.message).toBe('string');
    // The broker keeps serving after every refusal.
    const ok = await exchangeOver(bed.url, { token: await githubToken() });
    expect(ok.status).toBe(200);
  });

  it('an issuer that is not on the allow list is refused without any request to it', async () => {
    const stranger = await startFakeIssuer({ kind: 'github', audience: AUDIENCE });
    try {
      const t = await stranger.mint(stranger.claimsFor({ environment: 'production' }));
      const r = await exchangeOver(bed.url, { token: t });
      expect({ status: r.status, code: r.json.error }).toEqual({ status: 401, code: 'issuer_not_trusted' });
      expect(stranger.requests).toEqual([]);
    } finally {
      await stranger.close();
    }
  });
});

describe('refused requests', () => {
  it.each([
    ['a non-JSON body', 'secrets=DB_PASSWORD', 400, 'body_malformed'],
    ['a JSON array body', '["DB_PASSWORD"]', 400, 'body_malformed'],
    ['an unknown field', '{"secrets":["DB_PASSWORD"],"scope":"all"}', 400, 'body_malformed'],
    ['secrets not a list of names', '{"secrets":"DB_PASSWORD"}', 400, 'body_malformed'],
    ['an empty list', '{"secrets":[]}', 400, 'body_malformed'],
    ['an unknown secret', '{"secrets":["DB_PASSWORD","NO_SUCH_SECRET"]}', 400, 'unknown_secret'],
    ['a secret the policy does not grant', '{"secrets":["OTHER"]}', 403, 'secret_not_granted'],
    ['a body over the size limit', JSON.stringify({ secrets: Array.from({ length: 600 }, (_, i) => `S${i}`) }), 413, 'body_too_large'],
  ])('%s -> %d %s', async (_name, body, status, code) => {
    const r = await exchangeOver(bed.url, { token: await githubToken(), body });
    expect({ status: r.status, code: r.json.error }).toEqual({ status, code });
    expect(leaks(r.text, [SECRETS.OTHER])).toEqual([]);
  });

  it('no matching policy: 403, naming the failed claims of the caller own token, never another policy patterns', async () => {
    const r = await exchangeOver(bed.url, { token: await githubToken({ ref: 'refs/heads/feature/x' }) });
    expect({ status: r.status, code: r.json.error }).toEqual({ status: 403, code: 'no_policy_matched' });
    expect(r.json.message).toContain('ref="refs/heads/feature/x"');
    expect(r.json.message).not.toContain('refs/heads/main');
    expect(r.json.message).not.toContain('other-secret-repo-pattern');
  });

  it('the secret_not_granted message names only the matched policy grant', async () => {
    const r = await exchangeOver(bed.url, { token: await githubToken(), body: '{"secrets":["REGISTRY_TOKEN"]}' });
    expect(r.status).toBe(403);
    expect(r.json.message).toContain('DB_PASSWORD, DEPLOY_KEY');
    expect(r.json.message).not.toContain('gitlab-main');
  });

  it('unknown endpoints and methods get JSON errors', async () => {
    const nf = await request(`${bed.url}/v2/exchange`, { method: 'POST' });
    expect(nf.statusCode).toBe(404);
    expect(((await nf.body.json()) as { error: string }).error).toBe('not_found');
    const na = await request(`${bed.url}/v1/exchange`, { method: 'GET' });
    expect(na.statusCode).toBe(405);
    expect(((await na.body.json()) as { error: string }).error).toBe('method_not_allowed');
  });
});

describe('operations', () => {
  it('healthz, readyz and metrics answer', async () => {
    const h = await request(`${bed.url}/healthz`);
    expect(h.statusCode).toBe(200);
    await h.body.dump();
    const r = await request(`${bed.url}/readyz`);
    expect(r.statusCode).toBe(200);
    const ready = (await r.body.json()) as { status: string; issuers: Array<{ id: string; usable: boolean }> };
    expect(ready.status).toBe('ready');
    expect(ready.issuers.map((i) => [i.id, i.usable])).toEqual([['github', true], ['gitlab', true]]);
    const m = await request(`${bed.url}/metrics`);
    const text = await m.body.text();
    expect(text).toMatch(/oidc_exchange_exchanges_total\{outcome="granted",code="none",issuer="github"\} \d+/);
    expect(text).toMatch(/oidc_exchange_exchanges_total\{outcome="denied",code="no_policy_matched",issuer="github"\} \d+/);
    expect(text).toMatch(/oidc_exchange_exchange_duration_seconds_bucket\{le="0.01",outcome="granted"\} \d+/);
    expect(text).toMatch(/oidc_exchange_key_fetches_total\{issuer="github",outcome="ok"\} \d+/);
  });

  it('writes one JSON audit line per exchange with names, outcome and code', async () => {
    const before = bed.log.length;
    const t = await githubToken();
    const jti = JSON.parse(Buffer.from(t.split('.')[1]!, 'base64url').toString()).jti as string;
    await exchangeOver(bed.url, { token: t, body: '{"secrets":["DB_PASSWORD"]}' });
    await exchangeOver(bed.url, { token: await githubToken({ ref: 'refs/heads/dev' }) });
    const lines = bed.log.slice(before).map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.event === 'exchange');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      issuer: 'github',
      sub: 'repo:octo-org/octo-repo:environment:production',
      repository: 'octo-org/octo-repo',
      jti,
      policy: 'prod-deploy',
      secrets: ['DB_PASSWORD'],
      outcome: 'granted',
      code: null,
      status: 200,
    });
    expect(lines[1]).toMatchObject({ issuer: 'github', outcome: 'denied', code: 'no_policy_matched', status: 403 });
    expect(lines[1]!.policy).toBeUndefined();
  });

  it('a 401 line names the repository or project and issuer the refused token claims, marked unverified, never the token', async () => {
    const before = bed.log.length;
    const stranger = await startFakeIssuer({ kind: 'github', audience: AUDIENCE });
    try {
      const wrongAudience = await githubToken({}, { audience: 'https://someone-else.example' });
      const forged = await bed.gitlab.mint(bed.gitlab.claimsFor({ environment: 'production' }), { key: await bed.gitlab.strayKey() });
      const untrusted = await stranger.mint(stranger.claimsFor({ repository: 'evil-org/app' }));
      tokens.push(forged, untrusted);
      for (const token of [wrongAudience, forged, untrusted]) expect((await exchangeOver(bed.url, { token })).status).toBe(401);
      const lines = bed.log.slice(before).map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.event === 'exchange');
      expect(lines).toHaveLength(3);
      expect(lines[0]).toMatchObject({ code: 'audience_mismatch', status: 401, unverified_issuer: bed.github.url, unverified_repository: 'octo-org/octo-repo' });
      expect(lines[1]).toMatchObject({ code: 'unknown_key', status: 401, unverified_issuer: bed.gitlab.url, unverified_project_path: 'acme/platform/api' });
      expect(lines[2]).toMatchObject({ code: 'issuer_not_trusted', status: 401, unverified_issuer: stranger.url, unverified_repository: 'evil-org/app' });
      // What was not verified is never written where a verified value goes.
      for (const line of lines) {
        expect(line.issuer).toBeUndefined();
        expect(line.repository).toBeUndefined();
        expect(line.project_path).toBeUndefined();
      }
      expect(leaks(bed.log.slice(before).join(''), [wrongAudience, forged, untrusted])).toEqual([]);
    } finally {
      await stranger.close();
    }
  });

  it('a granted exchange carries no unverified fields', async () => {
    const before = bed.log.length;
    expect((await exchangeOver(bed.url, { token: await githubToken() })).status).toBe(200);
    const line = bed.log.slice(before).map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.event === 'exchange')!;
    expect(Object.keys(line).filter((k) => k.startsWith('unverified_'))).toEqual([]);
  });
});
