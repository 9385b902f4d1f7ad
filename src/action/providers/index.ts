// The secret provider the `broker` input names. The broker's is on every job's start-up path and comes with
// this module; Vault's is a chunk of its own, loaded only when a workflow names it.
import type { ActionInputs } from '../inputs.js';
import { brokerProvider } from './broker.js';
import type { ProviderContext, SecretProvider } from './provider.js';

const PROVIDERS: Record<ActionInputs['broker'], (ctx: ProviderContext) => Promise<SecretProvider>> = {
  'oidc-exchange': async (ctx) => brokerProvider(ctx),
  vault: async (ctx) => (await import('./vault.js')).vaultProvider(ctx),
};

export function secretProvider(ctx: ProviderContext): Promise<SecretProvider> {
  return PROVIDERS[ctx.inputs.broker](ctx);
}
