// The `github_apps` and `revocation` sections of the broker's configuration: what the JSON Schema cannot say
// (exactly one of two keys, a readable RSA key, a usable URL), reported by path like every other problem.
import type { KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { parseAppKey } from '../github/app-jwt.js';
import { checkEndpointUrl } from './endpoint-url.js';
import type { Logger } from 'pino';
import { DEFAULT_GITHUB_API, GitHubApp } from '../github/app.js';

export interface RawGitHubApp {
  app_id?: string | number;
  client_id?: string;
  private_key_file?: string;
  private_key_env?: string;
  owner: string;
  api_url?: string;
  timeout_seconds?: number;
}

export interface RawRevocation {
  token_env?: string;
  token_file?: string;
  rate_limit?: { requests: number; per_seconds: number };
  body_limit_bytes?: number;
  concurrency?: number;
  answer_within_seconds?: number;
}

export interface RevocationSettings {
  /**
   * The pre-shared tokens accepted, one per line of the variable or file (two during a rotation); undefined
   * when they could not be read (only `check` allows that).
   */
  tokens?: string[];
  /** Where the token comes from, for logs (never the token). */
  tokenOrigin: string;
  rateLimit: { requests: number; perSeconds: number };
  /** Largest batch accepted (GitLab sends a whole pipeline's findings, about 1.3 KB each). */
  bodyLimitBytes: number;
  /** Revocations at the provider in flight at once. */
  concurrency: number;
  /** Answer within this (GitLab's read timeout is 20 s): 204 when done, else 503 and GitLab's retry finishes. */
  answerWithinSeconds: number;
}

/** 16 MiB: about 12,000 GitLab findings with their vulnerability records. */
export const DEFAULT_REVOCATION_BODY_LIMIT = 16 * 1024 * 1024;

export interface SectionContext {
  /** The configuration file (relative paths are relative to its folder). */
  file: string;
  env: NodeJS.ProcessEnv;
  /** Report unreadable keys and tokens as problems (the broker); `check` does not need them. */
  strict: boolean;
  problems: string[];
}

/** Default: GitLab sends batches as it finds leaks; 60 a minute is far above that and far below abuse. */
const DEFAULT_RATE_LIMIT = { requests: 60, perSeconds: 60 };

export async function loadGitHubApps(raw: Record<string, RawGitHubApp>, ctx: SectionContext): Promise<Map<string, GitHubApp>> {
  const apps = new Map<string, GitHubApp>();
  for (const [name, a] of Object.entries(raw)) {
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
      const path = isAbsolute(a.private_key_file) ? a.private_key_file : resolve(dirname(ctx.file), a.private_key_file);
      keyOrigin = `file ${path}`;
      keyAt = `${at}.private_key_file`;
      try {
        pem = await readFile(path, 'utf8');
      } catch (e) {
        if (ctx.strict) ctx.problems.push(`${keyAt}: cannot read ${path} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
      }
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
      }),
    );
  }
  return apps;
}

export async function loadRevocation(raw: RawRevocation | undefined, ctx: SectionContext): Promise<RevocationSettings | undefined> {
  if (!raw) return undefined;
  // Wrong types are reported by the schema.
  if (!optional(raw.token_env, 'string') || !optional(raw.token_file, 'string')) return undefined;
  if ((raw.token_env === undefined) === (raw.token_file === undefined)) {
    ctx.problems.push('revocation: set exactly one of token_env or token_file (the pre-shared token GitLab is configured with)');
    return undefined;
  }
  const r = raw.rate_limit;
  const rateLimit =
    r && Number.isInteger(r.requests) && Number.isInteger(r.per_seconds) && r.requests > 0 && r.per_seconds > 0
      ? { requests: r.requests, perSeconds: r.per_seconds }
      : DEFAULT_RATE_LIMIT;
  let token: string | undefined;
  let tokenOrigin: string;
  if (raw.token_env !== undefined) {
    tokenOrigin = `env ${raw.token_env}`;
    token = ctx.env[raw.token_env];
    if (token === undefined && ctx.strict) ctx.problems.push(`revocation.token_env: environment variable ${raw.token_env} is not set`);
  } else {
    const path = isAbsolute(raw.token_file!) ? raw.token_file! : resolve(dirname(ctx.file), raw.token_file!);
    tokenOrigin = `file ${path}`;
    try {
      token = await readFile(path, 'utf8');
    } catch (e) {
      if (ctx.strict) ctx.problems.push(`revocation.token_file: cannot read ${path} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  }
  // One token per line: during a rotation the old and the new one are both accepted. Blank lines (and the
  // newline a file usually ends with) are not tokens.
  let tokens = token?.split('\n').map((t) => t.trim()).filter((t) => t !== '');
  const where = `revocation.${raw.token_env !== undefined ? 'token_env' : 'token_file'}`;
  if (tokens !== undefined && tokens.length === 0) {
    ctx.problems.push(`${where}: holds no token`);
    tokens = undefined;
  } else if (tokens?.some((t) => t.length < 16)) {
    ctx.problems.push(`${where}: a pre-shared token is shorter than 16 characters; use a long random value (e.g. openssl rand -hex 32)`);
    tokens = undefined;
  }
  return {
    tokens,
    tokenOrigin,
    rateLimit,
    bodyLimitBytes: typeof raw.body_limit_bytes === 'number' ? raw.body_limit_bytes : DEFAULT_REVOCATION_BODY_LIMIT,
    concurrency: typeof raw.concurrency === 'number' ? raw.concurrency : 32,
    answerWithinSeconds: typeof raw.answer_within_seconds === 'number' ? raw.answer_within_seconds : 15,
  };
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
    optional(o.timeout_seconds, 'number')
  );
}

function optional(v: unknown, type: 'string' | 'number'): boolean {
  return v === undefined || typeof v === type;
}

/**
 * One start-up line per GitHub App with its key's fingerprint, in the form GitHub's app settings page shows
 * ("SHA256:..."), so an operator can match the configured key against the keys registered on the app.
 */
export function logGitHubApps(config: { githubApps: ReadonlyMap<string, GitHubApp>; revocation?: RevocationSettings }, log: Logger): void {
  for (const app of config.githubApps.values()) {
    const s = app.settings;
    log.info(
      { event: 'github_app', app: s.name, issuer: s.issuer, owner: s.owner, api_url: s.apiUrl, key: s.keyOrigin, key_fingerprint: app.fingerprint ?? null },
      app.fingerprint
        ? `GitHub App ${s.name}: private key fingerprint ${app.fingerprint} (compare with the app's settings page)`
        : `GitHub App ${s.name}: no private key loaded (${s.keyOrigin})`,
    );
  }
  if (config.revocation) {
    const r = config.revocation;
    log.info(
      { event: 'revocation_api', token: r.tokenOrigin, tokens_loaded: r.tokens?.length ?? 0, rate_limit: r.rateLimit },
      `Token Revocation API enabled (${r.rateLimit.requests} requests per ${r.rateLimit.perSeconds} s)`,
    );
  }
}
