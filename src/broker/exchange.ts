// The broker's exchange, one readable flow: extract the bearer token, verify it, read what the caller asks
// for, find the policy, check the request against its grant, resolve the secrets.
import { randomUUID } from 'node:crypto';
import type { BrokerConfig } from './config/load.js';
import { BrokerError } from './errors.js';
import { checkNarrowingTargets, parseGitHubNarrowing } from './sources/github-app.js';
import { recordIssuances, settleSecrets, type RevokeEntry } from './issuance.js';
import { claimText, closestPolicy, findPolicy, type Policy } from './policy/policy.js';
import type { Store } from './store/store.js';
import { TokenVerifier, type VerifiedToken } from './verify/token.js';

export interface ExchangeInput {
  authorization: string | undefined;
  /** The raw request body ('' when there is none). */
  body: string;
}

export interface ExchangeResult {
  policy: string;
  secrets: Record<string, string>;
  expiresAt: Date | null;
  /** Minted secrets the client should revoke at the end of the job (absent when none). */
  revoke?: RevokeEntry[];
}

/** What the audit line records; filled in as the flow proceeds, so a failure still says how far it got. */
export interface AuditRecord {
  issuer?: string;
  sub?: string;
  repository?: string;
  project_path?: string;
  jti?: string;
  /** GitHub: the exact job (check run) and the enterprise, for tracing an exchange back; not identity. */
  check_run_id?: string;
  enterprise?: string;
  enterprise_id?: string;
  policy?: string;
  secrets?: string[];
  /**
   * For a token the broker refused before trusting it: who it claims to be, read from its payload unverified
   * (anyone can write these), so an operator can tell a misconfigured job from noise. Never set once verified.
   */
  unverified_issuer?: string;
  unverified_repository?: string;
  unverified_project_path?: string;
}

export interface ExchangeContext {
  config: BrokerConfig;
  verifier: TokenVerifier;
  /**
   * Used token IDs, rate-limit counters, and the issuance records of minted tokens (absent: no replay
   * protection, no rate limits, and no minted secrets).
   */
  store?: Store;
  /** Told when a rate-limit count could not be made because the store is down (the exchange goes on). */
  onRateLimitSkipped?(): void;
  /**
   * Told when a failure after the token was recorded gave the token back (released: true), or could not
   * (released: false, the store failed too: the token stays spent).
   */
  onTokenReleased?(released: boolean, error?: unknown): void;
  now?: () => number;
}

export async function exchange(ctx: ExchangeContext, input: ExchangeInput, audit: AuditRecord): Promise<ExchangeResult> {
  // 1. Extract the bearer token.
  const token = bearerToken(input.authorization);

  // 2. Verify it: issuer allow list, keys, algorithm, signature, time and audience claims.
  const { issuer, claims } = await ctx.verifier.verify(token).catch((e: unknown) => {
    noteUnverifiedClaims(token, e, audit);
    throw e;
  });
  audit.issuer = issuer.id;
  audit.sub = claimText(claims.sub);
  audit.repository = claimText(claims.repository);
  audit.project_path = claimText(claims.project_path);
  audit.jti = claimText(claims.jti);
  audit.check_run_id = claimText(claims.check_run_id);
  audit.enterprise = claimText(claims.enterprise);
  audit.enterprise_id = claimText(claims.enterprise_id);

  // 2b. Rate limit per issuer and subject, counted only for verified tokens (a forger cannot spend
  // someone else's allowance).
  await checkRateLimit(ctx, issuer, claimText(claims.sub) ?? '');

  // 3. What does the caller ask for? (absent: everything its policy grants)
  const { requested, github } = parseRequestBody(input.body);
  const narrowing = parseGitHubNarrowing(github);

  // 4. The first policy whose issuer and claims all match decides.
  const policy = findPolicy(ctx.config.policies, issuer.id, claims);
  if (!policy) throw noPolicy(ctx, issuer.id, claims);
  audit.policy = policy.name;

  // 5. The request may only narrow the grant.
  let names: readonly string[] = policy.secrets;
  if (requested) {
    const unknown = requested.filter((n) => !ctx.config.secrets.has(n));
    if (unknown.length) {
      throw new BrokerError('unknown_secret', `unknown secret name(s): ${unknown.join(', ')}; check the spelling against what your platform team configured`);
    }
    const refused = requested.filter((n) => !policy.secrets.includes(n));
    if (refused.length) {
      throw new BrokerError(
        'secret_not_granted',
        `policy ${policy.name} does not grant ${refused.join(', ')}; it grants ${policy.secrets.join(', ')}`,
      );
    }
    names = requested;
  }
  audit.secrets = [...names];
  if (narrowing) checkNarrowingTargets(narrowing, names, (n) => ctx.config.secrets.get(n)?.kind);

  // 5b. Single use: now that the request is known to be valid (a 400 does not burn the token) and before
  // any secret is resolved or minted, record the token's jti; a second exchange of it, on any instance, is refused.
  const claim = await claimToken(ctx, policy, { issuer, claims });

  let resolved: Awaited<ReturnType<typeof settleSecrets>>;
  let revoke: RevokeEntry[];
  try {
    // 6. Resolve the values (minting tokens; if one fails, the ones already minted are revoked again).
    resolved = await settleSecrets(
      names,
      names.map((n) => ctx.config.secrets.get(n)!.resolve({ policy: policy.name, narrowing: narrowing?.[n] })),
    );

    // 7. Record every minted token, so the revocation API recognises it if it leaks.
    revoke = await recordIssuances(ctx.store, resolved, { policy: policy.name, ...audit });
  } catch (e) {
    // 6b. Nothing was handed out: give the token back, so the client's retry with the same token (a GitLab
    // job has only one) gets the secrets once the source is back, instead of "token_replayed".
    if (claim) await releaseClaim(ctx, claim);
    throw e;
  }

  const secrets: Record<string, string> = Object.create(null) as Record<string, string>;
  let expiresAt: Date | null = null;
  names.forEach((n, i) => {
    const r = resolved[i]!;
    secrets[n] = r.value;
    if (r.expiresAt && (!expiresAt || r.expiresAt < expiresAt)) expiresAt = r.expiresAt;
  });
  return { policy: policy.name, secrets, expiresAt, ...(revoke.length ? { revoke } : {}) };
}

async function checkRateLimit(ctx: ExchangeContext, issuer: VerifiedToken['issuer'], sub: string): Promise<void> {
  const limit = issuer.rateLimit;
  if (!limit || !ctx.store) return;
  let counted: { count: number; resetSeconds: number };
  try {
    counted = await ctx.store.hit(`rate:${issuer.id}\u0000${sub}`, limit.perSeconds);
  } catch (e) {
    // Fail open: a rate limit guards capacity, not access (the policy still decides what is granted), and
    // a store outage must not stop the policies that do not need the store. Replay protection fails closed.
    if (e instanceof BrokerError && e.code === 'upstream_unavailable') {
      ctx.onRateLimitSkipped?.();
      return;
    }
    throw e;
  }
  if (counted.count > limit.requests) {
    throw new BrokerError(
      'rate_limited',
      `too many exchanges for this subject: at most ${limit.requests} per ${limit.perSeconds} s; retry in ${counted.resetSeconds} s`,
      { retryAfter: counted.resetSeconds },
    );
  }
}

interface Claim {
  key: string;
  owner: string;
}

async function claimToken(ctx: ExchangeContext, policy: Policy, token: Pick<VerifiedToken, 'issuer' | 'claims'>): Promise<Claim | undefined> {
  if (policy.singleUse === false) return undefined;
  const jti = token.claims.jti;
  if (typeof jti !== 'string' || jti === '') {
    throw new BrokerError('claim_missing', `policy ${policy.name} allows each token to be used once, which needs a "jti" claim (a non-empty string); this token has none`);
  }
  if (!ctx.store) throw new BrokerError('internal_error', 'the broker has no store for replay protection', { detail: 'exchange context without a store' });
  // Kept until the token expires plus the clock skew the verifier allows: after that the token itself is refused.
  const exp = typeof token.claims.exp === 'number' ? token.claims.exp : 0;
  const ttl = Math.max(1, exp - Math.floor((ctx.now ?? Date.now)() / 1000) + token.issuer.clockSkewSeconds + 1);
  const claim = { key: `jti:${token.issuer.issuer}\u0000${jti}`, owner: randomUUID() };
  const first = await ctx.store.claimOnce(claim.key, ttl, claim.owner);
  if (!first) {
    throw new BrokerError(
      'token_replayed',
      'this token was already exchanged; each token is accepted once. Request a fresh token (re-run the job if the token cannot be renewed)',
    );
  }
  return claim;
}

/** Forgets the token's record (only ours: `owner`); a store failure here leaves the token spent. */
async function releaseClaim(ctx: ExchangeContext, claim: Claim): Promise<void> {
  try {
    await ctx.store!.release(claim.key, claim.owner);
    ctx.onTokenReleased?.(true);
  } catch (e) {
    ctx.onTokenReleased?.(false, e);
  }
}

export function bearerToken(authorization: string | undefined): string {
  if (authorization === undefined || authorization.trim() === '') {
    throw new BrokerError('token_missing', 'send the OIDC token as "Authorization: Bearer <token>"');
  }
  const m = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization);
  if (!m) {
    throw new BrokerError('token_missing', 'the Authorization header must be "Bearer <token>" with the OIDC token');
  }
  return m[1]!;
}

/** The body, parsed once: the names asked for, and the raw `github` narrowing field (checked by its own parser). */
export function parseRequestBody(body: string): { requested?: string[]; github?: unknown } {
  if (body.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new BrokerError('body_malformed', 'the body must be JSON: {"secrets": ["NAME", ...]} (or empty for everything the policy grants)');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new BrokerError('body_malformed', 'the body must be a JSON object: {"secrets": ["NAME", ...]}');
  }
  const extra = Object.keys(parsed).filter((k) => k !== 'secrets' && k !== 'github');
  if (extra.length) throw new BrokerError('body_malformed', `unknown field(s) in the body: ${extra.map((k) => JSON.stringify(k)).join(', ')}; only "secrets" and "github" are accepted`);
  const { secrets: list, github } = parsed as { secrets?: unknown; github?: unknown };
  if (list === undefined) return { github };
  if (!Array.isArray(list) || list.some((n) => typeof n !== 'string' || n === '')) {
    throw new BrokerError('body_malformed', '"secrets" must be a list of secret names');
  }
  if (list.length === 0) {
    throw new BrokerError('body_malformed', '"secrets" is empty; list the names you need, or omit the field to receive everything your policy grants');
  }
  return { requested: [...new Set(list as string[])], github };
}

/**
 * 403 that helps without leaking: it names the closest same-issuer policy and the claims of the caller's own
 * token that it failed on, never the values a policy expects.
 */
function noPolicy(ctx: ExchangeContext, issuerId: string, claims: Record<string, unknown>): BrokerError {
  const closest = closestPolicy(ctx.config.policies, issuerId, claims);
  if (!closest) {
    return new BrokerError('no_policy_matched', `no policy accepts tokens from issuer ${issuerId}`);
  }
  const which = closest.failures
    .map((f) => `${f.claim}=${f.actual === undefined ? '(absent)' : JSON.stringify(f.actual)}`)
    .join(', ');
  return new BrokerError(
    'no_policy_matched',
    `no policy matches this token; the closest, ${closest.policy.name}, does not accept its ${which}. Run "oidc-exchange check" with these claims, or ask the broker's operator`,
  );
}

/** Longest claimed value the refusal line carries: enough for any real name, not a way to fill the log. */
const UNVERIFIED_TEXT_MAX = 256;

/** The refused token's claimed issuer, repository and project, for the audit line; never the token. */
function noteUnverifiedClaims(token: string, e: unknown, audit: AuditRecord): void {
  // An oversized token is not decoded at all: that is the work its limit saves.
  if (e instanceof BrokerError && e.code === 'token_too_large') return;
  const claims = TokenVerifier.peek(token);
  if (!claims) return;
  const text = (v: unknown) => {
    const t = claimText(v);
    return t === undefined || t.length <= UNVERIFIED_TEXT_MAX ? t : `${t.slice(0, UNVERIFIED_TEXT_MAX)}…`;
  };
  audit.unverified_issuer = text(claims.iss);
  audit.unverified_repository = text(claims.repository);
  audit.unverified_project_path = text(claims.project_path);
}
