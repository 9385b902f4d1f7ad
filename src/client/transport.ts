// What every part of the client's HTTP shares, so the direct client (http.ts) and the proxied one
// (proxy-client.ts) depend on this module and never on each other: the request and answer types, the most an
// answer may hold, the error for a request that got no answer, and how an extra CA is trusted next to Node's
// bundled roots and a client certificate presented, and what a refused client certificate looks like. Only types
// and small functions: node:tls is loaded when a CA or a client certificate is actually given.
import type { SecureContext } from 'node:tls';

export interface HttpRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string;
  /** Abort the request after this many milliseconds (connect + answer). */
  timeoutMs: number;
  /** Largest answer body read, in bytes (default MAX_ANSWER_BYTES); a larger one fails with `answer_too_large`. */
  maxBodyBytes?: number;
}

/** What the client reads of an answer at most: a broker's answer is kilobytes; 16 MiB leaves room for big keys. */
export const MAX_ANSWER_BYTES = 16 * 1024 * 1024;

export interface HttpResponse {
  status: number;
  /** Lower-case header names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: string;
}

export interface HttpClient {
  (req: HttpRequest): Promise<HttpResponse>;
  /**
   * Opens the connection (TCP and TLS) to `url`'s origin now, for the next request there to use: the handshake
   * then overlaps whatever the caller waits for meanwhile (the job's OIDC token). Best effort: a connection
   * that fails or is not used changes nothing. Not done through a proxy.
   */
  warm?(url: string): void;
}

/** A request that did not get an HTTP answer (refused, reset, DNS, TLS, timeout). */
export class TransportError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'TransportError';
    this.code = code;
  }
}

/** The error for an answer larger than the client reads (final: asking again brings the same answer). */
export function tooLarge(origin: string, limit: number): TransportError {
  return new TransportError(
    'answer_too_large',
    `${origin} answered with more than ${limit / 1024 / 1024} MiB; the client stops reading there. Is broker-url the broker, and does its policy hand out only what the job needs?`,
  );
}

/** A client certificate and key (PEM) to present in the TLS handshake: see client-certificate.ts. */
export interface TlsIdentity {
  cert: string;
  key: string;
  passphrase?: string;
}

/**
 * The contexts made, one per (CA, identity): a client with a certificate uses two (with it for the broker, without
 * for every other host), and a single slot would rebuild the context, parsing the key again, on each alternation.
 */
const made: { ca: string | undefined; identity: TlsIdentity | undefined; context: Promise<SecureContext> }[] = [];

/**
 * A TLS context that trusts Node's bundled roots and `ca` too (a proxy or mirror may use either), and presents
 * `identity` when given. The CA is added to the default store rather than passed as `ca` with every root,
 * which would parse all ~140 bundled root certificates on each start (several ms). Made once per process.
 */
export async function contextTrusting(ca: string | undefined, identity?: TlsIdentity): Promise<SecureContext> {
  let entry = made.find((m) => m.ca === ca && m.identity === identity);
  if (!entry) {
    // A new CA or identity replaces the old ones (tests, a second client): only the current pair is kept.
    if (made.length >= 2) made.splice(0);
    entry = {
      ca,
      identity,
      context: import('node:tls').then((tls) => {
        const own = identity ? { cert: identity.cert, key: identity.key, ...(identity.passphrase ? { passphrase: identity.passphrase } : {}) } : {};
        const context = tls.createSecureContext(own);
        if (ca === undefined) return context;
        const native = (context as unknown as { context?: { addCACert?: (pem: string) => void } }).context;
        // Node's own way of loading `ca`; should a future Node drop it, fall back to the documented option.
        if (typeof native?.addCACert !== 'function') return tls.createSecureContext({ ...own, ca: [...tls.rootCertificates, ca] });
        native.addCACert(ca);
        return context;
      }),
    };
    made.push(entry);
  }
  return entry.context;
}

/**
 * TLS alerts a server sends when it refuses the client's certificate (none, an unknown CA, expired, revoked):
 * sending the same again cannot help. Node reports them as ERR_SSL_<alert>.
 */
const CLIENT_CERTIFICATE_ALERTS = /^ERR_SSL_(?:TLSV13_ALERT_CERTIFICATE_REQUIRED|TLSV1_ALERT_UNKNOWN_CA|SSLV3_ALERT_BAD_CERTIFICATE|SSLV3_ALERT_CERTIFICATE_UNKNOWN|SSLV3_ALERT_CERTIFICATE_EXPIRED|SSLV3_ALERT_CERTIFICATE_REVOKED|SSLV3_ALERT_UNSUPPORTED_CERTIFICATE|TLSV1_ALERT_ACCESS_DENIED|SSLV3_ALERT_HANDSHAKE_FAILURE)$/;

/**
 * A request's failure as the client reports it: a refused client certificate becomes `client_certificate_refused`
 * (final), and a connection the server closed without a word while a certificate was presented says that the
 * broker may not accept that certificate (a Node broker closes the connection after the handshake instead of
 * sending an alert for a certificate from another CA: indistinguishable from a broken connection, so it stays
 * retried, with the hint).
 */
export function transportFailure(e: Error, origin: string, presented: boolean, via = ''): TransportError {
  if (e instanceof TransportError) return e;
  const code = (e as NodeJS.ErrnoException).code ?? 'network_error';
  if (CLIENT_CERTIFICATE_ALERTS.test(code)) {
    return new TransportError(
      'client_certificate_refused',
      presented
        ? `${origin} refused the client certificate in the TLS handshake (${code}): the broker requires one signed by its client CA (listen.tls.client_ca), valid and not revoked`
        : `${origin} requires a client certificate (mutual TLS) and none was given (${code}): set the client certificate and key (action inputs client-certificate and client-key, oidc-exchange exchange --client-cert and --client-key, component inputs client_cert and client_key)`,
    );
  }
  const hint = presented && (code === 'ECONNRESET' || code === 'EPIPE')
    ? ' (the broker closed the connection after the TLS handshake: if it requires mutual TLS, check that the client certificate is signed by its client CA)'
    : '';
  return new TransportError(code, `${origin}${via}: ${e.message}${hint}`);
}

/** A custom CA is added to Node's bundled roots, not instead of them (a proxy or mirror may use either). */
export async function withDefaultCAs(ca: string): Promise<string[]> {
  const { rootCertificates } = await import('node:tls');
  return [...rootCertificates, ca];
}
