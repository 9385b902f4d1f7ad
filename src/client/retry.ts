// The one attempt loop of the client. withRetries() makes attempts until one succeeds, a failure is final, or
// the total deadline passes; each attempt gets its own timeout, never longer than what is left of the
// deadline. callWithToken() is every call that trades the job's OIDC token (the broker's exchange, Vault's
// login) on top of it: a fresh token per attempt (a service that remembers `jti` refuses a replayed one),
// network errors, 429 and 5xx retried, certificate problems (the broker's, or our client certificate refused) and the other answers final, and running out
// of time reported the same way whichever service it was.
import { DEFAULT_BACKOFF, parseRetryAfter, retryDelayMs, type BackoffPolicy } from './backoff.js';
import { decodeClaims } from './claims.js';
import { ExchangeError } from './errors.js';
import { TransportError, type HttpClient, type HttpRequest, type HttpResponse } from './transport.js';

export interface RetrySettings {
  /** Total time for all attempts and waits, in ms. */
  deadlineMs: number;
  /** Longest single attempt, in ms. */
  attemptTimeoutMs: number;
  backoff?: BackoffPolicy;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Told before each wait: the attempt that failed, why, and how long until the next. */
  onRetry?: (info: { attempt: number; reason: string; delayMs: number }) => void;
}

export type Attempt<T> =
  | { ok: T }
  /** Worth another attempt (network error, 5xx, 429). */
  | { retry: string; retryAfter?: string }
  /** Final: retrying cannot help. */
  | { fail: Error };

export class RetriesExhausted extends Error {
  readonly attempts: number;
  readonly lastReason: string;
  readonly deadlinePassed: boolean;
  /** The peer asked (Retry-After) for a wait longer than what was left of the deadline: both, in ms. */
  readonly askedWait?: { askedMs: number; leftMs: number };
  constructor(attempts: number, lastReason: string, deadlinePassed: boolean, askedWait?: { askedMs: number; leftMs: number }) {
    super(lastReason);
    this.name = 'RetriesExhausted';
    this.attempts = attempts;
    this.lastReason = lastReason;
    this.deadlinePassed = deadlinePassed;
    this.askedWait = askedWait;
  }
}

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function withRetries<T>(settings: RetrySettings, attempt: (timeoutMs: number, n: number) => Promise<Attempt<T>>): Promise<{ value: T; attempts: number }> {
  const now = settings.now ?? Date.now;
  const sleep = settings.sleep ?? realSleep;
  const random = settings.random ?? Math.random;
  const deadline = now() + settings.deadlineMs;
  for (let n = 1; ; n++) {
    const left = deadline - now();
    const result = await attempt(Math.max(1, Math.min(settings.attemptTimeoutMs, left)), n);
    if ('ok' in result) return { value: result.ok, attempts: n };
    if ('fail' in result) throw result.fail;
    const delay = retryDelayMs(n, result.retryAfter, random(), settings.backoff ?? DEFAULT_BACKOFF, now());
    // A wait that would end past the deadline leaves no time for another attempt worth making. When the peer
    // asked for that wait itself (Retry-After), say so: the fix is a longer time limit, not a closer look at
    // the network.
    if (now() + delay + 50 >= deadline) {
      const asked = parseRetryAfter(result.retryAfter, now());
      throw new RetriesExhausted(n, result.retry, true, asked === undefined ? undefined : { askedMs: asked, leftMs: Math.max(0, deadline - now()) });
    }
    settings.onRetry?.({ attempt: n, reason: result.retry, delayMs: delay });
    await sleep(delay);
  }
}

/** A call that sends the job's OIDC token to a service (see the top of this file). */
export interface TokenCall<T> {
  /** The service, as messages name it: "the broker", "Vault". */
  peer: string;
  /** Its address as the user gave it, for messages. */
  url: string;
  /** Asks the CI platform for a new OIDC token; called once per attempt. */
  getToken: () => Promise<string>;
  http: HttpClient;
  retry: RetrySettings;
  /** The request one attempt sends, carrying `token`. */
  request: (token: string) => Omit<HttpRequest, 'timeoutMs'>;
  /** The service's own words in an answer that is not 200, as text safe to print (see peerText). */
  said: (res: HttpResponse) => string;
  /** What an answer that is not retried means (200, and 4xx other than 429): the value, or a final error. */
  settle: (res: HttpResponse, attempt: { n: number; claims: Record<string, unknown> | undefined }) => { ok: T } | { fail: Error };
}

export async function callWithToken<T>(call: TokenCall<T>): Promise<{ value: T; attempts: number }> {
  let claims: Record<string, unknown> | undefined;
  let lastStatus: number | undefined;
  try {
    return await withRetries<T>(call.retry, async (timeoutMs, n) => {
      let token: string;
      try {
        token = await call.getToken();
      } catch (e) {
        // A missing permission is final; the token service being briefly down is not.
        if (e instanceof ExchangeError) return { fail: e };
        return { retry: `attempt ${n}: could not get an OIDC token: ${(e as Error).message}` };
      }
      claims = decodeClaims(token);
      let res: HttpResponse;
      try {
        res = await call.http({ ...call.request(token), timeoutMs });
      } catch (e) {
        if (isCertificateProblem(e)) return { fail: untrusted(call.url, e as Error) };
        // The broker refused the client certificate (or the lack of one) in the handshake: the same again will not pass.
        if (e instanceof TransportError && e.code === 'client_certificate_refused') return { fail: new ExchangeError('client_certificate_refused', e.message, { attempts: n }) };
        // Asking again brings the same oversized answer.
        if (e instanceof TransportError && e.code === 'answer_too_large') return { fail: new ExchangeError('broker_answer_invalid', e.message, { attempts: n }) };
        return { retry: `attempt ${n}: ${(e as Error).message}` };
      }
      lastStatus = res.status;
      if (res.status === 429 || res.status >= 500) return { retry: `attempt ${n}: ${call.peer} answered ${res.status} ${call.said(res)}`, retryAfter: res.headers['retry-after'] };
      return call.settle(res, { n, claims });
    });
  } catch (e) {
    if (e instanceof RetriesExhausted && e.askedWait) {
      const secs = (ms: number) => `${Math.ceil(ms / 1000)} s`;
      throw new ExchangeError(
        'broker_unavailable',
        `${call.peer} at ${call.url} asked to be retried in ${secs(e.askedWait.askedMs)} (Retry-After), later than the ${secs(e.askedWait.leftMs)} left of the time limit (timeout-seconds), so no further attempt was made after ${e.attempts}; raise the time limit or run the job again later; last: ${e.lastReason}`,
        { status: lastStatus, claims, attempts: e.attempts },
      );
    }
    if (e instanceof RetriesExhausted) {
      throw new ExchangeError(
        'broker_unavailable',
        `no answer from ${call.peer} at ${call.url} after ${e.attempts} attempt(s)${e.deadlinePassed ? ' within the time limit (timeout-seconds)' : ''}; last: ${e.lastReason}`,
        { status: lastStatus, claims, attempts: e.attempts },
      );
    }
    throw e;
  }
}

const CERTIFICATE_CODES = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** A certificate the client does not trust will not become trusted by retrying. */
function isCertificateProblem(e: unknown): boolean {
  return CERTIFICATE_CODES.has((e as { code?: string })?.code ?? '');
}

function untrusted(url: string, e: Error): ExchangeError {
  return new ExchangeError(
    'broker_untrusted',
    `the TLS certificate of ${url} is not trusted (${(e as { code?: string }).code}): if the broker uses a private CA, pass that CA's certificate as ca-certificate; if the host name differs from the certificate's, fix broker-url`,
  );
}
