// The `github_apps` section: the GitHub Apps that `github_app` secrets mint installation tokens with. What the
// JSON Schema cannot say (exactly one of two keys, a readable RSA key, a usable API URL) is reported by path
// like every other problem.
import type { KeyObject } from 'node:crypto';
import { parseAppKey } from '../github/app-jwt.js';
import { DEFAULT_GITHUB_API, GitHubApp } from '../github/app.js';
import { DEFAULT_QUOTA } from '../github/quota.js';
import { checkEndpointUrl } from './endpoint-url.js';
import { isObject, pathFrom, readNamedFile, type SectionContext } from './section.js';

export interface RawGitHubApp {
  app_id?: string | number;
  client_id?: string;
  private_key_file?: string;
  private_key_env?: string;
  owner: string;
  api_url?: string;
  timeout_seconds?: number;
  max_concurrent_requests?: number;
  queue_seconds?: number;
  rate_limit_warning_share?: number;
}

export async function loadGitHubApps(raw: unknown, ctx: SectionContext): Promise<Map<string, GitHubApp>> {
  const apps = new Map<string, GitHubApp>();
  for (const [name, a] of Object.entries(isObject(raw) ? raw : {})) {
    const at = `github_apps.${name}`;
    if (!wellFormed(a)) {
      // The schema has reported what is wrong; the name is still registered so that secrets naming it do
      // not add "not defined" findings of their own.
      apps.set(name, new GitHubApp({ name, issuer: '', owner: '', apiUrl: DEFAULT_GITHUB_API, keyOrigin: 'invalid configuration', timeoutSeconds: 10 }));
      continue;
    }
    const before = ctx.problems.length;
    if ((a.app_id === undefined) === (a.client_id === undefined)) {
      ctx.problems.push(`${at}: set exactly one of app_id or client_id (both are on the app's settings page; either is accepted as the JWT issuer)`);
    }
    if ((a.private_key_file === undefined) === (a.private_key_env === undefined)) {
      ctx.problems.push(`${at}: set exactly one of private_key_file or private_key_env (the PEM key downloaded from the app's settings page)`);
    }
    const apiUrl = (a.api_url ?? DEFAULT_GITHUB_API).replace(/\/+$/, '');
    const urlProblem = checkEndpointUrl(apiUrl);
    if (urlProblem) ctx.problems.push(`${at}.api_url: ${urlProblem}`);

    // The app is registered even when it has problems (the configuration is refused anyway), so the secrets
    // that name it do not add misleading "not defined" findings.
    let pem: string | undefined;
    let keyOrigin = 'no key configured';
    let keyAt = at;
    // With an exactly-one problem already reported, no key is read: which one was meant is unclear.
    const readKey = ctx.problems.length === before;
    if (readKey && a.private_key_file !== undefined) {
      keyOrigin = `file ${pathFrom(a.private_key_file, ctx)}`;
      keyAt = `${at}.private_key_file`;
      pem = await readNamedFile(a.private_key_file, keyAt, ctx);
    } else if (readKey) {
      keyOrigin = `env ${a.private_key_env}`;
      keyAt = `${at}.private_key_env`;
      pem = ctx.env[a.private_key_env!];
      if (pem === undefined && ctx.strict) ctx.problems.push(`${keyAt}: environment variable ${a.private_key_env} is not set`);
      // Environments often carry a PEM with its newlines escaped.
      if (pem !== undefined && !pem.includes('\n')) pem = pem.replace(/\\n/g, '\n');
    }
    let key: KeyObject | undefined;
    if (pem !== undefined) {
      try {
        key = parseAppKey(pem);
      } catch (e) {
        ctx.problems.push(`${keyAt}: the key ${(e as Error).message}`);
      }
    }
    apps.set(
      name,
      new GitHubApp({
        name,
        issuer: String(a.app_id ?? a.client_id),
        owner: a.owner,
        apiUrl,
        key,
        keyOrigin,
        timeoutSeconds: a.timeout_seconds ?? 10,
        quota: {
          ...DEFAULT_QUOTA,
          maxConcurrent: a.max_concurrent_requests ?? DEFAULT_QUOTA.maxConcurrent,
          queueSeconds: a.queue_seconds ?? DEFAULT_QUOTA.queueSeconds,
          warnBelowShare: a.rate_limit_warning_share ?? DEFAULT_QUOTA.warnBelowShare,
        },
      }, ctx.options.now),
    );
  }
  return apps;
}

/** The shape the code below relies on; anything else was reported by the schema already. */
function wellFormed(a: unknown): a is RawGitHubApp {
  if (typeof a !== 'object' || a === null || Array.isArray(a)) return false;
  const o = a as Record<string, unknown>;
  return (
    typeof o.owner === 'string' &&
    (o.app_id === undefined || typeof o.app_id === 'string' || typeof o.app_id === 'number') &&
    optional(o.client_id, 'string') &&
    optional(o.private_key_file, 'string') &&
    optional(o.private_key_env, 'string') &&
    optional(o.api_url, 'string') &&
    optional(o.timeout_seconds, 'number') &&
    optional(o.max_concurrent_requests, 'number') &&
    optional(o.queue_seconds, 'number') &&
    optional(o.rate_limit_warning_share, 'number')
  );
}

function optional(v: unknown, type: 'string' | 'number'): boolean {
  return v === undefined || typeof v === type;
}
