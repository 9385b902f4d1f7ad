// Why a policy did not match, shown next to the broker's answer: which job asked (repository and run) and
// the job's own token claims (never the token). Loaded only on failure or with debug-claims.
import { describeClaims } from '../client/claims.js';
import type { ExchangeError } from '../client/errors.js';
import { describeJob, type JobContext } from './job-context.js';
import type { ActionCore } from './toolkit.js';

/** A failure about the token's claims (or any, with debug-claims): the error, the job's claims, what to check. */
export function explainFailure(core: Pick<ActionCore, 'info' | 'error'>, e: ExchangeError, job: JobContext): void {
  core.error(e.message);
  printClaims(core, e.claims, "Claims of this job's OIDC token", job);
  const help = refusalHelp(e.status);
  if (help) core.info(help);
}

export function printClaims(core: Pick<ActionCore, 'info'>, claims: Record<string, unknown> | undefined, heading: string, job?: JobContext): void {
  const which = job ? describeJob(job) : '';
  if (which) core.info(`Job: ${which}`);
  if (!claims) return core.info(`${heading}: (the token could not be decoded)`);
  core.info(`${heading}:`);
  for (const line of describeClaims(claims)) core.info(`  ${line}`);
}

export function refusalHelp(status: number | undefined): string {
  if (status === 401) return 'The broker did not accept the token itself: check that `audience` matches the broker\'s configured audience and that the broker trusts this issuer.';
  if (status === 403) return 'The token is valid but no policy grants this request: compare the claims above with the policy (try it locally with `oidc-exchange check --claims`).';
  return '';
}
