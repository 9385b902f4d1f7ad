// GitHub replicates a freshly minted installation token to its API servers asynchronously. For a few seconds
// after minting, a server that has not seen it yet answers 401 ("we can't find your token yet"), or 403 when
// it has the token but not yet its permissions; GitHub hides some refusals as 404. GitHub's own SDK retries
// such an answer after 1 s, 2 s and 4 s when it comes within the token's first seconds
// (octokit/auth-app.js#65, #168, #589). Revocation has the same problem from the other side: a "Bad
// credentials" answer to a young token does not mean it is already dead, and reporting it so would leave a
// live token behind. Old tokens get no retry: for them a 401 means expired or revoked.

/** The delays before each retry, in order. */
export const REPLICATION_RETRY_DELAYS_MS: readonly number[] = [1000, 2000, 4000];

/** How long after minting an answer may still be replication lag. */
export const REPLICATION_WINDOW_MS = 10_000;

/** The statuses GitHub gives a token its API servers have not caught up with. */
const LAG_STATUSES: ReadonlySet<number> = new Set([401, 403, 404]);

/**
 * How long to wait before asking again, or undefined when the answer stands.
 * @param status the answer's HTTP status
 * @param mintedAtMs when the token was minted (undefined: unknown, so no retry)
 * @param answeredAtMs when the answer came
 * @param retriesSoFar retries already made for this request
 */
export function replicationRetryDelay(status: number, mintedAtMs: number | undefined, answeredAtMs: number, retriesSoFar: number): number | undefined {
  if (!LAG_STATUSES.has(status) || mintedAtMs === undefined || !Number.isFinite(mintedAtMs)) return undefined;
  if (answeredAtMs - mintedAtMs >= REPLICATION_WINDOW_MS) return undefined;
  return REPLICATION_RETRY_DELAYS_MS[retriesSoFar];
}
