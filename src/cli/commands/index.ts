// The `oidc-exchange` command table and the dispatch on its first argument. Each subcommand's code is loaded
// only when that subcommand runs (the harness's commands as one group), so the broker does not pay for the
// harness and `token` does not pay for the broker. Every subcommand reads its options through
// src/cli/options.ts: `--help`, `--version`, unknown options and negative numbers behave the same everywhere.
import { closest } from '../../text/suggest.js';
import { commandIo, type Command, type CommandIo } from '../io.js';
import { reportUsageError, UsageError } from '../options.js';
import { version } from '../version.js';

interface Entry {
  summary: string;
  load: () => Promise<Command>;
}

export const commands: Record<string, Entry> = {
  broker: { summary: 'run the reference broker', load: async () => (await import('./broker.js')).brokerCommand },
  check: { summary: "which policy matches a token's claims, and why the others do not", load: async () => (await import('./check.js')).checkCommand },
  exchange: { summary: 'trade an OIDC token for secrets from any CI (the generic client)', load: async () => (await import('./exchange.js')).exchangeCommand },
  demo: { summary: 'the whole flow on the local harness, with a report', load: async () => (await import('./harness.js')).demoCommand },
  issuers: { summary: 'run fake GitHub and GitLab OIDC issuers until interrupted', load: async () => (await import('./harness.js')).issuersCommand },
  token: { summary: 'mint a test token from a running fake issuer', load: async () => (await import('./harness.js')).tokenCommand },
  'gitlab-job': { summary: "run the GitLab component's job here, as a shell runner would", load: async () => (await import('./harness.js')).gitlabJobCommand },
  'try-action': { summary: 'run the bundled GitHub Action against a broker configuration through the fake runner', load: async () => (await import('./harness.js')).tryActionCommand },
};

const usage = `usage: oidc-exchange <command> [options]
       oidc-exchange <command> --help      the command's options
       oidc-exchange --version

commands:
${Object.entries(commands)
  .map(([name, c]) => `  ${name.padEnd(12)}${c.summary}`)
  .join('\n')}
`;

/**
 * Runs `oidc-exchange ARGV...` and resolves with its exit status; never rejects: an unexpected error is printed
 * as `oidc-exchange: MESSAGE`, exit status 1.
 */
export async function runCommandLine(argv: string[], given?: Partial<CommandIo>): Promise<number> {
  const io = commandIo(given);
  try {
    return await dispatch(argv, io);
  } catch (e) {
    io.stderr.write(`oidc-exchange: ${(e as Error)?.message ?? String(e)}\n`);
    return 1;
  }
}

async function dispatch(argv: string[], io: CommandIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr.write(usage);
    return 2;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(usage);
    return 0;
  }
  if (name === '--version') {
    io.stdout.write(`oidc-exchange ${version()}\n`);
    return 0;
  }
  const entry = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!entry) {
    const guess = closest(name.replace(/^-+/, ''), Object.keys(commands));
    io.stderr.write(`oidc-exchange: unknown command ${JSON.stringify(name)}${guess ? `; did you mean ${guess}?` : ''}\n\n${usage}`);
    return 2;
  }
  try {
    return await (await entry.load())(rest, io);
  } catch (e) {
    if (e instanceof UsageError) return reportUsageError(e.command, e.message, io.stderr);
    throw e;
  }
}
