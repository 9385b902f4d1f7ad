// GitLab's Token Revocation API (seed 002), for the tokens this broker minted; its routes are in
// http/revocation.ts. GitLab Secret Detection finds a leaked token, asks `GET /v1/revocable_token_types` which
// types we take, and sends the findings of those types to `POST /v1/revoke_tokens`. GitLab retries the whole
// batch on any non-2xx answer, so revocation is idempotent: each issuance record is marked revoked once, and
// only that first mark revokes at the provider.
//
// How GitLab really calls it (its `Security::TokenRevocationService`): every secret-detection finding of a
// pipeline in one request, each carrying its whole vulnerability record (about 1.2 KB), hence a body limit of
// its own; a 20 s read timeout, hence revocations at GitHub run concurrently (bounded) and the answer comes
// within `answer_within_seconds` whatever GitHub's pace: 204 when every token is done, else 503, and GitLab's
// retry of the whole batch (it retries any non-2xx, up to 17 times, and never reads Retry-After) finds the
// tokens revoked meanwhile.
//
// Authentication: GitLab sends the pre-shared token as the raw `Authorization` value, without "Bearer". A
// proxy or a hand-written client may add "Bearer "; both forms are accepted (the secret is the same either
// way). The comparison hashes both sides and compares the digests in constant time, so neither the token's
// content nor its length leaks through timing.
import type { Logger } from 'pino';
import { BrokerError } from './errors.js';
import { GITHUB_INSTALLATION_TOKEN } from './sources/github-app.js';
import { revokeIssued, tokenHash } from './issuance.js';
import type { BrokerMetrics } from './metrics.js';
import { presentsSharedToken } from './shared-secret.js';
import type { IssuanceRecord, Store } from './store/store.js';
import { installationTokensIn } from '../platform/tokens.js';

/** The `revocation` section, as config/revocation.ts builds it. */
export interface RevocationSettings {
  /**
   * The pre-shared tokens accepted, one per line of the variable or file (two during a rotation); undefined
   * when they could not be read (only `check` allows that).
   */
  tokens?: string[];
  /** Where the token comes from, for logs (never the token). */
  tokenOrigin: string;
  rateLimit: { requests: number; perSeconds: number };
  /** Largest batch accepted (GitLab sends a whole pipeline's findings, about 1.3 KB each). */
  bodyLimitBytes: number;
  /** Revocations at the provider in flight at once. */
  concurrency: number;
  /** Answer within this (GitLab's read timeout is 20 s): 204 when done, else 503 and GitLab's retry finishes. */
  answerWithinSeconds: number;
}

/** 16 MiB: about 12,000 GitLab findings with their vulnerability records. */
export const DEFAULT_REVOCATION_BODY_LIMIT = 16 * 1024 * 1024;

/**
 * Revocation types per issued kind, named as GitLab names a finding's type: `gitleaks_rule_id_` and the
 * secret detection rule's ID, lowercased with spaces as underscores. GitLab's rules for GitHub App tokens are
 * "Github App Token" (ghu_/ghs_) and "GithubAppInstallationToken" (ghs_); a leaked ghs_ token is reported
 * under either, depending on the analyzer's ruleset.
 */
export const REVOCATION_TYPES: Record<string, readonly string[]> = {
  [GITHUB_INSTALLATION_TOKEN]: ['gitleaks_rule_id_github_app_token', 'gitleaks_rule_id_githubappinstallationtoken'],
};

/** How to find a leaked token of each kind inside surrounding text (a line of code, a log excerpt), whole. */
const TOKEN_FINDERS: Record<string, (text: string) => string[]> = {
  // Both of GitHub's forms, the stateless one with its dots and dashes (src/platform/tokens.ts).
  [GITHUB_INSTALLATION_TOKEN]: installationTokensIn,
};

/** Authenticated batches read at once; one more waits for Retry-After (GitLab retries any non-2xx). */
export const MAX_CONCURRENT_BATCHES = 4;

/** What revocation reads of the configuration being served: its own section, and which apps can mint. */
export interface RevocationConfig {
  revocation?: RevocationSettings;
  githubApps: ReadonlyMap<string, unknown>;
}

export interface RevocationDeps {
  /** The configuration being served (it changes on reload). */
  config: () => RevocationConfig;
  store: Store;
  log: Logger;
  metrics?: BrokerMetrics;
}

export interface RevocationOutcome {
  /** Tokens revoked at their provider by this request. */
  revoked: number;
  /** Issued by us, but already revoked (an earlier batch) or already dead at the provider. */
  already: number;
  /** SHA-256 of each token this broker never issued (ignored, audited). */
  unknown: string[];
  /** Revocations that failed at the provider (the request answers 503 so GitLab retries). */
  failed: number;
  /** Still running when the answer was due (the request answers 503; they go on, and the retry finds them done). */
  pending: number;
}

type TokenResult = 'revoked' | 'already' | 'unknown' | 'failed';

/** The types this broker takes: those of the token kinds it can issue with its configuration. */
export function revocableTypes(config: RevocationConfig): string[] {
  const kinds = new Set<string>();
  if (config.githubApps.size > 0) kinds.add(GITHUB_INSTALLATION_TOKEN);
  return [...kinds].flatMap((k) => REVOCATION_TYPES[k] ?? []);
}

/** Constant-time check of GitLab's pre-shared token (raw value, or "Bearer <value>") against each accepted one. */
export function authorizedRevoker(accepted: readonly string[], authorization: string | undefined): boolean {
  return presentsSharedToken(accepted, authorization);
}

/**
 * Revokes the tokens of batches, each token once: concurrently up to the configured bound, and a token whose
 * revocation is already running (an earlier batch still at GitHub when GitLab retried) is waited for, not
 * revoked again.
 */
export class Revoker {
  private readonly running = new Map<string, Promise<TokenResult>>();

  constructor(private readonly deps: RevocationDeps) {}

  /** Checks and revokes one batch. Throws BrokerError for 400/503; resolves when the batch is accepted (204). */
  async revokeBatch(body: string): Promise<RevocationOutcome> {
    const config = this.deps.config();
    const settings = config.revocation!;
    const findings = parseFindings(body, revocableTypes(config));
    // One task per distinct token, with the first finding that named it (for the audit line).
    const tasks = new Map<string, { token: string; finding: Finding }>();
    for (const f of findings) {
      for (const token of candidates(f.token)) {
        const hash = tokenHash(token);
        if (!tasks.has(hash)) tasks.set(hash, { token, finding: f });
      }
    }
    const outcome: RevocationOutcome = { revoked: 0, already: 0, unknown: [], failed: 0, pending: 0 };
    const queue = [...tasks.entries()];
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < queue.length) {
        const [hash, t] = queue[next++]!;
        const result = await this.revokeOnce(hash, t.token, t.finding);
        this.deps.metrics?.revocations.inc({ result });
        if (result === 'unknown') outcome.unknown.push(hash);
        else outcome[result]++;
      }
    };
    const all = Promise.all(Array.from({ length: Math.min(settings.concurrency, queue.length) }, worker));
    let timer: NodeJS.Timeout | undefined;
    const due = new Promise<'due'>((resolve) => {
      timer = setTimeout(() => resolve('due'), settings.answerWithinSeconds * 1000);
    });
    const finished = await Promise.race([all.then(() => 'done' as const), due]);
    clearTimeout(timer);
    if (finished === 'due') {
      // The workers go on after the answer; GitLab's retry of the batch finds their tokens revoked.
      outcome.pending = queue.length - (outcome.revoked + outcome.already + outcome.unknown.length + outcome.failed);
      throw new BrokerError(
        'upstream_unavailable',
        `${outcome.pending} of ${queue.length} token(s) are still being revoked; send the batch again (the revocations go on meanwhile)`,
        { retryAfter: 30, detail: `batch of ${findings.length} findings not finished within ${settings.answerWithinSeconds} s` },
      );
    }
    if (outcome.failed > 0) {
      throw new BrokerError('upstream_unavailable', `${outcome.failed} token(s) could not be revoked at their provider right now; send the batch again later`, {
        retryAfter: 30,
      });
    }
    return outcome;
  }

  private revokeOnce(hash: string, token: string, finding: Finding): Promise<TokenResult> {
    const inFlight = this.running.get(hash);
    // Revoked by the earlier request: for this one it is "already revoked".
    if (inFlight) return inFlight.then((r) => (r === 'revoked' ? 'already' : r));
    const p = this.revoke(hash, token, finding).finally(() => this.running.delete(hash));
    this.running.set(hash, p);
    return p;
  }

  private async revoke(hash: string, token: string, f: Finding): Promise<TokenResult> {
    const { store, log } = this.deps;
    let record: IssuanceRecord | undefined;
    try {
      record = await store.getIssuance(hash);
      if (!record) {
        log.warn({ event: 'revocation_unknown_token', token_sha256: hash, type: f.type, location: f.location }, 'revocation request for a token this broker never issued (ignored)');
        return 'unknown';
      }
      if (record.revokedAt || !(await store.markRevoked(hash, new Date()))) return 'already';
    } catch (e) {
      log.error({ event: 'revocation_failure', token_sha256: hash, detail: (e as BrokerError).detail ?? (e as Error).message }, 'revocation failed: the store is unavailable');
      return 'failed';
    }
    try {
      const result = await revokeIssued(record.kind, record.meta, token, Date.parse(record.issuedAt));
      log.info(
        { event: 'token_revoked', token_sha256: hash, kind: record.kind, policy: record.policy, sub: record.sub, repository: record.repository, project_path: record.project_path, result, location: f.location },
        'leaked token revoked',
      );
      return result === 'revoked' ? 'revoked' : 'already';
    } catch (e) {
      // Undo the mark so GitLab's retry of this batch tries again.
      await store.putIssuance(record).catch(() => undefined);
      log.error({ event: 'revocation_failure', token_sha256: hash, kind: record.kind, detail: (e as BrokerError).detail ?? (e as Error).message }, 'revocation failed');
      return 'failed';
    }
  }
}

interface Finding {
  type: string;
  token: string;
  location?: string;
}

/** The body must be a JSON array of findings, every one of a type this broker takes (else 400, not retried). */
function parseFindings(body: string, supported: readonly string[]): Finding[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new BrokerError('body_malformed', 'the body must be a JSON array of {"type": "...", "token": "..."} objects');
  }
  if (!Array.isArray(parsed)) throw new BrokerError('body_malformed', 'the body must be a JSON array of {"type": "...", "token": "..."} objects');
  const wanted = new Map(supported.map((t) => [normalType(t), t]));
  const findings: Finding[] = [];
  const unsupported = new Set<string>();
  parsed.forEach((item, i) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw new BrokerError('body_malformed', `item ${i} is not an object; each item is {"type": "...", "token": "..."}`);
    }
    // Unknown extra fields (location, and whatever GitLab adds later) are ignored.
    const { type, token, location } = item as Record<string, unknown>;
    if (typeof type !== 'string' || type === '') throw new BrokerError('body_malformed', `item ${i} has no "type" string`);
    if (typeof token !== 'string' || token.trim() === '') throw new BrokerError('body_malformed', `item ${i} has no "token" string`);
    if (!wanted.has(normalType(type))) unsupported.add(type);
    findings.push({ type, token, location: typeof location === 'string' ? location.slice(0, 2048) : undefined });
  });
  if (unsupported.size > 0) {
    throw new BrokerError(
      'unsupported_token_type',
      `unsupported token type(s) ${[...unsupported].map((t) => JSON.stringify(t.slice(0, 200))).join(', ')}; this broker revokes ${supported.length ? supported.join(', ') : 'no token types (it mints none)'} (see GET /v1/revocable_token_types)`,
    );
  }
  return findings;
}

/**
 * The tokens inside a finding's `token` text. Secret detection may report a match with surrounding text
 * (`GH_TOKEN="ghs_..."`), so known token shapes are extracted; text with no known shape is looked up whole.
 */
function candidates(text: string): string[] {
  const found = new Set<string>();
  for (const find of Object.values(TOKEN_FINDERS)) for (const token of find(text)) found.add(token);
  if (found.size === 0) found.add(text.trim());
  return [...found];
}

/** Type names compared without case or separators: `Gitleaks_Rule_ID_GitHub_App_Token` is ours too. */
function normalType(type: string): string {
  return type.toLowerCase().replace(/[^a-z0-9]/g, '');
}
