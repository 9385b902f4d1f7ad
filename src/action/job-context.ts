// The job, as the summary and the refusal diagnostics name it (its repository and the URL of this run), and
// the GitHub API it talks to, read from the variables the runner documents for every job: GITHUB_REPOSITORY,
// GITHUB_SERVER_URL, GITHUB_RUN_ID, GITHUB_RUN_ATTEMPT, GITHUB_API_URL. Read here rather than through
// @actions/github's Context, which also reads and parses the event payload (GITHUB_EVENT_PATH) that the
// action never uses, and whose package entry builds Octokit at import: neither belongs on the start-up path
// of a step that never calls the GitHub API. The values are taken as Context takes them (same defaults).

export interface JobContext {
  /** `owner/repo`, when the runner says. */
  repository?: string;
  /** This run's page (with the attempt when it is a re-run). */
  runUrl?: string;
  /** The GitHub API this job talks to (GITHUB_API_URL; api.github.com by default). */
  apiUrl: string;
}

export function jobContext(env: NodeJS.ProcessEnv): JobContext {
  const repository = env.GITHUB_REPOSITORY || undefined;
  const serverUrl = env.GITHUB_SERVER_URL ?? 'https://github.com';
  const runId = parseInt(env.GITHUB_RUN_ID ?? '', 10);
  const runAttempt = parseInt(env.GITHUB_RUN_ATTEMPT ?? '', 10);
  const attempt = Number.isInteger(runAttempt) && runAttempt > 1 ? `/attempts/${runAttempt}` : '';
  const runUrl = repository && Number.isInteger(runId) ? `${serverUrl}/${repository}/actions/runs/${runId}${attempt}` : undefined;
  return { repository, runUrl, apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com' };
}

/** `octo-org/octo-repo, run https://github.com/.../actions/runs/1`, or '' outside a runner. */
export function describeJob(job: JobContext): string {
  if (!job.repository) return '';
  return job.runUrl ? `${job.repository}, run ${job.runUrl}` : job.repository;
}
