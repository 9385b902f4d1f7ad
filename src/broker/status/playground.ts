// The status page's policy playground: claims pasted as JSON, checked against the served configuration by the
// code `oidc-exchange check --claims` runs (policy/check.ts: the same completion of missing claims, the same
// pure matcher), answered with the same per-policy verdicts as `check --json`. It never resolves a secret and
// makes no network request: it reads only the compiled policies.
import type { BrokerConfig } from '../config/load.js';
import { BrokerError } from '../errors.js';
import { checkGivenClaims, evaluationsJson } from '../policy/check.js';
import { ClaimsError, type Claims } from '../../platform/completion.js';

/** Larger than any real token's claims (GitHub's are about 1.5 KB), small enough to parse on the event loop. */
export const PLAYGROUND_BODY_LIMIT = 64 * 1024;

export interface PlaygroundAnswer {
  matched: string | null;
  problems: string[];
  filled_in: { derived: string[]; defaults: string[]; notes: string[] };
  policies: ReturnType<typeof evaluationsJson>;
}

export function runPlayground(config: BrokerConfig, body: string): PlaygroundAnswer {
  const claims = parseClaims(body);
  let result: ReturnType<typeof checkGivenClaims>;
  try {
    result = checkGivenClaims(config, { claims, from: Object.fromEntries(Object.keys(claims).map((k) => [k, 'the pasted claims'])) });
  } catch (e) {
    if (e instanceof ClaimsError) throw new BrokerError('body_malformed', e.message);
    throw e;
  }
  const { completed, report } = result;
  return {
    matched: report.matched ?? null,
    problems: report.problems,
    filled_in: { derived: completed.derived, defaults: completed.defaults, notes: completed.notes },
    policies: evaluationsJson(report),
  };
}

/** A JSON object of claims with the value types a token can hold, as `check --claims` accepts them. */
function parseClaims(body: string): Claims {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new BrokerError('body_malformed', 'the body must be JSON: an object of claims, like a token\'s payload ({"repository": "octo-org/octo-repo", ...})');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new BrokerError('body_malformed', 'the body must be a JSON object of claims, like a token\'s payload');
  }
  for (const [k, v] of Object.entries(parsed)) {
    const ok = ['string', 'number', 'boolean'].includes(typeof v) || (Array.isArray(v) && v.every((x) => typeof x === 'string'));
    if (!ok) throw new BrokerError('body_malformed', `claim ${JSON.stringify(k)} must be a string, number, boolean or list of strings, as in a token`);
  }
  return parsed as Claims;
}
