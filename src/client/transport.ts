// What every part of the client's HTTP shares, so the direct client (http.ts) and the proxied one
// (proxy-client.ts) depend on this module and never on each other: the request and answer types, the most an
// answer may hold, the error for a request that got no answer, and how an extra CA is trusted next to Node's
// bundled roots. Only types and small functions: node:tls is loaded when a CA is actually given.
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

let trusting: { ca: string; context: Promise<SecureContext> } | undefined;

/**
 * A TLS context that trusts Node's bundled roots and `ca` too (a proxy or mirror may use either). The CA is
 * added to the default store rather than passed as `ca` with every root, which would parse all ~140 bundled
 * root certificates on each start (several ms). Made once per process.
 */
export async function contextTrusting(ca: string): Promise<SecureContext> {
  if (trusting?.ca !== ca) {
    trusting = {
      ca,
      context: import('node:tls').then((tls) => {
        const context = tls.createSecureContext();
        const native = (context as unknown as { context?: { addCACert?: (pem: string) => void } }).context;
        // Node's own way of loading `ca`; should a future Node drop it, fall back to the documented option.
        if (typeof native?.addCACert !== 'function') return tls.createSecureContext({ ca: [...tls.rootCertificates, ca] });
        native.addCACert(ca);
        return context;
      }),
    };
  }
  return trusting.context;
}

/** A custom CA is added to Node's bundled roots, not instead of them (a proxy or mirror may use either). */
export async function withDefaultCAs(ca: string): Promise<string[]> {
  const { rootCertificates } = await import('node:tls');
  return [...rootCertificates, ca];
}
