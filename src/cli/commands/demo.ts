// `oidc-exchange demo` (and `npm run demo`): the whole flow on loopback with no account anywhere
// (src/harness/demo/run.ts runs it), in a scratch folder removed however it ends. Prints the report; exit 0
// only if every step behaved as expected.
import { demoSteps, runDemo } from '../../harness/demo/run.js';
import { withScratch } from '../../harness/scratch.js';
import type { CommandIo } from '../io.js';
import { runCommand, type CommandSpec } from '../options.js';

export const demoSpec = {
  name: 'demo',
  synopsis: '',
  description: `Runs the whole flow on loopback with no account anywhere: fake GitHub and GitLab issuers, the broker with
examples/demo.yaml, the GitHub Action through a fake runner, the GitLab component's job, a GitHub App token
minted, leaked and revoked. Prints a report (names and sizes, never values) and exits 0 only if every step
behaved as expected. Its temporary folder is removed at the end, on Ctrl-C and when the output is closed.`,
  options: {},
} satisfies CommandSpec;

export async function demoCommand(args: string[] = [], io?: Partial<CommandIo>): Promise<number> {
  return runCommand(demoSpec, args, io, async (_values, io) => {
    const ok = await withScratch('oidc-exchange-demo-', async () => runDemo(await demoSteps(), (line) => io.stdout.write(line + '\n')));
    return ok ? 0 : 1;
  });
}
