// The Token Revocation API called exactly as GitLab's client calls it (Security::TokenRevocationService and
// ScanSecurityReportSecretsWorker, read from GitLab's source): GET the types with the raw pre-shared token as
// Authorization and Content-Type application/json, read `types`, then POST every secret-detection finding of
// the pipeline, `[{type, token, location, vulnerability}]`, where `token` is the raw source extract around the
// secret and `vulnerability` is the whole database record (or null); any non-2xx fails the worker and the
// whole batch is sent again (up to 17 times), Retry-After unread; GitLab waits at most 20 s for an answer.
// GitHub is slowed to 1 s per call by a proxy in front of the fake GitHub API.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { exchangeOver, leaks } from '../helpers/broker.js';
import { REVOCATION_TOKEN, jobToken, startGitHubBed, type GitHubBed } from './bed.js';
import { startFakeGitHubApi, type FakeGitHubApi } from '../../src/harness/fakes/github-api.js';

const TYPE = 'gitleaks_rule_id_github_app_token';
const GITLAB = 'https://gitlab.example.com';

/** A proxy to the fake GitHub API that holds each request `delayMs` first (GitHub having a slow day). */
async function slowProxy(target: string): Promise<{ url: string; delayMs: number; close(): Promise<void> }> {
  const t = new URL(target);
  const state = { delayMs: 0 };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      setTimeout(() => {
        const up = httpRequest({ host: t.hostname, port: t.port, method: req.method, path: req.url, headers: { ...req.headers, host: t.host } }, (r) => {
          res.writeHead(r.statusCode ?? 502, r.headers);
          r.pipe(res);
        });
        up.on('error', () => res.destroy());
        up.end(Buffer.concat(chunks));
      }, state.delayMs);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get delayMs() {
      return state.delayMs;
    },
    set delayMs(v: number) {
      state.delayMs = v;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** A Vulnerability row as ActiveRecord's to_json renders it (about 1.2 KB). */
function vulnerabilityRecord(id: number, file: string): Record<string, unknown> {
  const at = '2026-11-20T10:15:42.123Z';
  return {
    id,
    milestone_id: null,
    epic_id: null,
    project_id: 278964,
    author_id: 4156,
    updated_by_id: null,
    last_edited_by_id: null,
    start_date: null,
    due_date: null,
    last_edited_at: null,
    created_at: at,
    updated_at: at,
    title: 'GitHub App Token',
    title_html: null,
    description: 'GitHub App Token detected; please remove and revoke it if this is a leak.',
    description_html: null,
    start_date_sourcing_milestone_id: null,
    due_date_sourcing_milestone_id: null,
    state: 'detected',
    severity: 'critical',
    severity_overridden: false,
    confidence: 'unknown',
    confidence_overridden: false,
    resolved_by_id: null,
    resolved_at: null,
    report_type: 'secret_detection',
    cached_markdown_version: null,
    resolved_on_default_branch: false,
    dismissed_at: null,
    dismissed_by_id: null,
    confirmed_by_id: null,
    confirmed_at: null,
    present_on_default_branch: true,
    detected_at: at,
    finding_id: 90000000 + id,
    cvss: [],
    auto_resolved: false,
    uuid: `5b1f${id.toString(16).padStart(4, '0')}-8c2e-5d7a-9a3b-${randomBytes(6).toString('hex')}`,
    location: { file, start_line: 12, end_line: 12, commit: { sha: '0000000000000000000000000000000000000000' } },
    identifiers: [{ external_type: 'gitleaks_rule_id', external_id: 'GitHub App Token', name: 'Gitleaks rule ID GitHub App Token', url: null }],
    scanner: { id: 'gitleaks', name: 'Gitleaks', vendor: 'GitLab' },
    notes_summary: null,
    traversal_ids: [9970, 278964],
  };
}

interface GitLabCall {
  status: number;
  retryAfter?: string;
  ms: number;
}

/** One worker run as GitLab performs it: GET types, filter by exact type, POST the JSON; 20 s read timeout. */
async function gitlabWorkerRun(url: string, findings: Array<Record<string, unknown>>): Promise<GitLabCall> {
  const headers = { 'Content-Type': 'application/json', Authorization: REVOCATION_TOKEN };
  const types = await request(`${url}/v1/revocable_token_types`, { method: 'GET', headers, headersTimeout: 20_000, bodyTimeout: 20_000 });
  expect(types.statusCode).toBe(200);
  const list = ((await types.body.json()) as { types: string[] }).types;
  const revocable = findings.filter((f) => list.includes(f.type as string));
  const started = Date.now();
  const res = await request(`${url}/v1/revoke_tokens`, { method: 'POST', headers, body: JSON.stringify(revocable), headersTimeout: 20_000, bodyTimeout: 20_000 });
  await res.body.dump();
  return { status: res.statusCode, retryAfter: res.headers['retry-after'] as string | undefined, ms: Date.now() - started };
}

/** GitLab's worker with Sidekiq's retries: the whole batch again after any non-2xx, at most 17 retries. */
async function gitlabWorker(url: string, findings: Array<Record<string, unknown>>, pauseMs = 0): Promise<GitLabCall[]> {
  const calls: GitLabCall[] = [];
  for (let attempt = 0; attempt <= 17; attempt++) {
    const c = await gitlabWorkerRun(url, findings);
    calls.push(c);
    if (c.status >= 200 && c.status < 300) break;
    await new Promise((r) => setTimeout(r, pauseMs)); // Sidekiq's back-off, shortened; Retry-After is not read
  }
  return calls;
}

let api: FakeGitHubApi;
let proxy: Awaited<ReturnType<typeof slowProxy>>;
let bed: GitHubBed;
const minted: string[] = [];

async function mintTokens(n: number): Promise<string[]> {
  proxy.delayMs = 0;
  const out: string[] = [];
  for (let i = 0; i < n; i += 25) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(25, n - i) }, async () => {
        const a = await exchangeOver(bed.url, { token: await jobToken(bed), body: JSON.stringify({ secrets: ['GH_TOKEN'] }) });
        expect(a.status).toBe(200);
        return (a.json.secrets as Record<string, string>).GH_TOKEN!;
      }),
    );
    out.push(...batch);
  }
  minted.push(...out);
  return out;
}

/** `perToken` findings per minted token (it leaked into several files), plus never-issued tokens, to `total`. */
function findingsFor(tokens: string[], total: number): Array<Record<string, unknown>> {
  const findings: Array<Record<string, unknown>> = [];
  let id = 1;
  const perToken = Math.floor((total * 0.6) / tokens.length);
  for (const t of tokens) {
    for (let k = 0; k < perToken; k++) {
      const file = `deploy/env-${id}.sh`;
      findings.push({ type: TYPE, token: `export GH_TOKEN="${t}"`, location: `${GITLAB}/acme/app/-/blob/9f2c1e7/${file}#L12`, vulnerability: id % 10 === 0 ? null : vulnerabilityRecord(id, file) });
      id++;
    }
  }
  while (findings.length < total) {
    const file = `logs/build-${id}.log`;
    findings.push({ type: TYPE, token: `token=ghs_${randomBytes(27).toString('base64url').replace(/[-_]/g, 'x')}`, location: `${GITLAB}/acme/app/-/blob/9f2c1e7/${file}#L3`, vulnerability: vulnerabilityRecord(id, file) });
    id++;
  }
  return findings;
}

beforeAll(async () => {
  api = await startFakeGitHubApi();
  proxy = await slowProxy(api.url);
  bed = await startGitHubBed({
    app: { api_url: proxy.url },
    extra: { revocation: { token_env: 'REVOCATION_TOKEN', rate_limit: { requests: 1000, per_seconds: 60 }, concurrency: 32, answer_within_seconds: 15 } },
    env: { GH_APP_KEY: api.app.privateKeyPem! },
  });
}, 30_000);
afterAll(async () => {
  expect(leaks(bed.log.join(''), [...minted, REVOCATION_TOKEN])).toEqual([]);
  await bed.close();
  await proxy.close();
  await api.close();
});

describe('GitLab revocation client, as it is', () => {
  it('a 5,000-finding batch with whole vulnerability records is answered 204 within 20 s with GitHub at 1 s per call', async () => {
    const tokens = await mintTokens(200);
    const findings = findingsFor(tokens, 5000);
    const body = JSON.stringify(findings);
    expect(findings).toHaveLength(5000);
    expect(body.length / findings.length).toBeGreaterThan(1200); // like GitLab's records: over 1 MiB in all
    const deletesBefore = api.counts().revoked;
    proxy.delayMs = 1000;
    const calls = await gitlabWorker(bed.url, findings);
    expect(calls.map((c) => c.status)).toEqual([204]);
    expect(calls[0]!.ms).toBeLessThan(20_000);
    expect(api.counts().revoked - deletesBefore).toBe(200);
    for (const t of tokens) expect(api.isAlive(t)).toBe(false);

    // GitLab sends the same batch again (e.g. another pipeline with the same findings): nothing is revoked twice.
    const again = await gitlabWorker(bed.url, findings);
    expect(again.map((c) => c.status)).toEqual([204]);
    expect(api.counts().revoked - deletesBefore).toBe(200);
    const log = bed.log.join('');
    expect(log).toMatch(/"event":"revocation","outcome":"accepted","revoked":200,/);
  }, 120_000);

  it('when GitHub is slower than GitLab waits: 503 in time, and GitLab retries of the whole batch revoke each token exactly once', async () => {
    const tokens = await mintTokens(60);
    const findings = findingsFor(tokens, 600);
    const settings = bed.broker.config.revocation!;
    settings.answerWithinSeconds = 2;
    settings.concurrency = 8;
    const deletesBefore = api.counts().revoked;
    proxy.delayMs = 1000;
    const calls = await gitlabWorker(bed.url, findings, 1000);
    settings.answerWithinSeconds = 15;
    settings.concurrency = 32;
    // 60 tokens, 8 at a time, 1 s each: about 8 s of work, answered every ~2 s until done.
    expect(calls.length).toBeGreaterThan(1);
    expect(calls.length).toBeLessThanOrEqual(18);
    expect(calls.at(-1)!.status).toBe(204);
    for (const c of calls.slice(0, -1)) {
      expect(c.status).toBe(503);
      expect(c.ms).toBeLessThan(20_000);
    }
    expect(api.counts().revoked - deletesBefore).toBe(60);
    expect(api.requests.filter((r) => r.method === 'DELETE' && r.path === '/installation/token' && r.status === 204).length).toBe(api.counts().revoked);
  }, 120_000);

  it('a stateless token (ghs_<APPID>_<JWT>) in a GitLab batch is revoked exactly once, found whole in every extract', async () => {
    const [token] = await mintTokens(1);
    // The fake GitHub issues github.com's form: about 520 characters with two dots, - and _ inside.
    expect(token).toMatch(/^ghs_\d+_[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(token!.length).toBeGreaterThan(450);
    // Secret detection reports the source extract around the secret: the same token in four kinds of line.
    const extracts = [`export GH_TOKEN="${token}"`, `token=${token} status=ok`, `leaked: ${token}.`, JSON.stringify({ token })];
    const findings = extracts.map((extract, i) => ({ type: TYPE, token: extract, location: `${GITLAB}/acme/app/-/blob/9f2c1e7/ci/${i}.sh#L1`, vulnerability: vulnerabilityRecord(9000 + i, `ci/${i}.sh`) }));
    const okBefore = api.requests.filter((r) => r.method === 'DELETE' && r.path === '/installation/token' && r.status === 204).length;
    const revokedBefore = api.counts().revoked;
    const logFrom = bed.log.length;
    expect(api.isAlive(token!)).toBe(true);
    const calls = await gitlabWorker(bed.url, findings);
    expect(calls.map((c) => c.status)).toEqual([204]);
    expect(api.isAlive(token!)).toBe(false);
    expect(api.counts().revoked - revokedBefore).toBe(1);
    expect(api.requests.filter((r) => r.method === 'DELETE' && r.path === '/installation/token' && r.status === 204).length - okBefore).toBe(1);
    // GitLab sends the batch again: nothing more reaches GitHub's revocation endpoint.
    const deletesBefore = api.requests.filter((r) => r.method === 'DELETE').length;
    expect((await gitlabWorker(bed.url, findings)).map((c) => c.status)).toEqual([204]);
    expect(api.requests.filter((r) => r.method === 'DELETE').length).toBe(deletesBefore);
    // Every extract yielded the whole token: no cut-off piece was looked up as a token never issued.
    const log = bed.log.slice(logFrom).join('');
    expect(log).not.toContain('revocation_unknown_token');
    expect(log).toMatch(/"event":"revocation","outcome":"accepted","revoked":1,"already_revoked":0,"never_issued":0,/);
  });

  it('raw Authorization only, as GitLab sends it; a wrong token is a 401 that GitLab retries (it retries every non-2xx)', async () => {
    const headers = { 'Content-Type': 'application/json', Authorization: 'not-the-revocation-token-000' };
    const r = await request(`${bed.url}/v1/revoke_tokens`, { method: 'POST', headers, body: '[]' });
    expect(r.statusCode).toBe(401);
    await r.body.dump();
  });
});

describe('a batch over revocation.body_limit_bytes', () => {
  it('is a 413 that names the setting in the log (GitLab would retry it 17 times and revoke nothing)', async () => {
    const small = await startGitHubBed({ extra: { revocation: { token_env: 'REVOCATION_TOKEN', body_limit_bytes: 65536 } } });
    try {
      const findings = findingsFor([`ghs_${'A'.repeat(36)}`], 100);
      const calls = await gitlabWorkerRun(small.url, findings);
      expect(calls.status).toBe(413);
      expect(small.log.join('')).toMatch(/"event":"revocation","outcome":"refused","code":"body_too_large".*raise it/);
    } finally {
      await small.close();
    }
  });
});
