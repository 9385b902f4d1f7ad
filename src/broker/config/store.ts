// The `store:` setting: `memory`, a Redis URL, or a mapping for what a URL cannot carry safely (a password
// from the environment, the CA of a `rediss://` server). Problems are reported by path like everything else.
import { redactUrl, type StoreSpec } from '../store/index.js';
import { parseRedisSpec } from '../store/redis.js';
import { readNamedFile, type SectionContext } from './section.js';

export interface RawRedisStore {
  redis: {
    url: string;
    username?: string;
    password_env?: string;
    ca_file?: string;
    key_prefix?: string;
    command_timeout_ms?: number;
    connect_timeout_ms?: number;
    startup_wait_seconds?: number;
  };
}

/** How long a broker waits for Redis at start-up before it listens anyway (and stays unready). */
export const DEFAULT_STARTUP_WAIT_SECONDS = 10;

export interface LoadedStore {
  spec: StoreSpec;
  startupWaitSeconds: number;
}

export async function loadStore(section: unknown, ctx: SectionContext): Promise<LoadedStore> {
  const raw = section as string | RawRedisStore | undefined;
  const fallback: LoadedStore = { spec: { kind: 'memory' }, startupWaitSeconds: DEFAULT_STARTUP_WAIT_SECONDS };
  if (raw === undefined || raw === 'memory') return fallback;
  if (typeof raw === 'string') {
    if (!/^rediss?:\/\//.test(raw)) {
      ctx.problems.push(`store: ${JSON.stringify(redactUrl(raw))} is not supported; use "memory", redis://host:port, or a mapping { redis: { url, password_env, ca_file } }`);
      return fallback;
    }
    try {
      return { spec: { kind: 'redis', redis: parseRedisSpec(raw) }, startupWaitSeconds: DEFAULT_STARTUP_WAIT_SECONDS };
    } catch (e) {
      ctx.problems.push(`store: ${(e as Error).message}`);
      return fallback;
    }
  }
  const r = typeof raw === 'object' && raw !== null ? raw.redis : undefined;
  if (typeof r !== 'object' || r === null || typeof r.url !== 'string') return fallback; // the schema reported it
  let settings;
  try {
    settings = parseRedisSpec(r.url);
  } catch (e) {
    ctx.problems.push(`store.redis.url: ${(e as Error).message}`);
    return fallback;
  }
  if (new URL(r.url).search !== '') {
    ctx.problems.push('store.redis.url: give key_prefix, command_timeout_ms and connect_timeout_ms as keys of store.redis, not as URL parameters');
  }
  if (new URL(r.url).password !== '' && r.password_env !== undefined) {
    ctx.problems.push('store.redis: the URL carries a password and password_env is set; keep the password out of the URL');
  }
  if (r.key_prefix !== undefined) settings.keyPrefix = r.key_prefix;
  if (r.command_timeout_ms !== undefined) settings.commandTimeoutMs = r.command_timeout_ms;
  if (r.connect_timeout_ms !== undefined) settings.connectTimeoutMs = r.connect_timeout_ms;
  if (r.username !== undefined) settings.username = r.username;
  if (r.password_env !== undefined) {
    const pw = ctx.env[r.password_env];
    if (pw === undefined || pw === '') {
      if (ctx.strict) ctx.problems.push(`store.redis.password_env: environment variable ${r.password_env} is not set`);
    } else settings.password = pw;
  }
  if (r.ca_file !== undefined) {
    if (!r.url.startsWith('rediss:')) ctx.problems.push('store.redis.ca_file: only a rediss:// (TLS) URL uses a CA');
    const ca = await readNamedFile(r.ca_file, 'store.redis.ca_file', ctx);
    if (ca !== undefined) settings.ca = ca;
  }
  return { spec: { kind: 'redis', redis: settings }, startupWaitSeconds: r.startup_wait_seconds ?? DEFAULT_STARTUP_WAIT_SECONDS };
}
