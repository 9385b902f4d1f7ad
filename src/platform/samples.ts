// Claim sets shaped like the real issuers'. GitHub's follow the OIDC claims reference (seed 001), including
// the `sub` formats for environment, pull request, branch and tag, and `include_claim_keys` customization
// (where a `:` inside a value becomes `%3A`). GitLab's follow the `id_tokens` claim set.

export interface GitHubJob {
  repository: string; // owner/name
  ref: string; // refs/heads/main, refs/tags/v1, refs/pull/7/merge
  environment?: string;
  event_name?: string;
  workflow?: string;
  workflow_file?: string; // .github/workflows/deploy.yml
  job_workflow_ref?: string; // set for reusable workflows
  actor?: string;
  runner_environment?: 'github-hosted' | 'self-hosted';
  repository_visibility?: 'public' | 'private' | 'internal';
  repository_id?: string;
  repository_owner_id?: string;
  run_id?: string;
  head_ref?: string;
  base_ref?: string;
  sha?: string;
  /** `include_claim_keys` of a repository or organization subject customization. */
  include_claim_keys?: string[];
}

export function githubClaims(job: GitHubJob): Record<string, string> {
  const [owner] = job.repository.split('/');
  const event = job.event_name ?? (job.ref.startsWith('refs/pull/') ? 'pull_request' : 'push');
  const refType = job.ref.startsWith('refs/tags/') ? 'tag' : 'branch';
  const workflowFile = job.workflow_file ?? '.github/workflows/ci.yml';
  const workflowRef = `${job.repository}/${workflowFile}@${job.ref}`;
  const sha = job.sha ?? 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
  const claims: Record<string, string> = {
    actor: job.actor ?? 'octocat',
    actor_id: '583231',
    base_ref: job.base_ref ?? '',
    event_name: event,
    head_ref: job.head_ref ?? '',
    job_workflow_ref: job.job_workflow_ref ?? workflowRef,
    job_workflow_sha: sha,
    ref: job.ref,
    ref_protected: job.ref === 'refs/heads/main' ? 'true' : 'false',
    ref_type: refType,
    repository: job.repository,
    repository_id: job.repository_id ?? '690210123',
    repository_owner: owner!,
    repository_owner_id: job.repository_owner_id ?? '9919',
    repository_visibility: job.repository_visibility ?? 'private',
    run_attempt: '1',
    run_id: job.run_id ?? String(9_000_000_000 + Math.floor(Math.random() * 1_000_000)),
    run_number: '42',
    runner_environment: job.runner_environment ?? 'github-hosted',
    sha,
    workflow: job.workflow ?? 'CI',
    workflow_ref: workflowRef,
    workflow_sha: sha,
  };
  if (job.environment !== undefined) claims.environment = job.environment;
  claims.sub = githubSubject(claims, job.include_claim_keys);
  return claims;
}

/** The `context` part of GitHub's default subject. */
function githubContext(claims: Record<string, string>): string {
  if (claims.environment !== undefined) return `environment:${escapeColon(claims.environment)}`;
  if (claims.event_name === 'pull_request' || claims.event_name === 'pull_request_target') return 'pull_request';
  return `ref:${escapeColon(claims.ref!)}`;
}

export function githubSubject(claims: Record<string, string>, includeClaimKeys?: string[]): string {
  const keys = includeClaimKeys ?? ['repo', 'context'];
  return keys
    .map((k) => {
      if (k === 'repo') return `repo:${escapeColon(claims.repository!)}`;
      if (k === 'context') return githubContext(claims);
      return `${k}:${escapeColon(claims[k] ?? '')}`;
    })
    .join(':');
}

function escapeColon(v: string): string {
  return v.replace(/:/g, '%3A');
}

export interface GitLabJob {
  project_path: string; // group/sub/project
  ref: string; // branch or tag name (not refs/...)
  ref_type?: 'branch' | 'tag';
  ref_protected?: boolean;
  environment?: string;
  environment_protected?: boolean;
  deployment_tier?: 'production' | 'staging' | 'testing' | 'development' | 'other';
  pipeline_source?: string;
  user_login?: string;
  project_id?: string;
  namespace_id?: string;
  server_host?: string; // for ci_config_ref_uri
}

export function gitlabClaims(job: GitLabJob): Record<string, string> {
  const parts = job.project_path.split('/');
  const namespace = parts.slice(0, -1).join('/');
  const refType = job.ref_type ?? 'branch';
  const refPath = refType === 'tag' ? `refs/tags/${job.ref}` : `refs/heads/${job.ref}`;
  const host = job.server_host ?? 'gitlab.example.com';
  const claims: Record<string, string> = {
    namespace_id: job.namespace_id ?? '72',
    namespace_path: namespace,
    project_id: job.project_id ?? '4711',
    project_path: job.project_path,
    user_id: '1337',
    user_login: job.user_login ?? 'alice',
    user_email: `${job.user_login ?? 'alice'}@example.com`,
    user_access_level: 'developer',
    pipeline_id: String(100_000 + Math.floor(Math.random() * 100_000)),
    pipeline_source: job.pipeline_source ?? 'push',
    job_id: String(5_000_000 + Math.floor(Math.random() * 100_000)),
    ref: job.ref,
    ref_type: refType,
    ref_path: refPath,
    ref_protected: String(job.ref_protected ?? job.ref === 'main'),
    runner_id: '12',
    runner_environment: 'self-hosted',
    sha: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
    project_visibility: 'private',
    ci_config_ref_uri: `${host}/${job.project_path}//.gitlab-ci.yml@${refPath}`,
    ci_config_sha: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
    sub: `project_path:${job.project_path}:ref_type:${refType}:ref:${job.ref}`,
  };
  if (job.environment !== undefined) {
    claims.environment = job.environment;
    claims.environment_protected = String(job.environment_protected ?? false);
    claims.deployment_tier = job.deployment_tier ?? 'other';
    claims.environment_action = 'start';
  }
  return claims;
}
