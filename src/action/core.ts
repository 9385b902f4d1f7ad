// The parts of the Actions runner protocol the action uses, written against the runner's documented
// behaviour rather than imported from @actions/core, whose static import of its HTTP client (and undici)
// would triple the step's start-up time. Workflow commands go to stdout; environment variables, outputs,
// state and the summary go to the files the runner names, in its `name<<DELIMITER` format.
import { appendFileSync } from 'node:fs';

/** What run() and cleanup() need from the runner; tests pass their own. */
export interface ActionCore {
  info(line: string): void;
  warning(line: string): void;
  error(line: string): void;
  debug(line: string): void;
  /** Registers values for masking (one write for all); every later log line has them replaced by ***. */
  setSecret(...values: string[]): void;
  /** Environment variables for later steps, appended to GITHUB_ENV in one write. */
  exportVariables(vars: Array<[string, string]>): void;
  /** Step outputs, appended to GITHUB_OUTPUT in one write. */
  setOutputs(vars: Array<[string, string]>): void;
  saveState(name: string, value: string): void;
  getState(name: string): string;
  appendSummary(markdown: string): void;
  setFailed(message: string): void;
}

export function runnerCore(env: NodeJS.ProcessEnv = process.env, write: (s: string) => void = (s) => void process.stdout.write(s)): ActionCore {
  const command = (name: string, message: string) => write(`::${name}::${escapeData(message)}\n`);
  // One append per call: fewer system calls, and a batch is never half-written by this process.
  const fileCommand = (variable: string, vars: Array<[string, string]>) => {
    if (vars.length === 0) return;
    const file = env[variable];
    if (!file) throw new Error(`${variable} is not set: this runner is too old for file commands (the deprecated set-env and set-output commands are disabled)`);
    appendFileSync(file, vars.map(([n, v]) => keyValueMessage(n, v)).join(''), 'utf8');
  };
  return {
    info: (line) => write(`${line}\n`),
    warning: (line) => command('warning', line),
    error: (line) => command('error', line),
    debug: (line) => command('debug', line),
    setSecret: (...values) => {
      if (values.length) write(values.map((v) => `::add-mask::${escapeData(v)}\n`).join(''));
    },
    exportVariables(vars) {
      fileCommand('GITHUB_ENV', vars);
      // Also set for this process, as the toolkit does, so later code sees them.
      for (const [n, v] of vars) env[n] = v;
    },
    setOutputs: (vars) => fileCommand('GITHUB_OUTPUT', vars),
    saveState: (name, value) => fileCommand('GITHUB_STATE', [[name, value]]),
    getState: (name) => env[`STATE_${name}`] ?? '',
    appendSummary(markdown) {
      const file = env.GITHUB_STEP_SUMMARY;
      if (file) appendFileSync(file, markdown, 'utf8');
    },
    setFailed(message) {
      process.exitCode = 1;
      command('error', message);
    },
  };
}

/**
 * `name<<DELIM\nvalue\nDELIM\n`. What makes this safe is that the delimiter provably occurs nowhere in the
 * value (a value holding `\nDELIM\nPATH<<X` could otherwise inject variables), so it is checked and a new one
 * drawn until it holds; randomness only makes a clash unlikely. Math.random avoids loading node:crypto on
 * the start-up path.
 */
export function keyValueMessage(name: string, value: string): string {
  let delimiter: string;
  do {
    delimiter = `ghadelimiter_${randomHex()}${randomHex()}`;
  } while (name.includes(delimiter) || value.includes(delimiter));
  if (/[\r\n]/.test(name)) throw new Error(`a name for the runner's files cannot contain a line break: ${JSON.stringify(name)}`);
  return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
}

function randomHex(): string {
  return Math.floor(Math.random() * 2 ** 52).toString(16).padStart(13, '0');
}

/** Workflow command data: the runner reads %25, %0D and %0A back as %, CR and LF. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function unescapeData(s: string): string {
  return s.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%');
}
