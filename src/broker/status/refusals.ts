// The last refused exchanges, for the status page: a bounded ring buffer fed where the exchange is audited
// (http/exchange-route.ts). Each entry keeps the error code, the time and a fixed allow list of the token's
// identity claims (who the job says it is), never the token, a secret or a claim outside the list. A claim
// value that is itself shaped like a JWT is withheld: an attacker can put anything in an unverified token,
// and the page must not become a place where a whole token can be read back.
import { JOB_IDENTITY_CLAIMS } from '../../platform/claims.js';
import type { ErrorCode } from '../errors.js';

/** How many refusals are kept (the oldest is dropped first). */
export const REFUSALS_KEPT = 50;

/** The claims kept of a refused token: who the job says it is (the clients show the same ones). */
export const IDENTITY_CLAIMS = JOB_IDENTITY_CLAIMS;

/** Longest claim value kept: enough for any path or ref, far short of a token. */
const MAX_VALUE_CHARS = 200;
const JWT_SHAPE = /[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/;

export interface Refusal {
  /** ISO 8601 time of the refusal. */
  at: string;
  code: ErrorCode;
  status: number;
  /** Whether the token's signature was checked before the refusal: if not, its claims are only what it says. */
  verified: boolean;
  /** The issuer id of the broker's configuration, when the token was verified. */
  issuer?: string;
  /** The policy that decided, when the refusal came after one (secret_not_granted, token_replayed). */
  policy?: string;
  claims: Partial<Record<(typeof IDENTITY_CLAIMS)[number], string>>;
}

export class RefusalLog {
  private readonly entries: Refusal[] = [];
  private next = 0;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly kept = REFUSALS_KEPT,
  ) {}

  /** Records one refusal; `claims` is the token's payload (decoded, perhaps unverified) or undefined. */
  add(refusal: Omit<Refusal, 'at' | 'claims'>, claims: Record<string, unknown> | undefined): void {
    const entry: Refusal = { at: new Date(this.now()).toISOString(), ...refusal, claims: identityOf(claims) };
    if (this.entries.length < this.kept) this.entries.push(entry);
    else this.entries[this.next] = entry;
    this.next = (this.next + 1) % this.kept;
  }

  /** The refusals kept, newest first. */
  list(): Refusal[] {
    const n = this.entries.length;
    const out: Refusal[] = [];
    for (let i = 1; i <= n; i++) out.push(this.entries[(this.next - i + n * 2) % n]!);
    return out;
  }
}

/** The allow-listed claims as short text; arrays (aud) joined, anything token-shaped withheld. */
export function identityOf(claims: Record<string, unknown> | undefined): Refusal['claims'] {
  const out: Refusal['claims'] = {};
  if (!claims) return out;
  for (const name of IDENTITY_CLAIMS) {
    const v = claims[name];
    let text: string | undefined;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') text = String(v);
    else if (Array.isArray(v) && v.every((x) => typeof x === 'string')) text = v.join(', ');
    if (text === undefined) continue;
    if (JWT_SHAPE.test(text)) text = '(withheld: shaped like a token)';
    else if (text.length > MAX_VALUE_CHARS) text = `${text.slice(0, MAX_VALUE_CHARS)}… (${text.length} characters)`;
    out[name] = text;
  }
  return out;
}
