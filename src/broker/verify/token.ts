// The one place that speaks to jose for incoming OIDC tokens. Every option is stated: algorithms pinned per
// issuer, issuer and audience checked, exp/iat/iss/aud/sub required, clock-skew leeway and maximum token
// age per issuer. The issuer is looked up in the allow list from the unverified payload *before* any key is
// fetched, so a token naming an unknown issuer never causes a network request.
import { decodeJwt, decodeProtectedHeader, errors as joseErrors, jwtVerify, type JWTPayload, type ProtectedHeaderParameters } from 'jose';
import { BrokerError } from '../errors.js';
import { IssuerKeys, type Clock, type IssuerSettings } from './issuer-keys.js';
import type { BrokerMetrics } from '../metrics.js';

export interface VerifiedToken {
  issuer: IssuerSettings;
  header: ProtectedHeaderParameters;
  claims: JWTPayload & Record<string, unknown>;
}

export interface VerifierOptions {
  audience: string;
  issuers: IssuerSettings[];
  maxTokenBytes: number;
  metrics: BrokerMetrics;
  now?: Clock;
  /** A verifier this one replaces (reload): key sets of issuers whose settings did not change are kept warm. */
  previous?: TokenVerifier;
}

const JWS_COMPACT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

export class TokenVerifier {
  readonly keys: Map<string, IssuerKeys>;
  private readonly byIssuerUrl: Map<string, IssuerSettings>;
  private readonly now: Clock;

  constructor(private readonly opts: VerifierOptions) {
    this.now = opts.now ?? Date.now;
    this.keys = new Map(
      opts.issuers.map((i) => {
        const old = opts.previous?.keys.get(i.id);
        const same = old && JSON.stringify(old.settings) === JSON.stringify(i);
        return [i.id, same ? old : new IssuerKeys(i, opts.metrics, this.now)];
      }),
    );
    this.byIssuerUrl = new Map(opts.issuers.map((i) => [i.issuer, i]));
  }

  /** Claims of a token without verifying it: for diagnostics only, never for a decision. */
  static peek(token: string): Record<string, unknown> | undefined {
    try {
      return decodeJwt(token) as Record<string, unknown>;
    } catch {
      return undefined;
    }
  }

  async verify(token: string): Promise<VerifiedToken> {
    // 1. Shape and size, before any parsing work.
    if (token.length > this.opts.maxTokenBytes) {
      throw new BrokerError('token_too_large', `the token is ${token.length} bytes; the broker accepts at most ${this.opts.maxTokenBytes}`);
    }
    if (!JWS_COMPACT.test(token)) {
      throw new BrokerError('token_malformed', 'the bearer token is not a compact JWT (three base64url parts separated by dots)');
    }
    let header: ProtectedHeaderParameters;
    let unverified: JWTPayload;
    try {
      header = decodeProtectedHeader(token);
      unverified = decodeJwt(token);
    } catch {
      throw new BrokerError('token_malformed', 'the token header or payload is not base64url-encoded JSON');
    }

    // 2. The issuer must be on the allow list: decided from the payload alone, no network.
    if (typeof unverified.iss !== 'string') {
      throw new BrokerError('claim_missing', 'the token has no "iss" claim; the broker needs it to pick the verification keys');
    }
    const issuer = this.byIssuerUrl.get(unverified.iss.replace(/\/+$/, ''));
    if (!issuer) {
      throw new BrokerError('issuer_not_trusted', `issuer ${JSON.stringify(unverified.iss)} is not trusted by this broker`);
    }

    // 3. Algorithm pinned per issuer (rejects "none", and HS256 signed with a public key).
    if (typeof header.alg !== 'string' || !issuer.algorithms.includes(header.alg)) {
      throw new BrokerError(
        'algorithm_not_allowed',
        `algorithm ${JSON.stringify(header.alg)} is not accepted for issuer ${issuer.id} (accepted: ${issuer.algorithms.join(', ')})`,
      );
    }

    // 4. Signature and claims.
    const keys = this.keys.get(issuer.id)!;
    try {
      const { payload } = await jwtVerify(token, keys.getKey, {
        algorithms: issuer.algorithms,
        issuer: [issuer.issuer, `${issuer.issuer}/`],
        audience: this.opts.audience,
        requiredClaims: ['exp', 'iat', 'iss', 'aud', 'sub'],
        clockTolerance: issuer.clockSkewSeconds,
        maxTokenAge: issuer.maxTokenAgeSeconds,
        currentDate: new Date(this.now()),
      });
      return { issuer, header, claims: payload as VerifiedToken['claims'] };
    } catch (e) {
      throw mapJoseError(e, issuer, this.opts.audience);
    }
  }
}

/** jose's failures as broker errors. A failed key fetch is the issuer being down (503), not a bad token. */
export function mapJoseError(e: unknown, issuer: IssuerSettings, audience: string): BrokerError {
  if (e instanceof BrokerError) return e;
  if (e instanceof joseErrors.JWTExpired) {
    if (e.claim === 'iat') {
      return new BrokerError('token_too_old', `the token was issued more than ${issuer.maxTokenAgeSeconds} s ago; request a fresh one`);
    }
    return new BrokerError('token_expired', 'the token has expired; request a fresh one');
  }
  if (e instanceof joseErrors.JWTClaimValidationFailed) {
    if (e.reason === 'missing') return new BrokerError('claim_missing', `the token has no "${e.claim}" claim`);
    // A claim of the wrong type (e.g. "iat": "now") is a malformed token, not a clock problem.
    if (e.reason === 'invalid') return new BrokerError('token_malformed', `the token's "${e.claim}" claim has the wrong type`);
    switch (e.claim) {
      case 'aud':
        return new BrokerError('audience_mismatch', `the token's audience is not ${JSON.stringify(audience)}; request the token with that audience`);
      case 'iss':
        return new BrokerError('issuer_not_trusted', 'the token issuer is not trusted by this broker');
      case 'nbf':
        return new BrokerError('token_not_yet_valid', 'the token is not valid yet ("nbf" is in the future beyond the allowed clock skew)');
      case 'iat':
        return new BrokerError('token_not_yet_valid', 'the token was issued in the future ("iat" beyond the allowed clock skew); check the clocks');
      default:
        return new BrokerError('token_malformed', `the token's "${e.claim}" claim is invalid`);
    }
  }
  if (e instanceof joseErrors.JOSEAlgNotAllowed) {
    return new BrokerError('algorithm_not_allowed', `the token's algorithm is not accepted for issuer ${issuer.id}`);
  }
  if (e instanceof joseErrors.JWKSNoMatchingKey || e instanceof joseErrors.JWKSMultipleMatchingKeys) {
    return new BrokerError('unknown_key', `no key of issuer ${issuer.id} matches the token's "kid"; the token was not signed by that issuer`);
  }
  if (e instanceof joseErrors.JWSSignatureVerificationFailed) {
    return new BrokerError('signature_invalid', 'the token signature does not verify');
  }
  if (e instanceof joseErrors.JWTInvalid || e instanceof joseErrors.JWSInvalid || e instanceof joseErrors.JOSENotSupported) {
    return new BrokerError('token_malformed', 'the token is not a valid signed JWT');
  }
  if (e instanceof joseErrors.JOSEError) {
    return new BrokerError('token_malformed', 'the token could not be verified', { detail: e.code });
  }
  return new BrokerError('internal_error', 'the broker failed to verify the token; its operator has been told', {
    detail: (e as Error)?.message,
  });
}
