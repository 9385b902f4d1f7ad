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
  points_per_minute?: number;
  rate_limit_warning_share?: number;
  pool?: RawPoolMember[];
}

/** Another App of the same owner: its identity and key; the rest comes from the entry it is listed under. */
export interface RawPoolMember {
  app_id?: string | number;
  client_id?: string;
  private_key_file?: string;
  private_key_env?: string;
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
    const apiUrl = (a.api_url ?? DEFAULT_GITHUB_API).replace(/\/+$/, '');
    const exactlyOne = exactlyOneProblems(a, at);
    ctx.problems.push(...exactlyOne);
    const urlProblem = checkEndpointUrl(apiUrl);
    if (urlProblem) ctx.problems.push(`${at}.api_url: ${urlProblem}`);

    // The app is registered even when it has problems (the configuration is refused anyway), so the secrets
    // that name it do not add misleading "not defined" findings.
    // With an exactly-one problem already reported, no key is read: which one was meant is unclear.
    const { key, keyOrigin } = await loadKey(a, at, ctx, ctx.problems.length === before);
    const common = {
      owner: a.owner,
      apiUrl,
      timeoutSeconds: a.timeout_seconds ?? 10,
      quota: {
        ...DEFAULT_QUOTA,
        maxConcurrent: a.max_concurrent_requests ?? DEFAULT_QUOTA.maxConcurrent,
        queueSeconds: a.queue_seconds ?? DEFAULT_QUOTA.queueSeconds,
        pointsPerMinute: a.points_per_minute ?? DEFAULT_QUOTA.pointsPerMinute,
        warnBelowShare: a.rate_limit_warning_share ?? DEFAULT_QUOTA.warnBelowShare,
      },
    };
    const lead = new GitHubApp({ name, issuer: String(a.app_id ?? a.client_id), key, keyOrigin, ...common }, ctx.options.now);

    // The pool: more Apps installed on the same owner, each with its own key (and its own quota at GitHub).
    const seen = new Map<string, string>([[String(a.app_id ?? a.client_id), at]]);
    for (const [i, m] of (a.pool ?? []).entries()) {
      const mAt = `${at}.pool[${i}]`;
      const mBefore = ctx.problems.length;
      ctx.problems.push(...exactlyOneProblems(m, mAt));
      const issuer = String(m.app_id ?? m.client_id);
      // The same App twice is one quota counted twice: the pool would promise more than GitHub gives.
      if (m.app_id !== undefined || m.client_id !== undefined) {
        const other = seen.get(issuer);
        if (other) ctx.problems.push(`${mAt}: the same app as ${other}; each app of a pool must be a different GitHub App (its own quota)`);
        seen.set(issuer, mAt);
      }
      const member = await loadKey(m, mAt, ctx, ctx.problems.length === mBefore);
      lead.pool.push(new GitHubApp({ name: `${name}.pool[${i}]`, issuer, key: member.key, keyOrigin: member.keyOrigin, ...common }, ctx.options.now));
    }
    apps.set(name, lead);
  }
  return apps;
}

function exactlyOneProblems(a: RawPoolMember, at: string): string[] {
  const problems: string[] = [];
  if ((a.app_id === undefined) === (a.client_id === undefined)) {
    problems.push(`${at}: set exactly one of app_id or client_id (both are on the app's settings page; either is accepted as the JWT issuer)`);
  }
  if ((a.private_key_file === undefined) === (a.private_key_env === undefined)) {
    problems.push(`${at}: set exactly one of private_key_file or private_key_env (the PEM key downloaded from the app's settings page)`);
  }
  return problems;
}

/** Reads and parses an App's key (when `read`), reporting problems by path. */
async function loadKey(a: RawPoolMember, at: string, ctx: SectionContext, read: boolean): Promise<{ key?: KeyObject; keyOrigin: string }> {
  let pem: string | undefined;
  let keyOrigin = 'no key configured';
  let keyAt = at;
  if (read && a.private_key_file !== undefined) {
    keyOrigin = `file ${pathFrom(a.private_key_file, ctx)}`;
    keyAt = `${at}.private_key_file`;
    pem = await readNamedFile(a.private_key_file, keyAt, ctx);
  } else if (read) {
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
  return { key, keyOrigin };
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
    optional(o.points_per_minute, 'number') &&
    optional(o.rate_limit_warning_share, 'number') &&
    (o.pool === undefined || (Array.isArray(o.pool) && o.pool.every((m) => typeof m === 'object' && m !== null && !Array.isArray(m))))
  );
}

function optional(v: unknown, type: 'string' | 'number'): boolean {
  return v === undefined || typeof v === type;
}
