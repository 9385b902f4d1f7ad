// The main step, one readable flow: check the inputs, trade the job's OIDC token for secrets with the provider
// the `broker` input names, mask every value before anything can print it, check the names, export, leave
// the post step what it must clean up, and write the summary.
import { ExchangeError } from '../client/errors.js';
import { ACTION_WORDS, NameChoiceError, nameChoiceProblem } from '../client/name-choice.js';
import type { RetrySettings } from '../client/retry.js';
import type { HttpClient } from '../client/transport.js';
import { checkDeliveries, exportSecrets, type Delivery } from './export.js';
import { idTokenSource } from './id-token.js';
import type { ActionInputs } from './inputs.js';
import type { JobContext } from './job-context.js';
import { maskSecrets } from './mask.js';
import { secretProvider } from './providers/index.js';
import type { Received } from './providers/provider.js';
import { parseSecretSpecs } from './secret-spec.js';
import { PostStepState } from './state.js';
import { summaryMarkdown } from './summary.js';
import type { ActionCore } from './toolkit.js';

export interface RunContext {
  core: ActionCore;
  /** The step's environment (runner variables: ACTIONS_ID_TOKEN_REQUEST_*, RUNNER_TEMP). */
  env: NodeJS.ProcessEnv;
  http: HttpClient;
  /** The job, for the summary and diagnostics, and the GitHub API a revocation may be sent to. */
  job: JobContext;
  /** Overrides for tests (backoff, clock); the deadline comes from timeout-seconds. */
  retry?: Partial<RetrySettings>;
}

export interface RunResult {
  names: string[];
  policy: string;
}

export async function run(inputs: ActionInputs, ctx: RunContext): Promise<RunResult> {
  const { core } = ctx;
  // 1. The secrets input, completely checked before any request, and the names the job chose: a list, or the
  //    explicit opt-in to everything granted (name-choice.ts). A job that chose neither spends no token.
  const specs = parseSecretSpecs(inputs.secrets, inputs.broker);
  const choiceProblem = nameChoiceProblem({ listed: specs.length, exportAll: inputs.exportAll, allow: inputs.allowNames }, ACTION_WORDS);
  if (choiceProblem) throw new NameChoiceError(`${choiceProblem}; nothing was requested or exported`);

  // 2. Trade the OIDC token for the values (a fresh token per attempt). The connection to the broker is
  //    opened first, so that its handshake overlaps loading the provider and the runner issuing the token.
  ctx.http.warm?.(inputs.brokerUrl);
  const { retry, timeLeft } = attemptTimes(inputs, ctx);
  const post = new PostStepState(core);
  const provider = await secretProvider({ inputs, core, http: ctx.http, retry, job: ctx.job, post });
  let received: Received;
  let deliveries: Delivery[];
  try {
    received = await provider.fetch(specs, idTokenSource(ctx.env, inputs.audience, core, timeLeft));
    // 3. Mask first: nothing below may print before every value is registered. Then the provider settles
    //    (what the post step revokes) and pairs the values with the lines of the `secrets` input.
    maskSecrets(core, received.values);
    deliveries = received.settle();
  } catch (e) {
    // A failure about the token's claims (or any, with debug-claims) shows them: they say what to fix.
    if (e instanceof ExchangeError && (provider.aboutClaims(e) || inputs.debugClaims)) (await import('./diagnostics.js')).explainFailure(core, e, ctx.job);
    throw e;
  }

  // 4. Every exported name is checked before the first export (with export-all, the broker chose them: they
  //    must also match allow-names).
  checkDeliveries(deliveries, { exportEnv: inputs.exportEnv, namesChosenBy: specs.length === 0 ? { broker: inputs.allowNames } : 'user' });

  // 5. Export, and leave the post step what it must remove.
  const result = exportSecrets(deliveries, core, { exportEnv: inputs.exportEnv, runnerTemp: ctx.env.RUNNER_TEMP });
  if (result.fileDir) post.keepFileDir(result.fileDir);

  // 6. Report names, never values.
  core.info(`oidc-exchange: ${result.names.length} secret(s) delivered under policy ${received.policyShown}: ${result.names.join(', ')}`);
  if (inputs.debugClaims) (await import('./diagnostics.js')).printClaims(core, received.claims, "Claims of this job's OIDC token (debug-claims)", ctx.job);
  if (ctx.env.GITHUB_STEP_SUMMARY) {
    const info = { source: provider.source, policy: received.policy, expiresAt: received.expiresAt, exportEnv: inputs.exportEnv, job: ctx.job };
    await core.summary.addRaw(summaryMarkdown(deliveries, info)).write();
  }
  return { names: result.names, policy: received.policy };
}

/** timeout-seconds for all attempts and waits, at most 15 s per attempt, and what is left of it for a token request. */
function attemptTimes(inputs: ActionInputs, ctx: RunContext): { retry: RetrySettings; timeLeft: () => number } {
  const deadlineMs = inputs.timeoutSeconds * 1000;
  const started = Date.now();
  const retry: RetrySettings = {
    deadlineMs,
    attemptTimeoutMs: Math.min(deadlineMs, 15_000),
    onRetry: ({ reason, delayMs }) => ctx.core.warning(`${reason}; retrying in ${(delayMs / 1000).toFixed(1)} s`),
    ...ctx.retry,
  };
  return { retry, timeLeft: () => Math.max(1, Math.min(retry.attemptTimeoutMs, deadlineMs - (Date.now() - started))) };
}
