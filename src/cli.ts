// The `oidc-exchange` command. Each subcommand's code is loaded only when that subcommand runs, so the
// broker does not pay for the harness and `token` does not pay for the broker.
const usage = `usage: oidc-exchange <command> [options]

commands:
  broker --config FILE [--port N] [--host H]   run the reference broker
  exchange --broker-url URL (--token-env VAR | --token-file FILE) (--out-dir DIR | --dotenv FILE | --shell)
                                               trade an OIDC token for secrets from any CI (generic client)
  check --config FILE (--claims FILE | --token JWT)
                                               which policy matches a token's claims, and why the others do not
  check --lint --config FILE [--json] [--sarif FILE]
                                               the trust-policy linter: risky policies, ranked, with fixes
  demo                                         the whole flow on the local harness, with a report
  issuers [--github-port N] [--gitlab-port N]  run the fake GitHub and GitLab OIDC issuers until interrupted
  token --issuer-url URL [--claims FILE] [--set k=v ...] [--audience A]
                                               mint a test token from a running fake issuer
  gitlab-job --input broker_url=URL --input audience=A (--issuer-url URL | --token JWT) [--script CMD ...]
                                               run the GitLab component's job here, as a shell runner would
  try-action --config FILE [--claims FILE] [--secrets TEXT] [--input name=value ...]
                                               run the bundled GitHub Action against a broker config through
                                               the fake runner; prints what the job would receive, masked
`;

type Command = (args: string[]) => Promise<number>;

const commands: Record<string, () => Promise<Command>> = {
  broker: async () => (await import('./broker/main.js')).brokerCommand,
  check: async () => (await import('./broker/check.js')).checkCommand,
  exchange: async () => (await import('./exchange/cli.js')).exchangeCommand,
  demo: async () => (await import('./harness/demo.js')).demoCommand,
  issuers: async () => (await import('./harness/commands.js')).issuersCommand,
  token: async () => (await import('./harness/commands.js')).tokenCommand,
  'gitlab-job': async () => (await import('./harness/gitlab-job.js')).gitlabJobCommand,
  'try-action': async () => (await import('./harness/try-action.js')).tryActionCommand,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage);
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) {
    process.stderr.write(`oidc-exchange: unknown command ${JSON.stringify(name)}\n\n${usage}`);
    return 2;
  }
  return (await load())(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`oidc-exchange: ${(e as Error)?.message ?? String(e)}\n`);
    process.exitCode = 1;
  },
);
