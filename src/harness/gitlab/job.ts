// Runs the GitLab component's job on this machine the way a GitLab runner with a shell executor would:
// the template's `spec: inputs` are checked and interpolated, the user's job extends the hidden job, the id
// token comes from the fake GitLab issuer, before_script and script run in one shell (so the exported
// variables reach the script) and after_script in another, with only the job's variables. Output is
// captured as the job log would show it. Tests, `npm run demo` and `oidc-exchange gitlab-job`
// (src/cli/commands/gitlab-job.ts) use this; gitlab-ci-local covers the same template from the outside.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GitLabJob } from '../../platform/samples.js';
import { componentTemplatePath, interpolate, parseComponent, resolveInputs, type InputValue } from './component.js';
import type { FakeIssuer } from '../fakes/issuer.js';

export {
  componentTemplatePath,
  GitLabConfigError,
  interpolate,
  parseComponent,
  resolveInputs,
  type Component,
  type InputSpec,
  type InputValue,
} from './component.js';

export interface GitLabJobOptions {
  /** Inputs as in `include: component: ... inputs:`. */
  inputs: Record<string, InputValue>;
  /** The user's job script lines. */
  script: string[];
  /** The fake GitLab issuer that signs the id token. */
  issuer?: FakeIssuer;
  /** Shapes the token's claims. */
  job?: Partial<GitLabJob>;
  /** Use this token instead of minting one. */
  token?: string;
  /** The shell command the runner uses, e.g. ['dash'], ['busybox', 'sh'], ['bash'] (default: /bin/sh); an absolute path, since PATH is the job's. */
  shell?: string[];
  /** PATH inside the job (default: this process's). */
  path?: string;
  /** Extra CI/CD variables (e.g. CI_DEBUG_TRACE). */
  variables?: Record<string, string>;
  /** Replace the hidden job's before_script / after_script, as a job that defines its own would. */
  beforeScript?: string[];
  afterScript?: string[];
  templatePath?: string;
  /** Kill the job after this long (default 60 s). */
  timeoutMs?: number;
  /** CI_JOB_ID (default: one unique to this process and job). */
  jobId?: string;
  /** Runs once the job's folders exist, before the job: to plant files a hostile neighbour might. */
  prepare?: (dirs: GitLabJobDirs) => Promise<void>;
}

export interface GitLabJobDirs {
  /** The job's HOME; everything else is below it. */
  root: string;
  /** CI_BUILDS_DIR. */
  buildsDir: string;
  /** CI_PROJECT_DIR. */
  projectDir: string;
  /** TMPDIR. */
  tmpDir: string;
  jobId: string;
}

export interface GitLabJobResult {
  /** before_script + script, as GitLab reports it (0: job succeeded). */
  exitCode: number;
  afterExitCode: number;
  /** The whole job log: script part, then after_script part. */
  log: string;
  scriptLog: string;
  afterLog: string;
  /** The job's build directory (CI_PROJECT_DIR): the script may leave files there for the test. */
  projectDir: string;
  /** CI_BUILDS_DIR, where the component keeps its private directory when it can. */
  buildsDir: string;
  /** The job's TMPDIR, to check nothing is left behind. */
  tmpDir: string;
  jobId: string;
  /** Remove the job's folders. */
  cleanup(): Promise<void>;
}

/** Interpolates the component with the inputs and returns the hidden job's definition. */
export async function loadHiddenJob(templatePath: string, inputs: Record<string, InputValue>): Promise<{ name: string; job: Record<string, unknown> }> {
  const component = parseComponent(await readFile(templatePath, 'utf8'));
  const resolved = resolveInputs(component.inputs, inputs);
  const body = interpolate(component.body, resolved) as Record<string, Record<string, unknown>>;
  const names = Object.keys(body).filter((k) => k.startsWith('.'));
  const global = Object.keys(body).filter((k) => !k.startsWith('.'));
  if (global.length) throw new Error(`the component defines visible jobs or global keywords (${global.join(', ')}); it should only define hidden jobs`);
  if (names.length !== 1) throw new Error(`expected one hidden job in the component, found ${names.length}`);
  return { name: names[0]!, job: body[names[0]!]! };
}

let jobCounter = 0;

export async function runGitLabJob(opts: GitLabJobOptions): Promise<GitLabJobResult> {
  const { job } = await loadHiddenJob(opts.templatePath ?? componentTemplatePath(), opts.inputs);
  const root = await mkdtemp(join(tmpdir(), 'oidc-exchange-gitlab-job-'));
  const buildsDir = join(root, 'builds');
  const projectDir = join(buildsDir, 'acme', 'platform', 'api');
  const tmpDir = join(root, 'tmp');
  await Promise.all([mkdirp(projectDir), mkdirp(tmpDir)]);
  const jobId = opts.jobId ?? String(7_000_000 + process.pid * 100 + (++jobCounter % 100));
  await opts.prepare?.({ root, buildsDir, projectDir, tmpDir, jobId });

  // 1. The job's variables: predefined ones, the id token (id_tokens), then the job's own `variables:`.
  const idTokens = (job.id_tokens ?? {}) as Record<string, { aud?: string | string[] }>;
  const env: Record<string, string> = {
    PATH: opts.path ?? process.env.PATH ?? '/usr/bin:/bin',
    HOME: root,
    TMPDIR: tmpDir,
    CI: 'true',
    GITLAB_CI: 'true',
    CI_JOB_ID: jobId,
    CI_JOB_NAME: 'deploy',
    CI_PROJECT_DIR: projectDir,
    CI_BUILDS_DIR: buildsDir,
    CI_PROJECT_PATH: opts.job?.project_path ?? 'acme/platform/api',
    CI_COMMIT_REF_NAME: opts.job?.ref ?? 'main',
    CI_SERVER_URL: opts.issuer?.url ?? 'https://gitlab.example.com',
  };
  for (const [name, spec] of Object.entries(idTokens)) {
    if (opts.token !== undefined) env[name] = opts.token;
    else if (opts.issuer) env[name] = await opts.issuer.mint(opts.issuer.claimsFor(opts.job ?? {}), { audience: spec.aud });
  }
  for (const [k, v] of Object.entries((job.variables ?? {}) as Record<string, unknown>)) env[k] = expandVariables(String(v ?? ''), env);
  for (const [k, v] of Object.entries(opts.variables ?? {})) env[k] = v;

  // 2. before_script + script in one shell, after_script in another: GitLab's split.
  const before = opts.beforeScript ?? ((job.before_script ?? []) as string[]);
  const after = opts.afterScript ?? ((job.after_script ?? []) as string[]);
  const trace = env.CI_DEBUG_TRACE === 'true';
  const shell = opts.shell ?? ['/bin/sh'];
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const main = await runScript(join(root, 'script.sh'), [...before, ...opts.script], { shell, env, cwd: projectDir, trace, errexit: true, timeoutMs });
  const afterRun = after.length
    ? await runScript(join(root, 'after_script.sh'), after, { shell, env, cwd: projectDir, trace, errexit: true, timeoutMs })
    : { code: 0, log: '' };
  const status = main.code === 0 ? 'Job succeeded' : `ERROR: Job failed: exit code ${main.code}`;
  const afterPart = after.length ? `Running after_script\n${afterRun.log}` : '';
  return {
    exitCode: main.code,
    afterExitCode: afterRun.code,
    scriptLog: main.log,
    afterLog: afterRun.log,
    log: `${main.log}${afterPart}${status}\n`,
    projectDir,
    buildsDir,
    tmpDir,
    jobId,
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}

/** $NAME and ${NAME} expansion as GitLab applies to `variables:` values. */
function expandVariables(value: string, env: Record<string, string>): string {
  return value.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/g, (_m, a?: string, b?: string) => env[(a ?? b)!] ?? '');
}

async function mkdirp(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
}

interface ScriptRun {
  shell: string[];
  env: Record<string, string>;
  cwd: string;
  trace: boolean;
  errexit: boolean;
  timeoutMs: number;
}

/**
 * Writes the commands as the runner does (each one announced with `$ ` and its first line, then run) and
 * runs the file with the shell, capturing stdout and stderr interleaved.
 */
async function runScript(file: string, commands: string[], run: ScriptRun): Promise<{ code: number; log: string }> {
  const lines: string[] = [];
  if (run.errexit) lines.push('if set -o 2>/dev/null | grep -q pipefail; then set -o pipefail; fi', 'set -e');
  if (run.trace) lines.push('set -x');
  for (const command of commands) {
    const first = command.split('\n')[0]!;
    const shown = command.includes('\n') ? `${first} # collapsed multi-line command` : first;
    lines.push(`printf '%s\\n' ${shellQuote(`$ ${shown}`)}`, command);
  }
  await writeFile(file, lines.join('\n') + '\n', { mode: 0o700 });
  return new Promise((resolve, reject) => {
    const child = spawn(run.shell[0]!, [...run.shell.slice(1), file], { cwd: run.cwd, env: run.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => chunks.push(c));
    const timer = setTimeout(() => child.kill('SIGKILL'), run.timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal ? 137 : 1), log: Buffer.concat(chunks).toString('utf8') });
    });
  });
}

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}
