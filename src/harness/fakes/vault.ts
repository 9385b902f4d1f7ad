// A Vault / OpenBao API double for the action's Vault mode, built from Vault's documented HTTP API:
// JWT auth (`POST /v1/auth/<mount>/login` with `role` and `jwt`, verified against the issuer's JWKS with the
// role's bound audience and bound claims), KV version 2 (`GET /v1/<mount>/data/<path>`, fields under
// data.data next to data.metadata) and version 1 (`GET /v1/<mount>/<path>`), ACLs by path (403 "permission
// denied"), namespaces (`X-Vault-Namespace`), `{"errors": [...]}` bodies, and token self-revocation
// (`POST /v1/auth/token/revoke-self`, 204). For the broker's `vault` backend also: AppRole auth
// (`POST /v1/auth/<mount>/login` with `role_id` and `secret_id`), tokens handed out in advance, token TTLs
// that lapse (403 afterwards), `POST /v1/auth/token/renew-self` (capped at the token's max TTL) and
// `GET /v1/auth/token/lookup-self`, and an outage (`stop()`/`start()` on the same port).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { listenOnLoopback } from './fake-http.js';
import { randomBytes, randomUUID } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';

export interface VaultRole {
  bound_audiences: string[];
  /** Claims that must equal one of the listed values. */
  bound_claims?: Record<string, string | string[]>;
  /** API paths (after /v1/) the role's token may read; a trailing * matches a prefix. */
  paths: string[];
  ttlSeconds?: number;
}

export interface VaultAppRole {
  role_id: string;
  secret_id: string;
  paths: string[];
  /** Lease of a login's token (default 3600). */
  ttlSeconds?: number;
  /** Renewals stop extending past this, counted from login (default 10 × ttl). */
  maxTtlSeconds?: number;
}

export interface VaultStaticToken {
  paths: string[];
  /** Absent: a token without expiry (like a root token). */
  ttlSeconds?: number;
  maxTtlSeconds?: number;
  renewable?: boolean;
}

export interface FakeVaultOptions {
  /** Issuer the JWT auth method trusts (discovery through its JWKS URL); without it, no JWT auth. */
  issuer?: string;
  jwksUri?: string;
  /** Mount path of the JWT auth method (default jwt). */
  authPath?: string;
  roles?: Record<string, VaultRole>;
  /** AppRole auth at `auth/<approleMount>/` (default mount approle). */
  approles?: Record<string, VaultAppRole>;
  approleMount?: string;
  /** Tokens that exist before any login (what an operator hands the broker as VAULT_TOKEN). */
  staticTokens?: Record<string, VaultStaticToken>;
  /** KV mounts: name -> version and secrets (path inside the mount -> fields). */
  kv: Record<string, { version: 1 | 2; secrets: Record<string, Record<string, unknown>> }>;
  /** When set, everything lives in this namespace and requests must name it. */
  namespace?: string;
}

export interface FakeVaultToken {
  role: string;
  revoked: boolean;
  paths: string[];
  /** Epoch ms; null: never expires. */
  expiresAt: number | null;
  maxExpiresAt: number | null;
  ttlSeconds: number;
  renewable: boolean;
}

export interface FakeVault {
  url: string;
  requests: Array<{ method: string; path: string; namespace?: string }>;
  /** Tokens issued and whether each was revoked. Tests compare; never print. */
  tokens: Map<string, FakeVaultToken>;
  /** The KV mounts, changeable while running (a rotated secret). */
  kv: FakeVaultOptions['kv'];
  /** Refuse connections (an outage), then serve again on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

export async function startFakeVault(opts: FakeVaultOptions): Promise<FakeVault> {
  const jwks = opts.jwksUri ? createRemoteJWKSet(new URL(opts.jwksUri)) : undefined;
  const authPath = opts.authPath ?? 'jwt';
  const approleMount = opts.approleMount ?? 'approle';
  const tokens: FakeVault['tokens'] = new Map();
  const requests: FakeVault['requests'] = [];
  for (const [value, t] of Object.entries(opts.staticTokens ?? {})) {
    const now = Date.now();
    tokens.set(value, {
      role: 'static',
      revoked: false,
      paths: t.paths,
      expiresAt: t.ttlSeconds ? now + t.ttlSeconds * 1000 : null,
      maxExpiresAt: t.ttlSeconds ? now + (t.maxTtlSeconds ?? t.ttlSeconds * 10) * 1000 : null,
      ttlSeconds: t.ttlSeconds ?? 0,
      renewable: t.renewable ?? true,
    });
  }
  /** A token Vault still accepts (not revoked, not lapsed). */
  const live = (value: string | undefined): FakeVaultToken | undefined => {
    const t = tokens.get(value ?? '');
    if (!t || t.revoked || (t.expiresAt !== null && t.expiresAt <= Date.now())) return undefined;
    return t;
  };

  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const namespace = header(req, 'x-vault-namespace');
    requests.push({ method: req.method ?? 'GET', path, ...(namespace ? { namespace } : {}) });
    void route(req, res, path, namespace).catch((e) => send(res, 500, { errors: [(e as Error).message] }));
  });

  async function route(req: IncomingMessage, res: ServerResponse, path: string, namespace: string | undefined): Promise<void> {
    if (!path.startsWith('/v1/')) return send(res, 404, { errors: [] });
    const api = path.slice(4);
    // A request in another namespace finds none of the mounts.
    if ((namespace ?? '').replace(/\/+$/, '') !== (opts.namespace ?? '')) return send(res, 404, { errors: [`no handler for route "${api}". route entry not found.`] });

    if (req.method === 'POST' && api === `auth/${approleMount}/login`) return approleLogin(await readJson(req), res);
    if (req.method === 'POST' && api === `auth/${authPath}/login`) return login(await readJson(req), res);
    if (req.method === 'POST' && api === 'auth/token/renew-self') return renewSelf(header(req, 'x-vault-token'), await readJson(req), res);
    if (req.method === 'GET' && api === 'auth/token/lookup-self') {
      const t = live(header(req, 'x-vault-token'));
      if (!t) return send(res, 403, { errors: ['permission denied'] });
      const ttl = t.expiresAt === null ? 0 : Math.max(0, Math.round((t.expiresAt - Date.now()) / 1000));
      return send(res, 200, { request_id: randomUUID(), data: { ttl, creation_ttl: t.ttlSeconds, renewable: t.renewable && t.expiresAt !== null, policies: ['default'], type: 'service', explicit_max_ttl: 0 } });
    }
    if (req.method === 'POST' && api === 'auth/token/revoke-self') {
      const t = live(header(req, 'x-vault-token'));
      if (!t) return send(res, 403, { errors: ['permission denied'] });
      t.revoked = true;
      res.writeHead(204);
      return void res.end();
    }
    if (req.method === 'GET') return read(api, header(req, 'x-vault-token'), res);
    send(res, 405, { errors: [`unsupported operation`] });
  }

  function issue(role: string, paths: string[], ttl: number, maxTtl: number): string {
    const token = `hvs.${randomBytes(18).toString('base64url')}`;
    const now = Date.now();
    tokens.set(token, { role, revoked: false, paths, expiresAt: now + ttl * 1000, maxExpiresAt: now + maxTtl * 1000, ttlSeconds: ttl, renewable: true });
    return token;
  }

  function authAnswer(token: string, role: string, ttl: number): Record<string, unknown> {
    return {
      request_id: randomUUID(),
      lease_id: '',
      renewable: false,
      lease_duration: 0,
      data: null,
      wrap_info: null,
      warnings: null,
      auth: {
        client_token: token,
        accessor: randomBytes(12).toString('base64url'),
        policies: ['default', role],
        token_policies: ['default', role],
        metadata: { role_name: role },
        lease_duration: ttl,
        renewable: true,
        entity_id: randomUUID(),
        token_type: 'service',
        orphan: true,
      },
    };
  }

  function approleLogin(body: Record<string, unknown>, res: ServerResponse): void {
    if (typeof body.role_id !== 'string' || body.role_id === '') return send(res, 400, { errors: ['missing role_id'] });
    const entry = Object.entries(opts.approles ?? {}).find(([, r]) => r.role_id === body.role_id);
    if (!entry) return send(res, 400, { errors: ['invalid role or secret ID'] });
    const [name, role] = entry;
    if (body.secret_id !== role.secret_id) return send(res, 400, { errors: ['invalid role or secret ID'] });
    const ttl = role.ttlSeconds ?? 3600;
    send(res, 200, authAnswer(issue(name, role.paths, ttl, role.maxTtlSeconds ?? ttl * 10), name, ttl));
  }

  function renewSelf(value: string | undefined, body: Record<string, unknown>, res: ServerResponse): void {
    const t = live(value);
    if (!t) return send(res, 403, { errors: ['permission denied'] });
    if (!t.renewable || t.expiresAt === null) return send(res, 400, { errors: ['lease is not renewable'] });
    const asked = typeof body.increment === 'string' ? parseInt(body.increment, 10) : typeof body.increment === 'number' ? body.increment : t.ttlSeconds;
    const now = Date.now();
    const until = Math.min(now + (Number.isFinite(asked) && asked > 0 ? asked : t.ttlSeconds) * 1000, t.maxExpiresAt ?? Infinity);
    t.expiresAt = until;
    const lease = Math.max(0, Math.round((until - now) / 1000));
    const answer = authAnswer(value!, t.role, lease);
    (answer.auth as Record<string, unknown>).renewable = lease > 0;
    send(res, 200, answer);
  }

  async function login(body: Record<string, unknown>, res: ServerResponse): Promise<void> {
    if (typeof body.role !== 'string' || body.role === '') return send(res, 400, { errors: ['missing role'] });
    if (!jwks || !opts.issuer) return send(res, 400, { errors: [`no handler for route "auth/${authPath}/login". route entry not found.`] });
    const role = Object.hasOwn(opts.roles ?? {}, body.role) ? opts.roles![body.role] : undefined;
    if (!role) return send(res, 400, { errors: [`role "${body.role}" could not be found`] });
    if (typeof body.jwt !== 'string' || body.jwt === '') return send(res, 400, { errors: ['missing token'] });
    let claims: JWTPayload;
    try {
      claims = (await jwtVerify(body.jwt, jwks, { issuer: opts.issuer, audience: role.bound_audiences, algorithms: ['RS256'] })).payload;
    } catch (e) {
      return send(res, 400, { errors: [`error validating token: ${(e as Error).message}`] });
    }
    for (const [claim, allowed] of Object.entries(role.bound_claims ?? {})) {
      const list = Array.isArray(allowed) ? allowed : [allowed];
      if (!list.includes(String(claims[claim]))) {
        return send(res, 400, { errors: [`error validating claims: claim "${claim}" does not match any associated bound claim values`] });
      }
    }
    const ttl = role.ttlSeconds ?? 3600;
    send(res, 200, authAnswer(issue(body.role, role.paths, ttl, ttl * 10), body.role, ttl));
  }

  function read(api: string, token: string | undefined, res: ServerResponse): void {
    const t = live(token);
    if (!t) return send(res, 403, { errors: ['permission denied'] });
    const path = api.split('?')[0]!;
    const allowed = t.paths.some((p) => (p.endsWith('*') ? path.startsWith(p.slice(0, -1)) : path === p));
    if (!allowed) return send(res, 403, { errors: ['1 error occurred:\n\t* permission denied\n\n'] });
    const [mountName, ...rest] = path.split('/');
    const mount = Object.hasOwn(opts.kv, mountName!) ? opts.kv[mountName!] : undefined;
    if (!mount) return send(res, 404, { errors: [`no handler for route "${api}". route entry not found.`] });
    if (mount.version === 2) {
      if (rest[0] !== 'data') return send(res, 404, { errors: [] });
      const key = rest.slice(1).join('/');
      const fields = Object.hasOwn(mount.secrets, key) ? mount.secrets[key] : undefined;
      if (!fields) return send(res, 404, { errors: [] });
      return send(res, 200, {
        request_id: randomUUID(),
        lease_id: '',
        renewable: false,
        lease_duration: 0,
        data: { data: fields, metadata: { created_time: '2026-01-01T00:00:00Z', custom_metadata: null, deletion_time: '', destroyed: false, version: 1 } },
        wrap_info: null,
        warnings: null,
        auth: null,
      });
    }
    const fields = Object.hasOwn(mount.secrets, rest.join('/')) ? mount.secrets[rest.join('/')] : undefined;
    if (!fields) return send(res, 404, { errors: [] });
    send(res, 200, { request_id: randomUUID(), lease_id: '', renewable: false, lease_duration: 2764800, data: fields, wrap_info: null, warnings: null, auth: null });
  }

  const listener = await listenOnLoopback(server);
  return {
    url: listener.url,
    requests,
    tokens,
    kv: opts.kv,
    stop: listener.stop,
    start: listener.start,
    close: listener.stop,
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  try {
    const v = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
