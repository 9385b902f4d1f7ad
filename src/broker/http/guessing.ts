// Slows down guessing of the pre-shared tokens (the admin API's and the Token Revocation API's): after a few
// wrong tokens from one source, every request from that source to those APIs, with the right token or not, is
// refused with 429 and Retry-After until a lock that doubles with each further wrong token runs out. Counting
// only wrong tokens, as the store's shared counters do, changes the error code but lets a guess that hits be
// accepted at once; a lock on the source does not, and leaves every other source (GitLab's workers, the
// operator's own machine) untouched, so a guesser cannot lock the real users out.
//
// The state is this broker instance's own memory: several instances each keep their own, which multiplies a
// guesser's pace by the number of instances, still far from useful against a 32-character random token.
import { BrokerError } from '../errors.js';
import type { Clock } from '../verify/issuer-keys.js';

/** How many wrong tokens a source may send before it is locked (typos, a rotation half done). */
export const FREE_WRONG_TOKENS = 10;
/** The first lock; each further wrong token doubles it. */
export const FIRST_LOCK_SECONDS = 1;
/** The longest lock. */
export const MAX_LOCK_SECONDS = 15 * 60;
/** A source that sent no wrong token for this long (and is not locked) starts again from zero. */
export const FORGET_AFTER_SECONDS = 60 * 60;
/** Sources remembered at most; beyond it the ones that have been quiet longest are forgotten first. */
export const MAX_SOURCES = 10_000;

interface Record {
  wrong: number;
  lastWrongMs: number;
  lockedUntilMs: number;
}

export class GuessingGuard {
  // A Map keeps insertion order: a record is moved to the end on every wrong token, so the first entries are
  // the sources quiet longest, the ones to forget when the map is full.
  private readonly sources = new Map<string, Record>();

  constructor(private readonly now: Clock = Date.now) {}

  /** Throws 429 rate_limited while `remote` is locked; `api` names what was asked for in the message. */
  admit(remote: string | undefined, api: string): void {
    const record = this.current(sourceOf(remote));
    if (!record) return;
    const waitMs = record.lockedUntilMs - this.now();
    if (waitMs > 0) {
      throw new BrokerError('rate_limited', `too many wrong ${api} tokens from this address; every request from it is refused until the time in Retry-After has passed`, {
        retryAfter: Math.ceil(waitMs / 1000),
      });
    }
  }

  /** Counts a wrong or missing token from `remote`, locking it once it has sent more than the free ones. */
  wrongToken(remote: string | undefined): void {
    const source = sourceOf(remote);
    const now = this.now();
    const record = this.current(source) ?? { wrong: 0, lastWrongMs: now, lockedUntilMs: 0 };
    record.wrong++;
    record.lastWrongMs = now;
    if (record.wrong >= FREE_WRONG_TOKENS) {
      const doublings = Math.min(record.wrong - FREE_WRONG_TOKENS, 30);
      const seconds = Math.min(FIRST_LOCK_SECONDS * 2 ** doublings, MAX_LOCK_SECONDS);
      record.lockedUntilMs = Math.max(record.lockedUntilMs, now + seconds * 1000);
    }
    this.sources.delete(source);
    this.sources.set(source, record);
    if (this.sources.size > MAX_SOURCES) this.sources.delete(this.sources.keys().next().value!);
  }

  /** The record of `source`, unless it has been forgotten (quiet long enough and not locked). */
  private current(source: string): Record | undefined {
    const record = this.sources.get(source);
    if (!record) return undefined;
    const now = this.now();
    if (record.lockedUntilMs <= now && now - record.lastWrongMs > FORGET_AFTER_SECONDS * 1000) {
      this.sources.delete(source);
      return undefined;
    }
    return record;
  }
}

/**
 * The unit a guesser is counted by: one IPv4 address, or one IPv6 /64 (a single host is usually given a whole
 * /64, so counting addresses inside it would let it start afresh with every request).
 */
export function sourceOf(remote: string | undefined): string {
  if (!remote) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(remote);
  if (mapped) return mapped[1]!;
  if (!remote.includes(':')) return remote;
  return `${expandIPv6(remote).slice(0, 4).join(':')}::/64`;
}

/** The eight groups of an IPv6 address (zone id dropped), `::` expanded. */
function expandIPv6(address: string): string[] {
  const plain = address.split('%')[0]!.toLowerCase();
  const [head, tail] = plain.includes('::') ? plain.split('::') : [plain, undefined];
  const left = head ? head.split(':') : [];
  if (tail === undefined) return left;
  const right = tail ? tail.split(':') : [];
  return [...left, ...Array<string>(Math.max(8 - left.length - right.length, 0)).fill('0'), ...right];
}
