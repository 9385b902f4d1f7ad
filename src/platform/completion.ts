// Filling in a token's claims the way GitHub and GitLab would have set them: from the claims given (a pasted
// payload, a few `--set` parts), the rest derived from those parts or taken from a typical job. `check`,
// `try-action`, `token` and `gitlab-job` all fill in through here (src/cli/claims-file.ts reads the claims and
// words the result), so the same file gives the same decision in each:
//
//   platform  GitHub when the claims have `repository` (or GitHub's `iss`), GitLab when they have
//             `project_path`; otherwise the caller's own
//   derived   from the parts, as the platform derives them: GitHub `sub` (repo + environment / pull_request /
//             ref), `repository_owner`, `ref_type`, `event_name`, `workflow_ref`, `job_workflow_ref`; GitLab `sub`,
//             `namespace_path`, `ref_path`, `ci_config_ref_uri`
//   defaults  every other claim a real token carries, from a typical job (octo-org/octo-repo on refs/heads/main;
//             acme/platform/api on main)
//   fresh     iat, nbf, exp and jti of a token the harness signs are the new token's own
//
// A derived claim given with the parts must agree with them (`repository_owner` with `repository`): a
// ClaimsError otherwise, never a silent override.
import { GITHUB_DOT_COM } from './claims.js';
import { githubClaims, githubSubject, gitlabClaims, type GitHubJob, type GitLabJob } from './samples.js';

export type Platform = 'github' | 'gitlab';
export type Claims = Record<string, unknown>;

/** Claims that contradict each other, or that say nothing about their platform. */
export class ClaimsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ClaimsError';
  }
}

export const TIME_CLAIMS = ['iat', 'nbf', 'exp', 'jti'] as const;
/** Claims every OIDC token has, whoever issued it. */
export const REGISTERED_CLAIMS: readonly string[] = ['iss', 'aud', 'sub', ...TIME_CLAIMS];

const DERIVED: Record<Platform, readonly string[]> = {
  github: ['sub', 'repository_owner', 'ref_type', 'event_name', 'workflow_ref', 'job_workflow_ref'],
  gitlab: ['sub', 'namespace_path', 'ref_path', 'ci_config_ref_uri'],
};

/** Claims with where each came from (a file's name, `--set`), for messages. */
export interface GivenClaims {
  claims: Claims;
  from: Record<string, string>;
}

/** GitHub or GitLab, from the claims' shape or `iss`; undefined when they do not say. */
export function platformOf(claims: Claims): Platform | undefined {
  const github = ['repository', 'repository_owner', 'workflow_ref', 'job_workflow_ref'].some((k) => claims[k] !== undefined);
  const gitlab = ['project_path', 'namespace_path', 'ci_config_ref_uri', 'pipeline_source'].some((k) => claims[k] !== undefined);
  if (github !== gitlab) return github ? 'github' : 'gitlab';
  if (typeof claims.iss === 'string' && claims.iss.replace(/\/+$/, '') === GITHUB_DOT_COM) return 'github';
  return undefined;
}

/** The broker configuration's issuer for a platform: id `github` (or GitHub's URL), id `gitlab`. */
export function platformIssuer<I extends { id: string; issuer: string }>(issuers: readonly I[], platform: Platform): I | undefined {
  if (platform === 'github') return issuers.find((i) => i.id === 'github') ?? issuers.find((i) => i.issuer.replace(/\/+$/, '') === GITHUB_DOT_COM);
  return issuers.find((i) => i.id === 'gitlab');
}

export interface CompleteOptions {
  /** The command's platform when the claims do not say. */
  platform?: Platform;
  /** `iss` when the claims have none (check: the configuration's issuer). */
  iss?: string;
  /** `aud` when the claims have none. */
  aud?: string | string[];
  /** The harness signs the token: this issuer URL replaces `iss`, and iat/nbf/exp/jti are the new token's. */
  signedBy?: string;
}

export interface Completed {
  claims: Claims;
  platform: Platform;
  /** Claims computed from the given ones. */
  derived: string[];
  /** Claims taken from the typical job. */
  defaults: string[];
  /** What else was done with the given claims (iss replaced, time claims dropped), one line each. */
  notes: string[];
}

export function completeClaims(given: GivenClaims, opts: CompleteOptions): Completed {
  const platform = platformOf(given.claims) ?? opts.platform;
  if (!platform) {
    throw new ClaimsError('cannot tell whether these are GitHub or GitLab claims: give iss, or repository (GitHub) or project_path (GitLab)');
  }
  const g = given.claims;
  const str = (k: string): string | undefined => (g[k] === undefined ? undefined : String(g[k]));
  const notes: string[] = [];

  // 1. The typical job shaped by the given parts, with everything derived from them.
  let typical: Record<string, string>;
  if (platform === 'github') {
    const repository = str('repository') ?? (str('repository_owner') ? `${str('repository_owner')}/octo-repo` : 'octo-org/octo-repo');
    const ref = str('ref') ?? 'refs/heads/main';
    const workflowFile = /^[^/]+\/[^/]+\/(.+)@/.exec(str('workflow_ref') ?? '')?.[1];
    const job: GitHubJob = { repository, ref };
    for (const k of ['environment', 'event_name', 'workflow', 'job_workflow_ref', 'actor', 'repository_id', 'repository_owner_id', 'run_id', 'head_ref', 'base_ref', 'sha'] as const) {
      if (str(k) !== undefined) job[k] = str(k)!;
    }
    if (str('runner_environment')) job.runner_environment = str('runner_environment') as GitHubJob['runner_environment'];
    if (str('repository_visibility')) job.repository_visibility = str('repository_visibility') as GitHubJob['repository_visibility'];
    if (workflowFile) job.workflow_file = workflowFile;
    typical = githubClaims(job);
    const owner = repository.split('/')[0];
    if (str('repository_owner') !== undefined && g.repository !== undefined && str('repository_owner') !== owner) {
      throw new ClaimsError(`${given.from.repository_owner} says repository_owner ${JSON.stringify(g.repository_owner)} but repository ${JSON.stringify(repository)} belongs to ${JSON.stringify(owner)}`);
    }
    const refType = ref.startsWith('refs/tags/') ? 'tag' : 'branch';
    if (str('ref_type') !== undefined && g.ref !== undefined && str('ref_type') !== refType) {
      throw new ClaimsError(`${given.from.ref_type} says ref_type ${JSON.stringify(g.ref_type)} but ref ${JSON.stringify(ref)} is a ${refType}`);
    }
  } else {
    const job: GitLabJob = { project_path: str('project_path') ?? 'acme/platform/api', ref: str('ref') ?? 'main' };
    if (str('ref_type') === 'tag' || str('ref_type') === 'branch') job.ref_type = str('ref_type') as 'tag' | 'branch';
    if (g.ref_protected !== undefined) job.ref_protected = str('ref_protected') === 'true';
    if (g.environment_protected !== undefined) job.environment_protected = str('environment_protected') === 'true';
    for (const k of ['environment', 'pipeline_source', 'user_login', 'project_id', 'namespace_id'] as const) {
      if (str(k) !== undefined) job[k] = str(k)!;
    }
    if (str('deployment_tier')) job.deployment_tier = str('deployment_tier') as GitLabJob['deployment_tier'];
    const host = hostOf(str('iss')) ?? hostOf(opts.signedBy ?? opts.iss);
    if (host) job.server_host = host;
    typical = gitlabClaims(job);
    const namespace = job.project_path.split('/').slice(0, -1).join('/');
    if (str('namespace_path') !== undefined && g.project_path !== undefined && str('namespace_path') !== namespace) {
      throw new ClaimsError(`${given.from.namespace_path} says namespace_path ${JSON.stringify(g.namespace_path)} but project_path ${JSON.stringify(job.project_path)} is in ${JSON.stringify(namespace)}`);
    }
  }

  // 2. The given claims win over the typical job's; sub follows the final claims when it was not given.
  const claims: Claims = { ...typical, ...g };
  if (g.sub === undefined) {
    claims.sub = platform === 'github'
      ? githubSubject(Object.fromEntries(Object.entries(claims).map(([k, v]) => [k, String(v)])))
      : typical.sub;
  }

  // 3. Registered claims.
  if (opts.signedBy !== undefined) {
    if (g.iss !== undefined && String(g.iss).replace(/\/+$/, '') !== opts.signedBy.replace(/\/+$/, '')) {
      notes.push(`the fake issuer ${opts.signedBy} signs the token, standing in for ${String(g.iss)}`);
    }
    claims.iss = opts.signedBy;
    const dropped = TIME_CLAIMS.filter((k) => g[k] !== undefined);
    for (const k of TIME_CLAIMS) delete claims[k];
    if (dropped.length) notes.push(`${dropped.join(', ')} from ${given.from[dropped[0]!]} are replaced by the new token's own`);
  } else if (claims.iss === undefined && opts.iss !== undefined) {
    claims.iss = opts.iss;
  }
  if (claims.aud === undefined && opts.aud !== undefined) claims.aud = opts.aud;

  const givenKeys = new Set(Object.keys(g));
  const filled = Object.keys(claims).filter((k) => !givenKeys.has(k) && !(TIME_CLAIMS as readonly string[]).includes(k));
  const derived = filled.filter((k) => DERIVED[platform].includes(k) || k === 'iss' || k === 'aud');
  const defaults = filled.filter((k) => !derived.includes(k));
  return { claims, platform, derived, defaults, notes };
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}
