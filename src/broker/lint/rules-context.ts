// Which runs of a trusted repository may get the secrets: events that run untrusted code with the
// repository's identity, unprotected branches, environments, self-hosted runners, reusable workflows at any
// ref. Every "does it accept X" question here is a call to the broker's compiled matcher with a probe value.
import { acceptsOnlyTrue, literalOf, literalPrefix, repoKeyAt, sampleOf, subRepoIn, subRepoOf } from './matchers.js';
import { accepts, conditionOn, eachPolicy, type Hit, type LintCondition, type LintPolicy, type LintRule } from './model.js';

/** Probe values: names nobody would configure on purpose, so accepting them means accepting anything. */
const ANY_BRANCH = ['refs/heads/lint-probe-any-branch', 'refs/heads/lint/probe-any-branch'];
const ANY_SHA = '0123456789abcdef0123456789abcdef01234567';
const ANY_NAME = 'lint-probe-any-name';

function kindOf(p: LintPolicy): 'github' | 'gitlab' | undefined {
  const k = p.issuer?.kind;
  return k === 'github' || k === 'gitlab' ? k : undefined;
}

function isLiteralCondition(c: LintCondition | undefined): c is LintCondition {
  return c !== undefined && c.entries.every((e) => literalOf(e.matcher) !== undefined);
}

/** A literal `sub` whose every entry names an environment context (`...:environment:NAME`). */
function subPinsEnvironment(p: LintPolicy): boolean {
  const sub = conditionOn(p, 'sub');
  return isLiteralCondition(sub) && sub.entries.every((e) => /(^|:)environment:[^:]+/.test(literalOf(e.matcher)!));
}

function hasEnvironment(p: LintPolicy): boolean {
  return conditionOn(p, 'environment') !== undefined || subPinsEnvironment(p);
}

const untrustedTriggerEvent: LintRule = {
  id: 'untrusted-trigger-event',
  severity: 'error',
  risk: "pull_request_target and workflow_run run with the base repository's identity while handling code or artifacts from forks: the token is the repository's, the code is the attacker's",
  fix: 'event_name: [push, workflow_dispatch] (or an environment with required reviewers)',
  overridable: true,
  check: eachPolicy((p) => {
    const c = conditionOn(p, 'event_name');
    const bad = ['pull_request_target', 'workflow_run'].filter((e) => accepts(c, e));
    return bad.length ? [{ path: c!.path, message: `event_name accepts ${bad.join(' and ')}` }] : [];
  }),
};

const gitlabUnprotectedRef: LintRule = {
  id: 'gitlab-unprotected-ref',
  severity: 'warning',
  risk: 'any developer can push a branch and run a pipeline on it: without a protected ref or environment, every branch of the project gets the secrets',
  fix: 'ref_protected: "true" (and environment_protected: "true")',
  overridable: true,
  check: eachPolicy((p) => {
    if (kindOf(p) !== 'gitlab') return [];
    const ref = conditionOn(p, 'ref_protected');
    const env = conditionOn(p, 'environment_protected');
    if ((ref && acceptsOnlyTrue(ref.entries.map((e) => e.matcher))) || (env && acceptsOnlyTrue(env.entries.map((e) => e.matcher)))) return [];
    return [{ path: ref?.path ?? env?.path ?? `${p.path}.claims`, message: `policy ${p.name} does not require a protected ref or environment` }];
  }),
};

const githubAnyRef: LintRule = {
  id: 'github-any-ref',
  severity: 'warning',
  risk: 'anyone who can push a branch (or a bot acting for them) can run a workflow there and get the secrets: branch protection and reviews do not apply',
  fix: 'ref: refs/heads/main, or an environment (with protection rules)',
  overridable: true,
  check: eachPolicy((p) => {
    if (kindOf(p) !== 'github' || hasEnvironment(p) || isLiteralCondition(conditionOn(p, 'sub'))) return [];
    const ref = conditionOn(p, 'ref');
    if (ref && !ANY_BRANCH.some((b) => accepts(ref, b))) return [];
    return [{ path: ref?.path ?? `${p.path}.claims`, message: ref ? `ref accepts any branch (e.g. ${ANY_BRANCH[0]})` : `policy ${p.name} has no ref or environment condition: every branch qualifies` }];
  }),
};

/** `repo:O/R:` (GitHub) or `project_path:G/P:` (GitLab) when the entry's fixed text ends exactly there. */
function subContextPrefix(text: string): string | undefined {
  const at = repoKeyAt(text);
  if (at >= 0) {
    const m = /^repo:[^:/]+\/[^:/]+:$/.exec(text.slice(at));
    if (m) return text;
  }
  if (/^project_path:[^:]+\/[^:]+:$/.test(text)) return text;
  return undefined;
}

const subContextWildcard: LintRule = {
  id: 'sub-context-wildcard',
  severity: 'warning',
  risk: "a wildcard after `repo:O/R:` crosses `:` (a glob `*` stops only at `/`): it accepts pull_request runs and any environment, not just the branches the author had in mind",
  fix: 'an exact sub, or individual claims (ref, environment, event_name)',
  overridable: true,
  check: eachPolicy((p) => {
    const c = conditionOn(p, 'sub');
    if (!c) return [];
    return c.entries.flatMap((e) => {
      if (literalOf(e.matcher) !== undefined) return [];
      const prefix = subContextPrefix(literalPrefix(e.matcher));
      if (!prefix) return [];
      const probes = prefix.startsWith('project_path:') ? [`${prefix}ref_type:branch:ref:${ANY_NAME}`] : [`${prefix}pull_request`, `${prefix}environment:${ANY_NAME}`];
      const accepted = probes.filter((v) => e.matcher.test(v));
      return accepted.length ? [{ path: e.path, message: `sub ${JSON.stringify(e.matcher.source)} accepts ${accepted.map((v) => JSON.stringify(v)).join(' and ')}` }] : [];
    });
  }),
};

const pullRequestGrant: LintRule = {
  id: 'pull-request-grant',
  severity: 'warning',
  risk: 'pull request runs execute code that has not been reviewed or merged yet: whoever can open one in the repository can read the secrets',
  fix: 'grant after merge: push on a protected ref (event_name: push, ref: refs/heads/main)',
  overridable: true,
  check: eachPolicy((p) => {
    const hits: Array<Omit<Hit, 'policy'>> = [];
    const event = conditionOn(p, 'event_name');
    if (accepts(event, 'pull_request')) hits.push({ path: event!.path, message: 'event_name accepts pull_request' });
    const sub = conditionOn(p, 'sub');
    for (const e of sub?.entries ?? []) {
      const sample = sampleOf(e.matcher);
      const repo = subRepoOf(e.matcher) ?? (sample === undefined ? undefined : subRepoIn(sample, true));
      if (repo && e.matcher.test(`repo:${repo}:pull_request`)) hits.push({ path: e.path, message: `sub accepts "repo:${repo}:pull_request"` });
    }
    const ref = conditionOn(p, 'ref');
    if (accepts(ref, 'refs/pull/1/merge')) hits.push({ path: ref!.path, message: 'ref accepts pull request refs (refs/pull/1/merge)' });
    const source = conditionOn(p, 'pipeline_source');
    const mr = ['merge_request_event', 'external_pull_request_event'].filter((v) => accepts(source, v));
    if (mr.length) hits.push({ path: source!.path, message: `pipeline_source accepts ${mr.join(' and ')}` });
    return hits;
  }),
};

const baseRefWithoutEvent: LintRule = {
  id: 'base-ref-without-event',
  severity: 'warning',
  risk: "pull_request_target and workflow_run runs carry the base branch's ref: a ref condition alone admits them, running code from forks",
  fix: 'add event_name: [push, workflow_dispatch]',
  overridable: true,
  check: eachPolicy((p) => {
    const ref = conditionOn(p, 'ref');
    if (kindOf(p) !== 'github' || !ref || conditionOn(p, 'event_name') || hasEnvironment(p)) return [];
    return [{ path: ref.path, message: `policy ${p.name} trusts a ref without saying which events: pull_request_target and workflow_run runs carry that ref too` }];
  }),
};

const environmentWildcard: LintRule = {
  id: 'environment-wildcard',
  severity: 'warning',
  risk: 'anyone who can write a workflow can name a new environment that matches the wildcard, and an environment created that way has no protection rules',
  fix: 'one literal, protected environment',
  overridable: true,
  check: eachPolicy((p) => {
    const kind = kindOf(p);
    const c = conditionOn(p, 'environment');
    if (!kind || !c) return [];
    const protectedEnv = conditionOn(p, 'environment_protected');
    if (kind === 'gitlab' && protectedEnv && acceptsOnlyTrue(protectedEnv.entries.map((e) => e.matcher))) return [];
    return c.entries
      .filter((e) => literalOf(e.matcher) === undefined)
      .map((e) => ({ path: e.path, message: `environment ${JSON.stringify(e.matcher.source)} is a wildcard${e.matcher.test(ANY_NAME) ? ` (it accepts ${JSON.stringify(ANY_NAME)})` : ''}` }));
  }),
};

const productionWithoutEnvironment: LintRule = {
  id: 'production-without-environment',
  severity: 'warning',
  risk: "production secrets without an environment skip the platform's deployment protection (required reviewers, branch rules, wait timers)",
  fix: 'add environment: production, with required reviewers on the platform',
  overridable: true,
  check: eachPolicy((p) => {
    if (!kindOf(p) || hasEnvironment(p)) return [];
    const why = /prod/i.test(p.name) ? `its name ${JSON.stringify(p.name)}` : p.secrets.find((s) => /prod/i.test(s)) ? `secret ${p.secrets.find((s) => /prod/i.test(s))}` : undefined;
    return why ? [{ path: p.path, message: `policy ${p.name} looks like production (${why}) but has no environment condition` }] : [];
  }),
};

const selfHostedRunner: LintRule = {
  id: 'self-hosted-runner',
  severity: 'warning',
  risk: 'self-hosted runners keep state between jobs, and on a public repository anyone may be able to run code on them: a secret handed to one can outlive the job',
  fix: 'runner_environment: github-hosted',
  overridable: true,
  check: eachPolicy((p) => {
    const runner = conditionOn(p, 'runner_environment');
    if (accepts(runner, 'self-hosted')) return [{ path: runner!.path, message: 'runner_environment accepts self-hosted' }];
    if (runner) return [];
    return ['repository_visibility', 'project_visibility']
      .map((claim) => conditionOn(p, claim))
      .filter((c) => accepts(c, 'public'))
      .map((c) => ({ path: c!.path, message: `${c!.claim} accepts public repositories and no runner_environment condition excludes self-hosted runners` }));
  }),
};

const jobWorkflowRefUnpinned: LintRule = {
  id: 'job-workflow-ref-unpinned',
  severity: 'warning',
  risk: 'a reusable workflow at any branch or commit is whatever anyone with push access (or a fork commit, for `@*`) makes it: the pin on the workflow then pins nothing',
  fix: 'pin @refs/heads/main (a protected branch) or a tag or commit SHA',
  overridable: true,
  check: eachPolicy((p) => {
    const c = conditionOn(p, 'job_workflow_ref');
    return (c?.entries ?? []).flatMap((e) => {
      if (literalOf(e.matcher) !== undefined) return [];
      const fixed = literalPrefix(e.matcher);
      const base = fixed.includes('@') ? fixed.slice(0, fixed.indexOf('@')) : sampleOf(e.matcher)?.split('@')[0];
      if (!base) return [];
      const probes = [...ANY_BRANCH.map((b) => `${base}@${b}`), `${base}@refs/pull/1/merge`, `${base}@${ANY_SHA}`];
      const hit = probes.find((v) => e.matcher.test(v));
      return hit ? [{ path: e.path, message: `job_workflow_ref accepts ${JSON.stringify(hit)}` }] : [];
    });
  }),
};

const mutableUserClaim: LintRule = {
  id: 'mutable-user-claim',
  severity: 'warning',
  risk: 'user names and emails can be changed and then registered by someone else; actor is also whoever re-runs a job',
  fix: 'actor_id / user_id, and never as the only gate',
  overridable: true,
  check: eachPolicy((p) =>
    p.conditions
      .filter((c) => ['actor', 'triggering_actor', 'user_login', 'user_email'].includes(c.claim))
      .map((c) => ({ path: c.path, message: `${c.claim} is a name its owner can change and someone else can then take` })),
  ),
};

export const contextRules = {
  untrustedTriggerEvent,
  gitlabUnprotectedRef,
  githubAnyRef,
  subContextWildcard,
  pullRequestGrant,
  baseRefWithoutEvent,
  environmentWildcard,
  productionWithoutEnvironment,
  selfHostedRunner,
  jobWorkflowRefUnpinned,
  mutableUserClaim,
};
