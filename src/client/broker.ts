// The client side of `POST /v1/exchange`, shared by the GitHub Action and the CLI: the request, what the
// broker's answers mean, and its error code and message handed back as they are. The attempts (a fresh OIDC
// token each, retries on network errors, 5xx and 429, none on other 4xx) are the client's one attempt loop,
// callWithToken() in retry.ts.
import { ExchangeError, peerText } from './errors.js';
import { callWithToken, type RetrySettings } from './retry.js';
import type { HttpClient, HttpResponse } from './transport.js';

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
  const { value, attempts } = await callWithToken<Omit<ExchangeResult, 'attempts'>>({
    peer: 'the broker',
    url: req.brokerUrl,
    getToken: req.getToken,
    http: req.http,
    retry: req.retry,
    request: (token) => ({
      method: 'POST',
      url,
      headers: {
        authorization: `Bearer ${token}`,
        accept: 'application/json',
        'user-agent': 'oidc-exchange-client',
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body,
    }),
    said: brokerSaid,
    settle: (res, { n, claims }) => {
      if (res.status === 200) return { ok: parseAnswer(res.body, claims) };
      const err = parseError(res.body);
      return {
        fail: new ExchangeError('broker_refused', `the broker refused the exchange (${res.status} ${brokerSaid(res)})`, {
          status: res.status,
          brokerCode: err?.error,
          brokerMessage: err?.message,
          claims,
          attempts: n,
        }),
      };
    },
  });
  return { ...value, attempts };
}

/** The broker's error code and message from an answer, as quoted text: they reach the log (see peerText). */
function brokerSaid(res: HttpResponse): string {
  const err = parseError(res.body);
  return err ? `${errorCodeText(err.error)}: ${peerText(err.message)}` : `HTTP ${res.status}`;
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
