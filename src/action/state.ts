// What the main step leaves for the post step, in the runner's step state (GITHUB_STATE, handed back as
// STATE_* variables and never printed): files to remove and the tokens to revoke. The tokens themselves must
// be kept: GitHub and Vault both revoke a token by being called with it.
import type { ActionCore } from './core.js';

export const STATE_KEY = 'oidc-exchange';

export interface CleanupState {
  fileDir?: string;
  revoke: Array<{ name: string; method: string; url: string; token: string }>;
  vault?: { url: string; token: string; namespace?: string };
}

export function saveCleanupState(core: ActionCore, state: CleanupState): void {
  core.saveState(STATE_KEY, JSON.stringify(state));
}

export function loadCleanupState(core: ActionCore): CleanupState | undefined {
  const text = core.getState(STATE_KEY);
  if (text === '') return undefined;
  const parsed = JSON.parse(text) as Partial<CleanupState>;
  return { fileDir: parsed.fileDir, revoke: parsed.revoke ?? [], vault: parsed.vault };
}
