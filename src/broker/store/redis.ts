// The shared store for several broker instances: one Redis holds the used token IDs, issuance records and
// rate-limit counters, so a token exchanged on one instance is refused on every other.
//
// Failure behaviour is chosen for a security component, not for throughput:
//  - no offline queue: while Redis is unreachable a command fails at once (the caller answers 503) instead
//    of piling up in memory and running minutes later, when nobody waits for it any more;
//  - a command that was in flight when the connection dropped is not re-sent after reconnecting (a late
//    SET NX would burn a jti the client was told had failed);
//  - short command timeouts, so a hung Redis costs a request about a second, not the client's patience;
//  - reconnects forever with a capped back-off: when Redis returns, the broker recovers without a restart.
// ioredis is imported lazily: a broker on the memory store never loads it.
import { createHash } from 'node:crypto';
import type { Redis as RedisClient, RedisOptions } from 'ioredis';
import { BrokerError } from '../errors.js';
import type { IssuanceRecord, Store, StoreEvents } from './store.js';

export interface RedisStoreSettings {
  /** redis://[user:password@]host:port[/db] or rediss://... (TLS). */
  url: string;
  keyPrefix: string;
  commandTimeoutMs: number;
  connectTimeoutMs: number;
  /** From `password_env` (overrides a password in the URL); never logged. */
  password?: string;
  username?: string;
  /** PEM of the CA that signed the server's certificate (rediss://), from `ca_file`. */
  ca?: string;
}

/** Our own query parameters on the store URL; everything else is ioredis's. */
export function parseRedisSpec(spec: string): RedisStoreSettings {
  const u = new URL(spec);
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') throw new Error('the store URL must start with redis:// or rediss://');
  const known: Record<string, string | undefined> = {};
  for (const [k, v] of u.searchParams) {
    if (!['key_prefix', 'command_timeout_ms', 'connect_timeout_ms'].includes(k)) {
      throw new Error(`unknown store URL parameter ${JSON.stringify(k)} (known: key_prefix, command_timeout_ms, connect_timeout_ms)`);
    }
    known[k] = v;
  }
  const ms = (name: string, fallback: number): number => {
    const raw = known[name];
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 10 || n > 60_000) throw new Error(`store URL parameter ${name} must be a whole number of milliseconds from 10 to 60000`);
    return n;
  };
  const keyPrefix = known.key_prefix ?? 'oidcx:';
  if (!/^[A-Za-z0-9:_.-]{0,64}$/.test(keyPrefix)) throw new Error('store URL parameter key_prefix may hold only letters, digits and :_.- (at most 64)');
  const commandTimeoutMs = ms('command_timeout_ms', 1000);
  const connectTimeoutMs = ms('connect_timeout_ms', 2000);
  u.search = '';
  return { url: u.toString(), keyPrefix, commandTimeoutMs, connectTimeoutMs };
}

/** Window counter: INCR, and start the window's expiry on the first hit (or if a crash left it without). */
const HIT = `
local c = redis.call('INCR', KEYS[1])
local t = redis.call('PTTL', KEYS[1])
if c == 1 or t < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  t = tonumber(ARGV[1])
end
return {c, t}`;

/** Release a claim only if this caller still holds it. */
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/** Revoke once: only the call that sets revokedAt on an existing record wins. */
const REVOKE = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
return redis.call('HSETNX', KEYS[1], 'revokedAt', ARGV[1])`;

type ScriptedRedis = RedisClient & {
  brokerHit(key: string, windowMs: number): Promise<[number, number]>;
  brokerRevoke(key: string, at: string): Promise<number>;
  brokerRelease(key: string, owner: string): Promise<number>;
};

export class RedisStore implements Store {
  readonly kind = 'redis' as const;
  private readonly client: Promise<ScriptedRedis>;
  private closed = false;
  private up = false;

  constructor(
    private readonly settings: RedisStoreSettings,
    private readonly now: () => number = Date.now,
    private readonly events: StoreEvents = {},
  ) {
    this.client = this.connect();
    // Every operation awaits the client; a failure to create it (e.g. ioredis missing) is reported once here.
    this.client.catch((e: Error) => this.events.onError?.(`cannot create the Redis client: ${e.message}`));
  }

  private async connect(): Promise<ScriptedRedis> {
    // ioredis is CommonJS: Node's ESM loader and the bundler expose its class under different names.
    type RedisClass = typeof import('ioredis').Redis;
    const mod = (await import('ioredis')) as unknown as { Redis?: RedisClass; default?: RedisClass & { Redis?: RedisClass } };
    const Redis = mod.Redis ?? mod.default?.Redis ?? mod.default;
    if (typeof Redis !== 'function') throw new Error('the ioredis module has no Redis class');
    const options: RedisOptions = {
      keyPrefix: this.settings.keyPrefix,
      enableOfflineQueue: false,
      autoResendUnfulfilledCommands: false,
      maxRetriesPerRequest: 0,
      commandTimeout: this.settings.commandTimeoutMs,
      connectTimeout: this.settings.connectTimeoutMs,
      // Reconnect for ever: 100 ms, 200 ms, ... capped at one second.
      retryStrategy: (times) => (this.closed ? null : Math.min(times * 100, 1000)),
      // A failover or READONLY replica: reconnect rather than keep writing into a read-only node.
      reconnectOnError: (err) => /READONLY/.test(err.message),
      enableReadyCheck: true,
    };
    if (this.settings.password !== undefined) options.password = this.settings.password;
    if (this.settings.username !== undefined) options.username = this.settings.username;
    if (this.settings.url.startsWith('rediss:')) {
      // The server's certificate is checked against the configured CA (or the system's), and its name
      // against the URL's host.
      options.tls = { servername: new URL(this.settings.url).hostname, ...(this.settings.ca ? { ca: this.settings.ca } : {}) };
    }
    const client = new Redis(this.settings.url, options) as ScriptedRedis;
    client.defineCommand('brokerHit', { numberOfKeys: 1, lua: HIT });
    client.defineCommand('brokerRevoke', { numberOfKeys: 1, lua: REVOKE });
    client.defineCommand('brokerRelease', { numberOfKeys: 1, lua: RELEASE });
    // Without an 'error' listener ioredis prints every failed reconnect; report state changes instead.
    client.on('error', (e: Error) => this.events.onError?.(e.message));
    client.on('ready', () => this.setUp(true));
    client.on('close', () => this.setUp(false));
    return client;
  }

  private setUp(up: boolean): void {
    if (this.up === up || this.closed) return;
    this.up = up;
    this.events.onStateChange?.(up);
  }

  /** Runs one operation, turning any Redis failure into the broker's 503 (detail for the log only). */
  private async run<T>(operation: string, fn: (c: ScriptedRedis) => Promise<T>): Promise<T> {
    let client: ScriptedRedis;
    try {
      client = await this.client;
      return await fn(client);
    } catch (e) {
      this.events.onOperationError?.(operation);
      throw new BrokerError('upstream_unavailable', "the broker's shared store is unavailable; retry in a few seconds", {
        retryAfter: 2,
        detail: `store ${operation}: ${(e as Error).message}`,
        cause: e,
      });
    }
  }

  async claimOnce(key: string, ttlSeconds: number, owner = '1'): Promise<boolean> {
    const ttl = Math.max(1, Math.ceil(ttlSeconds));
    const r = await this.run('claim', (c) => c.set(`once:${digest(key)}`, owner, 'EX', ttl, 'NX'));
    return r === 'OK';
  }

  async release(key: string, owner: string): Promise<void> {
    await this.run('release', (c) => c.brokerRelease(`once:${digest(key)}`, owner));
  }

  async waitReady(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    const client = await this.client.catch(() => undefined);
    if (!client) return false;
    while (client.status !== 'ready') {
      const left = deadline - Date.now();
      if (left <= 0 || this.closed) return false;
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          client.off('ready', done);
          resolve();
        };
        const timer = setTimeout(done, Math.min(left, 250));
        client.once('ready', done);
      });
    }
    return true;
  }

  async hit(key: string, windowSeconds: number): Promise<{ count: number; resetSeconds: number }> {
    const [count, pttl] = await this.run('hit', (c) => c.brokerHit(`hit:${digest(key)}`, Math.max(1, Math.round(windowSeconds * 1000))));
    return { count: Number(count), resetSeconds: Math.max(1, Math.ceil(Number(pttl) / 1000)) };
  }

  async holdUntil(key: string, until: number, ttlMs: number): Promise<void> {
    const k = `hold:${digest(key)}`;
    await this.run('hold', async (c) => {
      // A later hold another instance set is kept (a race between the two steps keeps one of two close times).
      const current = await c.get(k);
      if (current !== null && Number(current) >= until) return;
      await c.set(k, String(until), 'PX', Math.max(1, Math.ceil(ttlMs)));
    });
  }

  async heldUntil(key: string): Promise<number | undefined> {
    const v = await this.run('held', (c) => c.get(`hold:${digest(key)}`));
    return v === null || !Number.isFinite(Number(v)) ? undefined : Number(v);
  }

  async putIssuance(record: IssuanceRecord): Promise<void> {
    // Kept a day past expiry, like the memory store, so a leak reported late is still recognised as ours.
    const until = Date.parse(record.expiresAt) + 86_400_000;
    const { revokedAt, ...rest } = record;
    const key = `issued:${record.tokenHash}`;
    await this.run('put_issuance', async (c) => {
      const m = c.multi().del(key).hset(key, 'record', JSON.stringify(rest));
      if (revokedAt) m.hset(key, 'revokedAt', revokedAt);
      await m.pexpireat(key, Math.max(until, this.now() + 1000)).exec();
    });
  }

  async getIssuance(tokenHash: string): Promise<IssuanceRecord | undefined> {
    const h = await this.run('get_issuance', (c) => c.hgetall(`issued:${tokenHash}`));
    if (!h.record) return undefined;
    const record = JSON.parse(h.record) as IssuanceRecord;
    return h.revokedAt ? { ...record, revokedAt: h.revokedAt } : record;
  }

  async markRevoked(tokenHash: string, at: Date): Promise<boolean> {
    return (await this.run('mark_revoked', (c) => c.brokerRevoke(`issued:${tokenHash}`, at.toISOString()))) === 1;
  }

  async ping(): Promise<boolean> {
    try {
      const c = await this.client;
      if (c.status !== 'ready') return false;
      return (await c.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const c = await this.client.catch(() => undefined);
    if (!c) return;
    await c.quit().catch(() => c.disconnect());
  }
}

/** Keys hold a digest, never a caller-chosen string: bounded length, nothing to inject, nothing to read back. */
function digest(key: string): string {
  return createHash('sha256').update(key).digest('base64url');
}
