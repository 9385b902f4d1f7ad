// Why a policy did not match, shown next to the broker's answer: the job's own token claims (never the
// token). Loaded only on failure or with debug-claims.
import { describeClaims } from '../exchange/claims.js';
import type { ActionCore } from './core.js';

export function printClaims(core: ActionCore, claims: Record<string, unknown> | undefined, heading: string): void {
  if (!claims) return core.info(`${heading}: (the token could not be decoded)`);
  core.info(`${heading}:`);
  for (const line of describeClaims(claims)) core.info(`  ${line}`);
}

export function refusalHelp(status: number | undefined): string {
  if (status === 401) return 'The broker did not accept the token itself: check that `audience` matches the broker\'s configured audience and that the broker trusts this issuer.';
  if (status === 403) return 'The token is valid but no policy grants this request: compare the claims above with the policy (try it locally with `oidc-exchange check --claims`).';
  return '';
}
