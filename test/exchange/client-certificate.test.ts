// Client certificates in the generic client (`oidc-exchange exchange --client-cert/--client-key`), end to end
// against a real broker that refuses every TLS handshake without a certificate from its openssl-made client
// CA (`client_auth: all`), and the checks made before the token is sent (loadClientCertificate). Nothing any
// run prints holds the key's PEM body or a secret value.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createServer as createHttpServer } from 'node:http';
import { createServer, type Server } from 'node:https';
import { connect, type AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { loadClientCertificate } from '../../src/client/client-certificate.js';
import { createHttpClient } from '../../src/client/http.js';
import { startTestBed, type TestBed } from '../helpers/broker.js';
import { callCli } from '../helpers/command.js';
import { keyBodyLines, makeMtlsFiles, type MtlsFiles } from '../helpers/mtls.js';

const SECRET = 'mtls-cli-secret-7d1e90-never-print';
let bed: TestBed;
let f: MtlsFiles;

beforeAll(async () => {
  f = makeMtlsFiles();
  bed = await startTestBed({
    env: { S: SECRET },
    config: () => ({
      listen: f.listen,
      secrets: { DB_PASSWORD: { env: 'S' } },
      policies: [{ name: 'ci', issuer: 'gitlab', claims: { project_path: 'acme/platform/api' }, secrets: ['DB_PASSWORD'] }],
    }),
  });
});
afterAll(async () => {
  await bed?.close();
  f?.close();
});

async function exchange(extra: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const token = await bed.gitlab.mint({ ...bed.gitlab.claimsFor(), project_path: 'acme/platform/api' });
  const r = await callCli(
    ['exchange', '--broker-url', bed.url, '--token-env', 'JOB_JWT', '--shell', '--secret', 'DB_PASSWORD', '--ca-certificate', f.caFile, '--timeout-seconds', '3', ...extra],
    { env: { PATH: process.env.PATH, JOB_JWT: token } },
  );
  // Whatever happened: no key material, no secret value, no token in anything printed.
  const printed = r.stdout + r.stderr;
  for (const line of [...keyBodyLines(f.client.key), ...keyBodyLines(f.stranger.key)]) expect(printed.includes(line)).toBe(false);
  expect(printed.includes(token)).toBe(false);
  if (r.code !== 0) expect(printed.includes(SECRET)).toBe(false);
  return r;
}

describe('oidc-exchange exchange against client_auth: all', () => {
  it('the broker URL is https and the right certificate gets the secret', async () => {
    expect(bed.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const r = await exchange(['--client-cert', f.client.certFile, '--client-key', f.client.keyFile]);
    expect(r.stderr).toBe('oidc-exchange: 1 secret(s) from policy ci: DB_PASSWORD\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`export DB_PASSWORD='${SECRET}'\n`);
  });

  it('without a certificate: refused at once, saying mutual TLS needs one', async () => {
    const started = Date.now();
    const r = await exchange([]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/requires a client certificate \(mutual TLS\) and none was given \(ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED\).*--client-cert and --client-key/);
    // Final, not retried until the deadline.
    expect(Date.now() - started).toBeLessThan(2500);
  });

  it('a certificate from another CA: refused, naming the client CA', async () => {
    const r = await exchange(['--client-cert', f.stranger.certFile, '--client-key', f.stranger.keyFile]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no answer from the broker .*if it requires mutual TLS, check that the client certificate is signed by its client CA/);
  });

  it('a key that is not the certificate\'s: refused before the token is sent', async () => {
    const before = bed.log.join('').length;
    const r = await exchange(['--client-cert', f.client.certFile, '--client-key', f.stranger.keyFile]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--client-key is not the private key of the certificate in --client-cert (subject CN=ci-runner): give the key that was made with that certificate (client_key_mismatch)');
    expect(bed.log.join('').slice(before)).not.toMatch(/"event":"exchange"/);
  });

  it('an unreadable file, one half missing, a key on the command line: usage errors', async () => {
    const unreadable = await exchange(['--client-cert', f.client.certFile, '--client-key', f.unreadableFile]);
    expect(unreadable.code).toBe(2);
    expect(unreadable.stderr).toContain(`--client-key: cannot read the key file ${JSON.stringify(f.unreadableFile)} (ENOENT); give a readable file, or the PEM text itself (client_certificate_unreadable)`);
    // The key's body without its armour is not PEM text, so it is taken for a path: the message must not echo it.
    const body = keyBodyLines(f.client.key).join('');
    const bare = await exchange(['--client-cert', f.client.certFile, '--client-key', body]);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('(client_certificate_unreadable)');
    for (const line of keyBodyLines(f.client.key)) expect(bare.stderr).not.toContain(line);
    const half = await exchange(['--client-cert', f.client.certFile]);
    expect(half.code).toBe(2);
    expect(half.stderr).toContain('--client-cert is set but --client-key is not: mutual TLS needs the certificate\'s private key too (client_certificate_incomplete)');
    const inline = await exchange(['--client-cert', f.client.certFile, `--client-key=${f.client.key}`]);
    expect(inline.code).toBe(2);
    expect(inline.stderr).toContain('--client-key takes the path of a file, not the key itself');
    const notPem = await exchange(['--client-cert', f.client.keyFile, '--client-key', f.client.keyFile]);
    expect(notPem.code).toBe(2);
    expect(notPem.stderr).toContain('--client-cert: expected a PEM certificate (-----BEGIN CERTIFICATE-----)');
  });

  it('--help lists both options', async () => {
    const r = await callCli(['exchange', '--help']);
    expect(r.stdout).toMatch(/--client-cert FILE +a PEM client certificate to present to the broker/);
    expect(r.stdout).toMatch(/--client-key FILE +the PEM private key of --client-cert/);
  });
});

describe('loadClientCertificate', () => {
  const names = { cert: 'client-certificate', key: 'client-key', passphrase: 'client-key-passphrase' };

  it('takes PEM text or files, and binds the certificate to the broker origin', async () => {
    const fromText = await loadClientCertificate({ cert: f.client.cert, key: f.client.key, brokerUrl: `${bed.url}/base/`, names });
    expect(fromText).toMatchObject({ origin: bed.url, cert: f.client.cert, key: f.client.key, subject: 'CN=ci-runner' });
    const fromFiles = await loadClientCertificate({ cert: f.client.certFile, key: ` ${f.client.keyFile}\n`, brokerUrl: bed.url, names });
    expect(fromFiles?.key).toBe(await readFile(f.client.keyFile, 'utf8'));
    expect(await loadClientCertificate({ cert: '', key: '', brokerUrl: bed.url, names })).toBeUndefined();
  });

  it('refuses an expired certificate and one not valid yet', async () => {
    const in3days = () => Date.now() + 3 * 86_400_000;
    await expect(loadClientCertificate({ cert: f.client.cert, key: f.client.key, brokerUrl: bed.url, names, now: in3days })).rejects.toMatchObject({
      code: 'client_certificate_expired',
      message: expect.stringMatching(/^client-certificate: the certificate expired on \d{4}-.*Renew it with your CA \(client_certificate_expired\)$/),
    });
    const yesterday = () => Date.now() - 86_400_000;
    await expect(loadClientCertificate({ cert: f.client.cert, key: f.client.key, brokerUrl: bed.url, names, now: yesterday })).rejects.toMatchObject({ code: 'client_certificate_expired' });
  });

  it('an encrypted key: needs its passphrase, refuses a wrong one', async () => {
    const { execFileSync } = await import('node:child_process');
    const encrypted = execFileSync('openssl', ['pkey', '-in', f.client.keyFile, '-aes256', '-passout', 'pass:correct-horse-1'], { encoding: 'utf8' });
    expect(encrypted).toContain('-----BEGIN ENCRYPTED PRIVATE KEY-----');
    const ok = await loadClientCertificate({ cert: f.client.cert, key: encrypted, passphrase: 'correct-horse-1', brokerUrl: bed.url, names });
    expect(ok?.passphrase).toBe('correct-horse-1');
    await expect(loadClientCertificate({ cert: f.client.cert, key: encrypted, brokerUrl: bed.url, names })).rejects.toMatchObject({
      code: 'client_key_passphrase',
      message: 'client-key: the key is encrypted; give its passphrase in client-key-passphrase (client_key_passphrase)',
    });
    const wrong = await loadClientCertificate({ cert: f.client.cert, key: encrypted, passphrase: 'wrong-pass-2', brokerUrl: bed.url, names }).catch((e: Error) => e);
    expect(wrong).toMatchObject({ code: 'client_key_passphrase', message: 'client-key: the passphrase does not decrypt the key (client_key_passphrase)' });
    expect(String((wrong as Error).message)).not.toContain('wrong-pass-2');
  });

  it('a key in place of the certificate and a certificate in place of the key: not PEM of that kind', async () => {
    await expect(loadClientCertificate({ cert: f.client.key, key: f.client.key, brokerUrl: bed.url, names })).rejects.toMatchObject({ code: 'client_certificate_not_pem' });
    await expect(loadClientCertificate({ cert: f.client.cert, key: f.client.cert, brokerUrl: bed.url, names })).rejects.toMatchObject({ code: 'client_certificate_not_pem' });
    await expect(loadClientCertificate({ cert: join(f.dir, 'server.csr'), key: f.client.keyFile, brokerUrl: bed.url, names })).rejects.toMatchObject({ code: 'client_certificate_not_pem' });
  });
});

describe('the certificate goes to the broker origin only', () => {
  it('a server that asks every client for a certificate sees it on the broker origin and not on another, directly and through a proxy', async () => {
    // Two loopback TLS servers that request (not require) a client certificate and answer with the CN they got.
    const servers: Server[] = [];
    const urls: string[] = [];
    for (let i = 0; i < 2; i++) {
      const server = createServer({ cert: await readFile(join(f.dir, 'server.crt')), key: await readFile(join(f.dir, 'server.key')), ca: f.caCert, requestCert: true, rejectUnauthorized: false }, (req, res) => {
        const cn = (req.socket as TLSSocket).getPeerCertificate()?.subject?.CN;
        res.end(cn ? String(cn) : '(none)');
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      servers.push(server);
      urls.push(`https://127.0.0.1:${(server.address() as AddressInfo).port}`);
    }
    try {
      const own = await loadClientCertificate({ cert: f.client.certFile, key: f.client.keyFile, brokerUrl: `${urls[0]}/broker`, names: { cert: 'c', key: 'k' } });
      const http = createHttpClient({ ca: f.caCert, clientCertificate: own!, env: {} });
      // Through a connection opened ahead (warm) and a fresh one, as the action does.
      http.warm?.(urls[0]!);
      http.warm?.(urls[1]!);
      const seen = [];
      for (const url of [urls[0], urls[1], urls[0], urls[1]]) seen.push((await http({ method: 'GET', url: `${url}/v1/exchange`, timeoutMs: 5000 })).body);
      expect(seen).toEqual(['ci-runner', '(none)', 'ci-runner', '(none)']);

      // Through an HTTPS_PROXY (a CONNECT tunnel; the certificate is presented inside it), the same.
      const tunnels: string[] = [];
      const proxy = createHttpServer();
      proxy.on('connect', (req, client, head) => {
        tunnels.push(String(req.url));
        const [host, port] = String(req.url).split(':');
        const upstream = connect(Number(port), host!, () => {
          client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
          upstream.write(head);
          upstream.pipe(client).pipe(upstream);
        });
        upstream.on('error', () => client.destroy());
        client.on('error', () => upstream.destroy());
      });
      await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
      const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
      try {
        const proxied = createHttpClient({ ca: f.caCert, clientCertificate: own!, env: { HTTPS_PROXY: proxyUrl } });
        const viaProxy = [];
        for (const url of [urls[0], urls[1]]) viaProxy.push((await proxied({ method: 'GET', url: `${url}/v1/exchange`, timeoutMs: 5000 })).body);
        expect(viaProxy).toEqual(['ci-runner', '(none)']);
        expect(tunnels).toEqual([urls[0]!.slice('https://'.length), urls[1]!.slice('https://'.length)]);
      } finally {
        proxy.closeAllConnections();
        await new Promise<void>((r) => proxy.close(() => r()));
      }
    } finally {
      for (const s of servers) {
        s.closeAllConnections();
        await new Promise<void>((r) => s.close(() => r()));
      }
    }
  });
});
