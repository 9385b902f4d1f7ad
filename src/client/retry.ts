// The retry loop every client call shares: attempts until one succeeds, a failure is final, or the total
// deadline passes. Each attempt gets its own timeout, never longer than what is left of the deadline.
import { DEFAULT_BACKOFF, retryDelayMs, type BackoffPolicy } from './backoff.js';

export interface RetrySettings {
  /** Total time for all attempts and waits, in ms. */
  deadlineMs: number;
  /** Longest single attempt, in ms. */
  attemptTimeoutMs: number;
  backoff?: BackoffPolicy;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Told before each wait: the attempt that failed, why, and how long until the next. */
  onRetry?: (info: { attempt: number; reason: string; delayMs: number }) => void;
}

export type Attempt<T> =
  | { ok: T }
  /** Worth another attempt (network error, 5xx, 429). */
  | { retry: string; retryAfter?: string }
  /** Final: retrying cannot help. */
  | { fail: Error };

export class RetriesExhausted extends Error {
  readonly attempts: number;
  readonly lastReason: string;
  readonly deadlinePassed: boolean;
  constructor(attempts: number, lastReason: string, deadlinePassed: boolean) {
    super(lastReason);
    this.name = 'RetriesExhausted';
    this.attempts = attempts;
    this.lastReason = lastReason;
    this.deadlinePassed = deadlinePassed;
  }
}

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function withRetries<T>(settings: RetrySettings, attempt: (timeoutMs: number, n: number) => Promise<Attempt<T>>): Promise<{ value: T; attempts: number }> {
  const now = settings.now ?? Date.now;
  const sleep = settings.sleep ?? realSleep;
  const random = settings.random ?? Math.random;
  const deadline = now() + settings.deadlineMs;
  for (let n = 1; ; n++) {
    const left = deadline - now();
    const result = await attempt(Math.max(1, Math.min(settings.attemptTimeoutMs, left)), n);
    if ('ok' in result) return { value: result.ok, attempts: n };
    if ('fail' in result) throw result.fail;
    const delay = retryDelayMs(n, result.retryAfter, random(), settings.backoff ?? DEFAULT_BACKOFF, now());
    // A wait that would end past the deadline leaves no time for another attempt worth making.
    if (now() + delay + 50 >= deadline) throw new RetriesExhausted(n, result.retry, true);
    settings.onRetry?.({ attempt: n, reason: result.retry, delayMs: delay });
    await sleep(delay);
  }
}
