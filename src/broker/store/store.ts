// The interface of the broker's shared state: used token IDs (replay protection), issuance records of the
// tokens the broker minted (revocation), and rate-limit counters. A single broker keeps it in memory
// (memory.ts); several brokers behind a load balancer share it through Redis (redis.ts).

export interface IssuanceRecord {
  /** SHA-256 (hex) of the issued token: the token itself is never stored. */
  tokenHash: string;
  /** What was issued, named as the revocation API names its types (e.g. github_installation_token). */
  kind: string;
  policy: string;
  /** Who it was issued to. */
  issuer: string;
  sub: string;
  jti?: string;
  repository?: string;
  project_path?: string;
  issuedAt: string;
  expiresAt: string;
  revokedAt?: string;
  /** Kind-specific, non-secret data needed to revoke (e.g. the GitHub API URL). */
  meta?: Record<string, string>;
}

export interface Store {
  readonly kind: 'memory' | 'redis';
  /**
   * Atomically records `key` unless present. True: first time; false: already seen (a replay). `owner` (a
   * random value the caller keeps) lets the same caller release the record again with `release`.
   */
  claimOnce(key: string, ttlSeconds: number, owner?: string): Promise<boolean>;
  /**
   * Forgets a record `claimOnce` made, only if `owner` still holds it: a failure of the broker's own (a source
   * down, GitHub refusing to mint) must not spend the caller's single-use token.
   */
  release(key: string, owner: string): Promise<void>;
  /**
   * Resolves once the store can be used, or after `timeoutMs` (false). The broker waits for this before it
   * listens, so a just-started instance does not answer its first requests with 503.
   */
  waitReady(timeoutMs: number): Promise<boolean>;
  /** Counts one hit in the current fixed window of `windowSeconds`. */
  hit(key: string, windowSeconds: number): Promise<{ count: number; resetSeconds: number }>;
  putIssuance(record: IssuanceRecord): Promise<void>;
  getIssuance(tokenHash: string): Promise<IssuanceRecord | undefined>;
  /** Marks a record revoked. True only for the call that changed it, so a revocation happens once. */
  markRevoked(tokenHash: string, at: Date): Promise<boolean>;
  /**
   * A shared "not before" time under `key` (epoch ms on the caller's clock), kept `ttlMs`: GitHub asked one
   * instance to wait, and the others must not call for it meanwhile (github/quota.ts). A later time is kept
   * over an earlier one.
   */
  holdUntil(key: string, until: number, ttlMs: number): Promise<void>;
  /** The time `holdUntil` set under `key`, while it is kept (the caller compares it with its clock). */
  heldUntil(key: string): Promise<number | undefined>;
  /** Whether the store can be used right now (readiness). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** What a store reports about itself, for the log and the metrics (none of it is needed to work). */
export interface StoreEvents {
  /** The store became reachable (true) or unreachable (false). */
  onStateChange?(up: boolean): void;
  /** A connection-level error (e.g. a failed reconnect); may repeat while the store is down. */
  onError?(message: string): void;
  /** An operation failed (it was answered as 503 upstream_unavailable). */
  onOperationError?(operation: string): void;
}
