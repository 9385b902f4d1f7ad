// Runs the `oidc-exchange` CLI as a real process and captures what it printed, for tests about process
// behaviour (signals, exit codes of the real process, pipes). runCli/startCli run the sources (src/cli/main.ts
// through the tsx loader, no build needed); runBundledCli/startBundledCli run the bundle in dist/ (the dist
// tier, `*.dist.test.ts`). Tests about what a command prints call it in process instead (./command.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The bundled CLI, dist/cli.js. */
export const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
export const BUNDLED_CLI = CLI;
/** The CLI's sources: run with SOURCE_CLI_ARGS. */
export const SOURCE_CLI = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
/** The node arguments that run the sources (`tsx` resolves from the working directory: the repository's root). */
export const SOURCE_CLI_ARGS = ['--import', 'tsx', SOURCE_CLI];
/** The same as one line for `sh -c`. */
export const SOURCE_CLI_COMMAND = `"${process.execPath}" --import tsx "${SOURCE_CLI}"`;

export interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

interface RunOptions {
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  /** The Node binary to run it with (default: the one running the tests). */
  node?: string;
}

/**
 * The environment for a source run: tsx keeps a compile cache under the temporary directory, so a test that
 * gives the CLI a TMPDIR of its own (to see what the command leaves there) gets no cache files in it.
 */
function sourceEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return env.TMPDIR === undefined ? env : { ...env, TSX_DISABLE_CACHE: '1' };
}

function run(argv: string[], opts: RunOptions, env: NodeJS.ProcessEnv): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(opts.node ?? process.execPath, argv, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** The CLI from its sources. */
export function runCli(args: string[], opts: RunOptions = {}): Promise<Ran> {
  return run([...SOURCE_CLI_ARGS, ...args], opts, sourceEnv(opts.env ?? { PATH: process.env.PATH }));
}

/** The bundled CLI (dist/cli.js): for the dist tier. */
export function runBundledCli(args: string[], opts: RunOptions = {}): Promise<Ran> {
  return run([CLI, ...args], opts, opts.env ?? { PATH: process.env.PATH });
}

export interface Running {
  child: ChildProcess;
  output(): string;
  /** Resolves with the first stdout line that matches (default wait: 15 s for the bundle, 30 s for the sources). */
  waitFor(re: RegExp, timeoutMs?: number): Promise<string>;
  exited: Promise<number | null>;
}

function start(argv: string[], env: NodeJS.ProcessEnv, defaultWaitMs: number): Running {
  const child = spawn(process.execPath, argv, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const waiters: Array<{ re: RegExp; resolve: (l: string) => void }> = [];
  const onData = (d: Buffer) => {
    out += d.toString();
    for (const w of [...waiters]) {
      const line = out.split('\n').find((l) => w.re.test(l));
      if (line) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return {
    child,
    output: () => out,
    exited,
    waitFor(re, timeoutMs = defaultWaitMs) {
      const line = out.split('\n').find((l) => re.test(l));
      if (line) return Promise.resolve(line);
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`timed out waiting for ${re} in:\n${out}`)), timeoutMs);
        waiters.push({ re, resolve: (l) => { clearTimeout(t); resolve(l); } });
      });
    },
  };
}

/** The CLI from its sources, left running. */
export function startCli(args: string[], env: NodeJS.ProcessEnv = { PATH: process.env.PATH }): Running {
  // The sources start slower than the bundle: the loader compiles (or reads its cache for) every module.
  return start([...SOURCE_CLI_ARGS, ...args], sourceEnv(env), 30_000);
}

/** The bundled CLI (dist/cli.js), left running: for the dist tier. */
export function startBundledCli(args: string[], env: NodeJS.ProcessEnv = { PATH: process.env.PATH }): Running {
  return start([CLI, ...args], env, 15_000);
}
