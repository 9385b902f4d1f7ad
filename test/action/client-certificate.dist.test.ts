// The action bundle through the fake runner (which reads action.yml's inputs) against a real broker that
// refuses every TLS handshake without a certificate from its openssl-made client CA (`client_auth: all`):
// the certificate and key as PEM text and as file paths, and a clear failure without a certificate, with one
// from another CA, with a key that is not the certificate's, and with a file that cannot be read. The key is
// registered with the masker before anything is printed, and no output holds its PEM body or a secret.
import { AUDIENCE } from '../helpers/broker.js';
import { RUNTIMES, startActionBed, type ActionBed } from '../helpers/action.js';
import { keyBodyLines, makeMtlsFiles, type MtlsFiles } from '../helpers/mtls.js';
import type { JobResult } from '../../src/harness/fakes/runner.js';

const SECRET = 'mtls-action-secret-5c0ffee-never-print';
let ab: ActionBed;
let f: MtlsFiles;

beforeAll(async () => {
  f = makeMtlsFiles('oidcx-mtls-action-');
  ab = await startActionBed({
    env: { S: SECRET },
    config: () => ({
      listen: f.listen,
      secrets: { DB_PASSWORD: { env: 'S' } },
      policies: [{ name: 'p', issuer: 'github', claims: { repository: 'octo-org/octo-repo' }, secrets: ['DB_PASSWORD'] }],
    }),
  });
});
afterAll(async () => {
  await ab?.close();
  f?.close();
});

const NODE24 = RUNTIMES.find(([label]) => label === 'node24')![1];

async function runJob(inputs: Record<string, string>, node = NODE24): Promise<JobResult> {
  const job = await ab.runner.runJob({
    node,
    inputs: { 'broker-url': ab.bed.url, audience: AUDIENCE, secrets: 'DB_PASSWORD', 'ca-certificate': f.caCert, 'timeout-seconds': '3', ...inputs },
  });
  // What the process wrote, less the masking commands themselves (their data is the key, by design).
  const printed = [job.main, job.post]
    .filter((s) => s !== undefined)
    .map((s) => s.raw.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n') + s.log + s.summary)
    .join('\n');
  for (const line of [...keyBodyLines(f.client.key), ...keyBodyLines(f.stranger.key)]) expect(printed.includes(line)).toBe(false);
  for (const token of ab.runner.tokensIssued) expect(printed.includes(token)).toBe(false);
  expect(job.main.printedBeforeMask).toEqual([]);
  if (job.main.exitCode !== 0) expect(printed.includes(SECRET)).toBe(false);
  return job;
}

describe('client certificates in the action (client_auth: all)', () => {
  it.each(RUNTIMES)('PEM text in the inputs, under %s: the secret arrives, the key is masked first', async (_label, node) => {
    const job = await runJob({ 'client-certificate': f.client.cert, 'client-key': f.client.key }, node);
    expect(job.main.errors).toEqual([]);
    expect(job.main.exitCode).toBe(0);
    expect(job.main.env.DB_PASSWORD === SECRET).toBe(true);
    for (const line of keyBodyLines(f.client.key)) expect(job.main.masks.has(line)).toBe(true);
    expect(job.main.log).toMatch(/presenting the client certificate CN=ci-runner \(valid until \d{4}-[^)]+\) to https:\/\/127\.0\.0\.1:\d+/);
    // Valid for two days: the expiry warning.
    expect(job.main.warnings).toEqual([expect.stringMatching(/^client-certificate expires in [01] day\(s\), on \d{4}-.*renew it before the broker refuses it$/)]);
  });

  it('file paths in the inputs; a key read from a file is masked too', async () => {
    const job = await runJob({ 'client-certificate': f.client.certFile, 'client-key': f.client.keyFile });
    expect(job.main.errors).toEqual([]);
    expect(job.main.env.DB_PASSWORD === SECRET).toBe(true);
    for (const line of keyBodyLines(f.client.key)) expect(job.main.masks.has(line)).toBe(true);
  });

  it('no certificate: fails at once, saying the broker requires one and which inputs to set', async () => {
    const started = Date.now();
    const job = await runJob({});
    expect(job.main.exitCode).toBe(1);
    expect(job.main.errors.join('\n')).toMatch(/requires a client certificate \(mutual TLS\) and none was given .*action inputs client-certificate and client-key/);
    expect(Date.now() - started).toBeLessThan(2900);
  });

  it('a certificate from another CA: fails, pointing at the client CA', async () => {
    const job = await runJob({ 'client-certificate': f.stranger.cert, 'client-key': f.stranger.key });
    expect(job.main.exitCode).toBe(1);
    expect(job.main.errors.join('\n')).toMatch(/check that the client certificate is signed by its client CA/);
  });

  it('a key that is not the certificate\'s: fails before any token is requested', async () => {
    const before = ab.runner.tokenRequests.length;
    const job = await runJob({ 'client-certificate': f.client.cert, 'client-key': f.stranger.key });
    expect(job.main.exitCode).toBe(1);
    expect(job.main.errors).toEqual([
      'oidc-exchange: client-key is not the private key of the certificate in client-certificate (subject CN=ci-runner): give the key that was made with that certificate (client_key_mismatch)',
    ]);
    expect(ab.runner.tokenRequests.length).toBe(before);
  });

  it('an unreadable key file, and a certificate without a key', async () => {
    const unreadable = await runJob({ 'client-certificate': f.client.certFile, 'client-key': f.unreadableFile });
    expect(unreadable.main.errors).toEqual([
      `oidc-exchange: client-key: cannot read the key file ${JSON.stringify(f.unreadableFile)} (ENOENT); give a readable file, or the PEM text itself (client_certificate_unreadable)`,
    ]);
    const half = await runJob({ 'client-certificate': f.client.cert });
    expect(half.main.errors).toEqual([
      "oidc-exchange: client-certificate is set but client-key is not: mutual TLS needs the certificate's private key too (client_certificate_incomplete)",
    ]);
  });
});
