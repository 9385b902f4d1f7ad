// What a secret backend fetched, kept for its configured time so a burst of exchanges makes one request to
// Vault or AWS, not one each. Concurrent misses for the same key share one fetch. A failed fetch is never
// kept: the next exchange asks again, so a backend that comes back is used at once.

export class TtlCache<T> {
  private readonly entries = new Map<string, { value: T; until: number }>();
  private readonly pending = new Map<string, Promise<T>>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The cached value for `key`, or what `fetch` returns (then cached). `hit` tells the caller which. */
  async get(key: string, fetch: () => Promise<T>, hit?: (cached: boolean) => void): Promise<T> {
    const e = this.entries.get(key);
    if (e && e.until > this.now()) {
      hit?.(true);
      return e.value;
    }
    let p = this.pending.get(key);
    if (!p) {
      p = fetch().then(
        (value) => {
          if (this.ttlMs > 0) this.entries.set(key, { value, until: this.now() + this.ttlMs });
          return value;
        },
      );
      const settled = p.finally(() => this.pending.delete(key));
      settled.catch(() => undefined);
      this.pending.set(key, p);
    }
    hit?.(false);
    return p;
  }

  clear(): void {
    this.entries.clear();
  }
}
