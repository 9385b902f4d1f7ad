// Why a policy did not match, shown next to the broker's answer: which job asked (repository and run) and
// the job's own token claims (never the token). Loaded only on failure or with debug-claims.
import { describeClaims } from '../client/claims.js';
import { describeJob, type JobContext } from './job-context.js';
import type { ActionCore } from './toolkit.js';

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
