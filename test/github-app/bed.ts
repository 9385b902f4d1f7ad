// A broker wired to a fake GitHub API with one GitHub App, for the github-app tests: the app's key reaches the
// broker through the environment (as PKCS#1, GitHub's download format, unless the test says otherwise).
import { request } from 'undici';
import { startBed, type Bed } from '../../src/harness/bed.js';
import type { FakeGitHubApi, FakeGitHubApiOptions } from '../../src/harness/fakes/github-api.js';

export const REVOCATION_TOKEN = 'revocation-pre-shared-0123456789abcdef';

export interface GitHubBed extends Bed {
  api: FakeGitHubApi;
}

export interface GitHubBedOptions {
  api?: FakeGitHubApiOptions;
  /** Overrides for github_apps.main (default: app_id, key from env GH_APP_KEY, owner octo-org). */
  app?: Record<string, unknown>;
  /** The GH_TOKEN secret's github_app grant (default: two repositories, contents read, issues write). */
  grant?: Record<string, unknown>;
  /** Extra top-level config. */
  extra?: Record<string, unknown>;
  env?: NodeJS.ProcessEnv;
}

export const DEFAULT_GRANT = { app: 'main', repositories: ['octo-repo', 'octo-infra'], permissions: { contents: 'read', issues: 'write' } };

export async function startGitHubBed(opts: GitHubBedOptions = {}): Promise<GitHubBed> {
  const bed = await startBed({
    githubApi: opts.api ?? true,
    env: ({ api }) => ({ GH_APP_KEY: api!.app.privateKeyPem, REVOCATION_TOKEN, DB_PASSWORD: 'static-db-password-value', ...(opts.env ?? {}) }),
    config: ({ api }) => ({
      github_apps: { main: { app_id: String(api!.app.appId), private_key_env: 'GH_APP_KEY', owner: 'octo-org', api_url: api!.url, ...(opts.app ?? {}) } },
      secrets: {
        GH_TOKEN: { github_app: opts.grant ?? DEFAULT_GRANT },
        DB_PASSWORD: { env: 'DB_PASSWORD' },
      },
      policies: [
        { name: 'deploy', issuer: 'github', claims: { repository: 'octo-org/octo-repo', ref: 'refs/heads/main' }, secrets: ['GH_TOKEN', 'DB_PASSWORD'] },
      ],
      revocation: { token_env: 'REVOCATION_TOKEN', rate_limit: { requests: 30, per_seconds: 60 } },
      ...(opts.extra ?? {}),
    }),
  });
  return { ...bed, api: bed.api! };
}

/** A GitHub Actions OIDC token for a job on octo-org/octo-repo main. */
export function jobToken(bed: Bed, claims: Record<string, string> = {}): Promise<string> {
  return bed.github.mint({ ...bed.github.claimsFor({ environment: 'production' }), ...claims });
}

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: unknown;
}

export async function call(url: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<RawAnswer> {
  const res = await request(url, { method: (opts.method ?? 'GET') as 'GET', headers: opts.headers, body: opts.body });
  const text = await res.body.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.statusCode, headers: res.headers, text, json };
}

/** POST /v1/revoke_tokens as GitLab does: the pre-shared token as the raw Authorization value (null: none). */
export function revokeTokens(bed: Bed, body: unknown, authorization: string | null = REVOCATION_TOKEN): Promise<RawAnswer> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (authorization !== null) headers.authorization = authorization;
  return call(`${bed.url}/v1/revoke_tokens`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

/** What GitHub says an installation token can reach (401 once it is dead). */
export function reach(api: FakeGitHubApi, token: string): Promise<RawAnswer> {
  return call(`${api.url}/installation/repositories`, {
    headers: { authorization: `Bearer ${token}`, accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' },
  });
}
