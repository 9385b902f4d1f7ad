// What each kind of issuer puts in its tokens, and so which kind an issuer is. The linter needs the kind to
// know which rules apply (an unpinned owner means something else on GitHub.com than on a private issuer) and
// to recognise a condition on a claim the issuer never emits: such a policy can never match. The claims-file
// reader of the CLI uses the same catalogue to spot a misspelt claim (src/text/suggest.ts does the matching).

export type IssuerKind = 'github' | 'gitlab' | 'unknown';

/** Claims every OIDC token has, whoever issued it. */
const STANDARD = ['iss', 'sub', 'aud', 'exp', 'iat', 'nbf', 'jti'];

/** Claims both GitHub and GitLab emit, with the same name. */
const SHARED = ['ref', 'ref_type', 'ref_protected', 'environment', 'runner_environment', 'sha'];

/** GitHub Actions (token.actions.githubusercontent.com and GitHub Enterprise Server). */
const GITHUB_ONLY = [
  'actor', 'actor_id', 'base_ref', 'check_run_id', 'enterprise', 'enterprise_id', 'environment_node_id', 'event_name',
  'head_ref', 'job_workflow_ref', 'job_workflow_sha', 'repository', 'repository_id', 'repository_owner',
  'repository_owner_id', 'repository_visibility', 'run_attempt', 'run_id', 'run_number', 'triggering_actor',
  'workflow', 'workflow_ref', 'workflow_sha',
];

/** GitLab CI `id_tokens`. */
const GITLAB_ONLY = [
  'namespace_id', 'namespace_path', 'project_id', 'project_path', 'project_visibility', 'user_id', 'user_login',
  'user_email', 'user_identities', 'user_access_level', 'groups_direct', 'pipeline_id', 'pipeline_source', 'job_id',
  'ref_path', 'environment_protected', 'environment_action', 'deployment_tier', 'runner_id', 'ci_config_ref_uri',
  'ci_config_sha', 'job_project_id', 'job_project_path', 'job_namespace_id', 'job_namespace_path',
];

const GITHUB_CLAIMS = new Set([...STANDARD, ...SHARED, ...GITHUB_ONLY]);
const GITLAB_CLAIMS = new Set([...STANDARD, ...SHARED, ...GITLAB_ONLY]);
const GITHUB_MARKERS = new Set(GITHUB_ONLY);
const GITLAB_MARKERS = new Set(GITLAB_ONLY);

export const GITHUB_DOT_COM = 'https://token.actions.githubusercontent.com';
export const GITLAB_DOT_COM = 'https://gitlab.com';

/** GitHub.com and gitlab.com: every repository or project on the platform shares the issuer. */
export function isMultiTenant(url: string): boolean {
  const u = url.replace(/\/+$/, '');
  return u === GITHUB_DOT_COM || u === GITLAB_DOT_COM;
}

/** The kind the issuer URL alone tells: GitHub.com (and its enterprise-only issuers), GHES, gitlab.com. */
function kindOfUrl(url: string): IssuerKind {
  const u = url.replace(/\/+$/, '');
  if (u === GITHUB_DOT_COM || u.startsWith(`${GITHUB_DOT_COM}/`) || /^https:\/\/[^/]+\/_services\/token$/.test(u)) return 'github';
  if (u === GITLAB_DOT_COM) return 'gitlab';
  // A self-managed GitLab is usually on a host named for it (gitlab.example.com).
  if (/^https?:\/\/[^/]*gitlab[^/]*(\/|$)/i.test(u)) return 'gitlab';
  return 'unknown';
}

/**
 * An issuer's kind: from its URL when that is one of the platforms' own (or a host named gitlab), otherwise
 * from the claims its policies use (a policy on `project_path` is about GitLab tokens). Mixed or unknown
 * claims: unknown, and only the rules that do not depend on the kind apply.
 */
export function issuerKind(url: string, claimNames: Iterable<string>): IssuerKind {
  const byUrl = kindOfUrl(url);
  if (byUrl !== 'unknown') return byUrl;
  let github = 0;
  let gitlab = 0;
  for (const c of claimNames) {
    if (GITHUB_MARKERS.has(c)) github++;
    if (GITLAB_MARKERS.has(c)) gitlab++;
  }
  if (github > gitlab) return 'github';
  if (gitlab > github) return 'gitlab';
  return 'unknown';
}

/** Whether an issuer of this kind ever puts the claim in a token (unknown kinds: assume it might). */
export function emitsClaim(kind: IssuerKind, claim: string): boolean {
  if (kind === 'github') return GITHUB_CLAIMS.has(claim);
  if (kind === 'gitlab') return GITLAB_CLAIMS.has(claim);
  return true;
}

/** Names people write for a claim that has another name. */
const ALIASES: Record<'github' | 'gitlab', Record<string, string[]>> = {
  github: { repo: ['repository'], owner: ['repository_owner'], org: ['repository_owner'], organization: ['repository_owner'], branch: ['ref'], tag: ['ref'], env: ['environment'], event: ['event_name'] },
  gitlab: { project: ['project_path'], group: ['namespace_path'], namespace: ['namespace_path'], branch: ['ref'], tag: ['ref'], env: ['environment'], user: ['user_login'] },
};

/** Every claim name an issuer of this kind emits. */
export function claimNames(kind: 'github' | 'gitlab'): string[] {
  return [...(kind === 'github' ? GITHUB_CLAIMS : GITLAB_CLAIMS)];
}

/** Names people write for a claim of this kind that has another name (`repo` for `repository`). */
export function claimAliases(kind: 'github' | 'gitlab'): Readonly<Record<string, string[]>> {
  return ALIASES[kind];
}
