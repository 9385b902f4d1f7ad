// The action's post step (dist/post.js): clean up after the main step. Never fails the job.
import { createHttpClient } from '../exchange/http.js';
import { cleanup } from './cleanup.js';
import { runnerCore } from './core.js';
import { getInput, parseCaCertificate } from './inputs.js';

const core = runnerCore();
try {
  const revoke = getInput(process.env, 'revoke') !== 'false' && getInput(process.env, 'revoke') !== 'False' && getInput(process.env, 'revoke') !== 'FALSE';
  let ca: string | undefined;
  try {
    ca = parseCaCertificate(getInput(process.env, 'ca-certificate')) || undefined;
  } catch {
    ca = undefined;
  }
  await cleanup({ core, http: createHttpClient({ ca }), revoke, timeoutMs: 10_000 });
} catch (e) {
  core.warning(`oidc-exchange post: ${(e as Error).message}`);
}
