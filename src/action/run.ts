// The main step, one readable flow: check the inputs, get the job's OIDC token and trade it for secrets,
// mask every value before anything can print it, check the names, export, leave the post step what it must
// clean up, and write the summary.
import { exchangeWithBroker } from '../client/broker.js';
import { ExchangeError, peerText } from '../client/errors.js';
import type { HttpClient } from '../client/transport.js';
import type { RetrySettings } from '../client/retry.js';
import { exportSecrets, type Delivery } from './export.js';
import { idTokenSource } from './id-token.js';
import type { ActionInputs } from './inputs.js';
import type { JobContext } from './job-context.js';
import { planMasks } from './mask.js';
import { exportNameProblem, parseSecretSpecs, SecretSpecError, type SecretSpec } from './secret-spec.js';
import { revocationBase, saveCleanupState, type CleanupState } from './state.js';
import { summaryMarkdown } from './summary.js';
import type { ActionCore } from './toolkit.js';

/** Linux's limit for one `NAME=value` string in a process environment (MAX_ARG_STRLEN). */
const MAX_ENV_ENTRY_BYTES = 128 * 1024;

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
  // 1. The secrets input, completely checked before any request.
  const specs = parseSecretSpecs(inputs.secrets, inputs.broker);

  const deadlineMs = inputs.timeoutSeconds * 1000;
  const started = Date.now();
  const retry: RetrySettings = {
    deadlineMs,
    attemptTimeoutMs: Math.min(deadlineMs, 15_000),
    onRetry: ({ reason, delayMs }) => core.warning(`${reason}; retrying in ${(delayMs / 1000).toFixed(1)} s`),
    ...ctx.retry,
  };
  const leftMs = () => Math.max(1, Math.min(retry.attemptTimeoutMs, deadlineMs - (Date.now() - started)));
  const getToken = idTokenSource(ctx.env, inputs.audience, core, leftMs);
  const cleanup: CleanupState = { revoke: [] };

  // 2. Trade the OIDC token for the values (a fresh token per attempt). The connection to the broker is
  //    opened while the runner issues the token.
  ctx.http.warm?.(inputs.brokerUrl);
  let deliveries: Delivery[];
  let policy: string;
  let expiresAt: string | null;
  let claims: Record<string, unknown> | undefined;
  try {
    if (inputs.broker === 'vault') {
      const { readFromVault } = await import('./providers/vault.js');
      const r = await readFromVault({
        url: inputs.brokerUrl,
        role: inputs.vaultRole,
        authPath: inputs.vaultAuthPath,
        namespace: inputs.vaultNamespace,
        specs,
        getToken,
        http: ctx.http,
        retry,
        onToken(token) {
          core.setSecret(token);
          cleanup.vault = { url: inputs.brokerUrl, token, ...(inputs.vaultNamespace ? { namespace: inputs.vaultNamespace } : {}) };
          saveCleanupState(core, cleanup);
        },
      });
      deliveries = r.deliveries;
      policy = `vault role ${inputs.vaultRole}`;
      expiresAt = r.expiresAt;
    } else {
      const wanted = specs.length ? [...new Set(specs.map((s) => s.source))] : undefined;
      const r = await exchangeWithBroker({ brokerUrl: inputs.brokerUrl, getToken, secretNames: wanted, http: ctx.http, retry });
      // 3. Mask first: nothing below may print before every value is registered.
      maskAll(core, Object.entries(r.secrets).map(([name, value]) => ({ name, value })));
      // Revocation is kept only where the post step may send a token: GitHub's API or the broker's host.
      for (const entry of r.revoke) {
        const target = revocationBase(entry, { brokerUrl: inputs.brokerUrl, githubApiUrl: ctx.job.apiUrl });
        if ('problem' in target) core.warning(`${peerText(entry.name, 130)} will not be revoked at the end of the job: ${target.problem}`);
        else cleanup.revoke.push({ name: entry.name, apiBase: target.apiBase, token: r.secrets[entry.name]! });
      }
      if (cleanup.revoke.length) saveCleanupState(core, cleanup);
      deliveries = deliveriesFor(specs, r.secrets);
      policy = r.policy;
      expiresAt = r.expiresAt;
      claims = r.claims;
      if (r.attempts > 1) core.info(`exchange succeeded on attempt ${r.attempts}`);
    }
  } catch (e) {
    // Vault's JWT auth refuses a token with 400, the broker with 401/403: both are about the token's claims.
    const aboutClaims = e instanceof ExchangeError && (e.status === 401 || e.status === 403 || (inputs.broker === 'vault' && e.code === 'broker_refused'));
    if (e instanceof ExchangeError && (aboutClaims || inputs.debugClaims)) {
      const { printClaims, refusalHelp } = await import('./diagnostics.js');
      core.error(e.message);
      printClaims(core, e.claims, "Claims of this job's OIDC token", ctx.job);
      const help = refusalHelp(e.status);
      if (help) core.info(help);
    }
    throw e;
  }
  if (inputs.broker === 'vault') maskAll(core, deliveries.map((d) => ({ name: d.spec.exportName, value: d.value })));

  // 4. Every exported name is checked before the first export, so a bad one leaves GITHUB_ENV untouched.
  // A name the broker chose (no `secrets` list) must also have the stricter shape a broker may use.
  const problems = deliveries
    .map((d) => exportNameProblem(d.spec.exportName, specs.length === 0 && inputs.broker !== 'vault' ? 'broker' : 'user'))
    .filter((p): p is string => p !== undefined);
  // The runner's file format ends a value at CRLF: a final CR would be lost on the way, so say so instead.
  for (const d of deliveries) {
    if (inputs.exportEnv && !d.spec.asFile && Buffer.byteLength(`${d.spec.exportName}=${d.value}`) + 1 > MAX_ENV_ENTRY_BYTES) {
      problems.push(`${d.spec.exportName} is ${Buffer.byteLength(d.value)} bytes, more than Linux lets one environment variable hold (128 KiB): every later step would fail to start. Deliver it as a file ("| file:${d.spec.exportName}_FILE") or set export-env: false and use the step output`);
    }
    if (!d.spec.asFile && d.value.endsWith('\r')) problems.push(`${d.spec.exportName} ends with a carriage return, which GITHUB_ENV/GITHUB_OUTPUT cannot carry; deliver it as a file with "| file:${d.spec.exportName}_FILE"`);
  }
  if (problems.length) throw new SecretSpecError(problems.map((p) => `from the broker's answer: ${p}`));

  // 5. Export, and leave the post step what it must remove.
  const result = exportSecrets(deliveries, core, { exportEnv: inputs.exportEnv, runnerTemp: ctx.env.RUNNER_TEMP });
  if (result.fileDir) {
    cleanup.fileDir = result.fileDir;
    saveCleanupState(core, cleanup);
  }

  // 6. Report names, never values.
  // The policy name is the broker's text: shown quoted (see peerText), as every peer string is.
  core.info(`oidc-exchange: ${result.names.length} secret(s) delivered under policy ${inputs.broker === 'vault' ? policy : peerText(policy)}: ${result.names.join(', ')}`);
  if (inputs.debugClaims) {
    const { printClaims } = await import('./diagnostics.js');
    printClaims(core, claims, "Claims of this job's OIDC token (debug-claims)", ctx.job);
  }
  if (ctx.env.GITHUB_STEP_SUMMARY) {
    const markdown = summaryMarkdown(deliveries, { source: inputs.broker === 'vault' ? 'Vault' : 'the broker', policy, expiresAt, exportEnv: inputs.exportEnv, job: ctx.job });
    await core.summary.addRaw(markdown).write();
  }
  return { names: result.names, policy };
}

function maskAll(core: Pick<ActionCore, 'setSecret' | 'warning'>, secrets: Array<{ name: string; value: string }>): void {
  const plan = planMasks(secrets);
  for (const value of plan.values) core.setSecret(value);
  for (const name of plan.tooShort) {
    core.warning(`${name}: a value, line or JSON field shorter than 4 characters, or a true/false in a JSON secret, was not masked (masking it would star out every occurrence in the log); keep it out of the log`);
  }
}

/** Pairs each requested line with its value; with no `secrets` input, everything the broker sent, by its own name. */
function deliveriesFor(specs: SecretSpec[], secrets: Record<string, string>): Delivery[] {
  if (specs.length === 0) {
    return Object.entries(secrets).map(([name, value], i) => ({ spec: { line: i + 1, source: name, exportName: name, asFile: false }, value }));
  }
  const missing = specs.filter((s) => !(s.source in secrets));
  if (missing.length) {
    throw new ExchangeError('broker_answer_invalid', `the broker's answer lacks ${missing.map((s) => `${s.source} (line ${s.line})`).join(', ')}`);
  }
  return specs.map((spec) => ({ spec, value: secrets[spec.source]! }));
}
