// The `vault` secret backend: Vault or OpenBao, KV version 2, authenticated with AppRole or a token. Speaks
// Vault's documented HTTP API (undici), nothing else:
//  - AppRole: `POST /v1/auth/<mount>/login {role_id, secret_id}`; a token: `GET /v1/auth/token/lookup-self`
//    learns what is left of its lease (`ttl`) and its whole TTL (`creation_ttl`, what a renewal asks for);
//  - the token is renewed (`POST /v1/auth/token/renew-self`) at two thirds of its lease, in the background so
//    an idle broker's token does not lapse; when it cannot be renewed any more (max TTL, revoked), AppRole logs
//    in again, and a static token is reported (the operator must replace it);
//  - reads: `GET /v1/<mount>/data/<path>`, fields under `data.data`, cached for `cache_seconds`.
// Every failure is the exchange's 503 secret_unavailable; the detail (status, Vault's error text) goes to the
// broker's log, never a token or a value.
import { Agent, request, type Dispatcher } from 'undici';
import { backendUnavailable, fieldOf, type BackendEvents, type SecretBackend } from './backend.js';
import { TtlCache } from './cache.js';

export type VaultAuth =
  | { kind: 'token'; token?: string; origin: string }
  | { kind: 'approle'; mount: string; roleId?: string; secretId?: string; origin: string };

export interface VaultSettings {
  name: string;
  /** Without a trailing slash. */
  address: string;
  namespace?: string;
  auth: VaultAuth;
  /** PEM of the CA that signed Vault's certificate. */
  ca?: string;
  timeoutSeconds: number;
  cacheSeconds: number;
}

export interface VaultSecretSpec {
  backend?: string;
  /** KV v2 mount (default `secret`). */
  mount?: string;
  path: string;
  field: string;
  version?: number;
}

interface Token {
  value: string;
  renewable: boolean;
  /** Epoch ms when it lapses; null for a token without expiry (root tokens, periodic tokens report one). */
  expiresAt: number | null;
  /** The length of a whole lease: what a renewal asks for (not what is left of the current one). */
  leaseSeconds: number;
}

/**
 * How close to its end a token is no longer handed out (a login or lookup happens instead): 2 s, or a sixth of
 * a short lease. The renewal runs at two thirds of the lease, leaving a third; a fixed 2 s margin was more than
 * that third for leases under 6 s, so every read between the margin and the renewal logged in again.
 */
function lapseMarginMs(t: Token): number {
  return Math.min(2000, (t.leaseSeconds * 1000) / 6);
}

class VaultError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export class VaultBackend implements SecretBackend {
  readonly kind = 'vault' as const;
  readonly name: string;
  readonly origin: string;
  private readonly cache: TtlCache<Record<string, unknown>>;
  private readonly dispatcher?: Dispatcher;
  private events: BackendEvents = {};
  private token?: Token;
  private pendingToken?: Promise<Token>;
  private renewTimer?: NodeJS.Timeout;
  private closed = false;

  constructor(
    private readonly settings: VaultSettings,
    private readonly now: () => number = Date.now,
  ) {
    this.name = settings.name;
    this.origin = `${settings.address}${settings.namespace ? ` (namespace ${settings.namespace})` : ''}, ${settings.auth.origin}`;
    this.cache = new TtlCache(settings.cacheSeconds * 1000, now);
    if (settings.ca) this.dispatcher = new Agent({ connect: { ca: settings.ca } });
  }

  observe(events: BackendEvents): void {
    this.events = events;
  }

  async warm(): Promise<string | undefined> {
    try {
      await this.currentToken();
      return undefined;
    } catch (e) {
      return (e as Error).message;
    }
  }

  /** One field of a KV v2 secret, for the exchange. */
  async resolve(secret: string, spec: VaultSecretSpec): Promise<string> {
    const mount = spec.mount ?? 'secret';
    const key = `${mount}\u0000${spec.path}\u0000${spec.version ?? ''}`;
    let doc: Record<string, unknown>;
    try {
      doc = await this.cache.get(key, () => this.readKv(mount, spec.path, spec.version), (hit) => hit && this.events.onFetch?.('vault', this.name, 'hit'));
    } catch (e) {
      this.events.onFetch?.('vault', this.name, 'error');
      throw backendUnavailable(secret, `vault ${this.name}: reading ${mount}/${spec.path}: ${(e as Error).message}`);
    }
    try {
      return fieldOf(doc, spec.field, `vault ${this.name}: ${mount}/${spec.path}`);
    } catch (e) {
      throw backendUnavailable(secret, (e as Error).message);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.renewTimer);
    await this.dispatcher?.close();
  }

  private async readKv(mount: string, path: string, version?: number): Promise<Record<string, unknown>> {
    const started = performance.now();
    const api = `${encodePath(mount)}/data/${encodePath(path)}${version ? `?version=${version}` : ''}`;
    let answer: Record<string, unknown>;
    try {
      answer = await this.call('GET', api, await this.currentToken());
    } catch (e) {
      // A token Vault no longer accepts (revoked, expired while the broker slept): AppRole logs in again once.
      if (!(e instanceof VaultError && e.status === 403 && this.settings.auth.kind === 'approle')) throw e;
      this.token = undefined;
      answer = await this.call('GET', api, await this.currentToken());
    }
    this.events.onFetch?.('vault', this.name, 'fetched', (performance.now() - started) / 1000);
    const data = (answer.data as { data?: unknown } | undefined)?.data;
    if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Error('the answer has no data.data (is the mount KV version 2?)');
    return data as Record<string, unknown>;
  }

  /** A token that is valid now: the cached one, or a fresh login / lookup (single flight). */
  private async currentToken(): Promise<string> {
    const t = this.token;
    if (t && (t.expiresAt === null || t.expiresAt - this.now() > lapseMarginMs(t))) return t.value;
    if (!this.pendingToken) {
      this.pendingToken = this.authenticate().finally(() => {
        this.pendingToken = undefined;
      });
    }
    return (await this.pendingToken).value;
  }

  private async authenticate(): Promise<Token> {
    const auth = this.settings.auth;
    let token: Token;
    if (auth.kind === 'approle') {
      if (auth.roleId === undefined || auth.secretId === undefined) throw new Error(`no AppRole credentials (${auth.origin})`);
      const answer = await this.call('POST', `auth/${encodePath(auth.mount)}/login`, undefined, { role_id: auth.roleId, secret_id: auth.secretId });
      token = this.tokenFrom(answer.auth, 'login');
      this.events.onEvent?.('info', { event: 'vault_login', backend: this.name, lease_seconds: token.leaseSeconds, renewable: token.renewable }, `vault ${this.name}: logged in with AppRole`);
    } else {
      if (auth.token === undefined) throw new Error(`no token (${auth.origin})`);
      const answer = await this.call('GET', 'auth/token/lookup-self', auth.token);
      const data = answer.data as { ttl?: unknown; creation_ttl?: unknown; renewable?: unknown } | undefined;
      const ttl = typeof data?.ttl === 'number' ? data.ttl : 0;
      // `ttl` is what is left of the lease; a renewal asks for the token's whole TTL (`creation_ttl`), else each
      // renewal would ask for what was left at start-up and the lease would shrink to it for good.
      const whole = typeof data?.creation_ttl === 'number' && data.creation_ttl > 0 ? data.creation_ttl : ttl;
      token = { value: auth.token, renewable: data?.renewable === true, leaseSeconds: whole, expiresAt: ttl > 0 ? this.now() + ttl * 1000 : null };
      if (token.expiresAt !== null && !token.renewable) {
        this.events.onEvent?.('warn', { event: 'vault_token_not_renewable', backend: this.name, ttl_seconds: ttl }, `vault ${this.name}: the token is not renewable and lapses in ${ttl} s`);
      }
    }
    this.token = token;
    this.scheduleRenewal();
    return token;
  }

  private tokenFrom(auth: unknown, doing: string): Token {
    const a = auth as { client_token?: unknown; lease_duration?: unknown; renewable?: unknown } | undefined;
    if (typeof a?.client_token !== 'string' || a.client_token === '') throw new Error(`${doing}: the answer has no auth.client_token`);
    const lease = typeof a.lease_duration === 'number' ? a.lease_duration : 0;
    return { value: a.client_token, renewable: a.renewable === true, leaseSeconds: lease, expiresAt: lease > 0 ? this.now() + lease * 1000 : null };
  }

  /** Renew at two thirds of what is left; on failure AppRole logs in again, a static token retries sooner. */
  private scheduleRenewal(): void {
    clearTimeout(this.renewTimer);
    const t = this.token;
    if (this.closed || !t || t.expiresAt === null) return;
    const left = t.expiresAt - this.now();
    this.renewTimer = setTimeout(() => void this.renew(), Math.max(500, (left * 2) / 3));
    this.renewTimer.unref();
  }

  private async renew(): Promise<void> {
    const t = this.token;
    if (this.closed || !t) return;
    try {
      if (!t.renewable) throw new Error('the token is not renewable');
      const answer = await this.call('POST', 'auth/token/renew-self', t.value, { increment: `${Math.max(1, t.leaseSeconds)}s` });
      const renewed = this.tokenFrom(answer.auth, 'renew-self');
      // Vault caps a renewal at the token's max TTL; once the lease is that short, the next request (or the
      // next renewal) finds the token lapsing and AppRole logs in again.
      const capped = renewed.leaseSeconds * 2 < t.leaseSeconds;
      this.token = { ...renewed, value: t.value, renewable: renewed.renewable && !capped };
      this.events.onEvent?.('info', { event: 'vault_token_renewed', backend: this.name, lease_seconds: renewed.leaseSeconds }, `vault ${this.name}: token renewed`);
      this.scheduleRenewal();
    } catch (e) {
      if (this.closed) return;
      if (this.settings.auth.kind === 'approle') {
        this.events.onEvent?.('info', { event: 'vault_relogin', backend: this.name, reason: (e as Error).message }, `vault ${this.name}: logging in again`);
        this.token = undefined;
        await this.currentToken().catch((err: Error) =>
          this.events.onEvent?.('error', { event: 'vault_login_failed', backend: this.name, detail: err.message }, `vault ${this.name}: login failed`),
        );
        if (!this.token) {
          // Vault is down: try again shortly, so the broker has a token when it returns.
          this.renewTimer = setTimeout(() => void this.renewOrLogin(), 2000);
          this.renewTimer.unref();
        }
        return;
      }
      this.events.onEvent?.('warn', { event: 'vault_renew_failed', backend: this.name, detail: (e as Error).message }, `vault ${this.name}: the token could not be renewed`);
      const left = (t.expiresAt ?? this.now()) - this.now();
      if (left > 1000) {
        this.renewTimer = setTimeout(() => void this.renew(), Math.max(500, Math.min(30_000, left / 2)));
        this.renewTimer.unref();
      }
    }
  }

  private async renewOrLogin(): Promise<void> {
    if (this.closed) return;
    if (this.token) return this.renew();
    await this.currentToken().catch(() => {
      this.renewTimer = setTimeout(() => void this.renewOrLogin(), 2000);
      this.renewTimer.unref();
    });
  }

  private async call(method: 'GET' | 'POST', api: string, token?: string, body?: unknown): Promise<Record<string, unknown>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (token !== undefined) headers['x-vault-token'] = token;
    if (this.settings.namespace) headers['x-vault-namespace'] = this.settings.namespace;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const timeout = this.settings.timeoutSeconds * 1000;
    let status = 0;
    let text = '';
    for (let attempt = 1; ; attempt++) {
      try {
        const res = await request(`${this.settings.address}/v1/${api}`, {
          method,
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
          headersTimeout: timeout,
          bodyTimeout: timeout,
          ...(this.dispatcher ? { dispatcher: this.dispatcher } : {}),
        });
        status = res.statusCode;
        text = await res.body.text();
        break;
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code ?? '';
        // A kept-alive connection Vault closed (a restart, a load balancer's idle timeout): once more on a
        // fresh one. Reads, logins and renewals are safe to send twice.
        if (attempt === 1 && (code === 'UND_ERR_SOCKET' || code === 'ECONNRESET')) continue;
        throw new Error(`${method} /v1/${api.split('?')[0]}: ${code || (e as Error).message}`);
      }
    }
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : {};
    } catch {
      parsed = undefined;
    }
    if (status < 200 || status >= 300) {
      const errors = (parsed as { errors?: unknown } | undefined)?.errors;
      const said = Array.isArray(errors) && errors.length ? errors.map((x) => String(x).replace(/\s+/g, ' ').trim().slice(0, 200)).join('; ') : `HTTP ${status}`;
      throw new VaultError(status, `${method} /v1/${api.split('?')[0]} answered ${status}: ${said}`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(`${method} /v1/${api.split('?')[0]}: the answer is not a JSON object`);
    return parsed as Record<string, unknown>;
  }
}

/** A Vault path with each segment escaped (a `..` or `?` in a configured path stays a name, not syntax). */
function encodePath(path: string): string {
  return path
    .split('/')
    .filter((s) => s !== '')
    .map(encodeURIComponent)
    .join('/');
}
