// `oidc-exchange broker`: the reference broker from a configuration file (src/broker/main.ts runs it). Exit
// status 2 when the configuration does not load; 0 after a graceful shutdown.
import { runBroker } from '../../broker/main.js';
import { version } from '../version.js';
import { ConfigError } from '../../broker/errors.js';
import { brokerLogStream, type CommandIo } from '../io.js';
import { integerOption, runCommand, UsageError, type CommandSpec } from '../options.js';

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

export async function brokerCommand(args: string[], io?: Partial<CommandIo>): Promise<number> {
  return runCommand(brokerSpec, args, io, async (values, io) => {
    if (!values.config) throw new UsageError('broker', '--config FILE is required');
    // The command line's --port/--host win over the file, at start-up and on every reload.
    const port = integerOption('broker', values.port, '--port', 0, 65535);
    try {
      await runBroker({ file: values.config, port, host: values.host, env: io.env, logStream: brokerLogStream(io), version: version() });
    } catch (e) {
      if (e instanceof ConfigError) {
        io.stderr.write(`oidc-exchange broker: ${e.message}\n`);
        return 2;
      }
      throw e;
    }
    return 0;
  });
}
