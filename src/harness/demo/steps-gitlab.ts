// `npm run demo`, GitLab part: the CI/CD component's job run as a GitLab shell runner would (see
// gitlab-job.ts), against the demo's broker, with the id token from the fake GitLab issuer.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DemoContext, DemoStep } from './context.js';
import { runGitLabJob, type GitLabJobResult } from '../gitlab/job.js';

async function componentJob(ctx: DemoContext, job: { ref_protected?: boolean; variables?: Record<string, string> }, script: string[]): Promise<GitLabJobResult> {
  return runGitLabJob({
    issuer: ctx.gitlab,
    job: { environment: 'staging', ref_protected: job.ref_protected ?? true },
    variables: job.variables,
    inputs: { broker_url: ctx.brokerUrl, audience: ctx.audience, secrets: 'STAGING_API_KEY', timeout_seconds: 10 },
    script,
  });
}

function check(cond: boolean, what: string): void {
  if (!cond) throw new Error(what);
}

function noValues(ctx: DemoContext, log: string): void {
  check(!ctx.secretValues.some((v) => log.includes(v)), 'a secret value appeared in the job log');
}

export const gitlabSteps: DemoStep[] = [
  {
    title: 'GitLab job extending the CI/CD component (.oidc-exchange), protected main, environment staging',
    async run(ctx) {
      const r = await componentJob(ctx, {}, [
        'printf %s "$STAGING_API_KEY" | wc -c > "$CI_PROJECT_DIR/length"',
        `oidc_exchange_redact sh -c 'echo "the key is $STAGING_API_KEY"'`,
      ]);
      try {
        noValues(ctx, r.log);
        check(r.exitCode === 0, `the job failed (exit ${r.exitCode}): ${r.scriptLog.split('\n').filter((l) => l.includes('error')).join(' ')}`);
        check(r.scriptLog.includes('the key is [MASKED]'), 'oidc_exchange_redact did not mask the value');
        check(r.afterLog.includes('nothing to clean up: this job left no files'), 'the values were written to disk, or after_script did not run');
        const length = (await readFile(join(r.projectDir, 'length'), 'utf8')).trim();
        return `job succeeded: STAGING_API_KEY (${length} bytes) in the script's environment, never on disk; oidc_exchange_redact printed "the key is [MASKED]"; after_script found nothing to remove`;
      } finally {
        await r.cleanup();
      }
    },
  },
  {
    title: 'GitLab job with CI_DEBUG_TRACE on is refused before the exchange',
    async run(ctx) {
      const r = await componentJob(ctx, { variables: { CI_DEBUG_TRACE: 'true' } }, ['echo unreachable']);
      try {
        noValues(ctx, r.log);
        check(r.exitCode !== 0 && r.scriptLog.includes('CI_DEBUG_TRACE or CI_DEBUG_SERVICES is on'), 'expected the job to refuse debug trace');
        return 'job failed on purpose: debug trace would print every variable and traced command';
      } finally {
        await r.cleanup();
      }
    },
  },
  {
    title: 'GitLab job on an unprotected branch is refused by the policy',
    async run(ctx) {
      const r = await componentJob(ctx, { ref_protected: false }, ['echo unreachable']);
      try {
        noValues(ctx, r.log);
        const line = r.scriptLog.split('\n').find((l) => l.includes('answered 403'));
        check(r.exitCode !== 0 && line !== undefined, 'expected a 403 from the broker');
        check(r.scriptLog.includes('ref_protected: "false"'), "expected the token's claims in the job log");
        return `${line!.replace(/^oidc-exchange: error: /, '')}; the job log lists the token's claims`;
      } finally {
        await r.cleanup();
      }
    },
  },
];
