// When a token expires, said the way `oidc-exchange check --token` shows it: a job's token lives minutes, so a
// token pasted from an old log is usually the reason a check "matches" while the broker answers 401. The rule is
// the broker's own (token.ts): `exp` is required and honoured with the issuer's clock-skew allowance.

export interface Expiry {
  /** What to show about the token's lifetime. */
  line: string;
  /** Why the broker would refuse the token for its lifetime, if it would. */
  problem?: string;
  /** `exp` as RFC 3339, when the token has one. */
  expiresAt?: string;
  /** Seconds from now to `exp` (negative: expired that long ago). */
  secondsLeft?: number;
}

export function tokenExpiry(claims: Record<string, unknown>, nowMs: number, clockSkewSeconds: number): Expiry {
  const exp = claims.exp;
  if (typeof exp !== 'number' || !Number.isFinite(exp)) {
    return {
      line: 'token: no expiry ("exp" is absent or not a number)',
      problem: 'the token has no numeric "exp" claim: the broker would refuse it (401)',
    };
  }
  const expiresAt = new Date(exp * 1000).toISOString();
  const secondsLeft = Math.round(exp - nowMs / 1000);
  if (secondsLeft >= 0) return { line: `token: expires at ${expiresAt} (in ${span(secondsLeft)})`, expiresAt, secondsLeft };
  const ago = span(-secondsLeft);
  if (-secondsLeft <= clockSkewSeconds) {
    return {
      line: `token: expired at ${expiresAt}, ${ago} ago; the broker still accepts it for ${span(clockSkewSeconds + secondsLeft)} (its ${clockSkewSeconds} s clock-skew allowance)`,
      expiresAt,
      secondsLeft,
    };
  }
  return {
    line: `token: expired at ${expiresAt}, ${ago} ago`,
    problem: `the token expired at ${expiresAt}, ${ago} ago: the broker would refuse it (401 token_expired); use a fresh token from the job`,
    expiresAt,
    secondsLeft,
  };
}

/** A duration for people: `45 s`, `4 min 5 s`, `3 h 2 min`, `2 d 4 h`. */
export function span(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return s % 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s / 60} min`;
  if (s < 86400) {
    const minutes = Math.floor((s % 3600) / 60);
    return minutes ? `${Math.floor(s / 3600)} h ${minutes} min` : `${Math.floor(s / 3600)} h`;
  }
  const hours = Math.floor((s % 86400) / 3600);
  return hours ? `${Math.floor(s / 86400)} d ${hours} h` : `${Math.floor(s / 86400)} d`;
}
