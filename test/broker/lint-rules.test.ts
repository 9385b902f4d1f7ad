// One risky configuration per lint rule, run through the lint function `check --lint` prints (lintConfigFile,
// with the exit status it gives): the rule reports it with its id, policy and path; a safe variant is not
// reported. test/broker/lint-cli.test.ts covers the command's output.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RULES } from '../../src/broker/lint/index.js';
import type { LintFinding } from '../../src/broker/lint/finding.js';
import { exitCodeOf, lintConfigFile } from '../../src/broker/lint/report.js';

/** GitHub.com, a self-managed GitLab, and a GitHub Enterprise Server issuer. */
const BASE = `issuers:
  - { id: github, issuer: https://token.actions.githubusercontent.com }
  - { id: gitlab, issuer: https://gitlab.example.com }
  - { id: ghes, issuer: https://github.example.com/_services/token }
secrets:
  DB_PASSWORD: { value: not-a-secret }
policies:
`;
const AUDIENCE = 'audience: https://broker.example.com\n';
/** The identity every safe GitHub policy pins. */
const IDS = 'repository_owner_id: "9919", repository_id: "690210123"';

function policy(claims: string, extra = '', name = 'p', issuer = 'github'): string {
  return `  - { name: ${name}, issuer: ${issuer}, claims: { ${claims} }, secrets: [DB_PASSWORD]${extra ? `, ${extra}` : ''} }\n`;
}

interface Case {
  rule: string;
  bad: string;
  good: string;
  /** Where the finding points, and in which policy (absent: not about one policy). */
  path: string;
  policy?: string;
  /** The exit code of the risky configuration (1: error finding, 0: warnings only, 2: refused at load). */
  exit: number;
  audience?: { bad?: string; good?: string };
}

const cases: Case[] = [
  { rule: 'github-any-repository', bad: policy('environment: production'), good: policy(`${IDS}, environment: production`), path: 'policies[0].claims', policy: 'p', exit: 1 },
  { rule: 'gitlab-any-project', bad: policy('ref_protected: "true", environment: production', '', 'p', 'gitlab'), good: policy('project_id: "4711", ref_protected: "true"', '', 'p', 'gitlab'), path: 'policies[0].claims', policy: 'p', exit: 1 },
  { rule: 'owner-wildcard', bad: policy('repository_owner: "octo-org*", environment: production'), good: policy(`repository_owner: octo-org, ${IDS}, environment: production`), path: 'policies[0].claims.repository_owner', policy: 'p', exit: 1 },
  { rule: 'pattern-escapes-anchor', bad: policy(`${IDS}, repository: { pattern: "octo-org/app)|(" }, environment: production`), good: policy(`${IDS}, repository: { pattern: "octo-org/(app|web)" }, environment: production`), path: 'policies[0].claims.repository', policy: 'p', exit: 2 },
  { rule: 'reusable-workflow-any-caller', bad: policy('job_workflow_ref: octo-org/octo-automation/.github/workflows/deploy.yml@refs/heads/main, environment: production'), good: policy(`${IDS}, job_workflow_ref: octo-org/octo-automation/.github/workflows/deploy.yml@refs/heads/main, environment: production`), path: 'policies[0].claims.job_workflow_ref', policy: 'p', exit: 1 },
  { rule: 'untrusted-trigger-event', bad: policy(`${IDS}, environment: production, event_name: [push, pull_request_target]`), good: policy(`${IDS}, environment: production, event_name: [push, workflow_dispatch]`), path: 'policies[0].claims.event_name', policy: 'p', exit: 1 },
  { rule: 'audience-not-unique', bad: policy(`${IDS}, environment: production`), good: policy(`${IDS}, environment: production`), path: 'audience', exit: 1, audience: { bad: 'audience: sts.amazonaws.com\n' } },
  { rule: 'name-only-identity', bad: policy('repository: octo-org/octo-repo, environment: production'), good: policy(`repository: octo-org/octo-repo, ${IDS}, environment: production`), path: 'policies[0].claims.repository', policy: 'p', exit: 0 },
  { rule: 'gitlab-unprotected-ref', bad: policy('project_id: "4711", ref: main', '', 'p', 'gitlab'), good: policy('project_id: "4711", ref: main, ref_protected: "true"', '', 'p', 'gitlab'), path: 'policies[0].claims', policy: 'p', exit: 0 },
  { rule: 'github-any-ref', bad: policy(`${IDS}, event_name: push, ref: "refs/heads/*"`), good: policy(`${IDS}, event_name: push, ref: refs/heads/main`), path: 'policies[0].claims.ref', policy: 'p', exit: 0 },
  { rule: 'sub-context-wildcard', bad: policy(`${IDS}, environment: production, sub: "repo:octo-org/octo-repo:*"`), good: policy(`${IDS}, environment: production, sub: "repo:octo-org/octo-repo:environment:production"`), path: 'policies[0].claims.sub', policy: 'p', exit: 0 },
  { rule: 'pull-request-grant', bad: policy(`${IDS}, environment: production, event_name: [push, pull_request]`), good: policy(`${IDS}, environment: production, event_name: push`), path: 'policies[0].claims.event_name', policy: 'p', exit: 0 },
  { rule: 'base-ref-without-event', bad: policy(`${IDS}, ref: refs/heads/main`), good: policy(`${IDS}, ref: refs/heads/main, event_name: [push, workflow_dispatch]`), path: 'policies[0].claims.ref', policy: 'p', exit: 0 },
  { rule: 'environment-wildcard', bad: policy(`${IDS}, environment: "prod*"`), good: policy(`${IDS}, environment: production`), path: 'policies[0].claims.environment', policy: 'p', exit: 0 },
  { rule: 'production-without-environment', bad: policy(`${IDS}, event_name: push, ref: refs/heads/main`, '', 'prod-deploy'), good: policy(`${IDS}, environment: production`, '', 'prod-deploy'), path: 'policies[0]', policy: 'prod-deploy', exit: 0 },
  { rule: 'org-wide-grant', bad: policy('repository_owner_id: "9919", environment: production'), good: policy(`${IDS}, environment: production`), path: 'policies[0].claims', policy: 'p', exit: 0 },
  { rule: 'self-hosted-runner', bad: policy(`${IDS}, environment: production, runner_environment: [github-hosted, self-hosted]`), good: policy(`${IDS}, environment: production, runner_environment: github-hosted`), path: 'policies[0].claims.runner_environment', policy: 'p', exit: 0 },
  { rule: 'gitlab-job-project-claim', bad: policy('job_project_id: "4711", ref_protected: "true"', '', 'p', 'gitlab'), good: policy('project_id: "4711", job_project_id: "4711", ref_protected: "true"', '', 'p', 'gitlab'), path: 'policies[0].claims.job_project_id', policy: 'p', exit: 0 },
  { rule: 'job-workflow-ref-unpinned', bad: policy(`${IDS}, environment: production, job_workflow_ref: "octo-org/octo-automation/.github/workflows/deploy.yml@*"`), good: policy(`${IDS}, environment: production, job_workflow_ref: octo-org/octo-automation/.github/workflows/deploy.yml@refs/heads/main`), path: 'policies[0].claims.job_workflow_ref', policy: 'p', exit: 0 },
  { rule: 'shadowed-policy', bad: policy(`${IDS}, environment: production`, '', 'wide') + policy(`${IDS}, environment: production, event_name: push`, '', 'narrow'), good: policy(`${IDS}, environment: production, event_name: push`, '', 'narrow') + policy(`${IDS}, environment: production`, '', 'wide'), path: 'policies[1]', policy: 'narrow', exit: 0 },
  { rule: 'unsafe-numeric-id', bad: policy('repository_owner_id: "9919", repository_id: 9007199254740993, environment: production'), good: policy('repository_owner_id: "9919", repository_id: "9007199254740993", environment: production'), path: 'policies[0].claims.repository_id', policy: 'p', exit: 2 },
  { rule: 'mutable-user-claim', bad: policy(`${IDS}, environment: production, actor: octocat`), good: policy(`${IDS}, environment: production, actor_id: "583231"`), path: 'policies[0].claims.actor', policy: 'p', exit: 0 },
  { rule: 'unescaped-regex-dot', bad: policy(`${IDS}, environment: production, job_workflow_ref: { pattern: "octo-org/octo-automation/.github/workflows/deploy.yml@refs/heads/main" }`), good: policy(`${IDS}, environment: production, job_workflow_ref: { pattern: "octo-org/octo-automation/\\\\.github/workflows/deploy\\\\.yml@refs/heads/main" }`), path: 'policies[0].claims.job_workflow_ref', policy: 'p', exit: 0 },
  { rule: 'sub-only-identity', bad: policy('sub: "repo:octo-org@9919/octo-repo@690210123:environment:production"'), good: policy(`${IDS}, sub: "repo:octo-org@9919/octo-repo@690210123:environment:production"`), path: 'policies[0].claims.sub', policy: 'p', exit: 0 },
  { rule: 'workflow-ref-cross-repo', bad: policy(`${IDS}, repository: octo-org/octo-repo, environment: production, workflow_ref: octo-org/octo-automation/.github/workflows/deploy.yml@refs/heads/main`), good: policy(`${IDS}, repository: octo-org/octo-repo, environment: production, job_workflow_ref: octo-org/octo-automation/.github/workflows/deploy.yml@refs/heads/main`), path: 'policies[0].claims.workflow_ref', policy: 'p', exit: 0 },
  { rule: 'replay-allowed', bad: policy(`${IDS}, environment: production`, 'single_use: false'), good: policy(`${IDS}, environment: production`), path: 'policies[0].single_use', policy: 'p', exit: 0 },
  { rule: 'case-variant-name', bad: policy(`${IDS}, repository: octo-org/octo-repo, environment: production`, '', 'a') + policy(`${IDS}, repository: Octo-Org/octo-repo, environment: staging`, '', 'b'), good: policy(`${IDS}, repository: octo-org/octo-repo, environment: production`, '', 'a') + policy(`${IDS}, repository: octo-org/octo-repo, environment: staging`, '', 'b'), path: 'policies[1].claims.repository', policy: 'b', exit: 0 },
  { rule: 'repo-property-equality', bad: policy(`${IDS}, environment: production, repo_property_regions: "us-east-1,eu-west-1"`), good: policy(`${IDS}, environment: production, repo_property_regions: { pattern: "(.*,)?us-east-1(,.*)?" }`), path: 'policies[0].claims.repo_property_regions', policy: 'p', exit: 0 },
  { rule: 'unknown-claim', bad: policy(`${IDS}, enviroment: production`), good: policy(`${IDS}, environment: production`), path: 'policies[0].claims.enviroment', policy: 'p', exit: 0 },
  { rule: 'no-identity-claim', bad: policy('environment: production', '', 'p', 'ghes'), good: policy(`${IDS}, environment: production`, '', 'p', 'ghes'), path: 'policies[0].claims', policy: 'p', exit: 1 },
  { rule: 'plain-http-beyond-loopback', bad: policy(`${IDS}, environment: production`), good: policy(`${IDS}, environment: production`), path: 'listen.plain_http', exit: 0, audience: { bad: `${AUDIENCE}listen: { host: 0.0.0.0, plain_http: true }\n`, good: `${AUDIENCE}listen: { host: 127.0.0.1, plain_http: true }\n` } },
  { rule: 'never-matches', bad: policy(`${IDS}, environment: production, ref: main`), good: policy(`${IDS}, environment: production, ref: refs/heads/main`), path: 'policies[0].claims.ref', policy: 'p', exit: 0 },
];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oidc-exchange-lint-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function lint(name: string, yaml: string): Promise<{ code: number | null; findings: LintFinding[] }> {
  const file = join(dir, `${name}.yaml`);
  await writeFile(file, yaml);
  // Rejects (ConfigError) exactly where `check --lint` prints on stderr: the file cannot be read or parsed.
  const report = await lintConfigFile(file);
  return { code: exitCodeOf(report), findings: report.findings };
}

describe('check --lint: one risky and one safe configuration per rule', () => {
  it('has the 27 ranked rules in rank order, then unknown-claim, repo-property-equality, no-identity-claim, never-matches and plain-http-beyond-loopback, and a case for each', () => {
    expect(RULES.map((r) => `${r.id} ${r.severity}`)).toEqual([
      'github-any-repository error', 'gitlab-any-project error', 'owner-wildcard error', 'pattern-escapes-anchor error',
      'reusable-workflow-any-caller error', 'untrusted-trigger-event error', 'audience-not-unique error', 'name-only-identity warning',
      'gitlab-unprotected-ref warning', 'github-any-ref warning', 'sub-context-wildcard warning', 'pull-request-grant warning',
      'base-ref-without-event warning', 'environment-wildcard warning', 'production-without-environment warning', 'org-wide-grant warning',
      'self-hosted-runner warning', 'gitlab-job-project-claim warning', 'job-workflow-ref-unpinned warning', 'shadowed-policy warning',
      'mutable-user-claim warning', 'unescaped-regex-dot warning', 'sub-only-identity warning', 'workflow-ref-cross-repo warning',
      'replay-allowed warning', 'unsafe-numeric-id warning', 'case-variant-name warning', 'unknown-claim warning',
      'repo-property-equality warning',
      'no-identity-claim error',
      'never-matches warning',
      'plain-http-beyond-loopback warning',
    ]);
    expect(cases.map((c) => c.rule).sort()).toEqual(RULES.map((r) => r.id).sort());
  });

  it.each(cases)('$rule', async (c) => {
    const bad = await lint(`${c.rule}-bad`, (c.audience?.bad ?? AUDIENCE) + BASE + c.bad);
    const found = bad.findings.filter((f) => f.rule === c.rule);
    expect(found.map((f) => [f.rule, f.policy, f.path])).toContainEqual([c.rule, c.policy, c.path]);
    const rule = RULES.find((r) => r.id === c.rule)!;
    expect(found[0]!.severity).toBe(rule.severity);
    expect(found[0]!.fix).toBe(rule.fix);
    expect(bad.code).toBe(c.exit);

    const good = await lint(`${c.rule}-good`, (c.audience?.good ?? AUDIENCE) + BASE + c.good);
    expect(good.findings.filter((f) => f.rule === c.rule)).toEqual([]);
    expect(good.code).toBe(0);
  });
});
