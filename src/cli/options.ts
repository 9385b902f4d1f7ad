// How every `oidc-exchange` subcommand reads its arguments: one parser (Node's `parseArgs`, strict) and one
// set of conventions, so a user learns them once:
//   --help / -h    prints the command's usage on standard output and exits 0, whatever else is given
//   --version      prints the version and exits 0
//   an unknown option, a stray argument or a missing value is an error (exit 2) that names the option, suggests
//                  the closest known one (`did you mean --broker-url?`) and says how to get the usage
//   negative numbers are values: `--ttl -300` is read as `--ttl=-300`
//   KEY=VALUE options (`--input`, `--set`, `--variable`) are split by `keyValues`, which refuses a missing `=`
// A command module declares a `CommandSpec` and runs through `runCommand(spec, args, io, run)`; the usage text
// is built from the same spec, so the help cannot drift from what is accepted.
import { parseArgs } from 'node:util';
import { closest } from '../text/suggest.js';
import { commandIo, type CommandIo, type Output } from './io.js';
import { version } from './version.js';

export interface OptionSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
  short?: string;
  /** The value's placeholder in the usage (FILE, URL, N). */
  arg?: string;
  /** One line for the usage. */
  help: string;
}

export interface CommandSpec<O extends Record<string, OptionSpec> = Record<string, OptionSpec>> {
  /** The subcommand: `broker`, `exchange`, ... */
  name: string;
  /** The synopsis after `usage: oidc-exchange <name> `; several lines allowed. */
  synopsis: string;
  /** What the command does, in a sentence or two. */
  description: string;
  options: O;
  /** Printed after the options: examples, notes. */
  epilog?: string;
}

type ValueOf<S extends OptionSpec> = S['type'] extends 'boolean' ? boolean : S['multiple'] extends true ? string[] : string;
export type Values<O extends Record<string, OptionSpec>> = { [K in keyof O]?: ValueOf<O[K]> };

/** A mistake in how a command was called: printed with the way to get its usage, exit status 2. */
export class UsageError extends Error {
  constructor(
    readonly command: string,
    message: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

const COMMON: Record<string, OptionSpec> = {
  help: { type: 'boolean', short: 'h', help: 'print this help and exit' },
  version: { type: 'boolean', help: 'print the version and exit' },
};

export function usageText(spec: CommandSpec): string {
  const options = { ...spec.options, ...COMMON };
  const rows = Object.entries(options).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : '    '}--${name}${o.type === 'string' ? ` ${o.arg ?? 'VALUE'}` : ''}`;
    return [flag, `${o.help}${o.multiple ? ' (repeatable)' : ''}`] as const;
  });
  const width = Math.min(34, Math.max(...rows.map(([f]) => f.length)) + 2);
  const lines = rows.map(([f, h]) => (f.length + 2 > width ? `  ${f}\n  ${' '.repeat(width)}${h}` : `  ${f.padEnd(width)}${h}`));
  const synopsis = spec.synopsis.split('\n').map((l, i) => (i === 0 ? l : `${' '.repeat(`usage: oidc-exchange ${spec.name} `.length)}${l.trim()}`));
  return [
    `usage: oidc-exchange ${spec.name}${synopsis[0] ? ` ${synopsis[0]}` : ''}`,
    ...synopsis.slice(1),
    '',
    spec.description,
    '',
    'options:',
    ...lines,
    ...(spec.epilog ? ['', spec.epilog.trimEnd()] : []),
    '',
  ].join('\n');
}

/** Prints the error the way every command does; returns the exit status for it (2). */
export function reportUsageError(command: string, message: string, stderr: Output = process.stderr): number {
  stderr.write(`oidc-exchange ${command}: ${message}\nrun "oidc-exchange ${command} --help" for its usage\n`);
  return 2;
}

/**
 * Parses `args` against the spec. Returns the values, or the exit status when the command must stop here:
 * 0 after printing the usage or the version, 2 after printing what was wrong with the arguments.
 */
export function parseCommand<O extends Record<string, OptionSpec>>(spec: CommandSpec<O>, args: string[], io: CommandIo = commandIo()): { values: Values<O> } | number {
  const options: Record<string, OptionSpec> = { ...spec.options, ...COMMON };
  // --help wins over everything else on the line, even over an option it does not know.
  const helpAt = args.findIndex((a) => a === '--help' || a === '-h');
  const endOfOptions = args.indexOf('--');
  if (helpAt >= 0 && (endOfOptions < 0 || helpAt < endOfOptions)) {
    io.stdout.write(usageText(spec));
    return 0;
  }
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({
      args: joinNegativeNumbers(args, options),
      options: Object.fromEntries(
        Object.entries(options).map(([k, o]) => [k, { type: o.type, ...(o.multiple ? { multiple: true } : {}), ...(o.short ? { short: o.short } : {}) }]),
      ),
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    return reportUsageError(spec.name, explainParseError(e as NodeJS.ErrnoException, options), io.stderr);
  }
  if (values.version) {
    io.stdout.write(`oidc-exchange ${version()}\n`);
    return 0;
  }
  delete values.help;
  delete values.version;
  return { values: values as Values<O> };
}

/**
 * Runs a command the way every command runs: its arguments parsed against its spec (`--help` and `--version`
 * answered, mistakes reported), then `run` with the values. A UsageError thrown by `run` is reported like a
 * parse error: on stderr with the way to the usage, exit status 2.
 */
export async function runCommand<O extends Record<string, OptionSpec>>(
  spec: CommandSpec<O>,
  args: string[],
  given: Partial<CommandIo> | undefined,
  run: (values: Values<O>, io: CommandIo) => Promise<number>,
): Promise<number> {
  const io = commandIo(given);
  try {
    const parsed = parseCommand(spec, args, io);
    if (typeof parsed === 'number') return parsed;
    return await run(parsed.values, io);
  } catch (e) {
    if (e instanceof UsageError) return reportUsageError(e.command, e.message, io.stderr);
    throw e;
  }
}

/**
 * `--ttl -300` → `--ttl=-300` (and `-p -1` → `--port=-1`) for options that take a value: parseArgs would
 * otherwise call the value ambiguous. Only numbers are joined; `--token-env -x` stays an error.
 */
function joinNegativeNumbers(args: string[], options: Record<string, OptionSpec>): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      out.push(...args.slice(i));
      break;
    }
    const next = args[i + 1];
    const name = a.startsWith('--') ? a.slice(2) : /^-[A-Za-z]$/.test(a) ? Object.keys(options).find((k) => options[k]!.short === a.slice(1)) : undefined;
    if (name !== undefined && !name.includes('=') && options[name]?.type === 'string' && next !== undefined && /^-(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(next)) {
      out.push(`--${name}=${next}`);
      i++;
      continue;
    }
    out.push(a);
  }
  return out;
}

function explainParseError(e: NodeJS.ErrnoException, options: Record<string, OptionSpec>): string {
  const names = Object.keys(options);
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const given = /'([^']+)'/.exec(e.message)?.[1] ?? '';
    const bare = given.replace(/^-+/, '').split('=')[0]!;
    const guess = closest(bare, names);
    return `unknown option ${given}${guess ? `; did you mean --${guess}?` : ''}`;
  }
  if (e.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const given = /'([^']*)'/.exec(e.message)?.[1] ?? '';
    const guess = closest(given.split('=')[0]!, names);
    return `unexpected argument ${JSON.stringify(given)}: this command takes options only${guess ? `; did you mean --${guess}?` : ''}`;
  }
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const [first, , howTo] = e.message.split('\n');
    const option = /'([^']+)'/.exec(first ?? '')?.[1] ?? '';
    if (/ambiguous/.test(first ?? '')) return `${option} needs a value; ${howTo?.replace(/^To specify/, 'to give') ?? ''}`.trim();
    return first?.replace(/^Option/, 'option') ?? e.message;
  }
  return e.message;
}

/** `--input name=value` lists as a record; a pair without `=` or with an empty name is a usage error. */
export function keyValues(command: string, option: string, list: string[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of list ?? []) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(command, `--${option} takes NAME=VALUE, got ${JSON.stringify(pair)}`);
    const key = pair.slice(0, eq);
    if (Object.hasOwn(out, key) && out[key] !== pair.slice(eq + 1)) {
      throw new UsageError(command, `--${option} ${key} is given twice with different values`);
    }
    out[key] = pair.slice(eq + 1);
  }
  return out;
}

/** A required option that is missing: a usage error that names it. */
export function required<T>(command: string, value: T | undefined, what: string): T {
  if (value === undefined || value === '') throw new UsageError(command, `${what} is required`);
  return value;
}

/** A whole number within bounds (ports, counts, seconds); `what` names the option in the error. */
export function integerOption(command: string, text: string | undefined, what: string, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (text.trim() === '' || !Number.isInteger(n) || n < min || n > max) {
    throw new UsageError(command, `${what} must be a whole number from ${min} to ${max}, got ${JSON.stringify(text)}`);
  }
  return n;
}
