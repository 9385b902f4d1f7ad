// The action's post step: clean up after the main step. Never fails the job.
import * as core from '@actions/core';
import { createHttpClient } from '../client/http.js';
import { loadClientCertificate, type ClientCertificate } from '../client/client-certificate.js';
import { cleanup } from './cleanup.js';
import { CLIENT_CERTIFICATE_INPUTS, maskClientKeyInputs } from './client-certificate.js';
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
    // The broker's client certificate, for a revocation sent to the broker-url host (Vault's revoke-self); the
    // main step reported any problem with it already.
    maskClientKeyInputs(core);
    let clientCertificate: ClientCertificate | undefined;
    try {
      clientCertificate = await loadClientCertificate({
        cert: core.getInput('client-certificate'),
        key: core.getInput('client-key'),
        passphrase: core.getInput('client-key-passphrase') || undefined,
        brokerUrl: core.getInput('broker-url'),
        names: CLIENT_CERTIFICATE_INPUTS,
      });
    } catch {
      clientCertificate = undefined;
    }
    await cleanup({
      core,
      http: createHttpClient({ ca, ...(clientCertificate ? { clientCertificate } : {}) }),
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
