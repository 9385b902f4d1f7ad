// The job's OIDC token, from the toolkit: core.getIDToken(audience) asks the runner's token service (the
// ACTIONS_ID_TOKEN_REQUEST_URL with `&audience=`, the runner's bearer token) and registers the token for
// masking before returning it. What this module adds: a plain explanation when the job has no token to get,
// and a time limit, because the toolkit's own client retries without one.
import { ExchangeError } from '../client/errors.js';
import type { ActionCore } from './toolkit.js';

export const NO_TOKEN_HELP =
  'the runner offers no OIDC token to this job. Give the job (or the workflow) `permissions: id-token: write`; ' +
  'a job with an explicit `permissions:` block gets no other permission it does not list. Pull requests from ' +
  'forks never get an OIDC token (and no secrets): run the job on `push`, or on `pull_request_target` only if you trust the code it runs.';

export function idTokenSource(env: NodeJS.ProcessEnv, audience: string, core: Pick<ActionCore, 'getIDToken'>, timeoutMs: () => number): () => Promise<string> {
  return async () => {
    // The runner sets both only for a job with `id-token: write`.
    if (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) throw new ExchangeError('id_token_unavailable', NO_TOKEN_HELP);
    const limit = timeoutMs();
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        core.getIDToken(audience),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`the runner's token service did not answer within ${(limit / 1000).toFixed(1)} s`)), limit);
        }),
      ]);
    } catch (e) {
      // The toolkit reports the token service's status as "Error Code : 401".
      const status = /Error Code : (\d{3})/.exec((e as Error).message)?.[1];
      if (status === '401' || status === '403') {
        throw new ExchangeError('id_token_unavailable', `the runner refused to issue an OIDC token (HTTP ${status}); ${NO_TOKEN_HELP}`);
      }
      throw new Error(`could not get the job's OIDC token: ${(e as Error).message.replace(/\s+/g, ' ').trim()}`);
    } finally {
      clearTimeout(timer);
    }
  };
}
