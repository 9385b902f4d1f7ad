// The post step: remove the files the main step wrote and revoke what the broker (or Vault) said can be
// revoked. Best effort: it explains what it skipped and warns on failures, but never fails the job, and it
// never prints a token.
import { rmSync } from 'node:fs';
import type { HttpClient } from '../exchange/http.js';
import type { ActionCore } from './core.js';
import { loadCleanupState } from './state.js';

export interface CleanupContext {
  core: ActionCore;
  http: HttpClient;
  /** The `revoke` input. */
  revoke: boolean;
  timeoutMs: number;
}

export async function cleanup(ctx: CleanupContext): Promise<void> {
  const { core } = ctx;
  let state;
  try {
    state = loadCleanupState(core);
  } catch {
    return core.warning('oidc-exchange post: the saved state is unreadable; nothing was cleaned up');
  }
  if (!state) return core.info('oidc-exchange post: the main step left nothing to clean up');

  if (state.fileDir) {
    try {
      rmSync(state.fileDir, { recursive: true, force: true });
      core.info('oidc-exchange post: removed the secret files');
    } catch (e) {
      core.warning(`oidc-exchange post: could not remove ${state.fileDir}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
    }
  }

  if (!ctx.revoke) {
    if (state.revoke.length || state.vault) core.info('oidc-exchange post: revoke is false; tokens are left to expire on their own');
    return;
  }
  for (const entry of state.revoke) {
    try {
      const res = await ctx.http({
        method: entry.method || 'DELETE',
        url: entry.url,
        headers: {
          authorization: `Bearer ${entry.token}`,
          accept: 'application/vnd.github+json',
          'x-github-api-version': '2022-11-28',
          'user-agent': 'oidc-exchange-action',
        },
        timeoutMs: ctx.timeoutMs,
      });
      if (res.status === 204) core.info(`oidc-exchange post: revoked ${entry.name}`);
      else if (res.status === 401) core.info(`oidc-exchange post: ${entry.name} had already expired or been revoked`);
      else core.warning(`oidc-exchange post: revoking ${entry.name} answered HTTP ${res.status}; it stays valid until it expires`);
    } catch (e) {
      core.warning(`oidc-exchange post: could not revoke ${entry.name}: ${(e as Error).message}; it stays valid until it expires`);
    }
  }
  if (state.vault) {
    try {
      const { revokeVaultToken } = await import('./vault.js');
      const status = await revokeVaultToken(ctx.http, state.vault, ctx.timeoutMs);
      if (status === 204 || status === 200) core.info('oidc-exchange post: revoked the Vault token');
      else if (status === 403) core.info('oidc-exchange post: the Vault token had already expired or been revoked');
      else core.warning(`oidc-exchange post: revoking the Vault token answered HTTP ${status}; it stays valid until its TTL ends`);
    } catch (e) {
      core.warning(`oidc-exchange post: could not revoke the Vault token: ${(e as Error).message}`);
    }
  }
}
