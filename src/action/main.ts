// The action's main step: read the inputs, run, and turn a thrown error into a failed step.
import * as core from '@actions/core';
import { createHttpClient } from '../client/http.js';
import { actionClientCertificate, maskClientKeyInputs } from './client-certificate.js';
import { parseCaCertificate, readInputs } from './inputs.js';
import { jobContext } from './job-context.js';
import { run } from './run.js';

export async function main(): Promise<void> {
  try {
    // The client key is a secret: masked before anything else can print it.
    maskClientKeyInputs(core);
    const inputs = readInputs(core);
    const clientCertificate = await actionClientCertificate(inputs, core);
    const http = createHttpClient({ ca: parseCaCertificate(inputs.caCertificate) || undefined, ...(clientCertificate ? { clientCertificate } : {}) });
    await run(inputs, { core, env: process.env, http, job: jobContext(process.env) });
  } catch (e) {
    core.setFailed(`oidc-exchange: ${(e as Error).message}`);
  }
}
