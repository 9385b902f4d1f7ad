// The `github_app` secret source: a fresh installation token per exchange, scoped to what the policy's secret
// grants, or to less when the request narrows it. A request can never widen the grant: asking for a
// repository or a permission level the grant does not include is refused before GitHub is asked.
import { BrokerError } from '../errors.js';
import type { GitHubApp, PermissionLevel, Permissions, TokenScope } from '../github/app.js';
import { mintFromPool } from '../github/pool.js';
import type { ResolveContext, ResolvedSecret, SecretSource } from './source.js';

/** The issuance kind (store, revocation) of a GitHub App installation token. */
export const GITHUB_INSTALLATION_TOKEN = 'github_installation_token';

export interface GitHubGrantSpec {
  app: string;
  repositories?: string[];
  permissions: Permissions;
}

/** What a request may ask for one github_app secret, inside the body's `"github": {"NAME": {...}}`. */
export interface GitHubNarrowing {
  repositories?: string[];
  permissions?: Permissions;
}

const LEVELS: Record<PermissionLevel, number> = { read: 1, write: 2, admin: 3 };

export function createGitHubAppSource(name: string, grant: GitHubGrantSpec, app: GitHubApp): SecretSource {
  const repos = grant.repositories ? `${grant.repositories.length} repositor${grant.repositories.length === 1 ? 'y' : 'ies'}` : 'all repositories';
  return {
    name,
    kind: 'github_app',
    origin: `GitHub App ${grant.app} on ${app.settings.owner} (${repos}; ${Object.entries(grant.permissions).map(([p, l]) => `${p}: ${l}`).join(', ')})`,
    async resolve(ctx?: ResolveContext): Promise<ResolvedSecret> {
      const scope = narrowGrant(name, grant, ctx?.narrowing as GitHubNarrowing | undefined);
      const { token: minted, by } = await mintFromPool(app, scope);
      return {
        value: minted.token,
        expiresAt: minted.expiresAt,
        // The token revokes itself at the API of the App that minted it (a pool's Apps share one).
        revoke: { method: 'DELETE', url: by.revokeUrl },
        issuance: { kind: GITHUB_INSTALLATION_TOKEN, meta: { app: by.settings.name, api_url: by.settings.apiUrl } },
      };
    },
  };
}

/** The scope to ask GitHub for: the grant, or the narrower scope the request asks for. Throws on widening. */
export function narrowGrant(name: string, grant: GitHubGrantSpec, ask: GitHubNarrowing | undefined): TokenScope {
  if (!ask) return { repositories: grant.repositories ? [...grant.repositories] : undefined, permissions: { ...grant.permissions } };
  let repositories = grant.repositories ? [...grant.repositories] : undefined;
  if (ask.repositories) {
    if (grant.repositories) {
      const allowed = new Set(grant.repositories.map((r) => r.toLowerCase()));
      const extra = ask.repositories.filter((r) => !allowed.has(r.toLowerCase()));
      if (extra.length) {
        throw new BrokerError(
          'github_scope_not_granted',
          `${name}: the policy grants repositories ${grant.repositories.join(', ')}; it does not grant ${extra.join(', ')}. A request can narrow the grant, never widen it`,
        );
      }
    }
    repositories = [...new Set(ask.repositories)];
  }
  let permissions = { ...grant.permissions };
  if (ask.permissions) {
    const refused: string[] = [];
    for (const [perm, level] of Object.entries(ask.permissions)) {
      // Object.hasOwn: a permission named "toString" is not granted by Object.prototype.
      const granted = Object.hasOwn(grant.permissions, perm) ? grant.permissions[perm] : undefined;
      if (!granted) refused.push(`${perm}: ${level} (not granted at all)`);
      else if (LEVELS[level] > LEVELS[granted]) refused.push(`${perm}: ${level} (granted: ${granted})`);
    }
    if (refused.length) {
      throw new BrokerError(
        'github_scope_not_granted',
        `${name}: the policy grants ${Object.entries(grant.permissions).map(([p, l]) => `${p}: ${l}`).join(', ')}; it does not grant ${refused.join(', ')}. A request can narrow the grant, never widen it`,
      );
    }
    permissions = { ...ask.permissions };
  }
  return { repositories, permissions };
}

/**
 * The optional `"github"` field of an exchange body (already parsed from JSON):
 * `{"NAME": {"repositories": [...], "permissions": {...}}}`. Undefined when absent; a 400 that says what is
 * wrong when malformed.
 */
export function parseGitHubNarrowing(field: unknown): Record<string, GitHubNarrowing> | undefined {
  if (field === undefined) return undefined;
  const shape = '"github" must be an object like {"GH_TOKEN": {"repositories": ["repo"], "permissions": {"contents": "read"}}}';
  if (!isPlainObject(field)) throw new BrokerError('body_malformed', shape);
  // No prototype: a request naming "__proto__" or "toString" gets its own entry, never an inherited one.
  const out: Record<string, GitHubNarrowing> = Object.create(null) as Record<string, GitHubNarrowing>;
  for (const [name, ask] of Object.entries(field)) {
    if (!isPlainObject(ask)) throw new BrokerError('body_malformed', `"github.${name}": ${shape}`);
    const extra = Object.keys(ask).filter((k) => k !== 'repositories' && k !== 'permissions');
    if (extra.length) throw new BrokerError('body_malformed', `"github.${name}": unknown field(s) ${extra.map((k) => JSON.stringify(k)).join(', ')}; only "repositories" and "permissions" narrow a token`);
    const n: GitHubNarrowing = {};
    if (ask.repositories !== undefined) {
      const r = ask.repositories;
      if (!Array.isArray(r) || r.length === 0 || r.some((x) => typeof x !== 'string' || !/^[A-Za-z0-9._-]+$/.test(x))) {
        throw new BrokerError('body_malformed', `"github.${name}.repositories" must be a non-empty list of repository names (without the owner)`);
      }
      n.repositories = r as string[];
    }
    if (ask.permissions !== undefined) {
      const p = ask.permissions;
      if (!isPlainObject(p) || Object.keys(p).length === 0 || Object.values(p).some((l) => typeof l !== 'string' || !Object.hasOwn(LEVELS, l))) {
        throw new BrokerError('body_malformed', `"github.${name}.permissions" must map permission names to "read", "write" or "admin"`);
      }
      n.permissions = p as Permissions;
    }
    out[name] = n;
  }
  return out;
}

/** Narrowing may only name github_app secrets that this exchange delivers. */
export function checkNarrowingTargets(narrowing: Record<string, GitHubNarrowing>, delivering: readonly string[], kindOf: (name: string) => string | undefined): void {
  for (const name of Object.keys(narrowing)) {
    if (!delivering.includes(name)) {
      throw new BrokerError('body_malformed', `"github.${name}" narrows a secret this request does not receive; list it under "secrets" or drop it`);
    }
    if (kindOf(name) !== 'github_app') {
      throw new BrokerError('body_malformed', `"github.${name}": ${name} is not a GitHub App token, so it cannot be narrowed`);
    }
  }
}

/** Whether a configured grant has the shape the source relies on (the schema reports what is wrong otherwise). */
export function isGrantSpec(v: unknown): v is GitHubGrantSpec {
  if (!isPlainObject(v) || typeof v.app !== 'string' || !isPlainObject(v.permissions)) return false;
  if (!Object.values(v.permissions).every((l) => typeof l === 'string' && Object.hasOwn(LEVELS, l))) return false;
  return v.repositories === undefined || (Array.isArray(v.repositories) && v.repositories.every((r) => typeof r === 'string'));
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
