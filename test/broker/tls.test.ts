// The broker serving TLS itself, over real TLS with an openssl-made CA: exchanges over HTTPS, mutual TLS for
// the exchange (or for everything), a renewed certificate served after a reload, and plain HTTP only where
// the configuration says so.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:tls';
import { Agent, request } from 'undici';
import { stringify } from 'yaml';
import { buildConfig } from '../../src/broker/config/load.js';
import { ConfigError } from '../../src/broker/errors.js';
import { startBed, type Bed } from '../../src/harness/bed.js';
import { AUDIENCE, leaks } from '../helpers/broker.js';
import { startIssuers, type Issuers } from '../scale/bed.js';
import { makePki, type Pki } from './pki.js';

const SECRET = 'tls-served-secret-4a4b4c-never-print';
let iss: Issuers;
let dir: string;
let pki: Pki;
let otherPki: Pki;
const clients: Record<string, { cert: string; key: string }> = {};

beforeAll(async () => {
  iss = await startIssuers();
  dir = await mkdtemp(join(tmpdir(), 'oidcx-tls-'));
  pki = makePki(dir);
  otherPki = makePki(dir, 'other-ca');
  const server = pki.issue('server', { server: true, cn: 'broker-1' });
  await copyFile(server.certFile, join(dir, 'tls.crt'));
  await copyFile(server.keyFile, join(dir, 'tls.key'));
  clients.client = pki.issue('client', { cn: 'ci-runner-7' });
  clients.stranger = otherPki.issue('stranger', { cn: 'stranger' });
});
afterAll(async () => {
  await Promise.all([iss?.close(), rm(dir, { recursive: true, force: true })]);
});

function raw(listen: Record<string, unknown>): Record<string, unknown> {
  return {
    listen,
    audience: AUDIENCE,
    issuers: [{ id: 'gitlab', issuer: iss.gitlab.url, kind: 'gitlab', jwks_uri: iss.gitlab.jwksUri }],
    secrets: { DB_PASSWORD: { value: SECRET } },
    policies: [{ name: 'p', issuer: 'gitlab', claims: { project_path: 'acme/platform/api' }, secrets: ['DB_PASSWORD'] }],
  };
}

/** The broker on a file naming `listen` (reloads read it again), as the CLI starts it. */
async function startTls(listen: Record<string, unknown>): Promise<Bed & { file: string }> {
  const file = join(dir, `broker-${Math.random().toString(36).slice(2)}.yaml`);
  await writeFile(file, stringify(raw(listen)));
  return { ...(await startBed({ issuers: iss, configFile: file, env: process.env, prepare: true })), file };
}

function agent(client?: 'client' | 'stranger'): Agent {
  return new Agent({ connect: { ca: pki.caCert, ...(client ? { cert: clients[client]!.cert, key: clients[client]!.key } : {}) } });
}

async function call(url: string, path: string, dispatcher: Agent, token?: string): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await request(`${url}${path}`, {
    method: path === '/v1/exchange' ? 'POST' : 'GET',
    headers: token ? { authorization: `Bearer ${token}` } : {},
    dispatcher,
  });
  const text = await res.body.text();
  return { status: res.statusCode, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

const jobToken = () => iss.gitlab.mint(iss.gitlab.claimsFor({ project_path: 'acme/platform/api' } as never));

describe('native TLS', () => {
  let b: Awaited<ReturnType<typeof startTls>>;
  beforeAll(async () => {
    b = await startTls({ tls: { cert: 'tls.crt', key: 'tls.key' } });
  });
  afterAll(async () => {
    expect(leaks(b.log.join(''), [SECRET])).toEqual([]);
    await b.close();
  });

  it('serves the exchange over HTTPS, verified against the CA', async () => {
    expect(b.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const r = await call(b.url, '/v1/exchange', agent(), await jobToken());
    expect(r.status).toBe(200);
    expect(r.json.secrets).toEqual({ DB_PASSWORD: SECRET });
  });

  it('a client that does not trust the CA refuses the connection', async () => {
    await expect(request(`${b.url}/healthz`, { dispatcher: new Agent({ connect: { ca: otherPki.caCert } }) })).rejects.toThrow(/certificate|self-signed|unable to verify/i);
  });

  it('plain HTTP to the TLS port gets no answer', async () => {
    await expect(request(b.url.replace('https:', 'http:') + '/healthz', { headersTimeout: 2000 })).rejects.toThrow();
  });

  it('a renewed certificate in the same files is served after a reload, to new connections', async () => {
    const serial = () =>
      new Promise<string>((resolve, reject) => {
        const s = connect({ host: '127.0.0.1', port: Number(new URL(b.url).port), ca: pki.caCert, servername: 'localhost' }, () => {
          resolve(s.getPeerCertificate().subject.CN as string);
          s.end();
        });
        s.on('error', reject);
      });
    expect(await serial()).toBe('broker-1');
    const renewed = pki.issue('server2', { server: true, cn: 'broker-1-renewed' });
    await copyFile(renewed.certFile, join(dir, 'tls.crt'));
    await copyFile(renewed.keyFile, join(dir, 'tls.key'));
    const outcome = await b.broker.reload('test');
    expect(outcome).toEqual({ ok: true, needsRestart: [] });
    expect(await serial()).toBe('broker-1-renewed');
    // A key that does not belong to the certificate: refused, the renewed pair keeps serving.
    await copyFile(join(dir, 'client.key'), join(dir, 'tls.key'));
    const refused = await b.broker.reload('test');
    expect(refused.ok).toBe(false);
    expect(refused.problems).toEqual(['listen.tls.key: does not belong to the certificate in listen.tls.cert']);
    expect(await serial()).toBe('broker-1-renewed');
    await copyFile(renewed.keyFile, join(dir, 'tls.key'));
    const m = await request(`${b.url}/metrics`, { dispatcher: agent() });
    expect(await m.body.text()).toMatch(/^oidc_exchange_tls_certificate_expiry_timestamp_seconds \d{10}$/m);
  });
});

describe('mutual TLS', () => {
  let b: Awaited<ReturnType<typeof startTls>>;
  beforeAll(async () => {
    b = await startTls({ tls: { cert: 'tls.crt', key: 'tls.key', client_ca: 'ca.crt' } });
  });
  afterAll(async () => {
    await b.close();
  });

  it('the exchange needs a client certificate from the client CA; the audit line names it', async () => {
    const none = await call(b.url, '/v1/exchange', agent(), await jobToken());
    expect(none.status).toBe(401);
    expect(none.json.error).toBe('client_certificate_required');
    const stranger = await call(b.url, '/v1/exchange', agent('stranger'), await jobToken());
    expect(stranger.json.error).toBe('client_certificate_required');
    const ok = await call(b.url, '/v1/exchange', agent('client'), await jobToken());
    expect(ok.status).toBe(200);
    expect(b.log.join('')).toMatch(/"event":"exchange".*"client_cert":"ci-runner-7".*"outcome":"granted"/);
  });

  it('probes and metrics answer without one (client_auth: exchange, the default)', async () => {
    expect((await call(b.url, '/healthz', agent())).status).toBe(200);
    expect((await call(b.url, '/readyz', agent())).status).toBe(200);
  });
});

describe('mutual TLS for every endpoint (client_auth: all)', () => {
  it('refuses the handshake without a client certificate', async () => {
    const b = await startTls({ tls: { cert: 'tls.crt', key: 'tls.key', client_ca: 'ca.crt', client_auth: 'all' } });
    try {
      await expect(call(b.url, '/healthz', agent())).rejects.toThrow();
      expect((await call(b.url, '/healthz', agent('client'))).status).toBe(200);
    } finally {
      await b.close();
    }
  });
});

describe('plain HTTP only when configured', () => {
  async function problems(listen: Record<string, unknown>): Promise<string[]> {
    const e = await buildConfig(raw(listen), join(dir, 'x.yaml'), { env: {}, checkSources: true }).then(() => undefined, (x: unknown) => x);
    return e instanceof ConfigError ? e.problems : [];
  }

  it('loopback: plain HTTP (local use, tests, a sidecar proxy)', async () => {
    expect(await problems({ host: '127.0.0.1' })).toEqual([]);
    expect(await problems({ host: '::1' })).toEqual([]);
  });

  it('any other address needs TLS, or plain_http: true for a TLS-terminating proxy in front', async () => {
    expect(await problems({ host: '0.0.0.0' })).toEqual([
      'listen: plain HTTP on 0.0.0.0 would carry tokens unencrypted; configure listen.tls (cert and key), or set listen.plain_http: true when a TLS-terminating proxy is in front of the broker',
    ]);
    expect(await problems({ host: '0.0.0.0', plain_http: true })).toEqual([]);
    expect(await problems({ host: '0.0.0.0', tls: { cert: join(dir, 'tls.crt'), key: join(dir, 'tls.key') } })).toEqual([]);
  });

  it('TLS files are checked at load, by path', async () => {
    expect(await problems({ tls: { cert: join(dir, 'nope.crt'), key: join(dir, 'tls.key') } })).toEqual([expect.stringMatching(/^listen\.tls\.cert: cannot read .*nope\.crt \(ENOENT\)$/)]);
    expect(await problems({ tls: { cert: join(dir, 'tls.key'), key: join(dir, 'tls.key') } })).toEqual(['listen.tls.cert: is not a PEM certificate']);
    expect(await problems({ tls: { cert: join(dir, 'tls.crt'), key: join(dir, 'tls.key'), client_auth: 'all' } })).toEqual(['listen.tls.client_auth: needs client_ca (the CA that signs client certificates)']);
  });
});
