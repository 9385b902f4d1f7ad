// End to end through the bundled CLI (dist/): `oidc-exchange gitlab-job` runs the component's job against
// a broker with a token minted by the fake GitLab issuer, and `oidc-exchange demo` includes the GitLab jobs.
import { execFile } from 'node:child_process';
import { join, dirname } from 'node:path';
import { promisify } from 'node:util';
import { AUDIENCE, startTestBed, type TestBed } from '../helpers/broker.js';
import { leaked } from './job-env.js';
import { fileURLToPath } from 'node:url';

const run = promisify(execFile);
const cli = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'cli.js');
const VALUE = 'cli-job-secret "value" $x 7d1e';
let bed: TestBed;

beforeAll(async () => {
  bed = await startTestBed({
    env: { V: VALUE },
    config: () => ({
      secrets: { API_TOKEN: { env: 'V' } },
      policies: [{ name: 'api', issuer: 'gitlab', claims: { project_path: 'acme/platform/api', ref: 'main' }, secrets: ['API_TOKEN'] }],
    }),
  });
});
afterAll(() => bed.close());

async function cliRun(args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, ...args], { timeout: 30_000 });
    return { code: 0, out: stdout + stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: err.code ?? 1, out: (err.stdout ?? '') + (err.stderr ?? '') };
  }
}

it('gitlab-job runs the component job and returns its exit status', async () => {
  const base = ['gitlab-job', '--input', `broker_url=${bed.url}`, '--input', `audience=${AUDIENCE}`, '--issuer-url', bed.gitlab.url, '--shell', '/bin/dash'];
  const ok = await cliRun([...base, '--script', 'oidc_exchange_redact sh -c "echo token=\\$API_TOKEN"']);
  expect(ok.out).toContain('token=[MASKED]');
  expect(ok.out).toContain('Job succeeded');
  expect(ok.code).toBe(0);
  const refused = await cliRun([...base, '--set', 'ref=feature/x']);
  expect(refused.out).toContain('answered 403 no_policy_matched');
  expect(refused.code).not.toBe(0);
  expect(leaked(ok.out + refused.out, [VALUE])).toEqual([]);
});

it('npm run demo includes the GitLab component jobs and passes', async () => {
  const { code, out } = await cliRun(['demo']);
  expect(out).toContain('✓ GitLab job extending the CI/CD component');
  expect(out).toContain('✓ GitLab job with CI_DEBUG_TRACE on is refused');
  expect(code).toBe(0);
});
