// GitLab's Token Revocation API (seed 002) over loopback, called the way GitLab calls it: the pre-shared token
// as the raw Authorization value, JSON arrays of findings, whole batches retried on any non-2xx answer.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { exchangeOver, leaks } from '../helpers/broker.js';
import { REVOCATION_TOKEN, call, jobToken, reach, revokeTokens, startGitHubBed, type GitHubBed } from './bed.js';

const TYPE = 'gitleaks_rule_id_github_app_token';
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** A GitHub token minted through the broker for the bed's job (remembered in `tokens` for the leak scan). */
async function mintGitHubToken(bed: GitHubBed, tokens: string[]): Promise<string> {
  const a = await exchangeOver(bed.url, { token: await jobToken(bed), body: JSON.stringify({ secrets: ['GH_TOKEN'] }) });
  expect(a.status).toBe(200);
  const t = (a.json.secrets as Record<string, string>).GH_TOKEN!;
  tokens.push(t);
  return t;
}

describe('Token Revocation API', () => {
  let bed: GitHubBed;
  const tokens: string[] = [];

  beforeAll(async () => {
    bed = await startGitHubBed({ extra: { revocation: { token_env: 'REVOCATION_TOKEN', rate_limit: { requests: 1000, per_seconds: 60 } } } });
  });
  afterAll(async () => {
    const log = bed.log.join('');
    expect(leaks(log, [...tokens, REVOCATION_TOKEN])).toEqual([]);
    await bed.close();
  });

  const mint = () => mintGitHubToken(bed, tokens);
  const deletes = () => bed.api.requests.filter((r) => r.method === 'DELETE' && r.path === '/installation/token').length;

  describe('GET /v1/revocable_token_types', () => {
    it('lists the GitLab secret detection types for GitHub App installation tokens', async () => {
      const r = await call(`${bed.url}/v1/revocable_token_types`, { headers: { authorization: REVOCATION_TOKEN } });
      expect(r.status).toBe(200);
      expect(r.headers['content-type']).toMatch(/^application\/json/);
      expect(r.json).toEqual({ types: ['gitleaks_rule_id_github_app_token', 'gitleaks_rule_id_githubappinstallationtoken'] });
    });

    it('401 without or with a wrong pre-shared token; "Bearer <token>" is accepted too', async () => {
      expect((await call(`${bed.url}/v1/revocable_token_types`)).status).toBe(401);
      expect((await call(`${bed.url}/v1/revocable_token_types`, { headers: { authorization: `${REVOCATION_TOKEN}x` } })).status).toBe(401);
      const bearer = await call(`${bed.url}/v1/revocable_token_types`, { headers: { authorization: `Bearer ${REVOCATION_TOKEN}` } });
      expect(bearer.status).toBe(200);
    });
  });

  describe('POST /v1/revoke_tokens', () => {
    it('401 without or with a wrong pre-shared token, and nothing is revoked', async () => {
      const t = await mint();
      const batch = [{ type: TYPE, token: t }];
      for (const auth of [null, 'wrong-token', `Bearer wrong-token`, '', REVOCATION_TOKEN.slice(0, -1)]) {
        const r = await revokeTokens(bed, batch, auth);
        expect(r.status).toBe(401);
        expect((r.json as { error: string }).error).toBe('unauthorized');
      }
      expect(bed.api.isAlive(t)).toBe(true);
    });

    it.each([
      ['an object instead of an array', JSON.stringify({ type: TYPE, token: 'ghs_x' })],
      ['a string', JSON.stringify('ghs_x')],
      ['not JSON', '[{"type": '],
      ['an empty body', ''],
      ['an item without a token', JSON.stringify([{ type: TYPE }])],
      ['an item that is not an object', JSON.stringify(['ghs_x'])],
    ])('400 for %s', async (_what, body) => {
      const r = await revokeTokens(bed, body);
      expect(r.status).toBe(400);
      expect((r.json as { error: string }).error).toBe('body_malformed');
    });

    it('400 for an unsupported type, even next to a supported one, and nothing is revoked', async () => {
      const t = await mint();
      const r = await revokeTokens(bed, [
        { type: TYPE, token: t },
        { type: 'gitleaks_rule_id_gitlab_personal_access_token', token: 'glpat--8GMtG8Mf4EnMJzmAWDU' },
      ]);
      expect(r.status).toBe(400);
      expect(r.json).toMatchObject({ error: 'unsupported_token_type' });
      expect((r.json as { message: string }).message).toMatch(/gitleaks_rule_id_gitlab_personal_access_token.*revocable_token_types/);
      expect(bed.api.isAlive(t)).toBe(true);
    });

    it('204 for a leaked token the broker issued, and the token is dead at GitHub', async () => {
      const t = await mint();
      expect((await reach(bed.api, t)).status).toBe(200);
      const r = await revokeTokens(bed, [{ type: TYPE, token: t, location: 'https://gitlab.example.com/acme/app/-/blob/abc/ci.sh' }]);
      expect(r.status).toBe(204);
      expect(r.text).toBe('');
      expect(bed.api.isAlive(t)).toBe(false);
      expect((await reach(bed.api, t)).status).toBe(401);
      const line = bed.log.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.event === 'token_revoked' && l.token_sha256 === sha256(t));
      expect(line).toMatchObject({ kind: 'github_installation_token', policy: 'deploy', repository: 'octo-org/octo-repo', result: 'revoked' });
      expect((await bed.broker.store.getIssuance(sha256(t)))!.revokedAt).toBeDefined();
    });

    it('204 and nothing revoked for a token the broker never issued; audited by hash only', async () => {
      const live = await mint();
      const foreign = 'ghs_' + 'Q'.repeat(36);
      const before = deletes();
      const r = await revokeTokens(bed, [{ type: TYPE, token: foreign }]);
      expect(r.status).toBe(204);
      expect(deletes()).toBe(before);
      expect(bed.api.isAlive(live)).toBe(true);
      const audit = bed.log.find((l) => l.includes('"revocation_unknown_token"') && l.includes(sha256(foreign)));
      expect(audit).toBeDefined();
      expect(bed.log.join('')).not.toContain(foreign);
    });

    it('the same batch sent 17 times: 17 answers of 204 and one revocation at GitHub', async () => {
      const a = await mint();
      const b = await mint();
      const batch = [
        { type: TYPE, token: a },
        { type: 'gitleaks_rule_id_githubappinstallationtoken', token: b },
      ];
      const before = deletes();
      const statuses: number[] = [];
      for (let i = 0; i < 17; i++) statuses.push((await revokeTokens(bed, batch)).status);
      expect(statuses).toEqual(Array(17).fill(204));
      expect(deletes() - before).toBe(2); // one per token, once
      expect(bed.api.isAlive(a) || bed.api.isAlive(b)).toBe(false);
    });

    it('tolerates unknown extra fields, surrounding text in token, and type spelling', async () => {
      const t = await mint();
      const r = await revokeTokens(bed, [
        {
          type: 'Gitleaks_Rule_ID_GitHub_App_Token',
          token: `export GH_TOKEN="${t}" # left in a script`,
          location: 'https://gitlab.example.com/acme/app/-/blob/abc/deploy.sh',
          raw_source_code_extract: 'whatever GitLab adds',
          severity: 'critical',
        },
      ]);
      expect(r.status).toBe(204);
      expect(bed.api.isAlive(t)).toBe(false);
    });

    it('a large batch (a whole scan, far beyond the exchange body limit) is accepted', async () => {
      const t = await mint();
      const batch = Array.from({ length: 400 }, (_, i) => ({
        type: TYPE,
        token: `ghs_never${String(i).padStart(4, '0')}issuedByThisBroker0123456789`,
        location: `https://gitlab.example.com/acme/app/-/blob/${'a'.repeat(40)}/src/file${i}.ts#L${i}`,
      }));
      batch.push({ type: TYPE, token: t, location: 'https://gitlab.example.com/acme/app/-/blob/main/leak.ts' });
      const body = JSON.stringify(batch);
      expect(body.length).toBeGreaterThan(16384);
      const r = await revokeTokens(bed, body);
      expect(r.status).toBe(204);
      expect(bed.api.isAlive(t)).toBe(false);
    });

    it('an empty batch is accepted', async () => {
      expect((await revokeTokens(bed, [])).status).toBe(204);
    });

    it('GitHub down: 503 so GitLab retries the batch, and the retry revokes', async () => {
      const t = await mint();
      bed.api.setMode('down');
      try {
        const r = await revokeTokens(bed, [{ type: TYPE, token: t }]);
        expect(r.status).toBe(503);
        expect(r.headers['retry-after']).toBe('30');
      } finally {
        bed.api.setMode('up');
      }
      expect(bed.api.isAlive(t)).toBe(true);
      expect((await revokeTokens(bed, [{ type: TYPE, token: t }])).status).toBe(204);
      expect(bed.api.isAlive(t)).toBe(false);
    });

    it('405 for another method on the endpoints', async () => {
      const r = await call(`${bed.url}/v1/revoke_tokens`, { headers: { authorization: REVOCATION_TOKEN } });
      expect(r.status).toBe(405);
      expect(r.headers.allow).toBe('POST');
    });
  });
});

describe('Token Revocation API limits and configuration', () => {
  it('429 with Retry-After beyond the configured rate', async () => {
    const bed = await startGitHubBed({ extra: { revocation: { token_env: 'REVOCATION_TOKEN', rate_limit: { requests: 3, per_seconds: 60 } } } });
    try {
      const statuses: number[] = [];
      let retryAfter: unknown;
      for (let i = 0; i < 5; i++) {
        const r = await revokeTokens(bed, []);
        statuses.push(r.status);
        if (r.status === 429) retryAfter = r.headers['retry-after'];
      }
      expect(statuses).toEqual([204, 204, 204, 429, 429]);
      expect(Number(retryAfter)).toBeGreaterThan(0);
      expect(Number(retryAfter)).toBeLessThanOrEqual(60);
      // Guessing the pre-shared token is limited on its own counter.
      const guesses: number[] = [];
      for (let i = 0; i < 5; i++) guesses.push((await revokeTokens(bed, [], 'guess')).status);
      expect(guesses).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await bed.close();
    }
  });

  it('rotation: while the variable holds the old and the new token (one per line), both are accepted', async () => {
    const next = 'next-pre-shared-token-fedcba9876543210';
    const bed = await startGitHubBed({ env: { REVOCATION_TOKEN: `${REVOCATION_TOKEN}\n${next}\n` } });
    try {
      expect((await revokeTokens(bed, [])).status).toBe(204);
      expect((await revokeTokens(bed, [], next)).status).toBe(204);
      expect((await revokeTokens(bed, [], `${REVOCATION_TOKEN} ${next}`)).status).toBe(401);
      expect((await revokeTokens(bed, [], 'next-pre-shared-token')).status).toBe(401);
      expect(leaks(bed.log.join(''), [REVOCATION_TOKEN, next])).toEqual([]);
    } finally {
      await bed.close();
    }
  });

  it('404 with a clear message when the broker has no revocation section', async () => {
    const bed = await startGitHubBed({ extra: { revocation: undefined } });
    try {
      const r = await revokeTokens(bed, []);
      expect(r.status).toBe(404);
      expect((r.json as { message: string }).message).toMatch(/not enabled.*"revocation:"/);
    } finally {
      await bed.close();
    }
  });

  it('a broker without GitHub Apps lists no types and refuses every type as unsupported', async () => {
    const bed = await startGitHubBed({
      extra: { github_apps: undefined, secrets: { DB_PASSWORD: { env: 'DB_PASSWORD' } }, policies: [{ name: 'p', issuer: 'github', claims: { repository: 'o/r' }, secrets: ['DB_PASSWORD'] }] },
    });
    try {
      const types = await call(`${bed.url}/v1/revocable_token_types`, { headers: { authorization: REVOCATION_TOKEN } });
      expect(types.json).toEqual({ types: [] });
      expect((await revokeTokens(bed, [{ type: TYPE, token: 'ghs_x' }])).status).toBe(400);
    } finally {
      await bed.close();
    }
  });
});

describe('Token Revocation API and GitHub replication lag', () => {
  // GitHub's API servers learn of a token seconds after it is minted; until then they answer 401 to it.
  let bed: GitHubBed;
  const tokens: string[] = [];
  beforeAll(async () => {
    bed = await startGitHubBed({ api: { replicationLagMs: 1500 }, extra: { revocation: { token_env: 'REVOCATION_TOKEN', rate_limit: { requests: 1000, per_seconds: 60 } } } });
  });
  afterAll(async () => {
    expect(leaks(bed.log.join(''), [...tokens, REVOCATION_TOKEN])).toEqual([]);
    await bed.close();
  });
  const mint = () => mintGitHubToken(bed, tokens);
  const revokedLine = (t: string) => bed.log.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.event === 'token_revoked' && l.token_sha256 === sha256(t));
  const deletesWith = (since: number) => bed.api.requests.slice(since).filter((r) => r.method === 'DELETE' && r.path === '/installation/token');

  it('a token leaked the moment it was minted is asked for again until GitHub knows it, then revoked', async () => {
    const t = await mint();
    const before = bed.api.requests.length;
    const r = await revokeTokens(bed, [{ type: TYPE, token: t }]);
    expect(r.status).toBe(204);
    // The first answer was GitHub's 401 for a token it does not know yet, not a sign that the token is dead.
    const calls = deletesWith(before);
    expect(calls[0]!.status).toBe(401);
    expect(calls.at(-1)!.status).toBe(204);
    expect(calls.length).toBeGreaterThanOrEqual(2);
    expect(bed.api.isAlive(t)).toBe(false);
    expect(revokedLine(t)).toMatchObject({ result: 'revoked' });
  });

  it('a token minted long ago that GitHub refuses is reported as already dead at once, without asking again', async () => {
    const t = await mint();
    // The record says it was minted a minute ago, and the token was revoked at GitHub meanwhile.
    const record = (await bed.broker.store.getIssuance(sha256(t)))!;
    await bed.broker.store.putIssuance({ ...record, issuedAt: new Date(Date.now() - 60_000).toISOString() });
    await new Promise((done) => setTimeout(done, 1600));
    const own = await call(`${bed.api.url}/installation/token`, { method: 'DELETE', headers: { authorization: `Bearer ${t}` } });
    expect(own.status).toBe(204);
    const before = bed.api.requests.length;
    const r = await revokeTokens(bed, [{ type: TYPE, token: t }]);
    expect(r.status).toBe(204);
    expect(deletesWith(before).map((c) => c.status)).toEqual([401]);
    expect(revokedLine(t)).toMatchObject({ result: 'already_dead' });
  });
});
