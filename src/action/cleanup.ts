// The post step: remove the files the main step wrote and revoke what the broker (or Vault) said can be
// revoked. GitHub App installation tokens are revoked with Octokit from @actions/github (`DELETE
// /installation/token`, authenticated by the token itself), at the API base the state names once it has
// been checked again (see state.ts). Best effort: it explains what it skipped and warns on failures, but never
// fails the job, and it never prints a token.
import { rmSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { peerText } from '../client/errors.js';
import type { HttpClient } from '../client/transport.js';
import { replicationRetryDelay } from '../platform/replication-lag.js';
import { loadCleanupState, type RevokeTarget, type TrustedHosts } from './state.js';
import type { ActionCore } from './toolkit.js';

export interface CleanupContext extends TrustedHosts {
  core: Pick<ActionCore, 'info' | 'warning' | 'debug' | 'getState'>;
  /** For Vault's revoke-self. */
  http: HttpClient;
  /** The fetch Octokit uses (proxy and extra CA applied). */
  fetch: () => Promise<typeof fetch>;
  /** The `revoke` input. */
  revoke: boolean;
  runnerTemp: string | undefined;
  timeoutMs: number;
}

export async function cleanup(ctx: CleanupContext): Promise<void> {
  const { core } = ctx;
  // 1. The state, every part checked again before it is acted on.
  const { state, skipped } = loadCleanupState(core, ctx);
  for (const reason of skipped) core.warning(`oidc-exchange post: skipped ${reason}`);
  if (!state) return core.info('oidc-exchange post: the main step left nothing to clean up');

  // 2. The secret files.
  if (state.fileDir) {
    try {
      // Retries: on Windows a file another process (an antivirus scan, an indexer) has open cannot be removed
      // for a moment (EBUSY/EPERM); Node retries those with a growing delay.
      rmSync(state.fileDir, { recursive: true, force: true, maxRetries: 3 });
      core.info('oidc-exchange post: removed the secret files');
    } catch (e) {
      core.warning(`oidc-exchange post: could not remove ${state.fileDir}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
    }
  }

  // 3. The tokens.
  if (!ctx.revoke) {
    if (state.revoke.length || state.vault) core.info('oidc-exchange post: revoke is false; tokens are left to expire on their own');
    return;
  }
  for (const target of state.revoke) await revokeInstallationToken(ctx, target);
  if (state.vault) {
    try {
      const { revokeVaultToken } = await import('./providers/vault.js');
      const status = await revokeVaultToken(ctx.http, state.vault, ctx.timeoutMs);
      if (status === 204 || status === 200) core.info('oidc-exchange post: revoked the Vault token');
      else if (status === 403) core.info('oidc-exchange post: the Vault token had already expired or been revoked');
      else core.warning(`oidc-exchange post: revoking the Vault token answered HTTP ${status}; it stays valid until its TTL ends`);
    } catch (e) {
      core.warning(`oidc-exchange post: could not revoke the Vault token: ${(e as Error).message}`);
    }
  }
}

async function revokeInstallationToken(ctx: CleanupContext, target: RevokeTarget): Promise<void> {
  const { core } = ctx;
  let answer: 'revoked' | number;
  try {
    const revoke = await revokerFor(ctx, target);
    for (let retries = 0; ; retries++) {
      answer = await revoke();
      // A job that ends seconds after the exchange can revoke a token GitHub has not replicated yet.
      const wait = answer === 'revoked' ? undefined : replicationRetryDelay(answer, target.receivedAt, Date.now(), retries);
      if (wait === undefined) break;
      core.info(`oidc-exchange post: GitHub does not know ${target.name} yet (HTTP ${answer}, minted seconds ago); asking again in ${wait / 1000} s`);
      await delay(wait);
    }
  } catch (e) {
    return core.warning(`oidc-exchange post: could not revoke ${target.name}: ${peerText((e as Error).message)}; it stays valid until it expires`);
  }
  if (answer === 'revoked') core.info(`oidc-exchange post: revoked ${target.name}`);
  else if (answer === 401) core.info(`oidc-exchange post: ${target.name} had already expired or been revoked`);
  else core.warning(`oidc-exchange post: revoking ${target.name} answered HTTP ${answer}; it stays valid until it expires`);
}

/**
 * One Octokit for the token (`DELETE /installation/token`, authenticated by the token itself), and a call that
 * gives GitHub's HTTP status instead of throwing it. Each call has its own time limit.
 */
async function revokerFor(ctx: CleanupContext, target: RevokeTarget): Promise<() => Promise<'revoked' | number>> {
  const { getOctokit } = await import('@actions/github');
  const quiet = (m: string) => ctx.core.debug(`octokit: ${peerText(m)}`);
  const octokit = getOctokit(target.token, {
    baseUrl: target.apiBase,
    userAgent: 'oidc-exchange-action',
    log: { debug: quiet, info: quiet, warn: quiet, error: quiet },
    request: { fetch: await ctx.fetch() },
  });
  return async () => {
    try {
      await octokit.rest.apps.revokeInstallationAccessToken({
        headers: { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' },
        request: { signal: AbortSignal.timeout(ctx.timeoutMs) },
      });
      return 'revoked';
    } catch (e) {
      const status = (e as { status?: unknown }).status;
      if (typeof status === 'number') return status;
      throw e;
    }
  };
}
