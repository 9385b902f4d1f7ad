// The `issuers` section: the OIDC issuers whose tokens the broker trusts, each with its pinned algorithms,
// clock tolerance and key refresh settings (defaults filled in here). Ids and issuer URLs must be unique, and
// every URL usable (config/endpoint-url.ts). Each has a kind, GitHub or GitLab: declared, or told by its URL.
import type { IssuerSettings } from '../verify/issuer-keys.js';
import { checkEndpointUrl } from './endpoint-url.js';
import { resolveIssuerKind } from '../../platform/issuers.js';
import { isObject, list, type SectionContext } from './section.js';

/** How far past `exp` (and before `iat`/`nbf`) a token is still accepted when the issuer says nothing. */
export const DEFAULT_CLOCK_SKEW_SECONDS = 60;

export function loadIssuers(raw: unknown, ctx: SectionContext): IssuerSettings[] {
  const ids = new Set<string>();
  const issuers: IssuerSettings[] = list(raw).flatMap((i, n) => {
    if (!isObject(i) || typeof i.id !== 'string' || typeof i.issuer !== 'string') return [];
    const at = `issuers[${n}]`;
    if (ids.has(i.id)) ctx.problems.push(`${at}.id: duplicate issuer id ${JSON.stringify(i.id)}`);
    ids.add(i.id);
    const urlProblem = checkEndpointUrl(i.issuer);
    if (urlProblem) ctx.problems.push(`${at}.issuer: ${urlProblem}`);
    if (typeof i.jwks_uri === 'string') {
      const p = checkEndpointUrl(i.jwks_uri);
      if (p) ctx.problems.push(`${at}.jwks_uri: ${p}`);
    }
    const kind = resolveIssuerKind(i.issuer.replace(/\/+$/, ''), i.kind === 'github' || i.kind === 'gitlab' ? i.kind : undefined);
    // An unusable URL is reported as such; what kind it would be is moot until it is fixed.
    if ('problem' in kind && !urlProblem) ctx.problems.push(`${at}.kind: ${kind.problem}`);
    return [{
      id: i.id,
      issuer: i.issuer.replace(/\/+$/, ''),
      kind: 'kind' in kind ? kind.kind : 'github', // never served: the problem above refuses the configuration
      jwksUri: i.jwks_uri as string | undefined,
      algorithms: (i.algorithms as string[] | undefined) ?? ['RS256'],
      clockSkewSeconds: (i.clock_skew_seconds as number | undefined) ?? DEFAULT_CLOCK_SKEW_SECONDS,
      maxTokenAgeSeconds: (i.max_token_age_seconds as number | undefined) ?? 3600,
      jwksRefreshSeconds: (i.jwks_refresh_seconds as number | undefined) ?? 600,
      jwksMaxStaleSeconds: (i.jwks_max_stale_seconds as number | undefined) ?? 86400,
      jwksCooldownSeconds: (i.jwks_cooldown_seconds as number | undefined) ?? 30,
      jwksTimeoutSeconds: (i.jwks_timeout_seconds as number | undefined) ?? 5,
      ...(i.rate_limit ? { rateLimit: rateLimitOf(i.rate_limit as { requests: number; per_seconds: number }) } : {}),
    }];
  });
  const urls = new Set<string>();
  issuers.forEach((i, n) => {
    if (urls.has(i.issuer)) ctx.problems.push(`issuers[${n}].issuer: ${i.issuer} is listed twice`);
    urls.add(i.issuer);
  });
  return issuers;
}

function rateLimitOf(r: { requests: number; per_seconds: number }): { requests: number; perSeconds: number } {
  return { requests: r.requests, perSeconds: r.per_seconds };
}
