// `oidc-exchange broker`: load and check the configuration, wait for the store and warm the issuers' keys and
// the secret backends, listen, reload on SIGHUP, and shut down gracefully on SIGTERM.
import { loadConfigFile, plainListenProblem, type BrokerConfig } from './config/load.js';
import { configSummary, logLintFindings } from './config/log.js';
import { ConfigError } from './errors.js';
import { buildBroker } from './http/app.js';
import { integerOption, parseCommand, UsageError, type CommandSpec } from '../cli/options.js';

export const brokerSpec = {
  name: 'broker',
  synopsis: '--config FILE [--port N] [--host H]',
  description: 'Runs the reference broker: checks the configuration, listens, and shuts down gracefully on SIGTERM or Ctrl-C.',
  options: {
    config: { type: 'string', short: 'c', arg: 'FILE', help: 'the broker configuration (YAML; see docs/policies.md)' },
    port: { type: 'string', short: 'p', arg: 'N', help: 'listen on this port instead of listen.port (0: any free port)' },
    host: { type: 'string', arg: 'H', help: 'listen on this address instead of listen.host (0.0.0.0 in a container)' },
  },
} satisfies CommandSpec;

export async function brokerCommand(args: string[]): Promise<number> {
  const parsed = parseCommand(brokerSpec, args);
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  if (!values.config) throw new UsageError('broker', '--config FILE is required');
  const file = values.config;
  const port = integerOption('broker', values.port, '--port', 0, 65535);
  // The command line's --port/--host win over the file, at start-up and on every reload.
  const load = async (): Promise<BrokerConfig> => {
    const config = await loadConfigFile(file, { checkSources: true });
    if (port !== undefined) config.listen.port = port;
    if (values.host) config.listen.host = values.host;
    const problem = plainListenProblem(config.listen.host, config.listen.tls !== undefined, config.listen.plainHttp);
    if (problem) throw new ConfigError(file, [`listen: ${problem}`]);
    return config;
  };
  let config: BrokerConfig;
  try {
    config = await load();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`oidc-exchange broker: ${e.message}\n`);
      return 2;
    }
    throw e;
  }

  const broker = buildBroker(config, { processMetrics: true, loadConfig: load });
  logLintFindings(broker.log, config.lintFindings);
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
  return 0;
}
