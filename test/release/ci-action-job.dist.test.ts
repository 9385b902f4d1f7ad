// The `action` job of .github/workflows/ci.yml, run here as far as it can be: only GitHub's runners have a
// real OIDC token and Windows and macOS, but the job's own scripts and local action run here as printed, with
// three substitutions: the fake GitHub issuer for token.actions.githubusercontent.com, and two free loopback
// ports for 8787 and 8788 (other tests run beside this one). So:
//  - the step that starts the broker (its configuration, the stand-in GitHub App API on the broker's origin)
//    leaves a broker that trusts a token with the workflow's repository IDs and run, and nothing else;
//  - the action (uses: ./), with the step's `with:`, gets the values, and "the values arrived" step accepts them;
//  - the post step of ./.github/ci/after-cleanup (after ours) passes when our post step removed the secret file
//    and revoked the GitHub token, and fails, saying so, when the token was left alive (revoke: false).
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { execFile, spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { startFakeIssuer, type FakeIssuer } from '../../src/harness/fakes/issuer.js';
import { processLog, startFakeRunner, type FakeRunner, type StepResult } from '../../src/harness/fakes/runner.js';
import { NODE24, ROOT, assertBuilt } from '../helpers/action.js';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}
const job = (parse(readFileSync(join(ROOT, '.github', 'workflows', 'ci.yml'), 'utf8')) as { jobs: { action: { env: Record<string, string>; steps: Step[] } } }).jobs.action;
const step = (pred: (s: Step) => boolean) => {
  const s = job.steps.find(pred);
  if (!s) throw new Error('ci.yml: a step of the action job is missing');
  return s;
};
const startStep = step((s) => !!s.name?.startsWith('start a broker'));
const sentinelStep = step((s) => s.uses === './.github/ci/after-cleanup');
const exchangeStep = step((s) => s.uses === './');
const arrivedStep = step((s) => s.name === 'the values arrived');

const IDS = { REPOSITORY_ID: '880011', REPOSITORY_OWNER_ID: '770022', RUN_ID: '9100200300' };

function freePort(): Promise<number> {
  return new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

function bash(script: string, env: NodeJS.ProcessEnv, opts: { detached?: boolean } = {}): Promise<{ code: number; output: string; pid?: number }> {
  // As GitHub runs a `shell: bash` step.
  return new Promise((ok) => {
    const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], { cwd: ROOT, env, detached: opts.detached, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('close', (code) => ok({ code: code ?? 1, output, pid: child.pid }));
  });
}

let github: FakeIssuer;
let runner: FakeRunner;
let temp: string;
let brokerUrl: string;
let group: number | undefined;
let sub: (s: string) => string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  assertBuilt();
  github = await startFakeIssuer({ kind: 'github' });
  const [front, broker] = [await freePort(), await freePort()];
  sub = (s) => s.replaceAll('8787', String(front)).replaceAll('8788', String(broker)).replaceAll('https://token.actions.githubusercontent.com', github.url);
  brokerUrl = sub(job.env.BROKER_URL!);
  temp = mkdtempSync(join(tmpdir(), 'ci-action-job-'));
  // `npm link` in the job puts the CLI on PATH: here a shim runs package.json's bin.
  const bin = join(temp, 'bin');
  const cli = resolve(ROOT, (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin['oidc-exchange']!);
  mkdirSync(bin);
  writeFileSync(join(bin, 'oidc-exchange'), `#!/bin/sh\nexec node ${JSON.stringify(cli)} "$@"\n`);
  chmodSync(join(bin, 'oidc-exchange'), 0o755);
  env = { PATH: `${bin}:${process.env.PATH}`, HOME: temp, RUNNER_TEMP: join(temp, 'runner-temp'), BROKER_URL: brokerUrl };
  mkdirSync(env.RUNNER_TEMP!);
  const started = await bash(sub(startStep.run!), { ...env, ...IDS }, { detached: true });
  group = started.pid;
  // On failure the step's output is shown as the runner would show it: the values it registered with
  // ::add-mask:: (the generated secrets) are masked, so a failing run prints none of them.
  expect({ code: started.code, output: started.code ? processLog(started.output, '').log : '' }).toEqual({ code: 0, output: '' });
  runner = await startFakeRunner({
    actionDir: ROOT,
    runtimes: { node24: NODE24 },
    mint: (audience) => github.mint({ ...github.claimsFor(), repository_id: IDS.REPOSITORY_ID, repository_owner_id: IDS.REPOSITORY_OWNER_ID, run_id: IDS.RUN_ID }, { audience }),
  });
}, 60_000);

afterAll(async () => {
  if (group) {
    try {
      process.kill(-group, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  await runner?.close();
  await github?.close();
  rmSync(temp, { recursive: true, force: true });
});

/** The inputs of the step as the runner evaluates `${{ env.BROKER_URL }}`. */
function inputs(extra: Record<string, string> = {}): Record<string, string> {
  return { ...Object.fromEntries(Object.entries(exchangeStep.with ?? {}).map(([k, v]) => [k, String(v).replaceAll('${{ env.BROKER_URL }}', brokerUrl)])), ...extra };
}

/** The after-cleanup action's post step, with its `with:` and the job's environment after our step. */
function sentinelPost(jobEnv: Record<string, string>): Promise<{ code: number; output: string }> {
  const given = Object.fromEntries(Object.entries(sentinelStep.with ?? {}).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, String(v).replaceAll('${{ env.BROKER_URL }}', brokerUrl)]));
  return new Promise((ok) =>
    execFile(NODE24, [join(ROOT, '.github', 'ci', 'after-cleanup', 'post.mjs')], { env: { ...env, ...jobEnv, ...given } }, (e, stdout, stderr) => ok({ code: e ? Number((e as { code?: number }).code ?? 1) : 0, output: stdout + stderr })),
  );
}

it('the job as printed: the values arrive, our post step cleans up, and the after-cleanup check sees it', async () => {
  let arrived: { code: number; output: string } | undefined;
  const result = await runner.runJob({
    inputs: inputs(),
    betweenSteps: async (main: StepResult) => {
      const names = main.outputs['secret-names'] ?? '';
      const { code, output } = await bash(arrivedStep.run!, { ...env, ...main.env, NAMES: names });
      arrived = { code, output };
    },
  });
  expect(result.main.errors).toEqual([]);
  expect(result.main.exitCode).toBe(0);
  expect(arrived).toEqual({ code: 0, output: 'received DB_PASSWORD,DEPLOY_KEY_PATH,GH_TOKEN\n' });
  expect(result.post?.exitCode).toBe(0);
  expect(result.post?.warnings).toEqual([]);
  const check = await sentinelPost(result.main.env);
  expect(check).toEqual({ code: 0, output: "oidc-exchange's post step removed the secret file and revoked 1 GitHub token(s)\n" });
}, 90_000);

it('the after-cleanup check fails the job when the post step left the GitHub token alive', async () => {
  const result = await runner.runJob({ inputs: inputs({ revoke: 'false' }) });
  expect(result.main.exitCode).toBe(0);
  const check = await sentinelPost(result.main.env);
  expect(check.code).toBe(1);
  expect(check.output).toContain('::error title=oidc-exchange cleanup::1 of 2 GitHub token(s) were not revoked by the post step');
}, 90_000);

it("the broker refuses a token of another repository: the policy is the workflow's own IDs and run", async () => {
  const runOther = await startFakeRunner({ actionDir: ROOT, runtimes: { node24: NODE24 }, mint: (audience) => github.mint({ ...github.claimsFor(), repository_id: '1', repository_owner_id: IDS.REPOSITORY_OWNER_ID, run_id: IDS.RUN_ID }, { audience }) });
  try {
    const result = await runOther.runJob({ inputs: inputs(), post: false });
    expect(result.main.exitCode).not.toBe(0);
    expect(result.main.errors.join('\n')).toMatch(/403|no policy|not allowed|denied/i);
  } finally {
    await runOther.close();
  }
}, 90_000);
