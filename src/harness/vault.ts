// A Vault / OpenBao API double for the action's Vault mode, built from Vault's documented HTTP API:
// JWT auth (`POST /v1/auth/<mount>/login` with `role` and `jwt`, verified against the issuer's JWKS with the
// role's bound audience and bound claims), KV version 2 (`GET /v1/<mount>/data/<path>`, fields under
// data.data next to data.metadata) and version 1 (`GET /v1/<mount>/<path>`), ACLs by path (403 "permission
// denied"), namespaces (`X-Vault-Namespace`), `{"errors": [...]}` bodies, and token self-revocation
// (`POST /v1/auth/token/revoke-self`, 204).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
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

export interface FakeVaultOptions {
  /** Issuer the JWT auth method trusts (discovery through its JWKS URL). */
  issuer: string;
  jwksUri: string;
  /** Mount path of the JWT auth method (default jwt). */
  authPath?: string;
  roles: Record<string, VaultRole>;
  /** KV mounts: name -> version and secrets (path inside the mount -> fields). */
  kv: Record<string, { version: 1 | 2; secrets: Record<string, Record<string, unknown>> }>;
  /** When set, everything lives in this namespace and requests must name it. */
  namespace?: string;
}

export interface FakeVault {
  url: string;
  requests: Array<{ method: string; path: string; namespace?: string }>;
  /** Tokens issued and whether each was revoked. Tests compare; never print. */
  tokens: Map<string, { role: string; revoked: boolean }>;
  close(): Promise<void>;
}

export async function startFakeVault(opts: FakeVaultOptions): Promise<FakeVault> {
  const jwks = createRemoteJWKSet(new URL(opts.jwksUri));
  const authPath = opts.authPath ?? 'jwt';
  const tokens: FakeVault['tokens'] = new Map();
  const requests: FakeVault['requests'] = [];

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

    if (req.method === 'POST' && api === `auth/${authPath}/login`) return login(await readJson(req), res);
    if (req.method === 'POST' && api === 'auth/token/revoke-self') {
      const t = tokens.get(header(req, 'x-vault-token') ?? '');
      if (!t || t.revoked) return send(res, 403, { errors: ['permission denied'] });
      t.revoked = true;
      res.writeHead(204);
      return void res.end();
    }
    if (req.method === 'GET') return read(api, header(req, 'x-vault-token'), res);
    send(res, 405, { errors: [`unsupported operation`] });
  }

  async function login(body: Record<string, unknown>, res: ServerResponse): Promise<void> {
    if (typeof body.role !== 'string' || body.role === '') return send(res, 400, { errors: ['missing role'] });
    const role = opts.roles[body.role];
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
    const token = `hvs.${randomBytes(18).toString('base64url')}`;
    tokens.set(token, { role: body.role, revoked: false });
    const ttl = role.ttlSeconds ?? 3600;
    send(res, 200, {
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
        policies: ['default', body.role],
        token_policies: ['default', body.role],
        metadata: { role: body.role },
        lease_duration: ttl,
        renewable: true,
        entity_id: randomUUID(),
        token_type: 'service',
        orphan: true,
      },
    });
  }

  function read(api: string, token: string | undefined, res: ServerResponse): void {
    const t = tokens.get(token ?? '');
    if (!t || t.revoked) return send(res, 403, { errors: ['permission denied'] });
    const role = opts.roles[t.role]!;
    const allowed = role.paths.some((p) => (p.endsWith('*') ? api.startsWith(p.slice(0, -1)) : api === p));
    if (!allowed) return send(res, 403, { errors: ['1 error occurred:\n\t* permission denied\n\n'] });
    const [mountName, ...rest] = api.split('/');
    const mount = opts.kv[mountName!];
    if (!mount) return send(res, 404, { errors: [`no handler for route "${api}". route entry not found.`] });
    if (mount.version === 2) {
      if (rest[0] !== 'data') return send(res, 404, { errors: [] });
      const fields = mount.secrets[rest.slice(1).join('/')];
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
    const fields = mount.secrets[rest.join('/')];
    if (!fields) return send(res, 404, { errors: [] });
    send(res, 200, { request_id: randomUUID(), lease_id: '', renewable: false, lease_duration: 2764800, data: fields, wrap_info: null, warnings: null, auth: null });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    tokens,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
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
