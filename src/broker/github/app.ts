// A GitHub App the broker mints installation tokens with: find the installation for the configured owner
// (organization, user or repository) once, then ask GitHub for a token scoped to exactly the repositories and
// permissions a policy grants. GitHub's refusals become broker errors that tell the operator what to fix.
// Tokens are never logged; GitHub's own error text is (it carries no secret). Every request passes the App's
// quota gate (quota.ts): GitHub's rate limits are kept to, not discovered by being refused.
import type { KeyObject } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { request } from 'undici';
import { replicationRetryDelay } from '../../platform/replication-lag.js';
import { AppJwt, keyFingerprint } from './app-jwt.js';
import { BrokerError } from '../errors.js';
import { AppQuota, DEFAULT_QUOTA, type QuotaSettings } from './quota.js';

export const DEFAULT_GITHUB_API = 'https://api.github.com';
const MAX_RESPONSE_BYTES = 1024 * 1024;

export type PermissionLevel = 'read' | 'write' | 'admin';
export type Permissions = Record<string, PermissionLevel>;

export interface GitHubAppSettings {
  /** The key under `github_apps` in the configuration. */
  name: string;
  /** The app ID or the client ID, whichever is configured: the JWT's `iss`. */
  issuer: string;
  /** `organization`, `user`, or `owner/repo` for a single repository's installation. */
  owner: string;
  /** Without a trailing slash (GitHub Enterprise Server: https://HOST/api/v3). */
  apiUrl: string;
  /** Undefined when the key could not be loaded (only `check` builds such a configuration). */
  key?: KeyObject;
  /** Where the key comes from, for logs (never the key). */
  keyOrigin: string;
  timeoutSeconds: number;
  /** How the App keeps to GitHub's rate limits (default DEFAULT_QUOTA). */
  quota?: QuotaSettings;
}

export interface TokenScope {
  /** Repository names (without the owner); absent: every repository the installation can reach. */
  repositories?: string[];
  permissions: Permissions;
}

export interface InstallationToken {
  token: string;
  expiresAt: Date;
  /** What GitHub says the token can do (it answers with the granted scope). */
  permissions: Permissions;
  repositories: string[] | 'all';
}

interface GitHubAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, unknown>;
}

const API_HEADERS = {
  accept: 'application/vnd.github+json',
  'x-github-api-version': '2022-11-28',
  'user-agent': 'oidc-exchange-broker',
};

export class GitHubApp {
  readonly fingerprint?: string;
  /** What this App may still ask of GitHub; the gate every request passes. */
  readonly quota: AppQuota;
  /** The other Apps of this App's pool (github_apps.NAME.pool): same owner and API, each its own key and quota. */
  pool: GitHubApp[] = [];
  private readonly jwt?: AppJwt;
  private installationId?: Promise<number>;
  /** The installation the last token was asked for, for the quota's figures. */
  private lastInstallation?: string;

  constructor(
    readonly settings: GitHubAppSettings,
    now: () => number = Date.now,
  ) {
    this.quota = new AppQuota(settings.name, settings.quota ?? DEFAULT_QUOTA, now);
    if (settings.key) {
      this.fingerprint = keyFingerprint(settings.key);
      this.jwt = new AppJwt(settings.issuer, settings.key, now);
    }
  }

  /** The URL a holder revokes one of this app's installation tokens with (the revoke contract). */
  get revokeUrl(): string {
    return `${this.settings.apiUrl}/installation/token`;
  }

  async createToken(scope: TokenScope): Promise<InstallationToken> {
    let id = await this.findInstallation();
    this.lastInstallation = String(id);
    const body: Record<string, unknown> = { permissions: scope.permissions };
    if (scope.repositories) body.repositories = scope.repositories;
    let res = await this.asApp('POST', `/app/installations/${id}/access_tokens`, body);
    if (res.status === 404) {
      // The app may have been uninstalled and installed again since the id was cached: look it up once more.
      this.installationId = undefined;
      id = await this.findInstallation();
      this.lastInstallation = String(id);
      res = await this.asApp('POST', `/app/installations/${id}/access_tokens`, body);
    }
    if (res.status !== 201) throw this.refusal(res, `creating a token for installation ${id}`);
    const token = res.body.token;
    const expiresAt = new Date(String(res.body.expires_at));
    if (typeof token !== 'string' || token === '' || Number.isNaN(expiresAt.getTime())) {
      throw new BrokerError('upstream_unavailable', 'GitHub answered the token request with something that is not a token; try again later', {
        detail: `github app ${this.settings.name}: 201 without token/expires_at`,
      });
    }
    const repos = Array.isArray(res.body.repositories)
      ? (res.body.repositories as Array<{ name?: unknown }>).map((r) => String(r.name))
      : 'all';
    return { token, expiresAt, permissions: (res.body.permissions ?? {}) as Permissions, repositories: repos };
  }

  /** Looks up (once) the installation of this app on the configured owner. */
  private findInstallation(): Promise<number> {
    if (!this.installationId) {
      this.installationId = this.lookUpInstallation();
      // A failed lookup is not cached: the operator may install the app a minute later.
      this.installationId.catch(() => {
        this.installationId = undefined;
      });
    }
    return this.installationId;
  }

  private async lookUpInstallation(): Promise<number> {
    const owner = this.settings.owner;
    const candidates = owner.includes('/')
      ? [`/repos/${owner.split('/').map(encodeURIComponent).join('/')}/installation`]
      : [`/orgs/${encodeURIComponent(owner)}/installation`, `/users/${encodeURIComponent(owner)}/installation`];
    let last: GitHubAnswer | undefined;
    for (const path of candidates) {
      last = await this.asApp('GET', path);
      if (last.status === 200 && typeof last.body.id === 'number') return last.body.id;
      if (last.status !== 404) break;
    }
    throw this.refusal(last!, `finding the installation on ${owner}`);
  }

  private async asApp(method: string, path: string, body?: unknown): Promise<GitHubAnswer> {
    if (!this.jwt) {
      throw new BrokerError('secret_unavailable', 'the broker cannot mint GitHub tokens right now; its operator has been told', {
        detail: `github app ${this.settings.name}: no private key loaded (${this.settings.keyOrigin})`,
      });
    }
    let res = await this.call(method, path, `Bearer ${await this.jwt.token()}`, body);
    if (res.status === 401) {
      // A cached JWT can be refused after a clock jump on either side: one fresh JWT, then give up.
      this.jwt.reset();
      res = await this.call(method, path, `Bearer ${await this.jwt.token()}`, body);
    }
    return res;
  }

  /** One request through the quota gate; a rate-limit answer becomes a 503 with GitHub's wait. */
  private async call(method: string, path: string, authorization: string, body?: unknown): Promise<GitHubAnswer> {
    const release = await this.quota.acquire(method);
    let res: GitHubAnswer;
    try {
      res = await callGitHub(this.settings.apiUrl, method, path, authorization, body, this.settings.timeoutSeconds, this.settings.name);
    } finally {
      release();
    }
    const said = typeof res.body.message === 'string' ? res.body.message : undefined;
    const limited = this.quota.observe(res.status, res.headers, this.lastInstallation, said);
    if (limited) throw this.quota.refusal(limited.retryAfter, `${method} ${path}: GitHub answered ${res.status} (${limited.kind} rate limit), retry-after ${limited.retryAfter} s`);
    return res;
  }

  /** GitHub's refusal as a broker error that names what the operator has to fix. */
  private refusal(res: GitHubAnswer, doing: string): BrokerError {
    const app = this.settings.name;
    const said = typeof res.body.message === 'string' ? res.body.message : `HTTP ${res.status}`;
    const detail = `github app ${app}: ${doing}: GitHub answered ${res.status}: ${said}`;
    switch (res.status) {
      case 401:
        return new BrokerError(
          'github_app_unauthorized',
          `GitHub refused the broker's GitHub App "${app}" (${said}); the broker's operator must check that github_apps.${app} has the right app_id/client_id and a current private key (compare the key fingerprint in the broker's start-up log with the app's settings page), and that the broker's clock is right`,
          { detail },
        );
      case 403:
      case 404:
        return new BrokerError(
          'github_app_not_installed',
          `the broker's GitHub App "${app}" is not installed on ${this.settings.owner}; the broker's operator must install it there (or fix github_apps.${app}.owner)`,
          { detail },
        );
      case 422:
        return new BrokerError(
          'github_permission_refused',
          `GitHub refused the token the policy grants (${said}); the broker's operator must give the GitHub App "${app}" those permissions and repositories (then accept them on the installation), or narrow the policy's grant`,
          { detail },
        );
      default:
        return new BrokerError('upstream_unavailable', 'GitHub could not mint a token right now; try again later', {
          detail,
          retryAfter: res.status === 429 || res.status >= 500 ? 30 : undefined,
        });
    }
  }
}

/**
 * Revokes an installation token with the token itself (`DELETE /installation/token`). GitHub answers 204; a
 * 401 means the token is already dead (expired or revoked), which is what the caller wanted, unless the token
 * is only seconds old: then GitHub may not know it yet (replication lag), and the call is repeated a few times
 * before the token is reported dead.
 * @param mintedAtMs when the token was minted, if known
 */
export async function revokeInstallationToken(apiUrl: string, token: string, timeoutSeconds = 10, mintedAtMs?: number): Promise<'revoked' | 'already_dead'> {
  for (let retries = 0; ; retries++) {
    const res = await callGitHub(apiUrl, 'DELETE', '/installation/token', `Bearer ${token}`, undefined, timeoutSeconds, 'revocation');
    if (res.status === 204) return 'revoked';
    const wait = replicationRetryDelay(res.status, mintedAtMs, Date.now(), retries);
    if (wait !== undefined) {
      await delay(wait);
      continue;
    }
    if (res.status === 401) return 'already_dead';
    throw new BrokerError('upstream_unavailable', 'GitHub could not revoke the token right now; try again later', {
      detail: `DELETE ${apiUrl}/installation/token answered ${res.status}`,
      retryAfter: 30,
    });
  }
}

async function callGitHub(
  apiUrl: string,
  method: string,
  path: string,
  authorization: string,
  body: unknown,
  timeoutSeconds: number,
  who: string,
): Promise<GitHubAnswer> {
  const headers: Record<string, string> = { ...API_HEADERS, authorization };
  if (body !== undefined) headers['content-type'] = 'application/json';
  try {
    const res = await request(`${apiUrl}${path}`, {
      method: method as 'GET',
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      headersTimeout: timeoutSeconds * 1000,
      bodyTimeout: timeoutSeconds * 1000,
    });
    const text = await readLimited(res.body);
    let parsed: Record<string, unknown> = {};
    try {
      const v: unknown = text ? JSON.parse(text) : {};
      if (v && typeof v === 'object' && !Array.isArray(v)) parsed = v as Record<string, unknown>;
    } catch {
      /* GitHub answers JSON; a proxy's HTML error page is reported by status alone */
    }
    return { status: res.statusCode, headers: res.headers, body: parsed };
  } catch (e) {
    if (e instanceof BrokerError) throw e;
    throw new BrokerError('upstream_unavailable', 'GitHub cannot be reached from the broker right now; try again later', {
      detail: `${who}: ${method} ${apiUrl}${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      retryAfter: 30,
    });
  }
}

async function readLimited(body: AsyncIterable<Buffer | Uint8Array>): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of body) {
    size += c.length;
    if (size > MAX_RESPONSE_BYTES) throw new BrokerError('upstream_unavailable', 'GitHub sent an oversized answer; try again later');
    chunks.push(Buffer.from(c));
  }
  return Buffer.concat(chunks).toString('utf8');
}
