// Failures of the client side of an exchange, each with a stable code for tests and scripts. Messages say
// what to fix; they never carry a token or a secret value.

export type ExchangeErrorCode =
  /** The CI platform did not hand out an OIDC token (permission missing, fork pull request). */
  | 'id_token_unavailable'
  /** The broker answered with an error that retrying will not fix (4xx other than 429). */
  | 'broker_refused'
  /** Retries ran out or the deadline passed while the broker was down, slow or unreachable. */
  | 'broker_unavailable'
  /** The broker's TLS certificate is not trusted (a private CA needs `ca-certificate`). */
  | 'broker_untrusted'
  /** The broker's answer could not be understood. */
  | 'broker_answer_invalid';

export class ExchangeError extends Error {
  readonly code: ExchangeErrorCode;
  /** HTTP status of the broker's last answer, if there was one. */
  readonly status?: number;
  /** The broker's own `error` code and message, shown to the user as they are. */
  readonly brokerCode?: string;
  readonly brokerMessage?: string;
  /** Claims of the last token sent (for 401/403 diagnostics); never the token. */
  readonly claims?: Record<string, unknown>;
  readonly attempts: number;

  constructor(
    code: ExchangeErrorCode,
    message: string,
    opts: { status?: number; brokerCode?: string; brokerMessage?: string; claims?: Record<string, unknown>; attempts?: number } = {},
  ) {
    super(message);
    this.name = 'ExchangeError';
    this.code = code;
    this.status = opts.status;
    this.brokerCode = opts.brokerCode;
    this.brokerMessage = opts.brokerMessage;
    this.claims = opts.claims;
    this.attempts = opts.attempts ?? 0;
  }
}
