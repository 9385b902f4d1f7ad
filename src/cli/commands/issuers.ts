// `oidc-exchange issuers` runs a fake GitHub and a fake GitLab issuer (src/harness/fakes/issuer.ts) for manual
// testing, until Ctrl-C or SIGTERM; `oidc-exchange token` (token.ts) mints tokens from them.
import { startFakeIssuer } from '../../harness/fakes/issuer.js';
import type { CommandIo } from '../io.js';
import { integerOption, runCommand, type CommandSpec } from '../options.js';

export const issuersSpec = {
  name: 'issuers',
  synopsis: '[--github-port N] [--gitlab-port N] [--audience A]',
  description: 'Runs a fake GitHub and a fake GitLab OIDC issuer on loopback until interrupted (Ctrl-C or SIGTERM).',
  options: {
    'github-port': { type: 'string', arg: 'N', help: 'port of the fake GitHub issuer (default: any free port)' },
    'gitlab-port': { type: 'string', arg: 'N', help: 'port of the fake GitLab issuer (default: any free port)' },
    audience: { type: 'string', arg: 'A', help: 'default audience of the tokens they mint' },
  },
  epilog: 'Mint a token from one with: oidc-exchange token --issuer-url URL ...',
} satisfies CommandSpec;

export async function issuersCommand(args: string[], io?: Partial<CommandIo>): Promise<number> {
  return runCommand(issuersSpec, args, io, async (values, io) => {
    const githubPort = integerOption('issuers', values['github-port'], '--github-port', 0, 65535) ?? 0;
    const gitlabPort = integerOption('issuers', values['gitlab-port'], '--gitlab-port', 0, 65535) ?? 0;
    const github = await startFakeIssuer({ kind: 'github', port: githubPort, audience: values.audience }).catch((e: unknown) => portProblem(e, 'github', githubPort));
    if (typeof github === 'string') return explain(io, github);
    const gitlab = await startFakeIssuer({ kind: 'gitlab', port: gitlabPort, audience: values.audience }).catch((e: unknown) => portProblem(e, 'gitlab', gitlabPort));
    if (typeof gitlab === 'string') {
      await github.close();
      return explain(io, gitlab);
    }
    io.stdout.write(
      `fake GitHub issuer: ${github.url}\nfake GitLab issuer: ${gitlab.url}\n` +
        `mint a token:  oidc-exchange token --issuer-url ${github.url} --audience <broker audience> --set environment=production\n` +
        'press Ctrl-C to stop\n',
    );
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await Promise.all([github.close(), gitlab.close()]);
    return 0;
  });
}

/**
 * The one line that says why a fake issuer could not listen on its port (in use, or not ours to take); any other
 * error is rethrown.
 */
function portProblem(e: unknown, which: 'github' | 'gitlab', port: number): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const name = which === 'github' ? 'GitHub' : 'GitLab';
  const choose = `pick another with --${which}-port N, or leave --${which}-port out for any free port`;
  if (code === 'EADDRINUSE') return `port ${port} (fake ${name} issuer) is in use on 127.0.0.1; ${choose}`;
  if (code === 'EACCES') return `port ${port} (fake ${name} issuer) needs privileges this user does not have; ${choose}`;
  throw e;
}

function explain(io: CommandIo, line: string): number {
  io.stderr.write(`oidc-exchange issuers: ${line}\n`);
  return 2;
}
