// Who may get a policy's secrets: is the owner (organization, user, top-level group) pinned, by an immutable
// ID or only by a name, and is it one repository or a whole organization. The shared tests here implement
// the "confines the owner" and "literal" terms of the rules (docs/policies.md, "Safe policies").
import { emitsClaim } from '../../platform/claims.js';
import { closestClaims } from '../../text/suggest.js';
import { literalOf, ownerOf, subProjectOf, subRepoOf, sampleOf, type OwnerFormat } from './matchers.js';
import { conditionOn, eachPolicy, type Hit, type LintCondition, type LintPolicy, type LintRule } from './model.js';
import { numberProblem } from '../policy/policy.js';
import { parseGitHubRepoPart } from '../../platform/subject.js';

const GITHUB_IDS = ['repository_owner_id', 'repository_id', 'enterprise_id'];
const GITHUB_NAMES: Record<string, OwnerFormat> = { repository_owner: 'whole', repository: 'path', sub: 'github-sub', workflow_ref: 'path' };
const GITLAB_IDS = ['project_id', 'namespace_id', 'job_project_id', 'job_namespace_id'];
const GITLAB_NAMES: Record<string, OwnerFormat> = { project_path: 'path', namespace_path: 'path', job_project_path: 'path', job_namespace_path: 'path', sub: 'gitlab-sub' };
/** IDs that pin an owner whatever the names say (rule owner-wildcard is about names only when none is set). */
const OWNER_PINNING_IDS = ['repository_owner_id', 'repository_id', 'project_id', 'namespace_id'];

function kindOf(p: LintPolicy): 'github' | 'gitlab' | undefined {
  const k = p.issuer?.kind;
  return k === 'github' || k === 'gitlab' ? k : undefined;
}

/** Every entry is one exact value. */
export function isExact(c: LintCondition | undefined): c is LintCondition {
  return c !== undefined && c.entries.every((e) => literalOf(e.matcher) !== undefined);
}

function exactOn(p: LintPolicy, claims: string[]): LintCondition | undefined {
  return claims.map((c) => conditionOn(p, c)).find(isExact);
}

/** The owner-name conditions of the policy's kind whose every entry names one literal owner. */
function confiningNames(p: LintPolicy, kind: 'github' | 'gitlab'): LintCondition[] {
  const names = kind === 'github' ? GITHUB_NAMES : GITLAB_NAMES;
  return p.conditions.filter((c) => c.claim in names && c.entries.every((e) => 'literal' in ownerOf(e.matcher, names[c.claim]!)));
}

/** Rules 1/2's test: an exact ID condition, or a name condition that yields a literal owner in every entry. */
export function ownerConfined(p: LintPolicy, kind: 'github' | 'gitlab'): boolean {
  return exactOn(p, kind === 'github' ? GITHUB_IDS : GITLAB_IDS) !== undefined || confiningNames(p, kind).length > 0;
}

/** A `sub` condition whose every entry is a literal immutable subject (`repo:owner@1/repo@2:...`). */
function immutableSub(p: LintPolicy): boolean {
  const sub = conditionOn(p, 'sub');
  return isExact(sub) && sub.entries.every((e) => {
    const repo = subRepoOf(e.matcher);
    const parsed = repo === undefined ? undefined : parseGitHubRepoPart(repo);
    return parsed?.ownerId !== undefined && parsed.repoId !== undefined;
  });
}

const githubAnyRepository: LintRule = {
  id: 'github-any-repository',
  severity: 'error',
  risk: 'on GitHub.com every repository of every account shares the issuer: a policy that does not pin the owner grants its secrets to any of them',
  fix: 'pin repository_owner_id and repository_id (the numbers in your own tokens; `oidc-exchange check --token` shows them)',
  overridable: true,
  check: eachPolicy((p) => {
    if (!p.issuer?.multiTenant || p.issuer.kind !== 'github' || ownerConfined(p, 'github')) return [];
    return [{ path: `${p.path}.claims`, message: `policy ${p.name} trusts ${p.issuer.url} without pinning the owner: any GitHub.com repository whose job matches its other conditions (${p.conditions.map((c) => c.claim).join(', ')}) gets its secrets` }];
  }),
};

const gitlabAnyProject: LintRule = {
  id: 'gitlab-any-project',
  severity: 'error',
  risk: 'every project on the GitLab instance shares its issuer: a policy that does not pin the top-level group grants its secrets to any project, including one anybody can create',
  fix: 'pin project_id (and namespace_id)',
  overridable: true,
  check: eachPolicy((p) => {
    if (kindOf(p) !== 'gitlab' || ownerConfined(p, 'gitlab')) return [];
    return [{ path: `${p.path}.claims`, message: `policy ${p.name} does not pin the project or its top-level group: any project on ${p.issuer!.url} whose job matches (${p.conditions.map((c) => c.claim).join(', ')}) gets its secrets` }];
  }),
};

/** Claims that say who a job is, on any platform: exact IDs, and names whose owner part is literal. */
const IDENTITY_IDS = [...GITHUB_IDS, ...GITLAB_IDS];
const IDENTITY_NAMES: Record<string, OwnerFormat> = { repository: 'path', repository_owner: 'whole', workflow_ref: 'path', project_path: 'path', namespace_path: 'path', job_project_path: 'path', job_namespace_path: 'path' };

/** Whether some condition pins who the job is: an exact ID, a name with a literal owner in every entry, or a literal `sub`. */
export function pinsIdentity(p: LintPolicy): boolean {
  if (exactOn(p, IDENTITY_IDS) !== undefined || isExact(conditionOn(p, 'sub'))) return true;
  return p.conditions.some((c) => c.claim in IDENTITY_NAMES && c.entries.every((e) => 'literal' in ownerOf(e.matcher, IDENTITY_NAMES[c.claim]!)));
}

const noIdentityClaim: LintRule = {
  id: 'no-identity-claim',
  severity: 'error',
  risk: 'a policy that pins no identity claim (no ID, owner, project, repository or literal sub) grants its secrets to every job its issuer signs for, whatever the issuer is called',
  fix: 'pin the project or repository by ID (project_id, repository_id) or by a literal name',
  overridable: true,
  check: eachPolicy((p) => {
    // Whatever the issuer's kind; but one problem is reported once: GitHub.com and GitLab issuers have their
    // own rule for this, a wildcard owner is owner-wildcard's, a called workflow reusable-workflow-any-caller's.
    const kind = kindOf(p);
    if (!p.issuer || kind === 'gitlab' || (kind === 'github' && (p.issuer.multiTenant || conditionOn(p, 'job_workflow_ref')))) return [];
    if (pinsIdentity(p) || ownerWildcardHits(p).length > 0) return [];
    return [{ path: `${p.path}.claims`, message: `policy ${p.name} pins no identity claim: any job ${p.issuer.url} signs a token for that matches (${p.conditions.map((c) => c.claim).join(', ')}) gets its secrets` }];
  }),
};

const OWNER_WILDCARD_CLAIMS: Record<string, OwnerFormat> = {
  repository: 'path', repository_owner: 'whole', workflow_ref: 'path', job_workflow_ref: 'path', project_path: 'path', namespace_path: 'path',
};

const ownerWildcard: LintRule = {
  id: 'owner-wildcard',
  severity: 'error',
  risk: 'a wildcard in the owner part of a name admits other accounts: `octo-org*` matches `octo-org-evil`, which anybody can register',
  fix: 'write the owner literally and pin repository_owner_id (GitLab: project_id or namespace_id)',
  overridable: true,
  check: eachPolicy(ownerWildcardHits),
};

/** Rule owner-wildcard's findings for one policy (also consulted by no-identity-claim, so one problem is reported once). */
function ownerWildcardHits(p: LintPolicy): Array<Omit<Hit, 'policy'>> {
  const kind = kindOf(p);
  if (!kind || exactOn(p, OWNER_PINNING_IDS)) return [];
  const hits: Array<Omit<Hit, 'policy'>> = [];
  for (const c of p.conditions) {
    const format = c.claim === 'sub' ? (kind === 'github' ? 'github-sub' : 'gitlab-sub') : OWNER_WILDCARD_CLAIMS[c.claim];
    if (!format) continue;
    for (const e of c.entries) {
      if (!('wildcard' in ownerOf(e.matcher, format))) continue;
      const sample = sampleOf(e.matcher, '-evil');
      const shown = sample && sample !== e.matcher.source ? ` (it accepts ${JSON.stringify(sample)})` : '';
      hits.push({ path: e.path, message: `${c.claim} ${JSON.stringify(e.matcher.source)} leaves the owner to a wildcard${shown}, and no exact owner or project ID pins it` });
    }
  }
  return hits;
}

const reusableWorkflowAnyCaller: LintRule = {
  id: 'reusable-workflow-any-caller',
  severity: 'error',
  risk: 'job_workflow_ref names the reusable workflow, not who calls it: any repository may call a public or shared workflow and get the secrets',
  fix: 'also pin the caller: repository_owner_id (and repository_id)',
  overridable: true,
  check: eachPolicy((p) => {
    const c = conditionOn(p, 'job_workflow_ref');
    if (!c || kindOf(p) !== 'github' || ownerConfined(p, 'github')) return [];
    return [{ path: c.path, message: `policy ${p.name} pins the called workflow but not the calling repository: any repository that calls it gets the secrets` }];
  }),
};

const nameOnlyIdentity: LintRule = {
  id: 'name-only-identity',
  severity: 'warning',
  risk: 'names are reused: a deleted or renamed account or repository can be registered again by someone else, and the policy follows the name',
  fix: 'add the numeric IDs: repository_owner_id + repository_id (GitLab: project_id + namespace_id)',
  overridable: true,
  check: eachPolicy((p) => {
    const kind = kindOf(p);
    if (!kind || !ownerConfined(p, kind)) return [];
    if (kind === 'github' && (exactOn(p, ['repository_id', 'repository_owner_id']) || immutableSub(p))) return [];
    if (kind === 'gitlab' && exactOn(p, GITLAB_IDS)) return [];
    const names = confiningNames(p, kind);
    if (names.length === 0) return [];
    return [{ path: names[0]!.path, message: `policy ${p.name} identifies the ${kind === 'github' ? 'repository' : 'project'} by name only (${names.map((c) => c.claim).join(', ')})` }];
  }),
};

const orgWideGrant: LintRule = {
  id: 'org-wide-grant',
  severity: 'warning',
  risk: 'every repository of the organization (or project of the group), including ones created later and by anyone with that right, gets the secrets',
  fix: 'pin the repository: repository_id (GitLab: project_id)',
  overridable: true,
  check: eachPolicy((p) => {
    const kind = kindOf(p);
    if (!kind || !ownerConfined(p, kind)) return [];
    const sub = conditionOn(p, 'sub');
    if (kind === 'github') {
      const repo = conditionOn(p, 'repository');
      if (isExact(conditionOn(p, 'repository_id')) || isExact(repo) || (sub && sub.entries.every((e) => subRepoOf(e.matcher) !== undefined))) return [];
    } else {
      const project = conditionOn(p, 'project_path');
      if (isExact(conditionOn(p, 'project_id')) || isExact(project) || (sub && sub.entries.every((e) => subProjectOf(e.matcher) !== undefined))) return [];
    }
    return [{ path: `${p.path}.claims`, message: `policy ${p.name} pins the owner but not one ${kind === 'github' ? 'repository' : 'project'}` }];
  }),
};

const gitlabJobProjectClaim: LintRule = {
  id: 'gitlab-job-project-claim',
  severity: 'warning',
  risk: "job_project_* and job_namespace_* name the project in which the pipeline and job run (GitLab's definition); in a merge request pipeline from a fork that is the parent project while the code is the fork's (project_* name the fork since GitLab 18.2.2), so a policy on them alone admits code from any fork whose merge request runs a pipeline there",
  fix: 'pin project_id (the project whose code runs) as well',
  overridable: true,
  check: eachPolicy((p) => {
    if (kindOf(p) !== 'gitlab') return [];
    if (isExact(conditionOn(p, 'project_id')) || isExact(conditionOn(p, 'project_path'))) return [];
    return p.conditions
      .filter((c) => ['job_project_id', 'job_project_path', 'job_namespace_id', 'job_namespace_path'].includes(c.claim))
      .map((c) => ({ path: c.path, message: `${c.claim} is pinned but the project whose code runs (project_id/project_path) is not: a fork's merge request pipeline in that project would match` }));
  }),
};

const subOnlyIdentity: LintRule = {
  id: 'sub-only-identity',
  severity: 'warning',
  risk: "the subject is a string built from several claims whose format can be customized per repository or organization: a policy that identifies the job by `sub` alone depends on that format",
  fix: 'match the individual claims with IDs (repository_owner_id, repository_id; GitLab project_id); keep `sub` at most in addition',
  overridable: true,
  check: eachPolicy((p) => {
    const kind = kindOf(p);
    if (!kind) return [];
    const identity = kind === 'github' ? [...GITHUB_IDS, ...Object.keys(GITHUB_NAMES)] : [...GITLAB_IDS, ...Object.keys(GITLAB_NAMES)];
    const present = p.conditions.filter((c) => identity.includes(c.claim));
    if (present.length !== 1 || present[0]!.claim !== 'sub') return [];
    return [{ path: present[0]!.path, message: `policy ${p.name} identifies the job by sub alone` }];
  }),
};

/** `OWNER/REPO` of `OWNER/REPO/.github/workflows/x.yml@ref`. */
function workflowRepo(value: string): string | undefined {
  const m = /^([^/]+\/[^/]+)\//.exec(value);
  return m?.[1];
}

const workflowRefCrossRepo: LintRule = {
  id: 'workflow-ref-cross-repo',
  severity: 'warning',
  risk: "workflow_ref is the caller's own workflow, always in the token's repository: a workflow_ref in another repository never matches (the author meant job_workflow_ref)",
  fix: 'use job_workflow_ref for the called (reusable) workflow',
  overridable: true,
  check: eachPolicy((p) => {
    const wf = conditionOn(p, 'workflow_ref');
    if (!wf || kindOf(p) !== 'github') return [];
    const repo = conditionOn(p, 'repository');
    const sub = conditionOn(p, 'sub');
    let repos: string[] | undefined;
    if (isExact(repo)) repos = repo.entries.map((e) => literalOf(e.matcher)!);
    else if (isExact(sub)) {
      const parts = sub.entries.map((e) => subRepoOf(e.matcher)).map((r) => (r === undefined ? undefined : parseGitHubRepoPart(r)));
      if (parts.every((r) => r !== undefined)) repos = parts.map((r) => `${r!.owner}/${r!.name}`);
    }
    if (!repos) return [];
    return wf.entries.flatMap((e) => {
      const lit = literalOf(e.matcher);
      const own = lit === undefined ? undefined : workflowRepo(lit);
      if (own === undefined || repos!.includes(own)) return [];
      return [{ path: e.path, message: `workflow_ref is in ${own}, but the policy's repository is ${repos!.join(' or ')}: this condition never matches` }];
    });
  }),
};

const unsafeNumericId: LintRule = {
  id: 'unsafe-numeric-id',
  severity: 'warning',
  risk: 'an unquoted ID that is too large or not plain decimal is read as another number (`9007199254740993` becomes ...992, `0x10` becomes 16): the policy pins a different ID than the one written',
  fix: 'quote IDs: repository_id: "9007199254740993"',
  overridable: true,
  check: eachPolicy((p) =>
    p.numbers.flatMap((n) => {
      if (!n.claim.endsWith('_id')) return [];
      const problem = numberProblem(n.value, n.source);
      return problem ? [{ path: n.path, message: problem }] : [];
    }),
    { anyPolicy: true },
  ),
};

const caseVariantName: LintRule = {
  id: 'case-variant-name',
  severity: 'warning',
  risk: 'names are compared exactly while the platforms treat them case-insensitively: two spellings of one name means one of the policies never matches (or they name different things)',
  fix: 'use one spelling, as the platform emits it in tokens, and pin the IDs',
  overridable: true,
  check(cfg) {
    const hits: Hit[] = [];
    // One table per issuer and kind of name.
    const seen = new Map<string, { value: string; path: string; policy: LintPolicy }>();
    for (const p of cfg.policies) {
      if (!p.issuer || !p.complete) continue;
      for (const c of p.conditions) {
        for (const e of c.entries) {
          const names: Array<[string, string]> = [];
          const lit = literalOf(e.matcher);
          if (lit !== undefined && ['repository', 'project_path'].includes(c.claim)) names.push(['repo', lit], ['owner', lit.split('/')[0]!]);
          if (lit !== undefined && ['repository_owner', 'namespace_path', 'environment'].includes(c.claim)) names.push([c.claim === 'repository_owner' ? 'owner' : c.claim, lit]);
          if (c.claim === 'sub') {
            const r = subRepoOf(e.matcher);
            const parsed = r === undefined ? undefined : parseGitHubRepoPart(r);
            if (parsed) names.push(['repo', `${parsed.owner}/${parsed.name}`], ['owner', parsed.owner]);
          }
          for (const [kind, value] of names) {
            const key = `${p.issuer.id}\u0000${kind}\u0000${value.toLowerCase()}`;
            const first = seen.get(key);
            if (!first) seen.set(key, { value, path: e.path, policy: p });
            else if (first.value !== value && !hits.some((h) => h.path === e.path)) {
              hits.push({ policy: p, path: e.path, message: `${JSON.stringify(value)} differs only in case from ${JSON.stringify(first.value)} at ${first.path}` });
            }
          }
        }
      }
    }
    return hits;
  },
};

const unknownClaim: LintRule = {
  id: 'unknown-claim',
  severity: 'warning',
  risk: "a condition on a claim the issuer never emits (a typo like `enviroment`, or `repo` for `repository`) never matches: the policy is dead, and whoever fixes the name may not notice what it then admits",
  fix: 'use the claim name the platform emits (docs/policies.md lists them)',
  overridable: true,
  check: eachPolicy((p) => {
    const kind = kindOf(p);
    if (!kind) return [];
    return p.conditions
      .filter((c) => !emitsClaim(kind, c.claim))
      .map((c) => {
        const near = closestClaims(kind, c.claim);
        return { path: c.path, message: `${kind === 'github' ? 'GitHub' : 'GitLab'} tokens have no ${JSON.stringify(c.claim)} claim, so policy ${p.name} never matches${near.length ? ` (did you mean ${near.join(' or ')}?)` : ''}` };
      });
  }),
};

export const identityRules = {
  githubAnyRepository,
  gitlabAnyProject,
  ownerWildcard,
  reusableWorkflowAnyCaller,
  nameOnlyIdentity,
  orgWideGrant,
  gitlabJobProjectClaim,
  subOnlyIdentity,
  workflowRefCrossRepo,
  unsafeNumericId,
  caseVariantName,
  unknownClaim,
  noIdentityClaim,
};
