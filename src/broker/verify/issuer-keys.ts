// One key set per trusted issuer, owned by the broker instance. Keys come from the issuer's JWKS (found
// through OIDC discovery unless `jwks_uri` is configured) and are served from memory:
//  - after `jwks_refresh_seconds` they are refreshed in the background while the old ones keep serving;
//  - an unknown `kid` triggers a refetch at most once per `jwks_cooldown_seconds` (a flood of forged kids
//    cannot turn the broker into a load generator against the issuer);
//  - when the issuer is unreachable, keys fetched within `jwks_max_stale_seconds` keep working; after that
//    the broker answers 503 upstream_unavailable rather than accept or reject tokens it cannot check.
import type { PlatformKind } from '../../platform/issuers.js';
import { createLocalJWKSet, errors as joseErrors, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';
import { request } from 'undici';
import { BrokerError } from '../errors.js';
import type { BrokerMetrics } from '../metrics.js';

/** One trusted issuer, as the `issuers` section configures it (config/issuers.ts fills in the defaults). */
export interface IssuerSettings {
  id: string;
  issuer: string;
  /** GitHub or GitLab: declared, or told by the URL (src/platform/issuers.ts). */
  kind: PlatformKind;
  jwksUri?: string;
  algorithms: string[];
  clockSkewSeconds: number;
  maxTokenAgeSeconds: number;
  jwksRefreshSeconds: number;
  jwksMaxStaleSeconds: number;
  jwksCooldownSeconds: number;
  jwksTimeoutSeconds: number;
  /** Exchanges allowed per subject of this issuer per window, shared across instances through the store. */
  rateLimit?: { requests: number; perSeconds: number };
}

const MAX_DOCUMENT_BYTES = 1024 * 1024;

export type Clock = () => number;

export interface KeyStatus {
  id: string;
  usable: boolean;
  keys: number;
  fetchedAgeSeconds: number | null;
  lastError?: string;
}

export class IssuerKeys {
  private jwks?: JSONWebKeySet;
  private local?: JWTVerifyGetKey;
  private fetchedAt = 0;
  private lastAttemptAt = Number.NEGATIVE_INFINITY;
  private inflight?: Promise<void>;
  private jwksUri?: string;
  private lastError?: string;

  constructor(
    readonly settings: IssuerSettings,
    private readonly metrics: BrokerMetrics,
    private readonly now: Clock = Date.now,
  ) {
    this.jwksUri = settings.jwksUri;
  }

  /** The key for a token's protected header: the resolver jose's jwtVerify calls. */
  readonly getKey: JWTVerifyGetKey = async (header, token) => {
    await this.ensureUsable();
    try {
      return await this.local!(header, token);
    } catch (e) {
      if (!(e instanceof joseErrors.JWKSNoMatchingKey)) throw e;
      // An unknown kid may be a key the issuer just rotated in: refetch, but at most once per cooldown.
      // While the issuer cannot be reached the broker cannot tell a new key from a forged kid: 503, not 401.
      if (!this.mayAttempt()) throw this.lastError ? unavailable(this.settings.id) : e;
      const fetched = await this.refresh().then(
        () => true,
        () => false,
      );
      if (!fetched || !this.isUsable()) throw unavailable(this.settings.id);
      return this.local!(header, token);
    }
  };

  status(): KeyStatus {
    return {
      id: this.settings.id,
      usable: this.isUsable(),
      keys: this.jwks?.keys.length ?? 0,
      fetchedAgeSeconds: this.jwks ? Math.round((this.now() - this.fetchedAt) / 1000) : null,
      ...(this.lastError ? { lastError: this.lastError } : {}),
    };
  }

  /** What the status page shows beside status(): the key ids served and where they came from (all public). */
  details(): { issuer: string; jwksUri?: string; keyIds: string[]; discovered: boolean } {
    return {
      issuer: this.settings.issuer,
      ...(this.jwksUri ? { jwksUri: this.jwksUri } : {}),
      keyIds: (this.jwks?.keys ?? []).map((k) => (typeof k.kid === 'string' ? k.kid : '(no kid)')),
      discovered: !this.settings.jwksUri,
    };
  }

  /** Fetch keys now (start-up warm-up); failures are recorded, not thrown. */
  async warm(): Promise<void> {
    await this.refresh().catch(() => undefined);
  }

  private isUsable(): boolean {
    return this.jwks !== undefined && this.now() - this.fetchedAt <= this.settings.jwksMaxStaleSeconds * 1000;
  }

  private mayAttempt(): boolean {
    return this.now() - this.lastAttemptAt >= this.settings.jwksCooldownSeconds * 1000;
  }

  private async ensureUsable(): Promise<void> {
    const age = this.now() - this.fetchedAt;
    if (this.isUsable()) {
      // Stale-while-revalidate: serve what we have, refresh behind the request.
      if (age > this.settings.jwksRefreshSeconds * 1000 && this.mayAttempt()) void this.refresh().catch(() => undefined);
      return;
    }
    if (this.inflight || this.mayAttempt()) {
      await this.refresh().catch(() => undefined);
    }
    if (!this.isUsable()) throw unavailable(this.settings.id);
  }

  /** Single flight: concurrent callers share one fetch. */
  private refresh(): Promise<void> {
    if (!this.inflight) {
      this.lastAttemptAt = this.now();
      this.inflight = this.fetchKeys().finally(() => {
        this.inflight = undefined;
      });
    }
    return this.inflight;
  }

  private async fetchKeys(): Promise<void> {
    const id = this.settings.id;
    try {
      if (!this.jwksUri) {
        const discovery = await this.getJson(`${this.settings.issuer}/.well-known/openid-configuration`);
        if (discovery.issuer !== this.settings.issuer) {
          throw new Error(`discovery document names issuer ${JSON.stringify(discovery.issuer)}, expected ${this.settings.issuer}`);
        }
        if (typeof discovery.jwks_uri !== 'string') throw new Error('discovery document has no jwks_uri');
        this.jwksUri = discovery.jwks_uri;
      }
      const jwks = await this.getJson(this.jwksUri!);
      if (!Array.isArray(jwks.keys) || jwks.keys.length === 0) throw new Error('JWKS has no keys');
      const local = createLocalJWKSet(jwks as unknown as JSONWebKeySet);
      this.jwks = jwks as unknown as JSONWebKeySet;
      this.local = local;
      this.fetchedAt = this.now();
      this.lastError = undefined;
      this.metrics.keyFetches.inc({ issuer: id, outcome: 'ok' });
    } catch (e) {
      this.lastError = (e as Error).message;
      // Re-discover next time: the issuer may have moved its JWKS.
      if (!this.settings.jwksUri) this.jwksUri = undefined;
      this.metrics.keyFetches.inc({ issuer: id, outcome: 'error' });
      throw e;
    }
  }

  private async getJson(url: string): Promise<Record<string, unknown>> {
    const timeout = this.settings.jwksTimeoutSeconds * 1000;
    const res = await request(url, {
      method: 'GET',
      headers: { accept: 'application/json' },
      headersTimeout: timeout,
      bodyTimeout: timeout,
      maxRedirections: 0,
    });
    if (res.statusCode !== 200) {
      await res.body.dump();
      throw new Error(`GET ${url} answered ${res.statusCode}`);
    }
    const len = Number(res.headers['content-length'] ?? 0);
    if (len > MAX_DOCUMENT_BYTES) {
      await res.body.dump();
      throw new Error(`GET ${url}: document larger than ${MAX_DOCUMENT_BYTES} bytes`);
    }
    let size = 0;
    const chunks: Buffer[] = [];
    for await (const chunk of res.body) {
      size += (chunk as Buffer).length;
      if (size > MAX_DOCUMENT_BYTES) throw new Error(`GET ${url}: document larger than ${MAX_DOCUMENT_BYTES} bytes`);
      chunks.push(chunk as Buffer);
    }
    const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error(`GET ${url}: not a JSON object`);
    return parsed as Record<string, unknown>;
  }
}

function unavailable(id: string): BrokerError {
  return new BrokerError('upstream_unavailable', `the keys of issuer ${id} cannot be fetched right now; retry later`, {
    retryAfter: 5,
  });
}
