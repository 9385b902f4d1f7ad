// What one GitHub App may still ask of GitHub, and the gate every request to GitHub passes. GitHub's "Rate
// limits for the REST API" (https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api)
// asks clients to: not retry before `retry-after`; with `x-ratelimit-remaining: 0`, not call before
// `x-ratelimit-reset`; stay under 100 concurrent requests and 900 points a minute (GET 1, POST 5); and warns
// that calling on while limited can get an integration banned. So the broker:
//  - reads the x-ratelimit-* headers of every answer and keeps the App's remaining quota;
//  - refuses (503 with a Retry-After computed from GitHub's reset or retry-after) instead of calling GitHub
//    when GitHub would refuse: the exchange gives the job's OIDC token back (exchange.ts, step 6b);
//  - keeps at most `maxConcurrent` requests in flight, the rest waiting in a queue no longer than
//    `queueSeconds` (shorter than a client's timeout, so the client hears a 503 rather than a timeout);
//  - spends at most `pointsPerMinute` in any sliding minute (once GitHub has shown it limits: headers sent);
//  - shares GitHub's "wait" with the other broker instances through the store, so that each does not learn it
//    by being refused (and by calling on into a ban).
import { BrokerError } from '../errors.js';
import type { Store } from '../store/store.js';

export interface QuotaSettings {
  /** Requests in flight to GitHub at once for this App (GitHub's secondary limit: 100). */
  maxConcurrent: number;
  /** Points spent in any minute (GitHub's secondary limit: 900 for REST; GET 1, POST 5). */
  pointsPerMinute: number;
  /** Longest a request waits for a free slot, in seconds of real time. */
  queueSeconds: number;
  /** Warn when the remaining quota falls below this share of the hourly limit. */
  warnBelowShare: number;
}

export const DEFAULT_QUOTA: QuotaSettings = { maxConcurrent: 50, pointsPerMinute: 900, queueSeconds: 5, warnBelowShare: 0.1 };

/** What the broker knows of one App's quota: the status page and the metrics show it. */
export interface QuotaSnapshot {
  app: string;
  /** The installation the last answer was about (GitHub counts JWT requests against the App). */
  installation?: string;
  /** Absent until GitHub sent the headers (GitHub Enterprise Server with rate limits off never does). */
  limit?: number;
  remaining?: number;
  /** When GitHub resets the hourly quota (Unix seconds). */
  resetAt?: number;
  /** Until when the broker sends nothing to GitHub for this App (Unix seconds), and why. */
  blockedUntil?: number;
  blockedBy?: Blocker;
  inFlight: number;
  queued: number;
}

export interface QuotaEvents {
  /** GitHub's answer updated what is known of the quota. */
  onQuota?(s: QuotaSnapshot): void;
  /** The remaining quota fell below the warning share (once per GitHub window). */
  onLow?(s: QuotaSnapshot): void;
  /** GitHub answered with a rate-limit refusal (the broker's pacing failed, or another client shares the App). */
  onRateLimited?(app: string, kind: 'primary' | 'secondary', retryAfterSeconds: number): void;
  /** The broker refused a request itself, before calling GitHub. */
  onRefused?(app: string, reason: 'exhausted' | 'retry_after' | 'queue_timeout' | 'points'): void;
}

type Headers = Record<string, string | string[] | undefined>;
/** Why the App is blocked: GitHub's answer to this instance (primary, secondary), or to another one (shared). */
type Blocker = 'primary' | 'secondary' | 'shared';

/**
 * The longest GitHub is believed when it says when to come back: its primary window is an hour, and its
 * secondary-limit waits are minutes. A longer `retry-after` or `x-ratelimit-reset` is cut to this.
 */
export const LONGEST_WAIT_SECONDS = 3600;

/** A "not before" time the broker instances share (the store's holdUntil / heldUntil under one key). */
export interface SharedHold {
  get(): Promise<number | undefined>;
  put(until: number, ttlMs: number): Promise<void>;
}

/** The shared hold of the App that `issuer` names at `apiUrl`, kept in `store`. */
export function holdInStore(store: Store, apiUrl: string, issuer: string): SharedHold {
  const key = `github-hold:${apiUrl}\u0000${issuer}`;
  return { get: () => store.heldUntil(key), put: (until, ttlMs) => store.holdUntil(key, until, ttlMs) };
}

interface Waiter {
  wake: () => void;
}

export class AppQuota {
  private limit?: number;
  private remaining?: number;
  /** Epoch ms. */
  private resetAt?: number;
  private installation?: string;
  private blockedUntil = 0;
  private blockedBy?: Blocker;
  private shared?: SharedHold;
  private inFlight = 0;
  private readonly queue: Waiter[] = [];
  private readonly spent: Array<{ at: number; cost: number }> = [];
  private warnedFor?: number;
  private events: QuotaEvents = {};

  constructor(
    readonly app: string,
    readonly settings: QuotaSettings = DEFAULT_QUOTA,
    private readonly now: () => number = Date.now,
  ) {}

  /** Where this App's figures go (the broker's log and metrics); set again by each configuration generation. */
  watch(events: QuotaEvents): void {
    this.events = events;
  }

  /** Where the instances share GitHub's waits (undefined: this instance alone). */
  share(hold: SharedHold | undefined): void {
    this.shared = hold;
  }

  /**
   * Requests this App can still make in the current window (Infinity while GitHub has not said), for the
   * pool's choice; 0 while blocked.
   */
  headroom(): number {
    const t = this.now();
    if (this.blockedUntil > t) return 0;
    if (this.remaining === undefined || this.resetAt === undefined || this.resetAt <= t) return this.limit ?? Number.POSITIVE_INFINITY;
    return Math.max(0, this.remaining - this.inFlight);
  }

  /**
   * Waits for a slot to call GitHub with `method`; throws a 503 with Retry-After when GitHub would refuse now
   * or no slot frees within the queue's deadline. Call the returned function when GitHub has answered.
   */
  async acquire(method: string): Promise<() => void> {
    const deadline = Date.now() + this.settings.queueSeconds * 1000;
    await this.readShared();
    for (;;) {
      this.refuseIfLimited();
      if (this.inFlight < this.settings.maxConcurrent) break;
      const left = deadline - Date.now();
      if (left <= 0 || !(await this.waitForSlot(left))) {
        this.events.onRefused?.(this.app, 'queue_timeout');
        throw this.refusal(1, `${this.settings.maxConcurrent} requests to GitHub in flight for ${this.settings.queueSeconds} s`);
      }
    }
    const cost = /^(GET|HEAD|OPTIONS)$/i.test(method) ? 1 : 5;
    const t = this.now();
    // Paced only where GitHub enforces limits: a GitHub that sends no rate-limit headers (GitHub Enterprise
    // Server with rate limits off) has no points limit either, and pacing it would only slow its jobs down.
    this.forgetOldSpending(t);
    const wait = this.limit === undefined ? 0 : this.pointsWait(t, cost);
    if (wait > 0) {
      this.events.onRefused?.(this.app, 'points');
      throw this.refusal(wait, `${this.settings.pointsPerMinute} points spent in the last minute`);
    }
    this.spent.push({ at: t, cost });
    this.inFlight++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inFlight--;
      this.queue.shift()?.wake();
    };
  }

  /**
   * Reads GitHub's answer: the quota headers, and whether it was a rate-limit refusal (returned, with the
   * seconds GitHub asked to wait).
   */
  observe(status: number, headers: Headers, installation?: string, message?: string): { kind: 'primary' | 'secondary'; retryAfter: number } | undefined {
    const t = this.now();
    if (installation) this.installation = installation;
    const limit = num(headers['x-ratelimit-limit']);
    const remaining = num(headers['x-ratelimit-remaining']);
    const reset = num(headers['x-ratelimit-reset']);
    if (limit !== undefined && remaining !== undefined && reset !== undefined) {
      // GitHub's window is an hour: a reset further away is not GitHub's (a proxy's or a broken server's
      // header) and must not hold an App, and through the store every instance, for longer.
      const resetAt = Math.min(reset * 1000, t + LONGEST_WAIT_SECONDS * 1000);
      // Answers arrive out of order: within one window the lowest remaining is the latest truth.
      if (this.resetAt === undefined || resetAt > this.resetAt || this.resetAt <= t) this.remaining = remaining;
      else if (resetAt === this.resetAt) this.remaining = Math.min(this.remaining ?? remaining, remaining);
      if (this.resetAt === undefined || resetAt >= this.resetAt || this.resetAt <= t) this.resetAt = resetAt;
      this.limit = limit;
      this.events.onQuota?.(this.snapshot());
      // The hour is spent: the other instances learn it from here instead of from GitHub's refusal.
      if (remaining === 0 && resetAt > t) this.publish(resetAt, t);
      if (this.remaining! < limit * this.settings.warnBelowShare && this.warnedFor !== this.resetAt) {
        this.warnedFor = this.resetAt;
        this.events.onLow?.(this.snapshot());
      }
    }
    if (status !== 403 && status !== 429) return undefined;
    const retryAfter = num(headers['retry-after']);
    let kind: 'primary' | 'secondary' | undefined;
    let wait = 0;
    if (retryAfter !== undefined) {
      kind = 'secondary';
      wait = Math.min(retryAfter, LONGEST_WAIT_SECONDS);
    } else if (remaining === 0 && reset !== undefined) {
      kind = 'primary';
      wait = Math.min(LONGEST_WAIT_SECONDS, Math.max(1, Math.ceil((reset * 1000 - t) / 1000)));
    } else if (status === 429 || /secondary rate limit/i.test(message ?? '')) {
      // A limit without retry-after: GitHub says to wait at least a minute.
      kind = 'secondary';
      wait = 60;
    }
    if (!kind) return undefined;
    const until = t + wait * 1000;
    if (until > this.blockedUntil) {
      this.blockedUntil = until;
      this.blockedBy = kind;
    }
    this.publish(until, t);
    this.events.onRateLimited?.(this.app, kind, wait);
    this.events.onQuota?.(this.snapshot());
    return { kind, retryAfter: wait };
  }

  snapshot(): QuotaSnapshot {
    const t = this.now();
    const fresh = this.resetAt !== undefined && this.resetAt > t;
    return {
      app: this.app,
      ...(this.installation ? { installation: this.installation } : {}),
      ...(this.limit !== undefined ? { limit: this.limit, remaining: fresh ? this.remaining : this.limit } : {}),
      ...(this.resetAt !== undefined ? { resetAt: Math.ceil(this.resetAt / 1000) } : {}),
      ...(this.blockedUntil > t ? { blockedUntil: Math.ceil(this.blockedUntil / 1000), blockedBy: this.blockedBy } : {}),
      inFlight: this.inFlight,
      queued: this.queue.length,
    };
  }

  private async readShared(): Promise<void> {
    if (!this.shared) return;
    // A store that cannot answer leaves this instance to its own knowledge (GitHub still answers for itself).
    const until = await this.shared.get().catch(() => undefined);
    if (until !== undefined && until > this.blockedUntil && until > this.now()) {
      this.blockedUntil = until;
      this.blockedBy = 'shared';
    }
  }

  private publish(until: number, t: number): void {
    void this.shared?.put(until, until - t).catch(() => undefined);
  }

  private refuseIfLimited(): void {
    const t = this.now();
    // What GitHub told this instance comes first: a spent hour is "exhausted" even when a hold says the same.
    if (this.remaining !== undefined && this.resetAt !== undefined && this.resetAt > t && this.remaining - this.inFlight <= 0 && this.blockedUntil <= this.resetAt) {
      this.events.onRefused?.(this.app, 'exhausted');
      throw this.refusal(Math.ceil((this.resetAt - t) / 1000), `the hourly quota is spent until ${new Date(this.resetAt).toISOString()}`);
    }
    if (this.blockedUntil > t) {
      this.events.onRefused?.(this.app, 'retry_after');
      const why = this.blockedBy === 'shared' ? 'another broker instance was told to wait' : `GitHub asked the broker to wait (${this.blockedBy} rate limit)`;
      throw this.refusal(Math.ceil((this.blockedUntil - t) / 1000), why);
    }
  }

  /** Drops the spendings that have left the sliding minute. */
  private forgetOldSpending(t: number): void {
    while (this.spent.length && this.spent[0]!.at <= t - 60_000) this.spent.shift();
  }

  /** Seconds until `cost` more points fit in the sliding minute (0: they fit now). */
  private pointsWait(t: number, cost: number): number {
    let total = cost;
    for (const s of this.spent) total += s.cost;
    if (total <= this.settings.pointsPerMinute) return 0;
    // The oldest spendings leave the minute first: wait until enough of them have.
    let over = total - this.settings.pointsPerMinute;
    for (const s of this.spent) {
      over -= s.cost;
      if (over <= 0) return Math.max(1, Math.ceil((s.at + 60_000 - t) / 1000));
    }
    return 60;
  }

  private waitForSlot(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const waiter: Waiter = {
        wake: () => {
          clearTimeout(timer);
          resolve(true);
        },
      };
      const timer = setTimeout(() => {
        const i = this.queue.indexOf(waiter);
        if (i >= 0) this.queue.splice(i, 1);
        resolve(false);
      }, ms);
      this.queue.push(waiter);
    });
  }

  /** The 503 every rate-limit refusal of this App is answered with: the gate's own, and GitHub's (app.ts). */
  refusal(retryAfter: number, why: string): BrokerError {
    return new BrokerError('github_rate_limited', `GitHub's rate limit for the broker's GitHub App is reached; retry in ${retryAfter} s`, {
      retryAfter,
      detail: `github app ${this.app}: ${why}`,
    });
  }
}

function num(v: string | string[] | undefined): number | undefined {
  const s = Array.isArray(v) ? v[0] : v;
  if (s === undefined || !/^\d+$/.test(s.trim())) return undefined;
  return Number(s);
}
