// The fake GitHub API's rate limits, modelled on GitHub's "Rate limits for the REST API" page
// (https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api) and its troubleshooting
// page (https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api#rate-limit-errors):
//  - primary: an installation may make 5,000 requests an hour (15,000 when it belongs to an Enterprise Cloud
//    organisation); the hour starts with the first request. Every answer carries x-ratelimit-limit, -remaining,
//    -used, -reset (UTC epoch seconds) and -resource; past the limit GitHub answers 403 with remaining 0.
//  - secondary: no more than 100 concurrent requests, and no more than 900 points a minute for REST endpoints,
//    where GET, HEAD and OPTIONS cost 1 point and POST, PATCH, PUT and DELETE cost 5. Past them GitHub answers
//    403 (or 429) "You have exceeded a secondary rate limit", with a retry-after header.
//  - "Continuing to make requests while you are rate limited may result in the banning of your integration":
//    a client that calls during a retry-after is answered the same and its wait doubles each time.
// The docs give no separate figure for requests made with the app's JWT; the fake counts them against the App
// with the same hourly limit, and installation-token requests against the installation.
// The clock is injected so a test can run an hour of quota in seconds (timeScale in github-api.ts: the whole
// fake's clock, headers in its time); `limits.timeScale` instead shortens only GitHub's windows and waits, with
// headers in real time, so that a broker process on its own (real) clock follows them (the bench).

export interface FakeRateLimits {
  /** Primary: requests an hour per installation (GitHub: 5,000; 15,000 for Enterprise Cloud). */
  perHour?: number;
  /** Secondary: requests in flight at once (GitHub: 100). */
  concurrency?: number;
  /** Secondary: points a minute (GitHub: 900 for REST; GET 1, POST 5). */
  pointsPerMinute?: number;
  /** The retry-after of a first secondary-limit answer, in (fake) seconds (GitHub: "wait at least one minute"). */
  retryAfterSeconds?: number;
  /** GitHub's hour, minute and waits pass this many times faster (headers in real time). Default 1. */
  timeScale?: number;
}

/** Who a request is counted against: an App (JWT requests) or an installation (installation tokens). */
export interface RateIdentity {
  key: string;
  /** For GitHub's message: "installation ID 4242" or "app ID 100001". */
  label: string;
}

export interface RateDecision {
  /** Undefined: go ahead. */
  refuse?: { status: 403; body: Record<string, unknown>; kind: 'primary' | 'secondary' };
  headers: Record<string, string>;
  /** Call when the answer was sent (frees its concurrency slot). */
  done(): void;
}

export interface RateLimitStats {
  /** Requests that were counted (answered by the endpoint). */
  counted: number;
  primaryRefusals: number;
  secondaryRefusals: number;
  /** Secondary-limit answers to a client that was still inside a retry-after it had been given. */
  callsDuringRetryAfter: number;
  /** The highest number of requests one identity had in flight. */
  maxConcurrent: number;
}

const DOCS_PRIMARY = 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api';
const DOCS_SECONDARY = 'https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits';

interface Bucket {
  windowStart: number;
  used: number;
  inFlight: number;
  minuteStart: number;
  points: number;
  /** Epoch ms until which every request is refused (a secondary-limit answer's retry-after). */
  blockedUntil: number;
  strikes: number;
}

export class FakeRateLimiter {
  readonly perHour: number;
  readonly concurrency: number;
  readonly pointsPerMinute: number;
  readonly retryAfterSeconds: number;
  private readonly hourMs: number;
  private readonly minuteMs: number;
  private readonly scale: number;
  private readonly buckets = new Map<string, Bucket>();
  private readonly s: RateLimitStats = { counted: 0, primaryRefusals: 0, secondaryRefusals: 0, callsDuringRetryAfter: 0, maxConcurrent: 0 };
  private requestSerial = 0;

  constructor(
    limits: FakeRateLimits,
    private readonly now: () => number,
  ) {
    this.perHour = limits.perHour ?? 5000;
    this.concurrency = limits.concurrency ?? 100;
    this.pointsPerMinute = limits.pointsPerMinute ?? 900;
    this.retryAfterSeconds = limits.retryAfterSeconds ?? 60;
    this.scale = limits.timeScale ?? 1;
    this.hourMs = 3600_000 / this.scale;
    this.minuteMs = 60_000 / this.scale;
  }

  stats(): RateLimitStats {
    return { ...this.s };
  }

  /** When `key`'s hourly window ends (epoch ms; undefined before its first request or once it has ended). */
  resetAt(key: string): number | undefined {
    const b = this.buckets.get(key);
    if (!b) return undefined;
    const end = b.windowStart + this.hourMs;
    return end > this.now() ? end : undefined;
  }

  /** Whether `key` has spent its hour (GitHub would answer 403 with remaining 0). */
  exhausted(key: string): boolean {
    const b = this.buckets.get(key);
    return b !== undefined && this.resetAt(key) !== undefined && b.used >= this.perHour;
  }

  /** What GitHub would answer a request by `who` with `method` right now. */
  admit(who: RateIdentity, method: string): RateDecision {
    const t = this.now();
    const b = this.bucket(who.key, t);
    const noop = () => undefined;
    if (b.blockedUntil > t) {
      // Calling during a retry-after: refused again, and the wait escalates.
      this.s.callsDuringRetryAfter++;
      b.strikes++;
      return this.secondary(b, t, who);
    }
    if (b.used >= this.perHour) {
      this.s.primaryRefusals++;
      return {
        refuse: { status: 403, kind: 'primary', body: { message: `API rate limit exceeded for ${who.label}.`, documentation_url: DOCS_PRIMARY, status: '403' } },
        headers: this.headers(b),
        done: noop,
      };
    }
    const cost = /^(GET|HEAD|OPTIONS)$/i.test(method) ? 1 : 5;
    if (b.inFlight >= this.concurrency || b.points + cost > this.pointsPerMinute) return this.secondary(b, t, who);
    b.used++;
    b.points += cost;
    b.inFlight++;
    this.s.counted++;
    this.s.maxConcurrent = Math.max(this.s.maxConcurrent, b.inFlight);
    let freed = false;
    return {
      headers: this.headers(b),
      done: () => {
        if (!freed) b.inFlight--;
        freed = true;
      },
    };
  }

  private secondary(b: Bucket, t: number, who: RateIdentity): RateDecision {
    this.s.secondaryRefusals++;
    const wait = (this.retryAfterSeconds * 1000 * 2 ** Math.min(b.strikes, 10)) / this.scale;
    b.blockedUntil = Math.max(b.blockedUntil, t + wait);
    const retryAfter = Math.max(1, Math.ceil((b.blockedUntil - t) / 1000));
    const requestId = `F00D:${(++this.requestSerial).toString(16).toUpperCase()}:${who.key.length}`;
    return {
      refuse: {
        status: 403,
        kind: 'secondary',
        body: {
          message: `You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID ${requestId}.`,
          documentation_url: DOCS_SECONDARY,
          status: '403',
        },
      },
      headers: { ...this.headers(b), 'retry-after': String(retryAfter) },
      done: () => undefined,
    };
  }

  private bucket(key: string, t: number): Bucket {
    let b = this.buckets.get(key);
    if (!b) {
      b = { windowStart: t, used: 0, inFlight: 0, minuteStart: t, points: 0, blockedUntil: 0, strikes: 0 };
      this.buckets.set(key, b);
    }
    if (t >= b.windowStart + this.hourMs) {
      b.windowStart = t;
      b.used = 0;
    }
    if (t >= b.minuteStart + this.minuteMs) {
      b.minuteStart = t;
      b.points = 0;
    }
    // A client that waited its retry-after out starts over: the next offence gets the first wait again.
    if (b.blockedUntil !== 0 && t >= b.blockedUntil + (this.retryAfterSeconds * 1000) / this.scale) b.strikes = 0;
    return b;
  }

  private headers(b: Bucket): Record<string, string> {
    return {
      'x-ratelimit-limit': String(this.perHour),
      'x-ratelimit-remaining': String(Math.max(0, this.perHour - b.used)),
      'x-ratelimit-used': String(b.used),
      'x-ratelimit-reset': String(Math.ceil((b.windowStart + this.hourMs) / 1000)),
      'x-ratelimit-resource': 'core',
    };
  }
}
