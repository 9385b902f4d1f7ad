// Reload without a restart (SIGHUP, POST /-/reload): load the configuration again and serve it from the next
// request on, as a new generation (generations.ts), while the requests in flight finish under theirs. A file
// that does not load changes nothing. What is fixed when the server is created (the address, the store,
// request limits, whether TLS is on) needs a restart, and a reload that changes it says so in the log.
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { BrokerConfig } from '../config/load.js';
import { configSummary, logGitHubApps, logLintFindings } from '../config/log.js';
import { ConfigError } from '../errors.js';
import { showTlsExpiry, type BrokerMetrics } from '../metrics.js';
import { poolOf } from '../github/pool.js';
import { holdInStore, type QuotaEvents } from '../github/quota.js';
import type { Store } from '../store/store.js';
import type { BackendEvents } from '../sources/backend.js';
import { sameStore } from '../store/index.js';
import type { Clock } from '../verify/issuer-keys.js';
import { TokenVerifier } from '../verify/token.js';
import type { Generations } from './generations.js';
import { secureContextOptions } from './tls.js';
import { warmBackends, warmIssuers } from './warm-up.js';

/** One generation: a configuration and the token verifier built from it. */
export interface Serving {
  config: BrokerConfig;
  verifier: TokenVerifier;
}

export interface ReloadOutcome {
  ok: boolean;
  /** The problems that refused the new configuration (it did not load; the previous one keeps serving). */
  problems?: string[];
  /** Settings that changed but only take effect after a restart (the running values are kept). */
  needsRestart?: string[];
}

export interface ServingDeps {
  metrics: BrokerMetrics;
  backendEvents: BackendEvents;
  githubEvents?: QuotaEvents;
  /** Where the GitHub Apps share GitHub's waits with the other instances. */
  store?: Store;
  now?: Clock;
}

/** What `config` is served with: its backends report to the broker, and a verifier (keeping `previous`'s warm keys). */
export function serving(config: BrokerConfig, deps: ServingDeps, previous?: Serving): Serving {
  for (const b of config.backends.all()) b.observe(deps.backendEvents);
  for (const a of [...config.githubApps.values()].flatMap(poolOf)) {
    if (deps.githubEvents) a.quota.watch(deps.githubEvents);
    if (deps.store) a.quota.share(holdInStore(deps.store, a.settings.apiUrl, a.settings.issuer));
  }
  const verifier = new TokenVerifier({
    audience: config.audience,
    issuers: config.issuers,
    maxTokenBytes: config.listen.maxTokenBytes,
    metrics: deps.metrics,
    now: deps.now,
    previous: previous?.verifier,
  });
  showTlsExpiry(deps.metrics, config.listen.tls?.notAfter);
  deps.metrics.configLoaded.set(Math.floor(Date.now() / 1000));
  return { config, verifier };
}

export interface ReloadDeps extends ServingDeps {
  app: FastifyInstance;
  generations: Generations<Serving>;
  log: Logger;
  /** Loads the configuration again (absent: the broker cannot reload). */
  loadConfig?: () => Promise<BrokerConfig>;
}

export class Reloader {
  private reloading: Promise<ReloadOutcome> | undefined;

  constructor(private readonly deps: ReloadDeps) {}

  /** Reloads one at a time: a second signal during a reload waits for it and then loads again. */
  reload(trigger: string): Promise<ReloadOutcome> {
    const { loadConfig, metrics, log } = this.deps;
    const run = async (): Promise<ReloadOutcome> => {
      if (!loadConfig) return fail(['this broker was started without a configuration file to reload']);
      let next: BrokerConfig;
      try {
        next = await loadConfig();
      } catch (e) {
        return fail(e instanceof ConfigError ? e.problems : [(e as Error).message]);
      }
      return this.swap(next, trigger);
    };
    const fail = (problems: string[]): ReloadOutcome => {
      metrics.reloads.inc({ outcome: 'failure' });
      metrics.reloadFailing.set(1);
      log.error({ event: 'config_reload_failed', trigger, problems }, 'configuration not reloaded: the previous one keeps serving');
      return { ok: false, problems };
    };
    const p = (this.reloading ?? Promise.resolve()).then(run, run);
    this.reloading = p;
    void p.finally(() => {
      if (this.reloading === p) this.reloading = undefined;
    });
    return p;
  }

  /** Serves `next` (a configuration already loaded and checked) from the next request on. */
  swap(next: BrokerConfig, trigger: string): ReloadOutcome {
    const { app, generations, metrics, log } = this.deps;
    const running = generations.current.config;
    const needsRestart = restartOnly(running, next);
    const nextTls = next.listen.tls;
    // What needs a restart keeps its running value, so `config` says what is actually served.
    next.listen = { ...running.listen, maxTokenBytes: next.listen.maxTokenBytes, shutdownGraceSeconds: next.listen.shutdownGraceSeconds, tls: running.listen.tls };
    next.store = running.store;
    if (running.listen.tls && nextTls && !needsRestart.includes('listen.tls.client_ca')) {
      // The certificate files were read again by the load: new connections get the renewed certificate.
      (app.server as unknown as { setSecureContext(o: object): void }).setSecureContext(secureContextOptions(nextTls));
      next.listen.tls = nextTls;
    }
    const current = serving(next, this.deps, generations.current);
    generations.swap(current);
    metrics.reloads.inc({ outcome: 'success' });
    metrics.reloadFailing.set(0);
    log.info({ event: 'config_reloaded', trigger, ...configSummary(next), needs_restart: needsRestart }, 'configuration reloaded');
    if (needsRestart.length) log.warn({ event: 'reload_needs_restart', settings: needsRestart }, `changed settings that take effect only after a restart: ${needsRestart.join(', ')}`);
    logLintFindings(log, next.lintFindings);
    logGitHubApps(next, log);
    void warmBackends(current.config, log);
    void warmIssuers(current.verifier, log);
    return { ok: true, needsRestart };
  }
}

/** Settings a reload cannot apply to a running server (named as in the file). */
function restartOnly(running: BrokerConfig, next: BrokerConfig): string[] {
  const out: string[] = [];
  const a = running.listen;
  const b = next.listen;
  const keys = [
    ['host', 'host'],
    ['port', 'port'],
    ['bodyLimitBytes', 'body_limit_bytes'],
    ['headerLimitBytes', 'header_limit_bytes'],
    ['requestTimeoutSeconds', 'request_timeout_seconds'],
    ['plainHttp', 'plain_http'],
  ] as const;
  for (const [k, name] of keys) if (a[k] !== b[k]) out.push(`listen.${name}`);
  if (!!a.tls !== !!b.tls) out.push('listen.tls');
  else if (a.tls && b.tls && (!!a.tls.clientCa !== !!b.tls.clientCa || a.tls.clientAuth !== b.tls.clientAuth)) out.push('listen.tls.client_ca');
  if (!sameStore(running.store, next.store)) out.push('store');
  if ((running.revocation?.bodyLimitBytes ?? 0) !== (next.revocation?.bodyLimitBytes ?? 0) && running.revocation && next.revocation) out.push('revocation.body_limit_bytes');
  return out;
}
