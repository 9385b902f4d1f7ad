// The `oidc-exchange` command, as a process: the one place that reads process.argv and sets the exit status.
// The command table and every subcommand (src/cli/commands/) print to the streams they are given and read the
// environment they are given; here those are the process's own.
import { runCommandLine } from './commands/index.js';

void runCommandLine(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
