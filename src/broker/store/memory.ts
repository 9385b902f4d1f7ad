// The in-memory store: one broker's used token IDs, issuance records and rate-limit counters, kept in maps
// and forgotten when the process ends (several brokers share a Redis store instead).
import type { IssuanceRecord, Store } from './store.js';

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

  async holdUntil(key: string, until: number, ttlMs: number): Promise<void> {
    const held = this.counters.get(`hold:${key}`);
    if (held && held.expiresAt > this.now() && held.value >= until) return;
    this.counters.set(`hold:${key}`, { value: until, expiresAt: this.now() + Math.max(1, ttlMs) });
  }

  async heldUntil(key: string): Promise<number | undefined> {
    const held = this.counters.get(`hold:${key}`);
    return held && held.expiresAt > this.now() ? held.value : undefined;
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
