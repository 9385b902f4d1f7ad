// The action's main step (dist/index.js): read the inputs, run, and turn a thrown error into a failed step.
import { createHttpClient } from '../exchange/http.js';
import { runnerCore } from './core.js';
import { parseCaCertificate, readInputs } from './inputs.js';
import { run } from './run.js';

const core = runnerCore();
try {
  const inputs = readInputs(process.env);
  const http = createHttpClient({ ca: parseCaCertificate(inputs.caCertificate) || undefined });
  await run(inputs, { core, env: process.env, http });
} catch (e) {
  core.setFailed(`oidc-exchange: ${(e as Error).message}`);
}
