// How long to wait before the next attempt: exponential with full jitter (so many jobs retrying at once do
// not hammer the broker in step), or what the server asked for with Retry-After, never past the deadline.

export interface BackoffPolicy {
  /** Delay cap for the first retry, in ms; doubles each attempt. */
  baseMs: number;
  /** Largest delay, in ms. */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1000, maxMs: 10_000 };

/**
 * @param attempt the attempt that just failed, from 1
 * @param retryAfter the Retry-After header of the failed answer, if any
 * @param random a number in [0, 1)
 */
export function retryDelayMs(attempt: number, retryAfter: string | undefined, random: number, policy = DEFAULT_BACKOFF, nowMs = Date.now()): number {
  const asked = parseRetryAfter(retryAfter, nowMs);
  if (asked !== undefined) return Math.min(asked, policy.maxMs * 6);
  const cap = Math.min(policy.maxMs, policy.baseMs * 2 ** (attempt - 1));
  // Half fixed, half random: spreads the herd while still backing off.
  return Math.round(cap / 2 + (random * cap) / 2);
}

/** Retry-After is either delta-seconds or an HTTP date (RFC 9110 10.2.3). Garbage is ignored. */
export function parseRetryAfter(value: string | undefined, nowMs = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const date = Date.parse(v);
  if (Number.isNaN(date) || !/[A-Za-z]/.test(v)) return undefined;
  return Math.max(0, date - nowMs);
}
