// Fake OIDC issuers on loopback, shaped like GitHub's (discovery + /.well-known/jwks) and GitLab's
// (discovery + /oauth/discovery/keys). Tests, the demo and users (`oidc-exchange issuers` / `token`) share
// them. They sign real RS256 tokens, rotate keys, log every request, and can be taken down on purpose.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes, randomUUID } from 'node:crypto';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';
import { githubClaims, gitlabClaims, type GitHubJob, type GitLabJob } from '../../platform/samples.js';
import { readBody, sendJson as send } from './fake-http.js';

export type IssuerKind = 'github' | 'gitlab';
/** up: serves; down: answers 503; hang: accepts and never answers; reset: drops the connection. */
export type IssuerMode = 'up' | 'down' | 'hang' | 'reset';

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

export interface MintOptions {
  audience?: string | string[];
  /** Seconds until exp (default 300, like GitHub's tokens). */
  ttlSeconds?: number;
  /** Seconds to shift iat/nbf/exp by (negative: in the past). */
  shiftSeconds?: number;
  /** Claims to delete after building (e.g. ['sub']). */
  omit?: string[];
  /** Header overrides (kid, alg, typ). */
  header?: Record<string, unknown>;
  /** Sign with a key that is not published. */
  key?: SigningKey;
}

export interface FakeIssuer {
  kind: IssuerKind;
  /** The `iss` value and discovery base. */
  url: string;
  jwksUri: string;
  /** Every request received, in order. */
  requests: Array<{ method: string; path: string }>;
  /** Mint a token with the given claims on top of the kind's defaults. */
  mint(claims?: Record<string, unknown>, opts?: MintOptions): Promise<string>;
  /** Claim set of a typical job of this kind, customizable. */
  claimsFor(job?: Partial<GitHubJob> & Partial<GitLabJob>, opts?: ClaimsOptions): Record<string, string>;
  /** Publish a new signing key and sign with it from now on; the old key stays published unless dropOld. */
  rotate(opts?: { dropOld?: boolean }): Promise<SigningKey>;
  /** The key tokens are currently signed with. */
  activeKey(): SigningKey;
  /** A key pair that is not published, for forgery tests. */
  strayKey(): Promise<SigningKey>;
  setMode(mode: IssuerMode): void;
  close(): Promise<void>;
}

export interface ClaimsOptions {
  /**
   * GitHub: write the subject's repository part with immutable IDs, `repo:OWNER@OWNER_ID/REPO@REPO_ID:...`, as
   * GitHub does for repositories created or renamed from 15 July 2026 on (and others that opt in).
   */
  immutableSubject?: boolean;
}

export interface FakeIssuerOptions {
  kind: IssuerKind;
  /** GitHub: emit immutable subjects by default (see ClaimsOptions). */
  immutableSubject?: boolean;
  host?: string;
  port?: number;
  /** Default audience for minted tokens. */
  audience?: string;
  /** The first signing key's id (default: random): fixed where a picture of the broker must not change. */
  kid?: string;
}

export async function newSigningKey(alg = 'RS256', kid = randomBytes(20).toString('hex').toUpperCase()): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true, modulusLength: 2048 });
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' };
  return { kid, privateKey, publicJwk };
}

export async function startFakeIssuer(opts: FakeIssuerOptions): Promise<FakeIssuer> {
  const kind = opts.kind;
  const jwksPath = kind === 'github' ? '/.well-known/jwks' : '/oauth/discovery/keys';
  let published: SigningKey[] = [await newSigningKey('RS256', opts.kid)];
  let active = published[0]!;
  let mode: IssuerMode = 'up';
  const requests: FakeIssuer['requests'] = [];
  const hanging = new Set<ServerResponse>();

  let url = '';
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    requests.push({ method: req.method ?? 'GET', path });
    if (mode === 'reset') return req.socket.destroy();
    if (mode === 'hang') {
      hanging.add(res);
      return;
    }
    if (mode === 'down' && path !== '/_harness/mint') return send(res, 503, { message: 'service unavailable' });
    void route(req, res, path).catch((e) => send(res, 500, { message: (e as Error).message }));
  });

  async function route(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (req.method === 'GET' && path === '/.well-known/openid-configuration') {
      return send(res, 200, {
        issuer: url,
        jwks_uri: `${url}${jwksPath}`,
        subject_types_supported: ['public', 'pairwise'],
        response_types_supported: ['id_token'],
        claims_supported: ['sub', 'aud', 'exp', 'iat', 'iss', 'jti', 'nbf', 'ref', 'repository', 'environment'],
        id_token_signing_alg_values_supported: ['RS256'],
        scopes_supported: ['openid'],
      });
    }
    if (req.method === 'GET' && path === jwksPath) {
      return send(res, 200, { keys: published.map((k) => k.publicJwk) });
    }
    // Harness-only: lets `oidc-exchange token` (another process) mint from a running fake issuer.
    if (req.method === 'POST' && path === '/_harness/mint') {
      const body = JSON.parse((await readBody(req)) || '{}') as { claims?: Record<string, unknown>; job?: Record<string, unknown> } & MintOptions & ClaimsOptions;
      const claims = { ...issuer.claimsFor(body.job as Partial<GitHubJob>, { immutableSubject: body.immutableSubject }), ...(body.claims ?? {}) };
      return send(res, 200, { value: await issuer.mint(claims, body) });
    }
    send(res, 404, { message: 'not found' });
  }

  // A port in use is an error to hand back (the CLI explains it), not an 'error' event nobody listens to.
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const addr = server.address() as AddressInfo;
  const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  url = `http://${host}:${addr.port}`;

  const issuer: FakeIssuer = {
    kind,
    url,
    jwksUri: `${url}${jwksPath}`,
    requests,
    claimsFor(job = {}, claimsOpts = {}) {
      if (kind === 'gitlab') return gitlabClaims({ project_path: 'acme/platform/api', ref: 'main', server_host: url.replace(/^https?:\/\//, ''), ...job } as GitLabJob);
      const claims = githubClaims({ repository: 'octo-org/octo-repo', ref: 'refs/heads/main', ...job } as GitHubJob);
      return (claimsOpts.immutableSubject ?? opts.immutableSubject) ? withImmutableSubject(claims) : claims;
    },
    async mint(claims, mintOpts = {}) {
      const body: Record<string, unknown> = { ...(claims ?? issuer.claimsFor()) };
      const now = Math.floor(Date.now() / 1000) + (mintOpts.shiftSeconds ?? 0);
      const key = mintOpts.key ?? active;
      const full: Record<string, unknown> = {
        jti: randomUUID(),
        iss: url,
        aud: mintOpts.audience ?? opts.audience ?? (kind === 'github' ? `https://github.com/${String(body.repository_owner ?? 'octo-org')}` : url),
        nbf: now - 5,
        iat: now,
        exp: now + (mintOpts.ttlSeconds ?? 300),
        ...body,
      };
      for (const k of mintOpts.omit ?? []) delete full[k];
      const header = { alg: 'RS256', typ: 'JWT', kid: key.kid, ...(kind === 'github' ? { x5t: key.kid } : {}), ...(mintOpts.header ?? {}) };
      return new SignJWT(full).setProtectedHeader(header as { alg: string }).sign(key.privateKey);
    },
    async rotate(rotateOpts = {}) {
      const next = await newSigningKey();
      published = rotateOpts.dropOld ? [next] : [...published, next];
      active = next;
      return next;
    },
    activeKey: () => active,
    strayKey: () => newSigningKey(),
    setMode(m) {
      mode = m;
      if (m !== 'hang') {
        for (const r of hanging) r.destroy();
        hanging.clear();
      }
    },
    async close() {
      for (const r of hanging) r.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return issuer;
}


/**
 * The same GitHub claims with the subject's `repo` part in the immutable form: `repo:octo-org@9919/octo-repo@690210123`.
 * Only the subject changes; `repository` and `repository_owner` stay names.
 */
export function withImmutableSubject(claims: Record<string, string>): Record<string, string> {
  const [owner, name] = claims.repository!.split('/');
  const tokens = claims.sub!.split(':');
  for (let i = 0; i < tokens.length; i += tokens[i] === 'pull_request' ? 1 : 2) {
    if (tokens[i] === 'repo') tokens[i + 1] = `${owner}@${claims.repository_owner_id}/${name}@${claims.repository_id}`;
  }
  return { ...claims, sub: tokens.join(':') };
}
