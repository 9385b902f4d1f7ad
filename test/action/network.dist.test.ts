// Must-show: the broker over HTTPS with a CA generated here (PEM and base64 forms, and a clear error
// without it), and through a real tinyproxy with HTTPS_PROXY/HTTP_PROXY, and NO_PROXY honoured.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpsServer, type Server } from 'node:https';
import { createServer as createNetServer, connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { AUDIENCE } from '../helpers/broker.js';
import { RUNTIMES, leakedNames, startActionBed, type ActionBed } from '../helpers/action.js';

const SECRET = 'network-test-secret-value';
let ab: ActionBed;
let dir: string;
let caPem: string;
let tls: Server;
let tlsUrl: string;
let proxy: ChildProcess;
let proxyUrl: string;
let proxyLog: string;

function openssl(args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
}

async function freePort(): Promise<number> {
  const s = createNetServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

async function waitForPort(port: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const ok = await new Promise<boolean>((resolve) => {
      const sock = connect(port, '127.0.0.1');
      sock.once('connect', () => {
        sock.destroy();
        resolve(true);
      });
      sock.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nothing listens on ${port}`);
}

beforeAll(async () => {
  ab = await startActionBed({
    env: { S: SECRET },
    config: () => ({ secrets: { NET_SECRET: { env: 'S' } }, policies: [{ name: 'p', issuer: 'github', claims: { repository: 'octo-org/octo-repo' }, secrets: ['NET_SECRET'] }] }),
  });
  dir = mkdtempSync(join(tmpdir(), 'action-network-'));
  // A private CA and a server certificate for 127.0.0.1, as a company's internal PKI would issue.
  openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=oidc-exchange test CA']);
  openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1']);
  writeFileSync(join(dir, 'ext.cnf'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n');
  openssl(['x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.pem', '-days', '2', '-extfile', 'ext.cnf']);
  caPem = readFileSync(join(dir, 'ca.pem'), 'utf8');

  // TLS in front of the broker (the broker itself speaks plain HTTP; production puts TLS in front too).
  tls = createHttpsServer({ key: readFileSync(join(dir, 'server.key')), cert: readFileSync(join(dir, 'server.pem')) }, async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const headers = { ...req.headers };
    delete headers.host;
    delete headers['content-length'];
    const up = await request(`${ab.bed.url}${req.url}`, { method: req.method as 'POST', headers, body: chunks.length ? Buffer.concat(chunks) : undefined });
    res.writeHead(up.statusCode, { 'content-type': String(up.headers['content-type'] ?? 'application/json') });
    res.end(await up.body.text());
  });
  await new Promise<void>((r) => tls.listen(0, '127.0.0.1', r));
  tlsUrl = `https://127.0.0.1:${(tls.address() as AddressInfo).port}`;

  // A real tinyproxy on a free port (no ConnectPort lines: CONNECT to any port is allowed).
  const port = await freePort();
  proxyLog = join(dir, 'tinyproxy.log');
  writeFileSync(
    join(dir, 'tinyproxy.conf'),
    [`Port ${port}`, 'Listen 127.0.0.1', 'Timeout 30', `LogFile "${proxyLog}"`, 'LogLevel Connect', 'MaxClients 20', 'Allow 127.0.0.1', 'DisableViaHeader Yes', ''].join('\n'),
  );
  proxy = spawn('tinyproxy', ['-d', '-c', join(dir, 'tinyproxy.conf')], { stdio: 'ignore' });
  await waitForPort(port);
  proxyUrl = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  proxy?.kill('SIGTERM');
  await new Promise<void>((r) => (tls ? tls.close(() => r()) : r()));
  tls?.closeAllConnections();
  await ab?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.each(RUNTIMES)('network under %s', (_label, node) => {
  it('HTTPS with the CA as PEM and as base64 PEM', async () => {
    for (const ca of [caPem, Buffer.from(caPem).toString('base64')]) {
      const job = await ab.runner.runJob({ node, inputs: { 'broker-url': tlsUrl, audience: AUDIENCE, 'export-all': 'true', 'ca-certificate': ca } });
      expect(job.main.errors).toEqual([]);
      expect(job.main.env.NET_SECRET === SECRET).toBe(true);
    }
  });

  it('HTTPS without the CA fails at once, pointing at ca-certificate', async () => {
    const started = Date.now();
    const job = await ab.runner.runJob({ node, inputs: { 'broker-url': tlsUrl, audience: AUDIENCE, 'export-all': 'true', 'timeout-seconds': '20' } });
    expect(job.main.exitCode).toBe(1);
    expect(job.main.errors.join('\n')).toMatch(/TLS certificate of https:\/\/127\.0\.0\.1:\d+ is not trusted .*ca-certificate/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('through tinyproxy (HTTPS_PROXY/HTTP_PROXY), with the private CA', async () => {
    const before = readFileSync(proxyLog, 'utf8').length;
    const tlsPort = new URL(tlsUrl).port;
    const job = await ab.runner.runJob({ node, inputs: { 'broker-url': tlsUrl, audience: AUDIENCE, 'export-all': 'true', 'ca-certificate': caPem }, env: { HTTPS_PROXY: proxyUrl, HTTP_PROXY: proxyUrl } });
    expect(job.main.errors).toEqual([]);
    expect(job.main.env.NET_SECRET === SECRET).toBe(true);
    const log = readFileSync(proxyLog, 'utf8').slice(before);
    expect(log).toMatch(new RegExp(`CONNECT 127\\.0\\.0\\.1:${tlsPort}`));
    expect(leakedNames(log + job.main.log, { SECRET })).toEqual([]);
  });

  it('NO_PROXY sends the broker around the proxy', async () => {
    const before = readFileSync(proxyLog, 'utf8').length;
    const tlsPort = new URL(tlsUrl).port;
    const job = await ab.runner.runJob({
      node,
      inputs: { 'broker-url': tlsUrl, audience: AUDIENCE, 'export-all': 'true', 'ca-certificate': caPem },
      env: { HTTPS_PROXY: proxyUrl, NO_PROXY: `example.com,127.0.0.1:${tlsPort}` },
    });
    expect(job.main.errors).toEqual([]);
    expect(readFileSync(proxyLog, 'utf8').slice(before)).not.toMatch(new RegExp(`127\\.0\\.0\\.1:${tlsPort}`));
  });

  it('a proxy that is down is retried until the deadline, without printing proxy credentials', async () => {
    const dead = `http://user:proxy-pa55@127.0.0.1:${await freePort()}`;
    const job = await ab.runner.runJob({ node, inputs: { 'broker-url': tlsUrl, audience: AUDIENCE, 'export-all': 'true', 'ca-certificate': caPem, 'timeout-seconds': '2' }, env: { HTTPS_PROXY: dead, HTTP_PROXY: dead } });
    expect(job.main.exitCode).toBe(1);
    expect(job.main.raw).not.toContain('proxy-pa55');
  });
});
