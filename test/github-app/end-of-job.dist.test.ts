// The end of a job takes back the GitHub token it received: after the GitLab component's after_script (and,
// in the action's tests, after its post step) the token is dead at the fake GitHub, without the job's OIDC
// token being needed again.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runGitLabJob } from '../../src/harness/gitlab/job.js';
import { startFakeRunner, type FakeRunner } from '../../src/harness/fakes/runner.js';
import { assertBuilt, DIST, RUNTIMES } from '../helpers/action.js';
import { AUDIENCE } from '../helpers/broker.js';
import { toolPath } from '../gitlab/job-env.js';
import { reach, startGitHubBed, type GitHubBed } from './bed.js';

// A GitLab and a GitHub job that may each get GH_TOKEN.
const RELEASE_POLICIES = {
  policies: [
    { name: 'gitlab-release', issuer: 'gitlab', claims: { project_path: 'acme/platform/api', ref_protected: 'true' }, secrets: ['GH_TOKEN'] },
    { name: 'github-release', issuer: 'github', claims: { repository: 'octo-org/octo-repo', ref: 'refs/heads/main' }, secrets: ['GH_TOKEN', 'DB_PASSWORD'] },
  ],
};

let bed: GitHubBed;
let path: ReturnType<typeof toolPath>;
let runner: FakeRunner;

beforeAll(async () => {
  bed = await startGitHubBed({ extra: RELEASE_POLICIES });
  path = toolPath(['curl']);
  assertBuilt();
  runner = await startFakeRunner({
    distDir: DIST,
    mint: (audience) => bed.github.mint(bed.github.claimsFor({ environment: 'production' }), { audience }),
  });
});

afterAll(async () => {
  await runner.close();
  path.remove();
  await bed.close();
});

describe('GitLab component', () => {
  it('after_script revokes the GitHub token the job received', async () => {
    const job = await runGitLabJob({
      issuer: bed.gitlab,
      job: { ref: 'main', ref_protected: true },
      path: path.path,
      shell: ['/bin/dash'],
      inputs: { broker_url: bed.url, audience: AUDIENCE, secrets: 'GH_TOKEN', timeout_seconds: 10 },
      // The job uses its token, and leaves a copy where the test can find it afterwards.
      script: ['printf %s "$GH_TOKEN" > "$CI_PROJECT_DIR/token"', 'curl -fsS -o /dev/null -H "Authorization: Bearer $GH_TOKEN" "$GITHUB_API/installation/repositories"'],
      variables: { GITHUB_API: bed.api.url },
    });
    try {
      expect({ exit: job.exitCode, after: job.afterExitCode }).toEqual({ exit: 0, after: 0 });
      const token = await readFile(join(job.projectDir, 'token'), 'utf8');
      expect(token).toMatch(/^ghs_/);
      // It worked during the job (the script's curl -f succeeded) and reached what the policy granted ...
      expect(bed.api.requests.filter((r) => r.method === 'GET' && r.path === '/installation/repositories').length).toBeGreaterThanOrEqual(1);
      // ... and is dead now.
      const after = await reach(bed.api, token);
      expect(after.status).toBe(401);
      expect(bed.api.requests.filter((r) => r.method === 'DELETE' && r.path === '/installation/token')).toHaveLength(1);
      expect(job.log.includes(token)).toBe(false);
    } finally {
      await job.cleanup();
    }
  });
});

describe.each(RUNTIMES)('GitHub Action on %s', (_label, node) => {
  it('the post step revokes the GitHub token the main step exported, without a new OIDC token', async () => {
    let token = '';
    let aliveDuringJob = 0;
    let tokenRequestsAfterMain = -1;
    const deletesBefore = bed.api.requests.filter((r) => r.method === 'DELETE').length;
    const job = await runner.runJob({
      node,
      inputs: { 'broker-url': bed.url, audience: AUDIENCE, secrets: 'GH_TOKEN' },
      // The job's GitHub API, where the post step may revoke (the runner sets it; here, the fake GitHub).
      env: { GITHUB_API_URL: bed.api.url },
      betweenSteps: async (main) => {
        token = main.env.GH_TOKEN ?? '';
        aliveDuringJob = (await reach(bed.api, token)).status;
        tokenRequestsAfterMain = runner.tokenRequests.length;
      },
    });
    expect(job.main.exitCode).toBe(0);
    expect(token).toMatch(/^ghs_/);
    expect(aliveDuringJob).toBe(200);
    expect(job.post?.exitCode).toBe(0);
    expect((await reach(bed.api, token)).status).toBe(401);
    expect(bed.api.requests.filter((r) => r.method === 'DELETE').length - deletesBefore).toBe(1);
    // The post step asked the runner for no OIDC token.
    expect(tokenRequestsAfterMain).toBeGreaterThanOrEqual(1);
    expect(runner.tokenRequests.length).toBe(tokenRequestsAfterMain);
    // The runner's masked log never shows it, and nothing printed it before it was registered as a mask.
    // (Booleans, so a failure cannot print the token.)
    expect((job.main.log + (job.post?.log ?? '')).includes(token)).toBe(false);
    expect(job.main.printedBeforeMask.length + (job.post?.printedBeforeMask.length ?? 0)).toBe(0);
  });
});

describe('A job that ends before GitHub knows its token', () => {
  // GitHub's API servers learn of a token seconds after it is minted and answer 401 to it until then: a post step
  // that took that 401 for "already revoked" would leave the token alive for an hour.
  let lagging: GitHubBed;
  let lagRunner: FakeRunner;
  // The fake GitHub's clock: set back between the steps to just after the token was minted, so the post step
  // meets the lag however long the main step took on a loaded machine.
  let offset = 0;
  beforeAll(async () => {
    lagging = await startGitHubBed({ api: { replicationLagMs: 5000, now: () => Date.now() + offset }, extra: RELEASE_POLICIES });
    lagRunner = await startFakeRunner({
      distDir: DIST,
      mint: (audience) => lagging.github.mint(lagging.github.claimsFor({ environment: 'production' }), { audience }),
    });
  });
  afterAll(async () => {
    await lagRunner.close();
    await lagging.close();
  });

  it("the component's after_script asks again until GitHub knows the token, then revokes it", async () => {
    const before = lagging.api.requests.length;
    const job = await runGitLabJob({
      issuer: lagging.gitlab,
      job: { ref: 'main', ref_protected: true },
      path: path.path,
      shell: ['/bin/dash'],
      inputs: { broker_url: lagging.url, audience: AUDIENCE, secrets: 'GH_TOKEN', timeout_seconds: 10 },
      script: ['printf %s "$GH_TOKEN" > "$CI_PROJECT_DIR/token"'],
    });
    try {
      expect({ exit: job.exitCode, after: job.afterExitCode }).toEqual({ exit: 0, after: 0 });
      const token = await readFile(join(job.projectDir, 'token'), 'utf8');
      const deletes = lagging.api.requests.slice(before).filter((r) => r.method === 'DELETE' && r.path === '/installation/token');
      expect(deletes[0]!.status).toBe(401);
      expect(deletes.at(-1)!.status).toBe(204);
      expect(lagging.api.isAlive(token)).toBe(false);
      expect(job.log).toContain('GitHub does not know GH_TOKEN yet (HTTP 401, minted seconds ago); asking again in 1 s');
      expect(job.log).toContain('revoked GH_TOKEN');
      expect(job.log).not.toContain('already revoked');
      expect(job.log.includes(token)).toBe(false);
    } finally {
      await job.cleanup();
    }
  });

  it('the post step asks again until GitHub knows the token, then revokes it', async () => {
    let token = '';
    const job = await lagRunner.runJob({
      node: RUNTIMES[0]![1],
      inputs: { 'broker-url': lagging.url, audience: AUDIENCE, secrets: 'GH_TOKEN' },
      env: { GITHUB_API_URL: lagging.api.url },
      betweenSteps: async (main) => {
        token = main.env.GH_TOKEN ?? '';
        offset = lagging.api.token(token)!.issuedAt.getTime() + 100 - Date.now();
      },
    });
    offset = 0;
    expect(job.main.exitCode).toBe(0);
    expect(job.post?.exitCode).toBe(0);
    const deletes = lagging.api.requests.filter((r) => r.method === 'DELETE' && r.path === '/installation/token');
    expect(deletes[0]!.status).toBe(401);
    expect(deletes.at(-1)!.status).toBe(204);
    expect(lagging.api.isAlive(token)).toBe(false);
    expect(job.post!.log).toMatch(/GitHub does not know GH_TOKEN yet \(HTTP 401, minted seconds ago\); asking again in 1 s/);
    expect(job.post!.log).toMatch(/revoked GH_TOKEN/);
    expect(job.post!.log).not.toMatch(/already expired/);
    expect(job.post!.warnings).toEqual([]);
    expect((job.main.log + job.post!.log).includes(token)).toBe(false);
  });
});
