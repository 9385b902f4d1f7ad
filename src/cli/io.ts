// What a command runs with besides its arguments: where it prints and the environment it reads. The CLI's entry
// (src/cli/main.ts) gives every command the process's own; a test calls a command function in process with
// streams of its own and an environment it chose, and reads back what the command printed.
/** Where a command prints: process.stdout, process.stderr, or anything with `write`. */
export interface Output {
  write(text: string): unknown;
}

export interface CommandIo {
  stdout: Output;
  stderr: Output;
  /** The environment the command reads (secret sources, --token-env, PATH of the jobs it runs). */
  env: NodeJS.ProcessEnv;
}

/** A subcommand: its arguments after the command name, and the exit status it ends with. */
export type Command = (args: string[], io?: Partial<CommandIo>) => Promise<number>;

/** The process's streams and environment, for whatever the caller did not give. */
export function commandIo(given: Partial<CommandIo> = {}): CommandIo {
  return { stdout: given.stdout ?? process.stdout, stderr: given.stderr ?? process.stderr, env: given.env ?? process.env };
}

/**
 * Where a broker the command starts writes its JSON log: undefined (the broker's own batched writer on file
 * descriptor 1) when the command prints to the process's stdout, as the CLI always does; the given stream
 * otherwise, so a test running the command in process reads the log with the rest of its output.
 */
export function brokerLogStream(io: CommandIo): { write(line: string): void } | undefined {
  if (io.stdout === process.stdout) return undefined;
  const out = io.stdout;
  return { write: (line) => void out.write(line) };
}
