// `oidc-exchange broker`: load and check the configuration, listen, and shut down gracefully on SIGTERM.
import { loadConfigFile } from './config.js';
import { ConfigError } from './errors.js';
import { buildBroker } from './server.js';
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
  const port = integerOption('broker', values.port, '--port', 0, 65535);
  let config;
  try {
    config = await loadConfigFile(values.config, { checkSources: true });
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`oidc-exchange broker: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  if (port !== undefined) config.listen.port = port;
  if (values.host) config.listen.host = values.host;

  const broker = buildBroker(config, { processMetrics: true });
  const address = await broker.app.listen({ host: config.listen.host, port: config.listen.port });
  broker.log.info(
    {
      event: 'listening',
      address,
      issuers: config.issuers.map((i) => i.id),
      policies: config.policies.length,
      secrets: [...config.secrets.values()].map((s) => ({ name: s.name, source: s.kind })),
    },
    `broker listening on ${address}`,
  );
  for (const f of config.lintFindings) {
    broker.log.warn(
      { event: 'policy_lint', rule: f.rule, severity: f.severity, policy: f.policy, path: f.path, overridden: f.overridden },
      f.overridden ? `policy lint: ${f.rule} at ${f.path} overridden (${f.overridden})` : `policy lint: ${f.rule} at ${f.path}: ${f.message}`,
    );
  }
  // Warm the key caches so the first exchanges do not wait for the issuers.
  await Promise.all([...broker.verifier.keys.values()].map((k) => k.warm()));

  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      broker.log.info({ event: 'shutdown', signal }, 'shutting down');
      broker.shutdown().then(resolve, resolve);
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
  return 0;
}
