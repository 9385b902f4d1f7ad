// What each kind of issuer puts in its tokens, and so which kind an issuer is. The linter needs the kind to
// know which rules apply (an unpinned owner means something else on GitHub.com than on a private issuer) and
// to recognise a condition on a claim the issuer never emits: such a policy can never match. The claims-file
// reader of the CLI uses the same catalogue to spot a misspelt claim (src/text/suggest.ts does the matching).

import { resolveIssuerKind } from './issuers.js';

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

/**
 * The claims that say which job a token belongs to, on either platform: what a client shows when a policy did not
 * match and what the broker's status page keeps of a refused token. None of them is a credential.
 */
export const JOB_IDENTITY_CLAIMS = [
  'iss',
  'aud',
  'sub',
  'repository',
  'repository_id',
  'repository_owner',
  'repository_owner_id',
  'ref',
  'ref_type',
  'ref_protected',
  'environment',
  'event_name',
  'workflow_ref',
  'job_workflow_ref',
  'runner_environment',
  'project_id',
  'project_path',
  'namespace_id',
  'namespace_path',
  'pipeline_source',
  'environment_protected',
] as const;

const GITHUB_CLAIMS = new Set([...STANDARD, ...SHARED, ...GITHUB_ONLY]);
const GITLAB_CLAIMS = new Set([...STANDARD, ...SHARED, ...GITLAB_ONLY]);

export const GITHUB_DOT_COM = 'https://token.actions.githubusercontent.com';
export const GITLAB_DOT_COM = 'https://gitlab.com';

/** GitHub.com and gitlab.com: every repository or project on the platform shares the issuer. */
export function isMultiTenant(url: string): boolean {
  const u = url.replace(/\/+$/, '');
  return u === GITHUB_DOT_COM || u === GITLAB_DOT_COM;
}

/**
 * An issuer's kind for the linter: the declared one, else what the URL tells (src/platform/issuers.ts), else
 * unknown (the loader refuses such an issuer; only the rules that do not depend on the kind apply meanwhile).
 * Never guessed from the claims a policy uses: a GitLab issuer whose policies name only shared claims would
 * escape GitLab's identity rules.
 */
export function issuerKind(url: string, declared?: unknown): IssuerKind {
  const resolved = resolveIssuerKind(url, declared === 'github' || declared === 'gitlab' ? declared : undefined);
  return 'kind' in resolved ? resolved.kind : 'unknown';
}

/**
 * GitHub's custom-property claims (GA 2026-03-12): `repo_property_<name>` for each repository custom property
 * an organization or enterprise admin chose to include. Values are always strings: booleans `"true"`/`"false"`,
 * multi-select values joined by commas (`"us-east-1,eu-west-1"`).
 */
export const GITHUB_REPO_PROPERTY_PREFIX = 'repo_property_';

export function isRepoPropertyClaim(claim: string): boolean {
  return claim.startsWith(GITHUB_REPO_PROPERTY_PREFIX) && claim.length > GITHUB_REPO_PROPERTY_PREFIX.length;
}

/** Whether an issuer of this kind ever puts the claim in a token (unknown kinds: assume it might). */
export function emitsClaim(kind: IssuerKind, claim: string): boolean {
  if (kind === 'github') return GITHUB_CLAIMS.has(claim) || isRepoPropertyClaim(claim);
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

/**
 * The shape a platform gives a claim's values, for the claims people most often write in the other platform's
 * form: GitHub's `ref` is the full ref (`refs/heads/main`), GitLab's the short name (`main`); `ref_type` is one
 * of a fixed set; `sub` is built by the platform (src/platform/subject.ts). A condition value outside the shape
 * never matches a token.
 */
export interface ClaimFormat {
  /** The shape in words, for a message: `refs/heads/<branch>, refs/tags/<tag> or refs/pull/<n>/merge`. */
  shape: string;
  /** Whether a value of that shape can be this. */
  accepts(value: string): boolean;
  /**
   * Whether some value of that shape can start with `prefix` (for a wildcard whose fixed start is known).
   * Absent: only whole values can be judged.
   */
  startsPossible?(prefix: string): boolean;
  /** The value in the platform's shape the operator probably meant, when there is one. */
  suggest?(value: string): string | undefined;
  /** Every value, when the set is finite (then any matcher can be judged by trying them all). */
  values?: readonly string[];
}

const REF_TYPES = ['branch', 'tag'] as const;

/** GitLab refuses branch and tag names that start with `refs/`, so its short names never do. */
const FULL_REF = /^refs\//;

const FORMATS: Record<'github' | 'gitlab', Record<string, ClaimFormat>> = {
  github: {
    ref: {
      shape: 'the full ref: refs/heads/<branch>, refs/tags/<tag> or refs/pull/<n>/merge',
      accepts: (v) => FULL_REF.test(v),
      startsPossible: (p) => FULL_REF.test(p) || 'refs/'.startsWith(p),
      suggest: (v) => (v.includes('*') || v === '' ? undefined : /^v?\d+(\.\d+)*$/.test(v) ? `refs/tags/${v}` : `refs/heads/${v}`),
    },
    ref_type: { shape: 'branch or tag', accepts: (v) => (REF_TYPES as readonly string[]).includes(v), values: REF_TYPES },
    sub: {
      shape: 'repo:<owner>/<repo>:<context> (or the key:value pairs of a customized subject)',
      // `key:value` pairs, `pull_request` standing alone: anything without a `:` is a name, not a subject.
      accepts: (v) => /^[a-z][a-z0-9_]*:[^:]*(:(pull_request|[a-z][a-z0-9_]*:[^:]*))*$/.test(v),
      startsPossible: (p) => /^[a-z0-9_]*$/.test(p) || /^[a-z][a-z0-9_]*:/.test(p),
    },
  },
  gitlab: {
    ref: {
      shape: 'the short branch or tag name (main, v1.2.0), without refs/heads/ or refs/tags/',
      accepts: (v) => !FULL_REF.test(v),
      startsPossible: (p) => !FULL_REF.test(p),
      suggest: (v) => /^refs\/(heads|tags)\/./.test(v) ? v.replace(/^refs\/(heads|tags)\//, '') : undefined,
    },
    ref_type: { shape: 'branch or tag', accepts: (v) => (REF_TYPES as readonly string[]).includes(v), values: REF_TYPES },
    sub: {
      shape: 'project_path:<group>/<project>:ref_type:<branch|tag>:ref:<ref>',
      // The project first, then `key:value` pairs (a project may choose which, GitLab 17.10+).
      accepts: (v) => /^project_path:[^:]+\/[^:]+(:[a-z][a-z0-9_]*:[^:]*)*$/.test(v),
      startsPossible: (p) => p.startsWith('project_path:') || 'project_path:'.startsWith(p),
    },
  },
};

/** The shape the platform gives this claim's values, when the catalogue knows it. */
export function claimFormat(kind: IssuerKind, claim: string): ClaimFormat | undefined {
  return kind === 'unknown' ? undefined : FORMATS[kind][claim];
}
