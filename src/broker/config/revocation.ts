// The `revocation` section: GitLab's Token Revocation API, its pre-shared token (one per line while rotating),
// its rate limit and batch limits. Absent: the broker does not offer the API.
import { DEFAULT_REVOCATION_BODY_LIMIT, type RevocationSettings } from '../revocation.js';
import { isObject, pathFrom, readNamedFile, type SectionContext } from './section.js';

export interface RawRevocation {
  token_env?: string;
  token_file?: string;
  rate_limit?: { requests: number; per_seconds: number };
  body_limit_bytes?: number;
  concurrency?: number;
  answer_within_seconds?: number;
}

/** Default: GitLab sends batches as it finds leaks; 60 a minute is far above that and far below abuse. */
const DEFAULT_RATE_LIMIT = { requests: 60, perSeconds: 60 };

export async function loadRevocation(section: unknown, ctx: SectionContext): Promise<RevocationSettings | undefined> {
  if (!isObject(section)) return undefined;
  const raw = section as RawRevocation;
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
    tokenOrigin = `file ${pathFrom(raw.token_file!, ctx)}`;
    token = await readNamedFile(raw.token_file!, 'revocation.token_file', ctx);
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

function optional(v: unknown, type: 'string' | 'number'): boolean {
  return v === undefined || typeof v === type;
}
