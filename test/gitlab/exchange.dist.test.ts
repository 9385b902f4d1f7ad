// The component's job against the real broker on loopback, run as a GitLab runner would (harness part
// three): under dash, busybox sh and bash, with curl only and with wget only. Values arrive byte-exact in
// the environment and in files, nothing is exported when a name is refused, debug trace is refused, and no
// value appears in any job log.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { AUDIENCE, startTestBed, type TestBed } from '../helpers/broker.js';
import { componentTemplatePath, loadHiddenJob, runGitLabJob, type GitLabJobOptions, type GitLabJobResult } from '../../src/harness/gitlab/job.js';
import { NAMES, SHELLS, VALUES, dumpScript, leaked, toolPath } from './job-env.js';

let bed: TestBed;
const paths: Record<string, ReturnType<typeof toolPath>> = {};

beforeAll(async () => {
  const env: NodeJS.ProcessEnv = {};
  const secrets: Record<string, unknown> = { LD_PRELOAD: { value: 'deny-listed-value-2f9c' } };
  for (const [n, v] of Object.entries(VALUES)) {
    env[`V_${n}`] = v;
    secrets[n] = { env: `V_${n}` };
  }
  bed = await startTestBed({
    servesReservedNames: true, // PATH and LD_PRELOAD, to show the script refuses them
    env,
    config: () => ({
      secrets,
      policies: [
        { name: 'gitlab-api', issuer: 'gitlab', claims: { project_path: 'acme/platform/api' }, secrets: NAMES },
        { name: 'gitlab-evil', issuer: 'gitlab', claims: { project_path: 'acme/evil/api' }, secrets: ['SPACES', 'LD_PRELOAD'] },
      ],
    }),
  });
  paths.curl = toolPath(['curl']);
  paths.wget = toolPath(['wget']);
  paths.busybox = toolPath(['busybox-wget']);
  paths.none = toolPath([]);
});

afterAll(async () => {
  await bed.close();
  for (const p of Object.values(paths)) p.remove();
});

const jobs: GitLabJobResult[] = [];
afterEach(async () => {
  // Nothing any job printed, in any test, holds a value (proxy_exec's own test checks its log itself).
  for (const j of jobs.splice(0)) {
    expect(leaked(j.log, [...Object.values(VALUES), 'deny-listed-value-2f9c'])).toEqual([]);
    await j.cleanup();
  }
  expect(leaked(bed.log.join(''))).toEqual([]);
});

async function job(opts: Partial<GitLabJobOptions> & { inputs?: GitLabJobOptions['inputs'] }, keep = true): Promise<GitLabJobResult> {
  const result = await runGitLabJob({
    issuer: bed.gitlab,
    path: paths.curl!.path,
    shell: ['/bin/dash'],
    script: [],
    ...opts,
    inputs: { broker_url: bed.url, audience: AUDIENCE, timeout_seconds: 10, ...(opts.inputs?.secrets ? {} : { export_all: true }), ...(opts.inputs ?? {}) },
  });
  if (keep) jobs.push(result);
  return result;
}

async function bytes(dir: string, file: string): Promise<Buffer> {
  return readFile(join(dir, file));
}

function exchanges(): number {
  return bed.log.filter((l) => l.includes('"event":"exchange"')).length;
}

describe.each(SHELLS)('under %s', (_label, shell) => {
  it.each(['curl', 'wget'])('with %s only, every value arrives byte-exact in the environment and in 0600 files', async (client) => {
    const r = await job({ shell, path: paths[client]!.path, inputs: { export: 'both' }, script: dumpScript(NAMES) });
    expect(r.exitCode).toBe(0);
    for (const n of NAMES) {
      const want = Buffer.from(VALUES[n]!, 'utf8');
      expect((await bytes(r.projectDir, `env-${n}`)).equals(want)).toBe(true);
      expect((await bytes(r.projectDir, `file-${n}`)).equals(want)).toBe(true);
      expect((await readFile(join(r.projectDir, `mode-${n}`), 'utf8')).trim()).toBe('600');
    }
    expect((await readFile(join(r.projectDir, 'mode-dir'), 'utf8')).trim()).toBe('700');
    expect(r.scriptLog).toContain(`exported ${NAMES.length} secret(s) as variables and files`);
    // after_script ran in its own shell and left nothing behind: the private directory was in CI_BUILDS_DIR.
    expect(r.afterExitCode).toBe(0);
    expect(r.afterLog).toContain("removed the secrets' files");
    expect(await readdir(r.buildsDir)).toEqual(['acme']);
    expect(await readdir(r.tmpDir)).toEqual([]);
  });
});

describe('export modes and names', () => {
  it('file mode puts only the path in NAME_FILE, never the value in the environment', async () => {
    const r = await job({
      inputs: { export: 'file', secrets: 'NEWLINES\nBIG' },
      script: [...dumpScript(['NEWLINES', 'BIG'], { files: true }), 'if [ -n "${NEWLINES+set}${BIG+set}" ]; then echo "value in env"; exit 9; fi'],
    });
    expect(r.exitCode).toBe(0);
    expect((await bytes(r.projectDir, 'file-BIG')).equals(Buffer.from(VALUES.BIG!))).toBe(true);
    expect(r.scriptLog).toContain('their paths are in: NEWLINES_FILE BIG_FILE');
  });

  it('a custom token_variable and job_name: the id token lands where the exchange reads it', async () => {
    const r = await job({ inputs: { token_variable: 'MY_ID_TOKEN', job_name: 'secrets', secrets: 'SPACES' }, script: ['test -n "$MY_ID_TOKEN"', 'test -z "${OIDC_EXCHANGE_ID_TOKEN:-}"'] });
    expect(r.exitCode).toBe(0);
    expect(r.scriptLog).toContain('exported 1 secret(s) as variables: SPACES');
  });

  it('asks only for the listed secrets and renames with NAME | ENV_NAME', async () => {
    const r = await job({
      inputs: { secrets: 'QUOTES | MY_QUOTES\n  # a comment\n\nDOLLAR\n' },
      script: ['printf %s "$MY_QUOTES" > "$CI_PROJECT_DIR/q"', 'printf %s "$DOLLAR" > "$CI_PROJECT_DIR/d"', 'if [ -n "${QUOTES+set}${SPACES+set}" ]; then exit 9; fi'],
    });
    expect(r.exitCode).toBe(0);
    expect(await readFile(join(r.projectDir, 'q'), 'utf8')).toBe(VALUES.QUOTES);
    expect(await readFile(join(r.projectDir, 'd'), 'utf8')).toBe(VALUES.DOLLAR);
    expect(r.scriptLog).toContain('exported 2 secret(s) as variables: MY_QUOTES DOLLAR');
  });

  it.each([
    ['PATH', 'PATH is refused: the name is reserved because the shell reads it'],
    ['SPACES | LD_PRELOAD', 'LD_PRELOAD is refused: the name is reserved because the dynamic loader'],
    ['SPACES | CI_JOB_TOKEN', 'CI_JOB_TOKEN is refused: the name is reserved because the CI runner'],
    ['SPACES | BASH_ENV', 'BASH_ENV is refused'],
    ['SPACES | node_options', 'node_options is refused'],
    ['SPACES | GITHUB_TOKEN', 'GITHUB_TOKEN is refused'],
    ['SPACES | NODE_TLS_REJECT_UNAUTHORIZED', 'NODE_TLS_REJECT_UNAUTHORIZED is refused'],
    ['SPACES | 1ABC', 'is not a valid variable name'],
    ['SPACES | A-B', 'is not a valid variable name'],
    ['SPACES\nQUOTES | SPACES', 'more than one secret would be exported as SPACES'],
  ])('refuses the secrets line %j before asking the broker', async (secrets, message) => {
    const before = exchanges();
    const r = await job({ inputs: { secrets }, script: ['echo "script ran"'] });
    expect(r.exitCode).not.toBe(0);
    expect(r.scriptLog).toContain(message);
    expect(r.scriptLog).not.toContain('script ran');
    expect(exchanges()).toBe(before);
  });

  it('a deny-listed broker name can be renamed to a safe one', async () => {
    const r = await job({ job: { project_path: 'acme/evil/api' }, inputs: { secrets: 'LD_PRELOAD | PRELOAD_VALUE' }, script: ['test -n "$PRELOAD_VALUE"', 'test -z "${LD_PRELOAD:-}"'] });
    expect(r.scriptLog).toContain('exported 1 secret(s) as variables: PRELOAD_VALUE');
    expect(r.exitCode).toBe(0);
  });

  it('exports nothing when the broker returns a deny-listed name', async () => {
    const r = await job({ job: { project_path: 'acme/evil/api' }, script: ['echo "script ran"'] });
    expect(r.exitCode).not.toBe(0);
    expect(r.scriptLog).toContain('LD_PRELOAD is refused');
    expect(r.scriptLog).not.toContain('exported');
    expect(r.scriptLog).not.toContain('script ran');
  });
});

describe('a job shell with set -u and set -f', () => {
  it.each(SHELLS)('under %s: exchange, export, redaction and cleanup never touch an unset variable or rely on globbing', async (_l, shell) => {
    const { job: hidden } = await loadHiddenJob(componentTemplatePath(), { broker_url: bed.url, audience: AUDIENCE, export: 'both' });
    const r = await job({
      shell,
      inputs: { export: 'both', secrets: 'SPACES\nNEWLINES | LINES' },
      beforeScript: ['set -u -f', ...(hidden.before_script as string[])],
      afterScript: ['set -u -f', ...(hidden.after_script as string[])],
      script: ['oidc_exchange_redact sh -c \'echo "v=$SPACES"\'', 'test -s "$LINES_FILE"'],
    });
    expect(r.exitCode).toBe(0);
    expect(r.scriptLog).toContain('v=[MASKED]');
    expect(r.afterLog).toContain("removed the secrets' files");
    expect(r.afterLog).not.toContain('parameter not set');
    expect(await readdir(r.buildsDir)).toEqual(['acme']);
  });
});

describe('debug trace', () => {
  it.each(['CI_DEBUG_TRACE', 'CI_DEBUG_SERVICES'])('refuses to run while %s is on', async (variable) => {
    const before = exchanges();
    const r = await job({ variables: { [variable]: 'true' }, script: ['echo "script ran"'] });
    expect(r.exitCode).not.toBe(0);
    expect(r.scriptLog).toContain('CI_DEBUG_TRACE or CI_DEBUG_SERVICES is on');
    expect(r.scriptLog).toContain('allow_debug_trace');
    expect(r.scriptLog).not.toContain('script ran');
    expect(exchanges()).toBe(before);
  });

  it('with allow_debug_trace it runs, and its own steps are not traced', async () => {
    const r = await job({
      shell: ['/bin/bash'],
      variables: { CI_DEBUG_TRACE: 'true' },
      inputs: { allow_debug_trace: true, export: 'both' },
      script: ['test -s "$BIG_FILE"'],
    });
    expect(r.exitCode).toBe(0);
    expect(r.scriptLog).toContain('+ oidc_exchange_main'); // the runner's trace was on
    expect(r.scriptLog).toContain('debug trace is on and allow_debug_trace is true');
    expect(r.scriptLog).not.toContain('_oe_export_value');
  });
});

describe('oidc_exchange_redact', () => {
  it.each(SHELLS)('under %s hides every value, multi-line ones too, in stdout and stderr, and keeps the exit status', async (_l, shell) => {
    const printAll = NAMES.map((n) => `printf "%s\\n" "$${n}"; printf "%s\\n" "$${n}" >&2`).join('; ');
    const r = await job({
      shell,
      script: [`oidc_exchange_redact sh -c '${printAll}; echo visible-marker; exit 7' || echo "status=$?"`, 'oidc_exchange_redact true && echo "true kept 0"'],
    });
    expect(r.exitCode).toBe(0);
    expect(r.scriptLog).toContain('status=7');
    expect(r.scriptLog).toContain('true kept 0');
    expect(r.scriptLog).toContain('visible-marker');
    expect(r.scriptLog.split('[MASKED]').length).toBeGreaterThan(2 * NAMES.length);
  });
});

describe('failures say what to fix', () => {
  it('401: the broker error code and the token claims, never the token', async () => {
    const token = await bed.gitlab.mint(bed.gitlab.claimsFor(), { audience: 'https://someone-else.example' });
    const r = await job({ token, script: ['echo "script ran"'] });
    expect(r.exitCode).not.toBe(0);
    expect(r.scriptLog).toContain('answered 401 audience_mismatch');
    expect(r.scriptLog).toContain('aud: "https://someone-else.example"');
    expect(r.scriptLog).toContain('project_path: "acme/platform/api"');
    expect(r.scriptLog).not.toContain(token.split('.')[2]!);
    expect(r.afterLog).toContain('nothing to clean up'); // the failed exchange removed its own files
    expect(await readdir(r.buildsDir)).toEqual(['acme']);
  });

  it('403: no policy for this project', async () => {
    const r = await job({ job: { project_path: 'other/group/app' }, script: ['echo "script ran"'] });
    expect(r.exitCode).not.toBe(0);
    expect(r.scriptLog).toContain('answered 403 no_policy_matched');
    expect(r.scriptLog).toContain('project_path: "other/group/app"');
  });

  it('a job without the id token variable', async () => {
    const r = await job({ token: '', script: [] });
    expect(r.scriptLog).toContain('$OIDC_EXCHANGE_ID_TOKEN is empty');
    expect(r.exitCode).not.toBe(0);
  });

  it('plain http to a non-loopback broker', async () => {
    const r = await job({ inputs: { broker_url: 'http://broker.example.com' }, script: [] });
    expect(r.scriptLog).toContain('is plain http');
    expect(r.exitCode).not.toBe(0);
  });

  it('an image with only BusyBox wget, or no client at all', async () => {
    const bb = await job({ path: paths.busybox!.path, script: [] });
    expect(bb.scriptLog).toContain('found only BusyBox wget');
    expect(bb.exitCode).not.toBe(0);
    const none = await job({ path: paths.none!.path, script: [] });
    expect(none.scriptLog).toContain('needs curl or GNU wget');
    expect(none.exitCode).not.toBe(0);
  });

  it('an unreachable broker: retried until the deadline, then a clear error', async () => {
    const started = Date.now();
    const r = await job({ inputs: { broker_url: 'http://127.0.0.1:9', timeout_seconds: 3 }, script: [] });
    expect(r.exitCode).not.toBe(0);
    expect(r.scriptLog).toContain('retrying in 1s');
    expect(r.scriptLog).toMatch(/failed after \d attempt\(s\) within timeout_seconds \(3 s\)/);
    expect(Date.now() - started).toBeLessThan(8000);
  });
});
