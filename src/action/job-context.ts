// The job, as the summary and the refusal diagnostics name it: its repository and the URL of this run, from
// @actions/github's Context (the runner's GITHUB_* variables and event payload). The class is imported from
// its own file because the package's entry point builds Octokit and its plugins at import, which the main
// step, that never calls the GitHub API, should not pay for at start-up.
import { Context } from '../../node_modules/@actions/github/lib/context.js';

export interface JobContext {
  /** `owner/repo`, when the runner says. */
  repository?: string;
  /** This run's page (with the attempt when it is a re-run). */
  runUrl?: string;
  /** The GitHub API this job talks to (GITHUB_API_URL; api.github.com by default). */
  apiUrl: string;
}

export function jobContext(): JobContext {
  const c = new Context();
  let repository: string | undefined;
  try {
    repository = `${c.repo.owner}/${c.repo.repo}`;
  } catch {
    repository = undefined;
  }
  const attempt = Number.isInteger(c.runAttempt) && c.runAttempt > 1 ? `/attempts/${c.runAttempt}` : '';
  const runUrl = repository && Number.isInteger(c.runId) ? `${c.serverUrl}/${repository}/actions/runs/${c.runId}${attempt}` : undefined;
  return { repository, runUrl, apiUrl: c.apiUrl };
}

/** `octo-org/octo-repo, run https://github.com/.../actions/runs/1`, or '' outside a runner. */
export function describeJob(job: JobContext): string {
  if (!job.repository) return '';
  return job.runUrl ? `${job.repository}, run ${job.runUrl}` : job.repository;
}
