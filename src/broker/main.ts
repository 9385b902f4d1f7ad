// The reference broker as a long-running process: load and check the configuration, wait for the store and
// warm the issuers' keys and the secret backends, listen, reload on SIGHUP, and shut down gracefully on SIGTERM
// or SIGINT. `oidc-exchange broker` (src/cli/commands/broker.ts) calls it with the command line's values.
import { plainHttpExposure } from './config/listen.js';
import { loadConfigFile, plainListenProblem, type BrokerConfig } from './config/load.js';
import { configSummary, logLintFindings } from './config/log.js';
import { ConfigError } from './errors.js';
import { buildBroker, type BrokerOptions } from './http/app.js';

export interface BrokerProcessOptions {
  /** The configuration file, read at start and again on every reload. */
  file: string;
  /** Listen here instead of listen.port / listen.host (they win over the file on every reload too). */
  port?: number;
  host?: string;
  /** The environment secret sources read (default: process.env). */
  env?: NodeJS.ProcessEnv;
  /** Where the JSON log goes (default: standard output, batched). */
  logStream?: BrokerOptions['logStream'];
  /** The version the status page shows (the CLI's, read from package.json). */
  version?: string;
}

/**
 * Serves until SIGTERM or SIGINT, then finishes the requests in flight and resolves. Rejects with a
 * ConfigError when the configuration does not load at start (a reload that fails keeps the running one).
 */
export async function runBroker(opts: BrokerProcessOptions): Promise<void> {
  const load = async (): Promise<BrokerConfig> => {
    const config = await loadConfigFile(opts.file, { checkSources: true, ...(opts.env ? { env: opts.env } : {}) });
    if (opts.port !== undefined) config.listen.port = opts.port;
    if (opts.host) config.listen.host = opts.host;
    const problem = plainListenProblem(config.listen.host, config.listen.tls !== undefined, config.listen.plainHttp);
    if (problem) throw new ConfigError(opts.file, [`listen: ${problem}`]);
    return config;
  };
  const config = await load();

  const broker = buildBroker(config, { processMetrics: true, loadConfig: load, version: opts.version, ...(opts.logStream ? { logStream: opts.logStream } : {}) });
  logLintFindings(broker.log, config.lintFindings);
  // The linter read the file's host; --host (a container's 0.0.0.0) can move plain HTTP off loopback after it.
  const exposure = opts.host ? plainHttpExposure(config.listen.host, config.listen.tls !== undefined, config.listen.plainHttp) : undefined;
  if (exposure && !config.lintFindings.some((f) => f.rule === 'plain-http-beyond-loopback')) {
    broker.log.warn({ event: 'plain_http_beyond_loopback', host: config.listen.host }, exposure);
  }
  // Redis connected (bounded wait) and keys fetched before the first request arrives.
  await broker.prepare();
  const address = await broker.app.listen({ host: config.listen.host, port: config.listen.port });
  broker.log.info(
    { event: 'listening', address, tls: config.listen.tls ? { client_ca: config.listen.tls.clientCa !== undefined } : false, ...configSummary(config) },
    `broker listening on ${address}`,
  );

  const onHangup = () => {
    broker.log.info({ event: 'reload', signal: 'SIGHUP' }, 'reloading the configuration');
    void broker.reload('SIGHUP');
  };
  process.on('SIGHUP', onHangup);
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      process.off('SIGHUP', onHangup);
      broker.log.info({ event: 'shutdown', signal }, 'shutting down');
      broker.shutdown().then(resolve, resolve);
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
}
