// The broker's OpenAPI 3.1 document (issue 19, item 3): the committed docs/openapi.json is what the route
// schemas generate (fresh), a valid OpenAPI document (@apidevtools/swagger-parser), and what a broker serves at
// /-/openapi.json; and the broker answers as it says. The conformance part sends one real request over
// loopback per documented (method, path, status, media type) to real brokers, and checks each answer's status,
// content type and body against the document's schema (JSON Schema 2020-12, with ajv); a body the broker
// accepted must be one the document's request schema accepts too. It fails when the
// document lists an answer no case produced (a route added without a case) and when an answer is not in the
// document. The expected statuses and error codes are the test's own literals, from docs/broker-api.md.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import SwaggerParser from '@apidevtools/swagger-parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { buildConfig } from '../../src/broker/config/load.js';
import { openApiDocument } from '../../src/broker/http/openapi-document.js';
import { startBed, startIssuers, type Bed, type Issuers } from '../../src/harness/bed.js';
import { jobToken, REVOCATION_TOKEN as GITHUB_BED_REVOCATION_TOKEN, startGitHubBed } from '../github-app/bed.js';
import { repoRoot } from '../helpers/docs.js';

const committedText = readFileSync(join(repoRoot, 'docs/openapi.json'), 'utf8');
const doc = JSON.parse(committedText) as OpenApi;

interface MediaType {
  schema: Record<string, unknown>;
}
interface Response {
  description: string;
  headers?: Record<string, unknown>;
  content?: Record<string, MediaType>;
}
interface OpenApi {
  openapi: string;
  paths: Record<string, Record<string, { responses: Record<string, Response> }>>;
}

describe('the committed document', () => {
  it('is what the route schemas generate (run `npm run openapi` after changing a route)', async () => {
    const fresh = await openApiDocument();
    expect(fresh === committedText ? 'fresh' : 'docs/openapi.json is stale: run `npm run openapi` and commit it').toBe('fresh');
  });

  it('is a valid OpenAPI 3.1 document', async () => {
    // The parser dereferences in place: it gets its own copy.
    const api = (await SwaggerParser.validate(structuredClone(doc) as never)) as unknown as OpenApi;
    expect(api.openapi).toBe('3.1.0');
    expect(Object.keys(api.paths).sort()).toEqual([
      '/-/openapi.json',
      '/-/reload',
      '/-/status',
      '/-/status.json',
      '/-/status/playground',
      '/healthz',
      '/metrics',
      '/readyz',
      '/v1/exchange',
      '/v1/revocable_token_types',
      '/v1/revoke_tokens',
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Conformance: real brokers, real requests.

const ADMIN_TOKEN = 'admin-token-openapi-0123456789abcdef';
const REVOCATION_TOKEN = 'revocation-token-openapi-fedcba9876543210';
const WRONG_TOKEN = 'not-the-pre-shared-token-0123456789';
const LISTEN = { request_timeout_seconds: 1, body_limit_bytes: 4096 };

let issuers: Issuers;
let dir: string;
/** Admin and revocation APIs, a rate-limited issuer, a file secret whose file is gone, keys fetched. */
let main: Bed;
/** Loaded without checking its sources: the revocation token and a secret's variable are not set. */
let degraded: Bed;
/** No admin or revocation section, keys never fetched. */
let bare: Bed;
/** A GitHub App installed where the policy says (its answers carry `revoke`), and one that is not. */
let github: Bed;
let githubRefused: Bed;
/** What the next reload of `main` loads. */
let reloadRaw: Record<string, unknown>;

function mainRaw(fileSecret: string): Record<string, unknown> {
  return {
    audience: 'https://broker.test.oidc-exchange.dev',
    listen: LISTEN,
    issuers: [
      { id: 'github', issuer: issuers.github.url, kind: 'github' },
      { id: 'gitlab', issuer: issuers.gitlab.url, kind: 'gitlab', jwks_uri: issuers.gitlab.jwksUri, rate_limit: { requests: 1, per_seconds: 600 } },
    ],
    secrets: { DB_PASSWORD: { value: 'openapi-db-password-value' }, FROM_FILE: { file: fileSecret } },
    policies: [
      { name: 'deploy', issuer: 'github', claims: { repository: issuers.github.claimsFor().repository }, secrets: ['DB_PASSWORD'] },
      { name: 'files', issuer: 'github', claims: { repository: 'octo-org/files' }, secrets: ['FROM_FILE'] },
      { name: 'gitlab', issuer: 'gitlab', claims: { project_path: issuers.gitlab.claimsFor().project_path }, secrets: ['DB_PASSWORD'] },
    ],
    admin: { token_env: 'ADMIN_TOKEN' },
    revocation: { token_env: 'REVOCATION_TOKEN', rate_limit: { requests: 1000, per_seconds: 60 }, body_limit_bytes: 65536 },
  };
}

beforeAll(async () => {
  issuers = await startIssuers();
  dir = await mkdtemp(join(tmpdir(), 'oidcx-openapi-'));
  const fileSecret = join(dir, 'from-file');
  await writeFile(fileSecret, 'file-secret-value');
  const env = { ADMIN_TOKEN, REVOCATION_TOKEN };
  reloadRaw = mainRaw(fileSecret);
  const loadConfig = () => buildConfig(reloadRaw, '/test/openapi.yaml', { env, checkSources: false });
  const started = await Promise.allSettled([
    startBed({ issuers, env, config: mainRaw(fileSecret), prepare: true, broker: { loadConfig } }),
    startBed({
      issuers,
      load: { checkSources: false },
      config: {
        listen: LISTEN,
        secrets: { UNSET: { env: 'NOT_SET_ANYWHERE' } },
        policies: [{ name: 'deploy', issuer: 'github', claims: { repository: issuers.github.claimsFor().repository }, secrets: ['UNSET'] }],
        revocation: { token_env: 'NOT_SET_EITHER' },
      },
    }),
    startBed({
      issuers,
      config: {
        listen: LISTEN,
        secrets: { S: { value: 'bare-value' } },
        policies: [{ name: 'p', issuer: 'github', claims: { repository: 'o/r' }, secrets: ['S'] }],
      },
    }),
    startGitHubBed(),
    startGitHubBed({ app: { owner: 'someone-else' } }),
  ]);
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) {
    await Promise.all(started.map((s) => (s.status === 'fulfilled' ? s.value.close() : undefined)));
    throw failed.reason;
  }
  [main, degraded, bare, github, githubRefused] = started.map((s) => (s as PromiseFulfilledResult<Bed>).value) as [Bed, Bed, Bed, Bed, Bed];
  // Loaded while it existed; gone when the exchange reads it.
  await rm(fileSecret);
}, 30_000);

afterAll(async () => {
  await Promise.all([main, degraded, bare, github, githubRefused].map((b) => b?.close()));
  await issuers?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** An answer as it came over the wire. */
interface Wire {
  status: number;
  headers: Record<string, string | undefined>;
  body: string;
}

async function send(base: string, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Wire> {
  const res = await request(`${base}${path}`, { method: method as 'GET', headers, body });
  const text = await res.body.text();
  const flat: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(res.headers)) flat[k] = Array.isArray(v) ? v.join(', ') : v;
  return { status: res.statusCode, headers: flat, body: text };
}

/**
 * Raw bytes over a socket, read until the broker closes it: for what no well-behaved client sends (a request
 * that stalls, headers over the limit), answered by the broker straight on the socket.
 */
function raw(base: string, bytes: string): Promise<Wire> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) });
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', ...rest] = text.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers: Record<string, string> = {};
      for (const l of lines) {
        const i = l.indexOf(':');
        headers[l.slice(0, i).trim().toLowerCase()] = l.slice(i + 1).trim();
      }
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') });
    });
    socket.write(bytes);
  });
}

/**
 * Headers that never finish, cut off after listen.request_timeout_seconds: each case's own request, all sent at
 * once on first use so the suite waits for the timeout once rather than once per path.
 */
const stalledRequests = new Map<string, Promise<Wire>>();
function stalled(method: string, path: string): Promise<Wire> {
  if (stalledRequests.size === 0) {
    for (const c of CASES.filter((k) => k.status === 408)) {
      const [m, p] = c.op.split(' ') as [string, string];
      stalledRequests.set(c.op, raw(main.url, `${m} ${p} HTTP/1.1\r\nHost: broker\r\n`));
    }
  }
  return stalledRequests.get(`${method} ${path}`)!;
}
const oversized = (method: string, path: string) => `${method} ${path} HTTP/1.1\r\nHost: broker\r\nX-Padding: ${'A'.repeat(40 * 1024)}\r\nContent-Length: 0\r\n\r\n`;
const bigBody = (n: number) => JSON.stringify([{ type: 'gitleaks_rule_id_github_app_token', token: 'x'.repeat(n) }]);

interface Case {
  name: string;
  /** `METHOD /path` as in the document. */
  op: string;
  /** The test's own expectation: the status and, for a failure, the error code (docs/broker-api.md). */
  status: number;
  error?: string;
  send: () => Promise<Wire>;
  /** The JSON body the case sends to an operation that accepts it: the document's request schema must accept it too. */
  request?: unknown;
  /** More the case is there to show, beyond the document's schema. */
  check?: (answer: Wire) => void;
}

const oidc = async (token?: Promise<string>, extra: Record<string, string> = {}) => ({
  accept: 'application/json',
  ...(token ? { authorization: `Bearer ${await token}` } : {}),
  ...extra,
});
const admin = (token: string) => ({ authorization: `Bearer ${token}` });
/** A GitHub job on the repository the `deploy` policy names (the fake issuer's default). */
const PLAYGROUND_CLAIMS = { repository: 'octo-org/octo-repo', ref: 'refs/heads/main', event_name: 'push' };

const CASES: Case[] = [
  // POST /v1/exchange
  { name: 'granted, JSON', op: 'POST /v1/exchange', status: 200, send: async () => send(main.url, 'POST', '/v1/exchange', await oidc(issuers.github.mint())) },
  {
    name: 'granted, the names asked for',
    op: 'POST /v1/exchange',
    status: 200,
    request: { secrets: ['DB_PASSWORD'] },
    send: async () => send(main.url, 'POST', '/v1/exchange', await oidc(issuers.github.mint(), { 'content-type': 'application/json' }), JSON.stringify({ secrets: ['DB_PASSWORD'] })),
  },
  {
    name: 'granted, text/plain lines',
    op: 'POST /v1/exchange',
    status: 200,
    send: async () => send(main.url, 'POST', '/v1/exchange', await oidc(issuers.github.mint(), { accept: 'text/plain' })),
  },
  {
    name: 'granted with a minted GitHub token to revoke',
    op: 'POST /v1/exchange',
    status: 200,
    send: async () => send(github.url, 'POST', '/v1/exchange', await oidc(jobToken(github))),
    check: (a) => expect((JSON.parse(a.body) as { revoke?: Array<{ name: string; method: string }> }).revoke?.map((r) => `${r.method} ${r.name}`)).toEqual(['DELETE GH_TOKEN']),
  },
  {
    name: 'a body that is not JSON',
    op: 'POST /v1/exchange',
    status: 400,
    error: 'body_malformed',
    send: async () => send(main.url, 'POST', '/v1/exchange', await oidc(issuers.github.mint(), { 'content-type': 'application/json' }), 'not json'),
  },
  { name: 'no token', op: 'POST /v1/exchange', status: 401, error: 'token_missing', send: async () => send(main.url, 'POST', '/v1/exchange', await oidc()) },
  {
    name: 'no policy for this repository',
    op: 'POST /v1/exchange',
    status: 403,
    error: 'no_policy_matched',
    send: async () => send(main.url, 'POST', '/v1/exchange', await oidc(issuers.github.mint({ ...issuers.github.claimsFor(), repository: 'elsewhere/repo' }))),
  },
  { name: 'headers that stall', op: 'POST /v1/exchange', status: 408, error: 'request_timeout', send: () => stalled('POST', '/v1/exchange') },
  {
    name: 'a body over listen.body_limit_bytes',
    op: 'POST /v1/exchange',
    status: 413,
    error: 'body_too_large',
    send: async () => send(main.url, 'POST', '/v1/exchange', await oidc(issuers.github.mint(), { 'content-type': 'application/json' }), JSON.stringify({ secrets: ['A'.repeat(5000)] })),
  },
  {
    name: "the issuer's rate limit for one subject",
    op: 'POST /v1/exchange',
    status: 429,
    error: 'rate_limited',
    send: async () => {
      const first = await send(main.url, 'POST', '/v1/exchange', await oidc(issuers.gitlab.mint()));
      expect(first.status).toBe(200);
      return send(main.url, 'POST', '/v1/exchange', await oidc(issuers.gitlab.mint()));
    },
  },
  { name: 'headers over the limit', op: 'POST /v1/exchange', status: 431, error: 'headers_too_large', send: () => raw(main.url, oversized('POST', '/v1/exchange')) },
  {
    name: 'the GitHub App is not installed on its owner',
    op: 'POST /v1/exchange',
    status: 502,
    error: 'github_app_not_installed',
    send: async () => send(githubRefused.url, 'POST', '/v1/exchange', await oidc(jobToken(githubRefused))),
  },
  {
    name: "a file secret's file is gone",
    op: 'POST /v1/exchange',
    status: 503,
    error: 'secret_unavailable',
    send: async () => send(main.url, 'POST', '/v1/exchange', await oidc(issuers.github.mint({ ...issuers.github.claimsFor(), repository: 'octo-org/files' }))),
  },

  // GET /v1/revocable_token_types
  { name: 'the types', op: 'GET /v1/revocable_token_types', status: 200, send: () => send(main.url, 'GET', '/v1/revocable_token_types', { authorization: REVOCATION_TOKEN }) },
  { name: 'a wrong token', op: 'GET /v1/revocable_token_types', status: 401, error: 'unauthorized', send: () => send(main.url, 'GET', '/v1/revocable_token_types', { authorization: WRONG_TOKEN }) },
  { name: 'no revocation section', op: 'GET /v1/revocable_token_types', status: 404, error: 'not_found', send: () => send(bare.url, 'GET', '/v1/revocable_token_types', { authorization: REVOCATION_TOKEN }) },
  { name: 'stalled', op: 'GET /v1/revocable_token_types', status: 408, error: 'request_timeout', send: () => stalled('GET', '/v1/revocable_token_types') },
  { name: 'headers over the limit', op: 'GET /v1/revocable_token_types', status: 431, error: 'headers_too_large', send: () => raw(main.url, oversized('GET', '/v1/revocable_token_types')) },
  {
    name: 'the pre-shared token could not be read',
    op: 'GET /v1/revocable_token_types',
    status: 503,
    error: 'secret_unavailable',
    send: () => send(degraded.url, 'GET', '/v1/revocable_token_types', { authorization: REVOCATION_TOKEN }),
  },

  // POST /v1/revoke_tokens
  {
    // A broker with a GitHub App: it mints (and so revokes) GitHub App installation tokens.
    name: 'a batch of tokens never issued here',
    op: 'POST /v1/revoke_tokens',
    status: 204,
    request: JSON.parse(bigBody(40)),
    send: () => send(github.url, 'POST', '/v1/revoke_tokens', { authorization: GITHUB_BED_REVOCATION_TOKEN, 'content-type': 'application/json' }, bigBody(40)),
  },
  {
    name: 'a body that is not a list',
    op: 'POST /v1/revoke_tokens',
    status: 400,
    error: 'body_malformed',
    send: () => send(main.url, 'POST', '/v1/revoke_tokens', { authorization: REVOCATION_TOKEN, 'content-type': 'application/json' }, '{}'),
  },
  {
    name: 'a type the broker does not mint',
    op: 'POST /v1/revoke_tokens',
    status: 400,
    error: 'unsupported_token_type',
    send: () => send(main.url, 'POST', '/v1/revoke_tokens', { authorization: REVOCATION_TOKEN, 'content-type': 'application/json' }, JSON.stringify([{ type: 'gitleaks_rule_id_aws_access_token', token: 'AKIA0000' }])),
  },
  { name: 'no token', op: 'POST /v1/revoke_tokens', status: 401, error: 'unauthorized', send: () => send(main.url, 'POST', '/v1/revoke_tokens', { 'content-type': 'application/json' }, '[]') },
  { name: 'no revocation section', op: 'POST /v1/revoke_tokens', status: 404, error: 'not_found', send: () => send(bare.url, 'POST', '/v1/revoke_tokens', { authorization: REVOCATION_TOKEN }, '[]') },
  { name: 'stalled', op: 'POST /v1/revoke_tokens', status: 408, error: 'request_timeout', send: () => stalled('POST', '/v1/revoke_tokens') },
  {
    name: 'a batch over revocation.body_limit_bytes',
    op: 'POST /v1/revoke_tokens',
    status: 413,
    error: 'body_too_large',
    send: () => send(main.url, 'POST', '/v1/revoke_tokens', { authorization: REVOCATION_TOKEN, 'content-type': 'application/json' }, bigBody(70_000)),
  },
  { name: 'headers over the limit', op: 'POST /v1/revoke_tokens', status: 431, error: 'headers_too_large', send: () => raw(main.url, oversized('POST', '/v1/revoke_tokens')) },
  {
    name: 'the pre-shared token could not be read',
    op: 'POST /v1/revoke_tokens',
    status: 503,
    error: 'secret_unavailable',
    send: () => send(degraded.url, 'POST', '/v1/revoke_tokens', { authorization: REVOCATION_TOKEN, 'content-type': 'application/json' }, '[]'),
  },

  // POST /-/reload
  { name: 'reloaded', op: 'POST /-/reload', status: 200, send: () => send(main.url, 'POST', '/-/reload', admin(ADMIN_TOKEN)) },
  {
    name: 'a configuration that does not load',
    op: 'POST /-/reload',
    status: 400,
    error: 'config_invalid',
    send: async () => {
      const good = reloadRaw;
      reloadRaw = { ...good, policies: 'not a list' };
      try {
        return await send(main.url, 'POST', '/-/reload', admin(ADMIN_TOKEN));
      } finally {
        reloadRaw = good;
      }
    },
  },
  { name: 'a wrong token', op: 'POST /-/reload', status: 401, error: 'unauthorized', send: () => send(main.url, 'POST', '/-/reload', admin(WRONG_TOKEN)) },
  { name: 'no admin section', op: 'POST /-/reload', status: 404, error: 'not_found', send: () => send(bare.url, 'POST', '/-/reload', admin(ADMIN_TOKEN)) },
  { name: 'stalled', op: 'POST /-/reload', status: 408, error: 'request_timeout', send: () => stalled('POST', '/-/reload') },
  {
    name: 'a body over listen.body_limit_bytes',
    op: 'POST /-/reload',
    status: 413,
    error: 'body_too_large',
    send: () => send(main.url, 'POST', '/-/reload', { ...admin(ADMIN_TOKEN), 'content-type': 'text/plain' }, 'x'.repeat(5000)),
  },
  { name: 'headers over the limit', op: 'POST /-/reload', status: 431, error: 'headers_too_large', send: () => raw(main.url, oversized('POST', '/-/reload')) },

  // GET /healthz, /readyz, /metrics, /-/openapi.json
  { name: 'alive', op: 'GET /healthz', status: 200, send: () => send(main.url, 'GET', '/healthz') },
  { name: 'stalled', op: 'GET /healthz', status: 408, error: 'request_timeout', send: () => stalled('GET', '/healthz') },
  { name: 'headers over the limit', op: 'GET /healthz', status: 431, error: 'headers_too_large', send: () => raw(main.url, oversized('GET', '/healthz')) },
  { name: 'ready', op: 'GET /readyz', status: 200, send: () => send(main.url, 'GET', '/readyz') },
  { name: 'no issuer keys fetched yet', op: 'GET /readyz', status: 503, send: () => send(bare.url, 'GET', '/readyz') },
  { name: 'stalled', op: 'GET /readyz', status: 408, error: 'request_timeout', send: () => stalled('GET', '/readyz') },
  { name: 'headers over the limit', op: 'GET /readyz', status: 431, error: 'headers_too_large', send: () => raw(main.url, oversized('GET', '/readyz')) },
  { name: 'the metrics', op: 'GET /metrics', status: 200, send: () => send(main.url, 'GET', '/metrics') },
  { name: 'stalled', op: 'GET /metrics', status: 408, error: 'request_timeout', send: () => stalled('GET', '/metrics') },
  { name: 'headers over the limit', op: 'GET /metrics', status: 431, error: 'headers_too_large', send: () => raw(main.url, oversized('GET', '/metrics')) },
  { name: 'the document', op: 'GET /-/openapi.json', status: 200, send: () => send(bare.url, 'GET', '/-/openapi.json') },
  { name: 'stalled', op: 'GET /-/openapi.json', status: 408, error: 'request_timeout', send: () => stalled('GET', '/-/openapi.json') },
  { name: 'headers over the limit', op: 'GET /-/openapi.json', status: 431, error: 'headers_too_large', send: () => raw(main.url, oversized('GET', '/-/openapi.json')) },

  // GET /-/status, /-/status.json, POST /-/status/playground (behind the admin token)
  { name: 'the page', op: 'GET /-/status', status: 200, send: () => send(main.url, 'GET', '/-/status', { ...admin(ADMIN_TOKEN), accept: 'text/html' }) },
  {
    name: 'a browser without the token: the sign-in state',
    op: 'GET /-/status',
    status: 401,
    send: () => send(main.url, 'GET', '/-/status', { accept: 'text/html' }),
    check: (a) => expect(a.headers['content-type']).toMatch(/^text\/html/),
  },
  {
    name: 'a wrong token, HTML not accepted',
    op: 'GET /-/status',
    status: 401,
    error: 'unauthorized',
    send: () => send(main.url, 'GET', '/-/status', { ...admin(WRONG_TOKEN), accept: 'application/json' }),
  },
  { name: 'no admin section', op: 'GET /-/status', status: 404, error: 'not_found', send: () => send(bare.url, 'GET', '/-/status', admin(ADMIN_TOKEN)) },
  { name: 'stalled', op: 'GET /-/status', status: 408, error: 'request_timeout', send: () => stalled('GET', '/-/status') },
  { name: 'headers over the limit', op: 'GET /-/status', status: 431, error: 'headers_too_large', send: () => raw(main.url, oversized('GET', '/-/status')) },
  { name: 'the model', op: 'GET /-/status.json', status: 200, send: () => send(main.url, 'GET', '/-/status.json', admin(ADMIN_TOKEN)) },
  { name: 'no token', op: 'GET /-/status.json', status: 401, error: 'unauthorized', send: () => send(main.url, 'GET', '/-/status.json') },
  { name: 'no admin section', op: 'GET /-/status.json', status: 404, error: 'not_found', send: () => send(bare.url, 'GET', '/-/status.json', admin(ADMIN_TOKEN)) },
  { name: 'stalled', op: 'GET /-/status.json', status: 408, error: 'request_timeout', send: () => stalled('GET', '/-/status.json') },
  { name: 'headers over the limit', op: 'GET /-/status.json', status: 431, error: 'headers_too_large', send: () => raw(main.url, oversized('GET', '/-/status.json')) },
  {
    name: 'claims that match a policy',
    op: 'POST /-/status/playground',
    status: 200,
    request: PLAYGROUND_CLAIMS,
    send: () => send(main.url, 'POST', '/-/status/playground', { ...admin(ADMIN_TOKEN), 'content-type': 'application/json' }, JSON.stringify(PLAYGROUND_CLAIMS)),
    check: (a) => expect((JSON.parse(a.body) as { matched: string | null }).matched).toBe('deploy'),
  },
  {
    name: 'a body that is not JSON',
    op: 'POST /-/status/playground',
    status: 400,
    error: 'body_malformed',
    send: () => send(main.url, 'POST', '/-/status/playground', { ...admin(ADMIN_TOKEN), 'content-type': 'application/json' }, 'not json'),
  },
  { name: 'a wrong token', op: 'POST /-/status/playground', status: 401, error: 'unauthorized', send: () => send(main.url, 'POST', '/-/status/playground', admin(WRONG_TOKEN), '{}') },
  { name: 'no admin section', op: 'POST /-/status/playground', status: 404, error: 'not_found', send: () => send(bare.url, 'POST', '/-/status/playground', admin(ADMIN_TOKEN), '{}') },
  { name: 'stalled', op: 'POST /-/status/playground', status: 408, error: 'request_timeout', send: () => stalled('POST', '/-/status/playground') },
  {
    name: "a body over the playground's limit",
    op: 'POST /-/status/playground',
    status: 413,
    error: 'body_too_large',
    send: () => send(main.url, 'POST', '/-/status/playground', { ...admin(ADMIN_TOKEN), 'content-type': 'application/json' }, JSON.stringify({ sub: 'x'.repeat(70_000) })),
  },
  { name: 'headers over the limit', op: 'POST /-/status/playground', status: 431, error: 'headers_too_large', send: () => raw(main.url, oversized('POST', '/-/status/playground')) },

  // Last: a source that keeps sending wrong pre-shared tokens is locked out of both APIs (429).
  {
    name: 'a source locked for guessing',
    op: 'GET /v1/revocable_token_types',
    status: 429,
    error: 'rate_limited',
    send: async () => {
      for (let i = 0; i < 20; i++) {
        const r = await send(main.url, 'GET', '/v1/revocable_token_types', { authorization: WRONG_TOKEN });
        if (r.status === 429) return r;
      }
      throw new Error('twenty wrong tokens did not lock the source');
    },
  },
  {
    name: 'a source locked for guessing',
    op: 'POST /v1/revoke_tokens',
    status: 429,
    error: 'rate_limited',
    send: () => send(main.url, 'POST', '/v1/revoke_tokens', { authorization: REVOCATION_TOKEN, 'content-type': 'application/json' }, '[]'),
  },
  { name: 'a source locked for guessing', op: 'POST /-/reload', status: 429, error: 'rate_limited', send: () => send(main.url, 'POST', '/-/reload', admin(ADMIN_TOKEN)) },
  { name: 'a source locked for guessing', op: 'GET /-/status', status: 429, error: 'rate_limited', send: () => send(main.url, 'GET', '/-/status', { ...admin(ADMIN_TOKEN), accept: 'text/html' }) },
  { name: 'a source locked for guessing', op: 'GET /-/status.json', status: 429, error: 'rate_limited', send: () => send(main.url, 'GET', '/-/status.json', admin(ADMIN_TOKEN)) },
  {
    name: 'a source locked for guessing',
    op: 'POST /-/status/playground',
    status: 429,
    error: 'rate_limited',
    send: () => send(main.url, 'POST', '/-/status/playground', { ...admin(ADMIN_TOKEN), 'content-type': 'application/json' }, '{}'),
  },
];

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);

/** What the document says about `op`'s answer with `status`, or undefined. */
function documented(op: string, status: number): Response | undefined {
  const [method, path] = op.split(' ') as [string, string];
  return doc.paths[path]?.[method.toLowerCase()]?.responses[String(status)];
}

/** (op, status, media type) of every answer the cases got that conformed to the document. */
const answered = new Set<string>();

describe('every answer conforms to the document', () => {
  it.each(CASES.map((c) => [`${c.op} ${c.status}: ${c.name}`, c] as const))('%s', async (_title, c) => {
    const answer = await c.send();
    // The test's own expectation first, then the document's.
    expect({ status: answer.status, ...(c.error ? { error: (JSON.parse(answer.body) as { error?: string }).error } : {}) }).toEqual({
      status: c.status,
      ...(c.error ? { error: c.error } : {}),
    });
    const response = documented(c.op, answer.status);
    expect(response ? 'documented' : `${c.op} answered ${answer.status}, which docs/openapi.json does not list`).toBe('documented');
    if (c.request !== undefined) {
      const [method, path] = c.op.split(' ') as [string, string];
      const body = (doc.paths[path]![method.toLowerCase()] as unknown as { requestBody: { content: Record<string, MediaType> } }).requestBody.content['application/json']!;
      const validateRequest = ajv.compile(body.schema);
      expect(validateRequest(c.request) ? [] : validateRequest.errors).toEqual([]);
    }
    if (!response!.content) {
      expect(answer.body).toBe('');
      answered.add(`${c.op} ${answer.status} -`);
      return;
    }
    const type = (answer.headers['content-type'] ?? '').split(';')[0]!.trim();
    expect(Object.keys(response!.content)).toContain(type);
    const value = type === 'application/json' ? (JSON.parse(answer.body) as unknown) : answer.body;
    const validate = ajv.compile(response!.content[type]!.schema);
    expect(validate(value) ? [] : validate.errors).toEqual([]);
    if (answer.status === 429) expect(answer.headers['retry-after']).toMatch(/^\d+$/);
    c.check?.(answer);
    answered.add(`${c.op} ${answer.status} ${type}`);
  }, 15_000);

  it('every documented answer was produced by a case (a route or status added without one fails here)', () => {
    const listed: string[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        for (const [status, response] of Object.entries(op.responses)) {
          for (const type of response.content ? Object.keys(response.content) : ['-']) listed.push(`${method.toUpperCase()} ${path} ${status} ${type}`);
        }
      }
    }
    expect(listed.filter((l) => !answered.has(l))).toEqual([]);
    expect([...answered].filter((a) => !listed.includes(a))).toEqual([]);
  });
});

describe('the served document', () => {
  it('is the committed one, served without authentication', async () => {
    const r = await send(bare.url, 'GET', '/-/openapi.json');
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual(doc);
  });

  it('another method on its path is a 405, as on every path the broker serves', async () => {
    const r = await send(bare.url, 'POST', '/-/openapi.json');
    expect({ status: r.status, error: (JSON.parse(r.body) as { error: string }).error }).toEqual({ status: 405, error: 'method_not_allowed' });
  });
});
