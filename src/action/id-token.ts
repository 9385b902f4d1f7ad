// The job's OIDC token, asked from the runner the way the toolkit's getIDToken does: GET the URL the runner
// gives (it already carries `?api-version=...`) with `&audience=` appended and the runner's bearer token;
// the answer is `{"value": "<jwt>"}`. Each token is registered for masking before anything else happens.
import { ExchangeError } from '../exchange/errors.js';
import type { HttpClient } from '../exchange/http.js';
import type { ActionCore } from './core.js';

export const NO_TOKEN_HELP =
  'the runner offers no OIDC token to this job. Give the job (or the workflow) `permissions: id-token: write`; ' +
  'a job with an explicit `permissions:` block gets no other permission it does not list. Pull requests from ' +
  'forks never get an OIDC token (and no secrets): run the job on `push`, or on `pull_request_target` only if you trust the code it runs.';

export function idTokenSource(env: NodeJS.ProcessEnv, audience: string, http: HttpClient, core: ActionCore, timeoutMs: () => number): () => Promise<string> {
  return async () => {
    const base = env.ACTIONS_ID_TOKEN_REQUEST_URL;
    const bearer = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
    if (!base || !bearer) throw new ExchangeError('id_token_unavailable', NO_TOKEN_HELP);
    const url = `${base}${base.includes('?') ? '&' : '?'}audience=${encodeURIComponent(audience)}`;
    const res = await http({ method: 'GET', url, headers: { authorization: `Bearer ${bearer}`, accept: 'application/json', 'user-agent': 'oidc-exchange-action' }, timeoutMs: timeoutMs() });
    if (res.status === 401 || res.status === 403) {
      throw new ExchangeError('id_token_unavailable', `the runner refused to issue an OIDC token (HTTP ${res.status}); ${NO_TOKEN_HELP}`);
    }
    if (res.status !== 200) throw new Error(`the runner's token service answered HTTP ${res.status}`);
    let value: unknown;
    try {
      value = (JSON.parse(res.body) as { value?: unknown }).value;
    } catch {
      /* handled below */
    }
    if (typeof value !== 'string' || value === '') throw new Error("the runner's token service answered without a token");
    core.setSecret(value);
    return value;
  };
}
