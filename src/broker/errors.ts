// Every failure the broker reports has a stable code (what clients and tests match on), an HTTP status
// (set here, in one place) and a message that tells the caller what to fix. Messages never carry a secret,
// a token, or another policy's patterns.

export type ErrorCode =
  | 'token_missing'
  | 'token_malformed'
  | 'token_too_large'
  | 'token_expired'
  | 'token_not_yet_valid'
  | 'token_too_old'
  | 'claim_missing'
  | 'issuer_not_trusted'
  | 'audience_mismatch'
  | 'algorithm_not_allowed'
  | 'unknown_key'
  | 'signature_invalid'
  | 'token_replayed'
  | 'body_malformed'
  | 'unknown_secret'
  | 'no_policy_matched'
  | 'secret_not_granted'
  | 'rate_limited'
  | 'unauthorized'
  | 'not_found'
  | 'method_not_allowed'
  | 'unsupported_media_type'
  | 'not_acceptable'
  | 'headers_too_large'
  | 'body_too_large'
  | 'request_timeout'
  | 'upstream_unavailable'
  | 'secret_unavailable'
  | 'internal_error'
  | 'github_scope_not_granted'
  | 'github_app_unauthorized'
  | 'github_app_not_installed'
  | 'github_permission_refused'
  | 'github_rate_limited'
  | 'unsupported_token_type'
  | 'client_certificate_required'
  | 'config_invalid';

const STATUS: Record<ErrorCode, number> = {
  token_missing: 401,
  token_malformed: 401,
  token_too_large: 401,
  token_expired: 401,
  token_not_yet_valid: 401,
  token_too_old: 401,
  claim_missing: 401,
  issuer_not_trusted: 401,
  audience_mismatch: 401,
  algorithm_not_allowed: 401,
  unknown_key: 401,
  signature_invalid: 401,
  token_replayed: 401,
  unauthorized: 401,
  body_malformed: 400,
  unknown_secret: 400,
  no_policy_matched: 403,
  secret_not_granted: 403,
  not_found: 404,
  method_not_allowed: 405,
  not_acceptable: 406,
  request_timeout: 408,
  body_too_large: 413,
  unsupported_media_type: 415,
  headers_too_large: 431,
  rate_limited: 429,
  internal_error: 500,
  upstream_unavailable: 503,
  secret_unavailable: 503,
  // GitHub App tokens: a request may narrow its policy's grant, never widen it (403); GitHub refusing the
  // broker's app is the broker operator's to fix, not the caller's (502).
  github_scope_not_granted: 403,
  github_app_unauthorized: 502,
  github_app_not_installed: 502,
  github_permission_refused: 502,
  // GitHub's rate limit for the broker's App is reached: the broker refuses before calling GitHub (or GitHub
  // did), with a Retry-After from GitHub's reset, and the job's token is not spent.
  github_rate_limited: 503,
  // Token Revocation API: an unsupported type is a 400 that GitLab does not retry.
  unsupported_token_type: 400,
  // Mutual TLS: the exchange needs a client certificate signed by listen.tls.client_ca.
  client_certificate_required: 401,
  // The admin API's reload: the file on disk does not load (the running configuration keeps serving).
  config_invalid: 400,
};

export class BrokerError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  /** Seconds the client should wait (429 and some 503s). */
  readonly retryAfter?: number;
  /** Detail for the broker's own log only: never sent to the client. */
  readonly detail?: string;

  constructor(code: ErrorCode, message: string, opts: { retryAfter?: number; detail?: string; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'BrokerError';
    this.code = code;
    this.status = STATUS[code];
    this.retryAfter = opts.retryAfter;
    this.detail = opts.detail;
  }

  toJSON(): { error: ErrorCode; message: string } {
    return { error: this.code, message: this.message };
  }
}

export function statusOf(code: ErrorCode): number {
  return STATUS[code];
}

/** A configuration problem, with every finding listed by its path in the file. */
export class ConfigError extends Error {
  readonly problems: string[];
  constructor(file: string, problems: string[]) {
    super(`${file}: invalid configuration\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}
