// Failures of the client side of an exchange, each with a stable code for tests and scripts. Messages say
// what to fix; they never carry a token or a secret value, and peer text in them goes through peerText().

export type ExchangeErrorCode =
  /** The CI platform did not hand out an OIDC token (permission missing, fork pull request). */
  | 'id_token_unavailable'
  /** The broker answered with an error that retrying will not fix (4xx other than 429). */
  | 'broker_refused'
  /** Retries ran out or the deadline passed while the broker was down, slow or unreachable. */
  | 'broker_unavailable'
  /** The broker's TLS certificate is not trusted (a private CA needs `ca-certificate`). */
  | 'broker_untrusted'
  /** The broker's answer could not be understood, or was larger than the client reads. */
  | 'broker_answer_invalid'
  /** The broker's TLS handshake refused our client certificate, or asked for one and none was set (mutual TLS). */
  | 'client_certificate_refused';

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

/** Longest peer text shown, in characters; the rest is cut with a note. */
export const MAX_PEER_TEXT = 300;

/**
 * Text a peer chose (the broker's error code and message, its policy name, Vault's errors, a claim value) as
 * one printable line. A CI runner reads each printed line as a possible command: GitHub's runner executes a
 * line that starts with `::` after spaces, or that holds `##[` anywhere, so a broker able to put a line break
 * in its answer could save state for the post step (`::save-state`), forge outputs or stop masking. Peer text
 * is shown as one JSON string literal: quoted, every control and line-separator character escaped, `##[`
 * broken up, and cut so a huge answer cannot flood the log.
 */
export function peerText(text: string, max = MAX_PEER_TEXT): string {
  const cut = text.length > max ? text.slice(0, max) : text;
  // JSON escapes the C0 controls, quotes and backslashes; printableLine() does the rest.
  const quoted = printableLine(JSON.stringify(cut));
  return text.length > max ? `${quoted} (cut at ${max} of ${text.length} characters)` : quoted;
}

/**
 * `text` as one line no runner reads as a command and no terminal as a control: every control and
 * line-separator character escaped as `\uXXXX` (JSON leaves U+007F-U+009F, U+2028 and U+2029 raw), and `##[`,
 * the runner's older command form that it recognises anywhere in a line, broken up. For text that is already
 * ours around a peer's words (an error message); peerText() quotes a peer's text on its own.
 */
export function printableLine(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/##\[/g, '#\\u0023[');
}
