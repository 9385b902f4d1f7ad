// Reload generations. What a configuration is served with (the configuration and what is built from it) is
// one generation. A request enters the current generation when it starts and leaves it when it ends, so a
// reload never changes the rules under a request in flight; a retired generation is closed (its secret
// backends' timers and connections) only once its last request has left.

/** The generation a request holds from its start to its end. */
export interface Generation<T> {
  readonly value: T;
}

interface Entry<T> extends Generation<T> {
  inflight: number;
  retired: boolean;
}

export class Generations<T> {
  private serving: Entry<T>;
  private readonly retiring = new Set<Entry<T>>();
  private served = 1;

  /** `close` releases what a retired generation holds; it is best effort and must not reject. */
  constructor(
    first: T,
    private readonly close: (value: T) => Promise<void>,
  ) {
    this.serving = { value: first, inflight: 0, retired: false };
  }

  /** What is served now: what the next request gets (and what readiness and the next reload look at). */
  get current(): T {
    return this.serving.value;
  }

  /** Which generation is served: 1 for the configuration the broker started with, one more per reload. */
  get number(): number {
    return this.served;
  }

  /** A request starts: it keeps this generation until it calls `leave`, whatever reloads happen meanwhile. */
  enter(): Generation<T> {
    this.serving.inflight++;
    return this.serving;
  }

  leave(g: Generation<T>): void {
    const entry = g as Entry<T>;
    entry.inflight--;
    if (entry.retired && entry.inflight === 0) void this.retire(entry);
  }

  /** Serves `next` from the next request on; the previous generation is closed once no request holds it. */
  swap(next: T): void {
    const previous = this.serving;
    this.serving = { value: next, inflight: 0, retired: false };
    this.served++;
    previous.retired = true;
    if (previous.inflight === 0) void this.retire(previous);
    else this.retiring.add(previous);
  }

  /** Shutdown: closes the current generation and every retired one still waiting for its requests. */
  async closeAll(): Promise<void> {
    await Promise.allSettled([this.serving, ...this.retiring].map((g) => this.close(g.value)));
  }

  private async retire(g: Entry<T>): Promise<void> {
    this.retiring.delete(g);
    await this.close(g.value);
  }
}
