// The broker's shared state: used token IDs (replay protection), issuance records of the tokens the broker
// minted (revocation), and rate-limit counters. One interface, so a single broker keeps it in memory and
// several brokers behind a load balancer share it (the Redis implementation).
import { parseRedisSpec, RedisStore, type RedisStoreSettings } from './redis.js';

/** The `store:` setting, resolved: the in-memory store, or Redis with its connection settings. */
export type StoreSpec = { kind: 'memory' } | { kind: 'redis'; redis: RedisStoreSettings };

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

interface Expiring<T> {
  value: T;
  expiresAt: number;
}

export class MemoryStore implements Store {
  readonly kind = 'memory' as const;
  private readonly seen = new Map<string, { until: number; owner?: string }>();
  private readonly counters = new Map<string, Expiring<number>>();
  private readonly issued = new Map<string, Expiring<IssuanceRecord>>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly now: () => number = Date.now) {
    // Expired entries are dropped lazily on access and by a periodic sweep, so memory stays bounded by
    // what is live, not by what was ever seen.
    this.sweeper = setInterval(() => this.sweep(), 30_000);
    this.sweeper.unref();
  }

  async claimOnce(key: string, ttlSeconds: number, owner?: string): Promise<boolean> {
    const t = this.now();
    const held = this.seen.get(key);
    if (held !== undefined && held.until > t) return false;
    this.seen.set(key, { until: t + ttlSeconds * 1000, owner });
    return true;
  }

  async release(key: string, owner: string): Promise<void> {
    if (this.seen.get(key)?.owner === owner) this.seen.delete(key);
  }

  async waitReady(): Promise<boolean> {
    return true;
  }

  async hit(key: string, windowSeconds: number): Promise<{ count: number; resetSeconds: number }> {
    const t = this.now();
    let c = this.counters.get(key);
    if (!c || c.expiresAt <= t) {
      c = { value: 0, expiresAt: t + windowSeconds * 1000 };
      this.counters.set(key, c);
    }
    c.value++;
    return { count: c.value, resetSeconds: Math.max(1, Math.ceil((c.expiresAt - t) / 1000)) };
  }

  async putIssuance(record: IssuanceRecord): Promise<void> {
    // Kept a day past expiry so a leak reported late is still recognised (and audited) as ours.
    this.issued.set(record.tokenHash, { value: { ...record }, expiresAt: Date.parse(record.expiresAt) + 86_400_000 });
  }

  async getIssuance(tokenHash: string): Promise<IssuanceRecord | undefined> {
    const e = this.issued.get(tokenHash);
    if (!e || e.expiresAt <= this.now()) return undefined;
    return { ...e.value };
  }

  async markRevoked(tokenHash: string, at: Date): Promise<boolean> {
    const e = this.issued.get(tokenHash);
    if (!e || e.value.revokedAt) return false;
    e.value.revokedAt = at.toISOString();
    return true;
  }

  async ping(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
  }

  private sweep(): void {
    const t = this.now();
    for (const [k, held] of this.seen) if (held.until <= t) this.seen.delete(k);
    for (const [k, c] of this.counters) if (c.expiresAt <= t) this.counters.delete(k);
    for (const [k, r] of this.issued) if (r.expiresAt <= t) this.issued.delete(k);
  }
}

export function createStore(spec: string | StoreSpec, now?: () => number, events?: StoreEvents): Store {
  if (typeof spec === 'string') {
    if (spec === 'memory') return new MemoryStore(now);
    if (/^rediss?:\/\//.test(spec)) return new RedisStore(parseRedisSpec(spec), now, events);
    throw new Error(`store ${JSON.stringify(redactUrl(spec))} is not supported`);
  }
  return spec.kind === 'memory' ? new MemoryStore(now) : new RedisStore(spec.redis, now, events);
}

/** Whether two store settings name the same store (a reload cannot switch stores under live requests). */
export function sameStore(a: StoreSpec, b: StoreSpec): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The store for logs: its kind and, for Redis, the URL without a password. */
export function describeStore(spec: StoreSpec): string {
  return spec.kind === 'memory' ? 'memory' : redactUrl(spec.redis.url);
}

/** Why a `store:` value cannot be used, or undefined when it can (for the configuration check). */
export function checkStoreSpec(spec: string): string | undefined {
  if (spec === 'memory') return undefined;
  if (!/^rediss?:\/\//.test(spec)) return `${JSON.stringify(redactUrl(spec))} is not supported; use "memory" or redis://host:port`;
  try {
    parseRedisSpec(spec);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

/** The store URL without its password, for logs and error messages. */
export function redactUrl(spec: string): string {
  try {
    const u = new URL(spec);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return spec.replace(/\/\/[^@/]*@/, '//***@');
  }
}
