// The action's post step: clean up after the main step. Never fails the job.
import * as core from '@actions/core';
import { createHttpClient } from '../client/http.js';
import { cleanup } from './cleanup.js';
import { parseCaCertificate } from './inputs.js';
import { jobContext } from './job-context.js';

export async function post(): Promise<void> {
  try {
    // A typo in `revoke` failed the main step already; here anything but false revokes (the safe side).
    const revoke = !['false', 'False', 'FALSE'].includes(core.getInput('revoke'));
    let ca: string | undefined;
    try {
      ca = parseCaCertificate(core.getInput('ca-certificate')) || undefined;
    } catch {
      ca = undefined;
    }
    await cleanup({
      core,
      http: createHttpClient({ ca }),
      fetch: async () => (await import('../client/proxy-client.js')).clientFetch(process.env, ca),
      revoke,
      brokerUrl: core.getInput('broker-url'),
      githubApiUrl: jobContext(process.env).apiUrl,
      runnerTemp: process.env.RUNNER_TEMP,
      timeoutMs: 10_000,
    });
  } catch (e) {
    core.warning(`oidc-exchange post: ${(e as Error).message}`);
  }
}
