// Harness, part four: a fake GitHub REST API on loopback for GitHub App authentication, shaped after GitHub's
// documented behaviour (seed 004 and the REST reference):
//  - app endpoints take an RS256 JWT signed by the app's private key, with `iss` the app ID or client ID, and
//    refuse it with GitHub's own messages when `exp` is past or more than 10 minutes ahead, or `iat` is in the
//    future;
//  - installations for organizations, users and repositories;
//  - `POST /app/installations/{id}/access_tokens` issues `ghs_` tokens scoped to the requested repositories and
//    permissions, 422 when asking for more than the installation has; stateless (`ghs_<APPID>_<JWT>`, ~520
//    characters) unless the fake plays a classic GitHub or the request sends `X-GitHub-Stateless-S2S-Token`;
//  - installation tokens revoke themselves (`DELETE /installation/token`) and show what they reach
//    (`GET /installation/repositories`, 401 once dead or expired);
//  - optionally, GitHub's replication lag: a token used in its first moments is not found yet (401), as
//    GitHub's SDK authors describe in octokit/auth-app.js#65 and #589;
//  - with `limits`, GitHub's primary and secondary rate limits, headers and refusals (github-rate-limits.ts);
//    without, no rate-limit headers at all (as GitHub Enterprise Server with rate limits disabled).
// Every request is recorded (method, path, status, which kind of credential, the JWT's claims, the requested
// scope) so a test shows what went over the wire. Tokens and keys are never recorded.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPrivateKey, createPublicKey, generateKeyPair, randomBytes, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import { compactVerify, decodeJwt, decodeProtectedHeader } from 'jose';
import { readBody, sendJson as send } from './fake-http.js';
import { mintInstallationToken, requestedForm } from './installation-token.js';
import { FakeRateLimiter, type FakeRateLimits, type RateIdentity, type RateLimitStats } from './github-rate-limits.js';
import { STATELESS_TOKEN_OVERRIDE_HEADER, type InstallationTokenForm } from '../../platform/tokens.js';

export type PermissionLevel = 'read' | 'write' | 'admin';
export type Permissions = Record<string, PermissionLevel>;

export interface FakeInstallationSpec {
  id?: number;
  /** The account the app is installed on. */
  account: string;
  type?: 'Organization' | 'User';
  repositories: string[];
  /** What the app may do on this installation (what the owner accepted). */
  permissions: Permissions;
}

export interface FakeAppSpec {
  appId?: number;
  clientId?: string;
  slug?: string;
  /** The app's registered public key (PEM or KeyObject); absent: a key pair is generated. */
  publicKey?: string | KeyObject;
  installations?: FakeInstallationSpec[];
}

export interface FakeApp {
  appId: number;
  clientId: string;
  slug: string;
  /** The private key as GitHub hands it out (PKCS#1 PEM); undefined when the test brought its own public key. */
  privateKeyPem?: string;
  publicKey: KeyObject;
  installations: Array<Required<FakeInstallationSpec>>;
}

export interface RecordedRequest {
  method: string;
  path: string;
  status: number;
  /** Which credential came with the request (never the credential itself). */
  auth: 'app_jwt' | 'installation_token' | 'none' | 'invalid';
  /** For app JWTs: the claims GitHub checked. */
  jwt?: { iss: unknown; iat: unknown; exp: unknown; alg: unknown };
  /** For token requests: the scope asked for. */
  requested?: { repositories?: string[]; permissions?: Permissions };
  message?: string;
  /** Refused for a rate limit. */
  rateLimited?: 'primary' | 'secondary';
}

export interface IssuedToken {
  installationId: number;
  appId: number;
  repositories: string[];
  repositorySelection: 'all' | 'selected';
  permissions: Permissions;
  issuedAt: Date;
  expiresAt: Date;
  revokedAt?: Date;
}

export interface FakeGitHubApi {
  /** The API base URL (what a broker's `api_url` is set to). */
  url: string;
  apps: FakeApp[];
  /** The first app, for the common single-app case. */
  app: FakeApp;
  requests: RecordedRequest[];
  /** Whether GitHub would still accept this installation token. */
  isAlive(token: string): boolean;
  /** What a token was issued for (undefined: never issued here). */
  token(token: string): IssuedToken | undefined;
  /** How many installation tokens were issued / revoked with `DELETE /installation/token`. */
  counts(): { issued: number; revoked: number };
  /** up: serves; down: answers 503 to everything (GitHub having an outage). */
  setMode(mode: 'up' | 'down'): void;
  /** The fake's clock (epoch ms; runs `timeScale` times faster than real time). */
  clock(): number;
  /** What the rate limits did (undefined without `limits`). */
  rateLimits(): RateLimitStats | undefined;
  /** When an App's hour of quota ends, if it is spent (epoch ms on the fake's clock; undefined: not spent). */
  spentUntil(appId: number): number | undefined;
  /**
   * The app uninstalled and installed again on `account`: the installation gets a new id (GitHub's are never
   * reused), so a client holding the old id is answered 404. Returns the new id.
   */
  reinstall(account: string, appIndex?: number): number;
  close(): Promise<void>;
}

export interface FakeGitHubApiOptions {
  apps?: FakeAppSpec[];
  host?: string;
  port?: number;
  /** Installation token lifetime (GitHub: one hour). */
  tokenTtlSeconds?: number;
  /** The form of installation tokens issued when the request does not force one (default: stateless, as github.com). */
  tokenForm?: InstallationTokenForm;
  /**
   * For this long after minting, GitHub's API servers do not know a token yet and answer 401 to it (the token
   * is replicated to them asynchronously); default 0.
   */
  replicationLagMs?: number;
  now?: () => number;
  /** Enforce GitHub's rate limits (absent: none, and no rate-limit headers). */
  limits?: FakeRateLimits;
  /** How much faster than real time the fake's clock runs (default 1): 720 runs an hour in 5 s. */
  timeScale?: number;
  /** Real milliseconds each counted request is held before its answer (makes concurrency visible). */
  latencyMs?: number;
}

/** The rate-limit headers a request's answer carries, and what frees its concurrency slot once it is sent. */
interface RateLimitAnswer {
  headers: Record<string, string>;
  done?: () => void;
}

const DOCS = 'https://docs.github.com/rest';
const LEVELS: Record<string, number> = { read: 1, write: 2, admin: 3 };
/** GitHub's limit on how far ahead an app JWT's `exp` may be. */
const MAX_JWT_LIFETIME_SECONDS = 600;

export const DEFAULT_INSTALLATION: FakeInstallationSpec = {
  id: 4242,
  account: 'octo-org',
  type: 'Organization',
  repositories: ['octo-repo', 'octo-infra', 'octo-docs'],
  permissions: { metadata: 'read', contents: 'write', issues: 'write', pull_requests: 'write' },
};

/** An RSA key pair with the private half in GitHub's download format (PKCS#1 PEM). */
export async function newAppKey(): Promise<{ privateKeyPem: string; publicKey: KeyObject }> {
  const { privateKey, publicKey } = await promisify(generateKeyPair)('rsa', { modulusLength: 2048 });
  return { privateKeyPem: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(), publicKey };
}

export async function startFakeGitHubApi(opts: FakeGitHubApiOptions = {}): Promise<FakeGitHubApi> {
  const started = Date.now();
  const scale = opts.timeScale ?? 1;
  const now = opts.now ?? (scale === 1 ? Date.now : () => started + Math.floor((Date.now() - started) * scale));
  const limiter = opts.limits ? new FakeRateLimiter(opts.limits, now) : undefined;
  const ttl = opts.tokenTtlSeconds ?? 3600;
  const specs = opts.apps ?? [{}];
  let nextInstallation = 5000;
  let nextRepoId = 700000;
  const repoIds = new Map<string, number>();
  const repoId = (full: string) => {
    const k = full.toLowerCase();
    if (!repoIds.has(k)) repoIds.set(k, nextRepoId++);
    return repoIds.get(k)!;
  };

  const apps: FakeApp[] = [];
  for (const [i, spec] of specs.entries()) {
    let privateKeyPem: string | undefined;
    let publicKey: KeyObject;
    if (spec.publicKey) {
      publicKey = typeof spec.publicKey === 'string' ? toPublicKey(spec.publicKey) : spec.publicKey;
    } else {
      ({ privateKeyPem, publicKey } = await newAppKey());
    }
    const appId = spec.appId ?? 100001 + i;
    apps.push({
      appId,
      clientId: spec.clientId ?? `Iv23li${randomBytes(7).toString('hex')}`,
      slug: spec.slug ?? `oidc-exchange-test-${appId}`,
      privateKeyPem,
      publicKey,
      installations: (spec.installations ?? [DEFAULT_INSTALLATION]).map((inst) => ({
        id: inst.id ?? nextInstallation++,
        account: inst.account,
        type: inst.type ?? 'Organization',
        repositories: [...inst.repositories],
        permissions: { ...inst.permissions },
      })),
    });
  }

  const tokens = new Map<string, IssuedToken>();
  let revokedCount = 0;
  const requests: RecordedRequest[] = [];
  let mode: 'up' | 'down' = 'up';
  let url = '';

  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const rec: RecordedRequest = { method: req.method ?? 'GET', path, status: 0, auth: 'none' };
    requests.push(rec);
    const limit: RateLimitAnswer = { headers: {} };
    const reply = (status: number, body?: unknown) => {
      rec.status = status;
      if (status >= 400 && body && typeof body === 'object' && 'message' in body) rec.message = String((body as { message: unknown }).message);
      send(res, status, body, limit.headers);
      limit.done?.();
    };
    if (mode === 'down') return reply(503, { message: 'Service Unavailable', documentation_url: DOCS });
    void readBody(req)
      .then((text) => route(req, text, rec, reply, limit))
      .catch((e: unknown) => reply(500, { message: (e as Error).message }));
  });

  /**
   * Counts the request against `who`: false when GitHub would refuse it for a rate limit (already answered).
   * A counted request is held `latencyMs` so that requests overlap as they do against the real API.
   */
  async function rateLimited(who: RateIdentity, method: string, rec: RecordedRequest, reply: (s: number, b?: unknown) => void, limit: RateLimitAnswer): Promise<boolean> {
    if (limiter) {
      const d = limiter.admit(who, method);
      limit.headers = d.headers;
      limit.done = d.done;
      if (d.refuse) {
        rec.rateLimited = d.refuse.kind;
        reply(d.refuse.status, d.refuse.body);
        return true;
      }
    }
    // Without limits every request is answered as slowly as one with them: the bench's unlimited baseline.
    if (opts.latencyMs) await new Promise((r) => setTimeout(r, opts.latencyMs));
    return false;
  }

  async function route(req: IncomingMessage, text: string, rec: RecordedRequest, reply: (s: number, b?: unknown) => void, limit: RateLimitAnswer): Promise<void> {
    const method = req.method ?? 'GET';
    const path = rec.path;
    const notFound = () => reply(404, { message: 'Not Found', documentation_url: DOCS, status: '404' });

    // Installation-token endpoints.
    if ((method === 'DELETE' && path === '/installation/token') || (method === 'GET' && path === '/installation/repositories')) {
      const t = credential(req.headers.authorization);
      const issued = t === undefined ? undefined : tokens.get(t);
      rec.auth = issued ? 'installation_token' : t === undefined ? 'none' : 'invalid';
      const notReplicatedYet = issued !== undefined && now() - issued.issuedAt.getTime() < (opts.replicationLagMs ?? 0);
      if (!issued || !alive(issued) || notReplicatedYet) {
        if (t === undefined) return reply(401, { message: 'Requires authentication', documentation_url: DOCS, status: '401' });
        return reply(401, { message: 'Bad credentials', documentation_url: DOCS, status: '401' });
      }
      if (await rateLimited({ key: `installation:${issued.installationId}`, label: `installation ID ${issued.installationId}` }, method, rec, reply, limit)) return;
      if (method === 'DELETE') {
        issued.revokedAt = new Date(now());
        revokedCount++;
        return reply(204);
      }
      const inst = installationById(issued.installationId)!;
      return reply(200, {
        total_count: issued.repositories.length,
        repository_selection: issued.repositorySelection,
        repositories: issued.repositories.map((r) => repoJson(inst.account, r)),
      });
    }

    // Everything else here is an app endpoint: authenticate the JWT the way GitHub does.
    const isAppPath = path === '/app' || path.startsWith('/app/') || /^\/(orgs|users)\/[^/]+\/installation$/.test(path) || /^\/repos\/[^/]+\/[^/]+\/installation$/.test(path);
    if (!isAppPath) return notFound();
    const auth = await checkJwt(req.headers.authorization, rec);
    if ('error' in auth) return reply(401, { message: auth.error, documentation_url: DOCS, status: '401' });
    const app = auth.app;
    rec.auth = 'app_jwt';
    if (await rateLimited({ key: `app:${app.appId}`, label: `app ID ${app.appId}` }, method, rec, reply, limit)) return;

    let m: RegExpExecArray | null;
    if (method === 'GET' && path === '/app') {
      return reply(200, { id: app.appId, client_id: app.clientId, slug: app.slug, name: app.slug, permissions: {}, events: [] });
    }
    if (method === 'GET' && path === '/app/installations') {
      return reply(200, app.installations.map((i) => installationJson(app, i)));
    }
    if (method === 'GET' && (m = /^\/orgs\/([^/]+)\/installation$/.exec(path))) {
      const inst = app.installations.find((i) => i.type === 'Organization' && same(i.account, decodeURIComponent(m![1]!)));
      return inst ? reply(200, installationJson(app, inst)) : notFound();
    }
    if (method === 'GET' && (m = /^\/users\/([^/]+)\/installation$/.exec(path))) {
      const inst = app.installations.find((i) => i.type === 'User' && same(i.account, decodeURIComponent(m![1]!)));
      return inst ? reply(200, installationJson(app, inst)) : notFound();
    }
    if (method === 'GET' && (m = /^\/repos\/([^/]+)\/([^/]+)\/installation$/.exec(path))) {
      const owner = decodeURIComponent(m[1]!);
      const repo = decodeURIComponent(m[2]!);
      const inst = app.installations.find((i) => same(i.account, owner) && i.repositories.some((r) => same(r, repo)));
      return inst ? reply(200, installationJson(app, inst)) : notFound();
    }
    if (method === 'POST' && (m = /^\/app\/installations\/(\d+)\/access_tokens$/.exec(path))) {
      const inst = app.installations.find((i) => i.id === Number(m![1]));
      if (!inst) return notFound();
      let body: { repositories?: unknown; permissions?: unknown } = {};
      try {
        body = text.trim() ? (JSON.parse(text) as typeof body) : {};
      } catch {
        return reply(400, { message: 'Problems parsing JSON', documentation_url: DOCS, status: '400' });
      }
      rec.requested = {
        repositories: Array.isArray(body.repositories) ? (body.repositories as string[]) : undefined,
        permissions: body.permissions && typeof body.permissions === 'object' ? (body.permissions as Permissions) : undefined,
      };
      let repositories = inst.repositories;
      let selection: 'all' | 'selected' = 'all';
      if (body.repositories !== undefined) {
        const asked = Array.isArray(body.repositories) ? body.repositories : [];
        const reachable = asked.map((r) => inst.repositories.find((x) => typeof r === 'string' && same(x, r)));
        if (asked.length === 0 || reachable.some((r) => r === undefined)) {
          return reply(422, { message: 'There is at least one repository that does not exist or is not accessible to the parent installation.', documentation_url: DOCS, status: '422' });
        }
        repositories = [...new Set(reachable as string[])];
        selection = 'selected';
      }
      let permissions = inst.permissions;
      if (body.permissions !== undefined) {
        const asked = (body.permissions ?? {}) as Record<string, unknown>;
        const beyond = Object.entries(asked).some(([p, l]) => typeof l !== 'string' || !(l in LEVELS) || !inst.permissions[p] || LEVELS[l]! > LEVELS[inst.permissions[p]!]!);
        if (beyond) return reply(422, { message: 'The permissions requested are not granted to this installation.', documentation_url: DOCS, status: '422' });
        permissions = asked as Permissions;
      }
      const expiresAt = new Date(Math.floor(now() / 1000) * 1000 + ttl * 1000);
      const form = requestedForm(req.headers[STATELESS_TOKEN_OVERRIDE_HEADER]) ?? opts.tokenForm ?? 'stateless';
      const token = mintInstallationToken(form, {
        appId: app.appId,
        installationId: inst.id,
        repositoryIds: repositories.map((r) => repoId(`${inst.account}/${r}`)),
        issuedAt: new Date(now()),
        expiresAt,
      });
      tokens.set(token, { installationId: inst.id, appId: app.appId, repositories, repositorySelection: selection, permissions, issuedAt: new Date(now()), expiresAt });
      return reply(201, {
        token,
        expires_at: expiresAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
        permissions,
        repository_selection: selection,
        ...(selection === 'selected' ? { repositories: repositories.map((r) => repoJson(inst.account, r)) } : {}),
      });
    }
    return notFound();
  }

  /** GitHub's JWT checks, with its own error messages. */
  async function checkJwt(authorization: string | undefined, rec: RecordedRequest): Promise<{ app: FakeApp } | { error: string }> {
    const undecodable = { error: 'A JSON web token could not be decoded' };
    const m = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!m) {
      rec.auth = authorization ? 'invalid' : 'none';
      return undecodable;
    }
    rec.auth = 'invalid';
    const jwt = m[1]!;
    let header: Record<string, unknown>;
    let claims: Record<string, unknown>;
    try {
      header = decodeProtectedHeader(jwt) as Record<string, unknown>;
      claims = decodeJwt(jwt) as Record<string, unknown>;
    } catch {
      return undecodable;
    }
    rec.jwt = { iss: claims.iss, iat: claims.iat, exp: claims.exp, alg: header.alg };
    if (header.alg !== 'RS256') return undecodable;
    const app = apps.find((a) => claims.iss !== undefined && (String(claims.iss) === String(a.appId) || claims.iss === a.clientId));
    // An `iss` naming no app leaves GitHub no key to verify with: the same answer as a bad signature.
    if (!app) return undecodable;
    try {
      await compactVerify(jwt, app.publicKey, { algorithms: ['RS256'] });
    } catch {
      return undecodable;
    }
    const t = Math.floor(now() / 1000);
    if (typeof claims.iat !== 'number' || !Number.isInteger(claims.iat) || claims.iat > t) {
      return { error: "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued" };
    }
    if (typeof claims.exp !== 'number' || claims.exp <= t) {
      return { error: "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires" };
    }
    if (claims.exp > t + MAX_JWT_LIFETIME_SECONDS) return { error: "'Expiration time' claim ('exp') is too far in the future" };
    return { app };
  }

  function alive(t: IssuedToken): boolean {
    return !t.revokedAt && t.expiresAt.getTime() > now();
  }
  function installationById(id: number) {
    for (const a of apps) for (const i of a.installations) if (i.id === id) return i;
    return undefined;
  }
  function installationJson(app: FakeApp, i: Required<FakeInstallationSpec>) {
    return {
      id: i.id,
      app_id: app.appId,
      app_slug: app.slug,
      client_id: app.clientId,
      target_type: i.type,
      account: { login: i.account, type: i.type },
      repository_selection: 'selected',
      permissions: i.permissions,
      access_tokens_url: `${url}/app/installations/${i.id}/access_tokens`,
      repositories_url: `${url}/installation/repositories`,
    };
  }
  function repoJson(owner: string, name: string) {
    return { id: repoId(`${owner}/${name}`), name, full_name: `${owner}/${name}`, private: true };
  }

  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', resolve));
  const addr = server.address() as AddressInfo;
  url = `http://${addr.family === 'IPv6' ? `[${addr.address}]` : addr.address}:${addr.port}`;

  return {
    url,
    apps,
    app: apps[0]!,
    requests,
    isAlive: (t) => {
      const issued = tokens.get(t);
      return issued !== undefined && alive(issued);
    },
    token: (t) => {
      const issued = tokens.get(t);
      return issued && { ...issued, repositories: [...issued.repositories], permissions: { ...issued.permissions } };
    },
    counts: () => ({ issued: tokens.size, revoked: revokedCount }),
    setMode(m) {
      mode = m;
    },
    clock: now,
    rateLimits: () => limiter?.stats(),
    spentUntil: (appId) => (limiter?.exhausted(`app:${appId}`) ? limiter.resetAt(`app:${appId}`) : undefined),
    reinstall(account, appIndex = 0) {
      const inst = apps[appIndex]!.installations.find((i) => same(i.account, account));
      if (!inst) throw new Error(`app ${appIndex} is not installed on ${account}`);
      const old = inst.id;
      inst.id = nextInstallation++;
      // Uninstalling revokes the installation's tokens.
      for (const t of tokens.values()) if (t.installationId === old && !t.revokedAt) t.revokedAt = new Date(now());
      return inst.id;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function toPublicKey(pem: string): KeyObject {
  return /PRIVATE KEY/.test(pem) ? createPublicKey(createPrivateKey(pem)) : createPublicKey(pem);
}

/** The token from `Authorization: Bearer X` or GitHub's older `token X`. */
function credential(authorization: string | undefined): string | undefined {
  const m = /^(?:Bearer|token)\s+(\S+)$/i.exec(authorization ?? '');
  return m ? m[1] : undefined;
}

function same(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

