// The component's embedded script (the built template) presenting a client certificate to a real broker that
// refuses every TLS handshake without one from its openssl-made client CA (`client_auth: all`), under dash,
// busybox sh and bash, with curl only and with GNU wget only: the secret arrives with the right pair, and
// without a certificate, with one from another CA, with a key that is not the certificate's, with a missing
// file or with PEM text in place of a path, the job fails saying what to fix. BusyBox wget (no client
// certificate support) is refused before any request. No output holds the key's PEM body or a value.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AUDIENCE, startTestBed, type TestBed } from '../helpers/broker.js';
import { keyBodyLines, makeMtlsFiles, type MtlsFiles } from '../helpers/mtls.js';
import { runGitLabJob, type GitLabJobResult } from '../../src/harness/gitlab/job.js';
import { SHELLS, leaked, toolPath } from './job-env.js';

const SECRET = 'mtls-gitlab-secret-0b5e55ed-never-print';
let bed: TestBed;
let f: MtlsFiles;
const paths: Record<string, ReturnType<typeof toolPath>> = {};

beforeAll(async () => {
  f = makeMtlsFiles('oidcx-mtls-gitlab-');
  bed = await startTestBed({
    env: { S: SECRET },
    config: () => ({
      listen: f.listen,
      secrets: { DB_PASSWORD: { env: 'S' } },
      policies: [{ name: 'gitlab-api', issuer: 'gitlab', claims: { project_path: 'acme/platform/api' }, secrets: ['DB_PASSWORD'] }],
    }),
  });
  paths.curl = toolPath(['curl']);
  paths.wget = toolPath(['wget']);
  paths.busybox = toolPath(['busybox-wget']);
});

afterAll(async () => {
  await bed?.close();
  for (const p of Object.values(paths)) p.remove();
  f?.close();
});

async function job(client: 'curl' | 'wget' | 'busybox', inputs: Record<string, string>, shell = ['/bin/dash']): Promise<GitLabJobResult & { got?: string }> {
  const r = await runGitLabJob({
    issuer: bed.gitlab,
    path: paths[client]!.path,
    shell,
    script: ['printf %s "$DB_PASSWORD" > "$CI_PROJECT_DIR/got"'],
    inputs: { broker_url: bed.url, audience: AUDIENCE, timeout_seconds: 3, secrets: 'DB_PASSWORD', ca_file: f.caFile, ...inputs },
  });
  let got: string | undefined;
  try {
    got = await readFile(join(r.projectDir, 'got'), 'utf8').catch(() => undefined);
    const printed = r.log + r.scriptLog + r.afterLog;
    for (const line of [...keyBodyLines(f.client.key), ...keyBodyLines(f.stranger.key)]) expect(printed.includes(line)).toBe(false);
    expect(leaked(printed, [SECRET])).toEqual([]);
  } finally {
    await r.cleanup();
  }
  return { ...r, got };
}

const pair = () => ({ client_cert: f.client.certFile, client_key: f.client.keyFile });

describe.each(SHELLS)('under %s', (_label, shell) => {
  it.each(['curl', 'wget'] as const)('with %s only, the right certificate gets the secret', async (client) => {
    const r = await job(client, pair(), shell);
    expect(r.scriptLog).toContain('exported 1 secret(s) as variables: DB_PASSWORD');
    expect(r.exitCode).toBe(0);
    expect(r.got === SECRET).toBe(true);
  });
});

describe.each(['curl', 'wget'] as const)('refusals with %s', (client) => {
  it('no certificate: refused at once, naming the inputs', async () => {
    const started = Date.now();
    const r = await job(client, {});
    expect(r.exitCode).not.toBe(0);
    expect(r.scriptLog).toMatch(/refused the TLS session: it requires a client certificate \(mutual TLS\); set the inputs client_cert and client_key/);
    expect(Date.now() - started).toBeLessThan(2900);
  });

  it('a certificate from another CA: refused', async () => {
    const r = await job(client, { client_cert: f.stranger.certFile, client_key: f.stranger.keyFile });
    expect(r.exitCode).not.toBe(0);
    expect(r.scriptLog).toMatch(client === 'curl' ? /check that client_cert is signed by its client CA/ : /refused the TLS session with the client certificate: it must be signed by the broker's client CA/);
  });

  it('a key that is not the certificate\'s: refused', async () => {
    const r = await job(client, { client_cert: f.client.certFile, client_key: f.stranger.keyFile });
    expect(r.exitCode).not.toBe(0);
    expect(r.scriptLog).toMatch(client === 'curl' ? /curl cannot use client_cert and client_key \(curl exit status 58\): client_key must be the private key of client_cert/ : /client_key must be client_cert's key/);
  });

  it('a missing file, one half, PEM text in place of a path: refused before any request', async () => {
    const missing = await job(client, { client_cert: f.client.certFile, client_key: f.unreadableFile });
    expect(missing.scriptLog).toContain('client_key is not a readable file (the path is not shown)');
    expect(missing.scriptLog.includes(f.unreadableFile)).toBe(false);
    const half = await job(client, { client_cert: f.client.certFile });
    expect(half.scriptLog).toContain("client_cert is set but client_key is not: mutual TLS needs the certificate's private key too");
    const text = await job(client, { client_cert: f.client.certFile, client_key: f.client.key });
    expect(text.scriptLog).toContain('one holds PEM text: make the CI/CD variable of type File');
    const notPem = await job(client, { client_cert: f.client.keyFile, client_key: f.client.keyFile });
    expect(notPem.scriptLog).toContain('is not a PEM certificate (-----BEGIN CERTIFICATE-----)');
    for (const r of [missing, half, text, notPem]) expect(r.exitCode).not.toBe(0);
  });
});

it('BusyBox wget only: refused before any request, pointing at curl', async () => {
  const r = await job('busybox', pair());
  expect(r.exitCode).not.toBe(0);
  expect(r.scriptLog).toContain('found only BusyBox wget');
});
