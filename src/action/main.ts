// The action's main step: read the inputs, run, and turn a thrown error into a failed step.
import * as core from '@actions/core';
import { createHttpClient } from '../client/http.js';
import { parseCaCertificate, readInputs } from './inputs.js';
import { jobContext } from './job-context.js';
import { run } from './run.js';

export async function main(): Promise<void> {
  try {
    const inputs = readInputs(core);
    const http = createHttpClient({ ca: parseCaCertificate(inputs.caCertificate) || undefined });
    await run(inputs, { core, env: process.env, http, job: jobContext(process.env) });
  } catch (e) {
    core.setFailed(`oidc-exchange: ${(e as Error).message}`);
  }
}
