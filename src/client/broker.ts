// The client side of `POST /v1/exchange`, shared by the GitHub Action and the CLI: a fresh OIDC token per
// attempt (a broker that remembers `jti` refuses a replayed one), retries on network errors, 5xx and 429,
// none on other 4xx, and the broker's error code and message handed back as they are.
import { decodeClaims } from './claims.js';
import { ExchangeError, peerText } from './errors.js';
import { TransportError, type HttpClient } from './transport.js';
import { RetriesExhausted, withRetries, type RetrySettings } from './retry.js';

/** A secret the client should revoke at the end of the job (see the revoke contract). */
export interface RevokeEntry {
  name: string;
  method: string;
  url: string;
}

export interface ExchangeResult {
  secrets: Record<string, string>;
  policy: string;
  expiresAt: string | null;
  revoke: RevokeEntry[];
  attempts: number;
  /** Claims of the token that succeeded (for `debug-claims`). */
  claims?: Record<string, unknown>;
}

export interface ExchangeRequest {
  brokerUrl: string;
  /** Asks the CI platform for a new OIDC token; called once per attempt. */
  getToken: () => Promise<string>;
  /** Names to ask for; undefined: everything the policy grants. */
  secretNames?: string[];
  http: HttpClient;
  retry: RetrySettings;
}

export async function exchangeWithBroker(req: ExchangeRequest): Promise<ExchangeResult> {
  const url = `${req.brokerUrl.replace(/\/+$/, '')}/v1/exchange`;
  const body = req.secretNames ? JSON.stringify({ secrets: req.secretNames }) : undefined;
  let lastClaims: Record<string, unknown> | undefined;
  let lastStatus: number | undefined;
  try {
    const { value, attempts } = await withRetries<Omit<ExchangeResult, 'attempts'>>(req.retry, async (timeoutMs, n) => {
      let token: string;
      try {
        token = await req.getToken();
      } catch (e) {
        // A missing permission is final; the token service being briefly down is not.
        if (e instanceof ExchangeError) return { fail: e };
        return { retry: `attempt ${n}: could not get an OIDC token: ${(e as Error).message}` };
      }
      lastClaims = decodeClaims(token);
      let res;
      try {
        res = await req.http({
          method: 'POST',
          url,
          headers: {
            authorization: `Bearer ${token}`,
            accept: 'application/json',
            'user-agent': 'oidc-exchange-client',
            ...(body ? { 'content-type': 'application/json' } : {}),
          },
          body,
          timeoutMs,
        });
      } catch (e) {
        if (isCertificateProblem(e)) return { fail: untrusted(req.brokerUrl, e as Error) };
        if (e instanceof TransportError && e.code === 'answer_too_large') return { fail: new ExchangeError('broker_answer_invalid', e.message, { attempts: n }) };
        return { retry: `attempt ${n}: ${(e as Error).message}` };
      }
      lastStatus = res.status;
      if (res.status === 200) return { ok: parseAnswer(res.body, lastClaims) };
      const err = parseError(res.body);
      // The broker's words are shown, but as quoted text: they reach the log (see peerText).
      const said = err ? `${errorCodeText(err.error)}: ${peerText(err.message)}` : `HTTP ${res.status}`;
      if (res.status === 429 || res.status >= 500) return { retry: `attempt ${n}: the broker answered ${res.status} ${said}`, retryAfter: res.headers['retry-after'] };
      return {
        fail: new ExchangeError('broker_refused', `the broker refused the exchange (${res.status} ${said})`, {
          status: res.status,
          brokerCode: err?.error,
          brokerMessage: err?.message,
          claims: lastClaims,
          attempts: n,
        }),
      };
    });
    return { ...value, attempts };
  } catch (e) {
    if (e instanceof RetriesExhausted) {
      throw new ExchangeError(
        'broker_unavailable',
        `no answer from the broker at ${req.brokerUrl} after ${e.attempts} attempt(s)${e.deadlinePassed ? ' within the time limit (timeout-seconds)' : ''}; last: ${e.lastReason}`,
        { status: lastStatus, claims: lastClaims, attempts: e.attempts },
      );
    }
    throw e;
  }
}

function parseAnswer(text: string, claims: Record<string, unknown> | undefined): Omit<ExchangeResult, 'attempts'> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ExchangeError('broker_answer_invalid', 'the broker answered 200 with a body that is not JSON; is broker-url the broker and not a web page?');
  }
  const a = parsed as { secrets?: unknown; policy?: unknown; expires_at?: unknown; revoke?: unknown };
  if (!a || typeof a.secrets !== 'object' || a.secrets === null || Array.isArray(a.secrets)) {
    throw new ExchangeError('broker_answer_invalid', 'the broker answered 200 without a "secrets" object');
  }
  const secrets: Record<string, string> = {};
  for (const [name, value] of Object.entries(a.secrets as Record<string, unknown>)) {
    if (typeof value !== 'string') throw new ExchangeError('broker_answer_invalid', `the broker's value for ${peerText(name, 130)} is not a string`);
    secrets[name] = value;
  }
  const revoke: RevokeEntry[] = [];
  if (Array.isArray(a.revoke)) {
    for (const r of a.revoke as Array<Record<string, unknown>>) {
      if (r && typeof r.name === 'string' && typeof r.url === 'string' && r.name in secrets) {
        revoke.push({ name: r.name, method: typeof r.method === 'string' ? r.method : 'DELETE', url: r.url });
      }
    }
  }
  return {
    secrets,
    policy: typeof a.policy === 'string' ? a.policy : '(unnamed)',
    expiresAt: typeof a.expires_at === 'string' ? a.expires_at : null,
    revoke,
    claims,
  };
}

/** A stable error code (`secret_not_granted`) as it is; anything else a broker sends there, as peer text. */
function errorCodeText(code: string): string {
  return /^[a-z][a-z0-9_]{0,63}$/.test(code) ? code : peerText(code, 80);
}

/** The broker's `{"error", "message"}` body, or undefined when the answer is something else (a proxy's page). */
export function parseError(text: string): { error: string; message: string } | undefined {
  try {
    const j = JSON.parse(text) as { error?: unknown; message?: unknown };
    if (typeof j.error === 'string') return { error: j.error, message: typeof j.message === 'string' ? j.message : '' };
  } catch {
    /* not JSON */
  }
  return undefined;
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
export function isCertificateProblem(e: unknown): boolean {
  return CERTIFICATE_CODES.has((e as { code?: string })?.code ?? '');
}

export function untrusted(url: string, e: Error): ExchangeError {
  return new ExchangeError(
    'broker_untrusted',
    `the TLS certificate of ${url} is not trusted (${(e as { code?: string }).code}): if the broker uses a private CA, pass that CA's certificate as ca-certificate; if the host name differs from the certificate's, fix broker-url`,
  );
}
