// `oidc-exchange broker`: load and check the configuration, listen, and shut down gracefully on SIGTERM.
import { parseArgs } from 'node:util';
import { loadConfigFile } from './config.js';
import { ConfigError } from './errors.js';
import { buildBroker } from './server.js';

export async function brokerCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { config: { type: 'string', short: 'c' }, port: { type: 'string', short: 'p' }, host: { type: 'string' } },
    strict: true,
  });
  if (!values.config) {
    process.stderr.write('oidc-exchange broker: --config FILE is required\n');
    return 2;
  }
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
  if (values.port !== undefined) {
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      process.stderr.write(`oidc-exchange broker: --port must be a number from 0 to 65535, got ${JSON.stringify(values.port)}\n`);
      return 2;
    }
    config.listen.port = port;
  }
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
