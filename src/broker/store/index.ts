// Which store a broker uses, made from the `store:` setting: the in-memory store, or Redis with its connection
// settings. The interface is in store.ts, the implementations beside it.
import { MemoryStore } from './memory.js';
import { parseRedisSpec, RedisStore, type RedisStoreSettings } from './redis.js';
import type { Store, StoreEvents } from './store.js';

export type { IssuanceRecord, Store, StoreEvents } from './store.js';
export { MemoryStore } from './memory.js';

/** The `store:` setting, resolved: the in-memory store, or Redis with its connection settings. */
export type StoreSpec = { kind: 'memory' } | { kind: 'redis'; redis: RedisStoreSettings };

export function createStore(spec: string | StoreSpec, now?: () => number, events?: StoreEvents): Store {
  if (typeof spec === 'string') {
    if (spec === 'memory') return new MemoryStore(now);
    if (/^rediss?:\/\//.test(spec)) return new RedisStore(parseRedisSpec(spec), now, events);
    throw new Error(`store ${JSON.stringify(redactUrl(spec))} is not supported`);
  }
  return spec.kind === 'memory' ? new MemoryStore(now) : new RedisStore(spec.redis, now, events);
}

/** Whether two store settings name the same store (a reload cannot switch stores under live requests). */
export function sameStore(a: StoreSpec, b: StoreSpec): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The store for logs: its kind and, for Redis, the URL without a password. */
export function describeStore(spec: StoreSpec): string {
  return spec.kind === 'memory' ? 'memory' : redactUrl(spec.redis.url);
}

/** The store URL without its password, for logs and error messages. */
export function redactUrl(spec: string): string {
  try {
    const u = new URL(spec);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return spec.replace(/\/\/[^@/]*@/, '//***@');
  }
}
