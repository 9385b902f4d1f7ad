// The parts of the Actions runner protocol the action uses, written against the runner's documented
// behaviour rather than imported from @actions/core, whose static import of its HTTP client (and undici)
// would triple the step's start-up time. Workflow commands go to stdout; environment variables, outputs,
// state and the summary go to the files the runner names, in its `name<<DELIMITER` format.
import { appendFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';

/** What run() and cleanup() need from the runner; tests pass their own. */
export interface ActionCore {
  info(line: string): void;
  warning(line: string): void;
  error(line: string): void;
  debug(line: string): void;
  /** Registers a value for masking; every later log line has it replaced by ***. */
  setSecret(value: string): void;
  exportVariable(name: string, value: string): void;
  setOutput(name: string, value: string): void;
  saveState(name: string, value: string): void;
  getState(name: string): string;
  appendSummary(markdown: string): void;
  setFailed(message: string): void;
}

export function runnerCore(env: NodeJS.ProcessEnv = process.env, write: (s: string) => void = (s) => void process.stdout.write(s)): ActionCore {
  const command = (name: string, message: string) => write(`::${name}::${escapeData(message)}\n`);
  const fileCommand = (variable: string, name: string, value: string, fallback: () => void) => {
    const file = env[variable];
    if (!file) return fallback();
    appendFileSync(file, keyValueMessage(name, value), 'utf8');
  };
  return {
    info: (line) => write(`${line}\n`),
    warning: (line) => command('warning', line),
    error: (line) => command('error', line),
    debug: (line) => command('debug', line),
    setSecret: (value) => command('add-mask', value),
    exportVariable(name, value) {
      // The variable is also set for this process, as the toolkit does, so later code sees it.
      env[name] = value;
      fileCommand('GITHUB_ENV', name, value, () => {
        throw new Error('GITHUB_ENV is not set: this runner is too old for file commands (the deprecated set-env command is disabled everywhere)');
      });
    },
    setOutput(name, value) {
      fileCommand('GITHUB_OUTPUT', name, value, () => {
        throw new Error('GITHUB_OUTPUT is not set: this runner is too old for file commands');
      });
    },
    saveState(name, value) {
      fileCommand('GITHUB_STATE', name, value, () => {
        throw new Error('GITHUB_STATE is not set: this runner is too old for file commands');
      });
    },
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

/** `name<<DELIM\nvalue\nDELIM\n`, with a random delimiter that provably occurs in neither name nor value. */
export function keyValueMessage(name: string, value: string): string {
  const delimiter = `ghadelimiter_${randomBytes(16).toString('hex')}`;
  if (name.includes(delimiter) || value.includes(delimiter)) {
    throw new Error('unexpected: the random delimiter occurs in the value; try again');
  }
  if (/[\r\n]/.test(name)) throw new Error(`a name for the runner's files cannot contain a line break: ${JSON.stringify(name)}`);
  return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
}

/** Workflow command data: the runner reads %25, %0D and %0A back as %, CR and LF. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function unescapeData(s: string): string {
  return s.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%');
}
