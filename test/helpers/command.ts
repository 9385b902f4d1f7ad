// Runs `oidc-exchange ARGS...` in this process, through the same command table and command functions the CLI
// runs, with streams and an environment of the test's own: what it printed and its exit status, as from a
// real process (./process.ts), without a process or a build.
import { runCommandLine } from '../../src/cli/commands/index.js';
import type { Ran } from './process.js';

export async function callCli(args: string[], opts: { env?: NodeJS.ProcessEnv } = {}): Promise<Ran & { code: number }> {
  let stdout = '';
  let stderr = '';
  const code = await runCommandLine(args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: opts.env ?? { PATH: process.env.PATH },
  });
  return { code, stdout, stderr };
}
