// Through the CLI's commands, in process: `oidc-exchange gitlab-job` runs the component's job against a
// broker with a token minted by the fake GitLab issuer. test/cli/commands.dist.test.ts runs gitlab-job from the
// bundle, and the demo (which includes the GitLab jobs) from the bundle.
import { AUDIENCE, startTestBed, type TestBed } from '../helpers/broker.js';
import { callCli } from '../helpers/command.js';
import { leaked } from './job-env.js';

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
  const r = await callCli(args);
  return { code: r.code, out: r.stdout + r.stderr };
}

it('gitlab-job runs the component job and returns its exit status', async () => {
  const base = ['gitlab-job', '--input', `broker_url=${bed.url}`, '--input', `audience=${AUDIENCE}`, '--input', 'secrets=API_TOKEN', '--issuer-url', bed.gitlab.url, '--shell', '/bin/dash'];
  const ok = await cliRun([...base, '--script', 'oidc_exchange_redact sh -c "echo token=\\$API_TOKEN"']);
  expect(ok.out).toContain('token=[MASKED]');
  expect(ok.out).toContain('Job succeeded');
  expect(ok.code).toBe(0);
  const refused = await cliRun([...base, '--set', 'ref=feature/x']);
  expect(refused.out).toContain('answered 403 no_policy_matched');
  expect(refused.code).not.toBe(0);
  expect(leaked(ok.out + refused.out, [VALUE])).toEqual([]);
});
