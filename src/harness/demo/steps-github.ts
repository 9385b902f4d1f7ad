// The demo's GitHub Action steps: the bundled action (dist/index.js, dist/post.js) run through the fake
// runner against the demo broker, once as a job the policy accepts and once as one it refuses.
import { join } from 'node:path';
import type { DemoContext, DemoStep } from './context.js';
import { startFakeRunner, type JobResult } from '../fakes/runner.js';
import { actionRoot } from '../try-action.js';

async function runActionJob(ctx: DemoContext, job: Record<string, string>, secrets: string): Promise<JobResult> {
  const runner = await startFakeRunner({
    distDir: join(actionRoot(), 'dist'),
    mint: (audience) => ctx.github.mint(ctx.github.claimsFor(job), { audience }),
  });
  try {
    return await runner.runJob({ inputs: { 'broker-url': ctx.brokerUrl, audience: ctx.audience, secrets } });
  } finally {
    await runner.close();
  }
}

function check(cond: boolean, what: string): void {
  if (!cond) throw new Error(what);
}

function leakCount(ctx: DemoContext, job: JobResult): number {
  const shown = `${job.main.log}\n${job.post?.log ?? ''}\n${job.main.summary}`;
  return ctx.secretValues.filter((v) => shown.includes(v)).length;
}

export const githubActionSteps: DemoStep[] = [
  {
    title: 'GitHub Action through the fake runner: masked, exported, cleaned up',
    async run(ctx) {
      const job = await runActionJob(ctx, { environment: 'production' }, 'DB_PASSWORD\nDEPLOY_KEY | file:DEPLOY_KEY_PATH');
      check(job.main.exitCode === 0, `the main step failed: ${job.main.errors.join('; ')}`);
      check(job.main.env.DB_PASSWORD === ctx.secretValues[0], 'DB_PASSWORD did not arrive byte-exact in GITHUB_ENV');
      check(typeof job.main.env.DEPLOY_KEY_PATH === 'string', 'DEPLOY_KEY_PATH (the key file) was not exported');
      check(job.main.printedBeforeMask.length === 0, 'a value was printed before it was masked');
      check(leakCount(ctx, job) === 0, 'a secret value appeared in the log or the summary');
      check(/removed the secret files/.test(job.post?.log ?? ''), 'the post step did not remove the key file');
      return `main ${job.main.durationMs.toFixed(0)} ms: DB_PASSWORD as env + output, DEPLOY_KEY as a 0600 file; ${job.main.masks.size} values registered before any output; post step removed the file`;
    },
  },
  {
    title: 'GitHub Action on a feature branch: refused, with the claims that did not match',
    async run(ctx) {
      const job = await runActionJob(ctx, { ref: 'refs/heads/feature/x', environment: 'production' }, 'DB_PASSWORD');
      check(job.main.exitCode === 1, 'the step should have failed');
      check(/403 no_policy_matched/.test(job.main.errors.join('\n')), 'expected the broker code no_policy_matched');
      check(/ref: refs\/heads\/feature\/x/.test(job.main.log), "the log should show the token's ref claim");
      check(Object.keys(job.main.env).length === 0, 'nothing may be exported on failure');
      return 'step failed with 403 no_policy_matched and printed the job\'s ref, sub, environment, workflow claims (never the token)';
    },
  },
];
