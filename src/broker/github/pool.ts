// Several GitHub Apps installed on one owner, each with its own key and its own hourly quota at GitHub, used
// as one: each mint goes to the App with the most quota left, and moves on to the next when GitHub (or the
// App's own quota gate) refuses for a rate limit. A token is revoked with itself at the API URL the Apps
// share, and its issuance record names the App that minted it.
import { BrokerError } from '../errors.js';
import type { GitHubApp, InstallationToken, TokenScope } from './app.js';
import type { QuotaSnapshot } from './quota.js';

/** The configured App and the Apps of its pool, in configuration order. */
export function poolOf(lead: GitHubApp): GitHubApp[] {
  return [lead, ...lead.pool];
}

/** What is known of every App's quota, pools included, for the status page (no I/O, nothing secret). */
export function quotaSnapshots(apps: ReadonlyMap<string, GitHubApp>): QuotaSnapshot[] {
  return [...apps.values()].flatMap(poolOf).map((a) => a.quota.snapshot());
}

/**
 * Mints with the App that has the most quota left; on a rate-limit refusal tries the next. When every App is
 * limited, the refusal carries the shortest wait among them (the client can retry when the first frees).
 */
export async function mintFromPool(lead: GitHubApp, scope: TokenScope): Promise<{ token: InstallationToken; by: GitHubApp }> {
  const apps = poolOf(lead);
  if (apps.length === 1) return { token: await lead.createToken(scope), by: lead };
  // Stable on ties: configuration order, so a fresh pool spends its first App first.
  const order = apps.map((app, i) => ({ app, i, headroom: app.quota.headroom() })).sort((a, b) => b.headroom - a.headroom || a.i - b.i);
  let refusal: BrokerError | undefined;
  for (const { app } of order) {
    try {
      return { token: await app.createToken(scope), by: app };
    } catch (e) {
      if (!(e instanceof BrokerError) || e.code !== 'github_rate_limited') throw e;
      if (!refusal || (e.retryAfter ?? Infinity) < (refusal.retryAfter ?? Infinity)) refusal = e;
    }
  }
  throw new BrokerError('github_rate_limited', `GitHub's rate limit is reached for every GitHub App of the broker's pool; retry in ${refusal!.retryAfter} s`, {
    retryAfter: refusal!.retryAfter,
    detail: `github app pool ${lead.settings.name}: ${apps.length} apps limited; shortest wait ${refusal!.retryAfter} s`,
  });
}
