// Builds the broker's HTTP app from a loaded configuration. Nothing listens here: the CLI entry point does
// that, so tests can build as many brokers as they like and choose the ports. buildBroker only puts the
// pieces together: the log, the metrics, the store, the reload generations (generations.ts, reload.ts), the
// server (server.ts), the one error handler (errors.ts), the OpenAPI document (openapi.ts) and the route
// plugins (exchange-route.ts, revocation.ts, ops-routes.ts, status-routes.ts).
import type { FastifyInstance } from 'fastify';
import type { DestinationStream, Logger } from 'pino';
import type { BrokerConfig } from '../config/load.js';
import { logGitHubApps } from '../config/log.js';
import { createMetrics, type BrokerMetrics } from '../metrics.js';
import type { Store } from '../store/store.js';
import type { Clock } from '../verify/issuer-keys.js';
import type { TokenVerifier } from '../verify/token.js';
import { answerErrors } from './errors.js';
import { exchangeRoute } from './exchange-route.js';
import { Generations } from './generations.js';
import { GuessingGuard } from './guessing.js';
import { createLog } from './logger.js';
import { OPENAPI_PATH, serveOpenApi } from './openapi.js';
import { opsRoutes } from './ops-routes.js';
import { Reloader, serving, type ReloadOutcome } from './reload.js';
import { revocationBodyLimit, revocationRoutes } from './revocation.js';
import { HealthRecorder } from '../status/health.js';
import { RefusalLog } from '../status/refusals.js';
import { statusRoutes } from './status-routes.js';
import { closeServer, createServer } from './server.js';
import { backendEvents, githubQuotaEvents, openStore } from './telemetry.js';
import { prepare } from './warm-up.js';

export type { ReloadOutcome } from './reload.js';

export interface BrokerOptions {
  /** Where the JSON log and audit lines go (default: stdout). */
  logStream?: DestinationStream;
  logLevel?: string;
  now?: Clock;
  /** Add Node's process metrics to /metrics (the CLI does; tests running many brokers do not). */
  processMetrics?: boolean;
  /**
   * Loads the configuration again for a reload (SIGHUP, POST /-/reload): the CLI reads its file with
   * `loadConfigFile(file, { checkSources: true })`. Without it the broker cannot reload.
   */
  loadConfig?: () => Promise<BrokerConfig>;
  /** The version the status page shows (the CLI passes package.json's). */
  version?: string;
}

export interface Broker {
  app: FastifyInstance;
  /** The configuration being served now. */
  readonly config: BrokerConfig;
  readonly verifier: TokenVerifier;
  metrics: BrokerMetrics;
  store: Store;
  log: Logger;
  /**
   * Before listening: waits (bounded by the store's `startup_wait_seconds`) for the store, fetches every
   * issuer's keys and connects the secret backends, logging each one that cannot be reached.
   */
  prepare(): Promise<void>;
  /** Loads the configuration again (options.loadConfig) and serves it; on any error keeps the current one. */
  reload(trigger: string): Promise<ReloadOutcome>;
  /** Serves `next` from the next request on (a configuration already loaded and checked). */
  swap(next: BrokerConfig, trigger: string): ReloadOutcome;
  /** Stop taking requests, let the ones in flight finish (up to the configured grace), then close. */
  shutdown(): Promise<void>;
}

/** The paths the broker serves: another method on one of them is a 405, anything else a 404. */
const PATHS = ['/v1/exchange', '/healthz', '/readyz', '/metrics', '/-/reload', '/-/status', '/-/status.json', '/-/status/playground', OPENAPI_PATH];

export function buildBroker(config: BrokerConfig, opts: BrokerOptions = {}): Broker {
  const logger = createLog(opts);
  const { log } = logger;
  const metrics = createMetrics({ processMetrics: opts.processMetrics });
  // What the status page shows beyond the configuration: the last refusals and the dependencies' last events.
  const refusals = new RefusalLog(opts.now);
  const health = new HealthRecorder(opts.now);
  const store = openStore(config.store, opts.now, metrics, log, health);
  const servingDeps = { metrics, backendEvents: health.observe(backendEvents(metrics, log)), githubEvents: githubQuotaEvents(metrics, log), store, now: opts.now };
  const generations = new Generations(serving(config, servingDeps), (s) => s.config.backends.close());
  let shuttingDown = false;
  // One guard for both pre-shared tokens: a source guessing one API is not let loose on the other.
  const guard = new GuessingGuard(opts.now);

  const app = createServer(config.listen, log);
  const reloader = new Reloader({ ...servingDeps, app, generations, log, loadConfig: opts.loadConfig });
  answerErrors(app, log, PATHS);
  // First: the document is generated from the routes registered after it.
  serveOpenApi(app);
  void app.register(exchangeRoute, { generations, store, metrics, log, now: opts.now, refusals });
  void app.register(revocationRoutes, { config: () => generations.current.config, store, log, metrics, bodyLimit: revocationBodyLimit(config), guard });
  logGitHubApps(config, log);
  void app.register(opsRoutes, { generations, store, metrics, reload: (trigger) => reloader.reload(trigger), shuttingDown: () => shuttingDown, guard });
  void app.register(statusRoutes, { generations, store, metrics, guard, refusals, health, version: opts.version ?? 'unknown', now: opts.now });

  return {
    app,
    get config() {
      return generations.current.config;
    },
    get verifier() {
      return generations.current.verifier;
    },
    metrics,
    store,
    log,
    prepare: () => prepare(generations.current, store, log),
    reload: (trigger) => reloader.reload(trigger),
    swap: (next, trigger) => reloader.swap(next, trigger),
    async shutdown() {
      if (shuttingDown) return;
      shuttingDown = true;
      await closeServer(app, generations.current.config.listen.shutdownGraceSeconds);
      await store.close();
      await generations.closeAll();
      logger.close();
    },
  };
}
