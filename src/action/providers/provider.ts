// What the main step asks of a secret source: trade the job's OIDC token for the values the `secrets` input
// lists. The `broker` input names the source (index.ts): the oidc-exchange broker (broker.ts, on every job's
// start-up path) or Vault/OpenBao (vault.ts, loaded only when named). run() registers every value received
// for masking before anything else happens, so a provider reports what it received only from settle() on.
import type { ExchangeError } from '../../client/errors.js';
import type { RetrySettings } from '../../client/retry.js';
import type { HttpClient } from '../../client/transport.js';
import type { Delivery } from '../export.js';
import type { ActionInputs } from '../inputs.js';
import type { JobContext } from '../job-context.js';
import type { SecretSpec } from '../secret-spec.js';
import type { PostStepState } from '../state.js';
import type { ActionCore } from '../toolkit.js';

/** What a provider is made with: the checked inputs and the step's means. */
export interface ProviderContext {
  inputs: ActionInputs;
  core: Pick<ActionCore, 'info' | 'warning'>;
  http: HttpClient;
  retry: RetrySettings;
  /** The job, whose GitHub API the post step may send a revocation to. */
  job: JobContext;
  /** What the post step must clean up, saved to the step state as it grows. */
  post: PostStepState;
}

export interface SecretProvider {
  /** Where the values come from, as the summary names it: "the broker", "Vault". */
  readonly source: string;
  /** Trades the job's OIDC token (`getToken` gives a fresh one per attempt) for what `specs` list. */
  fetch(specs: SecretSpec[], getToken: () => Promise<string>): Promise<Received>;
  /** Whether a failure is about the token's claims, so that the step shows them with the error. */
  aboutClaims(e: ExchangeError): boolean;
}

export interface Received {
  /** Every value received, under the name a masking warning shows. */
  values: Array<{ name: string; value: string }>;
  /**
   * Called once the values are masked: the provider's remaining work (keeping what the post step must
   * revoke), then the values paired with the lines of the `secrets` input.
   */
  settle(): Delivery[];
  /** The policy (or Vault role) the values came under, as it is (the summary escapes it)... */
  policy: string;
  /** ...and as the log shows it (quoted when the peer chose it, see peerText). */
  policyShown: string;
  expiresAt: string | null;
  /** Claims of the token that succeeded, for debug-claims. */
  claims?: Record<string, unknown>;
}
