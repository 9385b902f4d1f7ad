// The client's HTTP (src/client/http.ts) against real loopback servers: an early connection from warm() is
// used by the next request and never outlives it; a server that never answers costs one request's time; an
// answer is read up to 16 MiB; which broker URLs may carry a token in clear text; and the TLS contexts are
// made once each.
import { afterEach, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHttpClient } from '../../src/client/http.js';
import { contextTrusting, MAX_ANSWER_BYTES } from '../../src/client/transport.js';
import { cleartextProblem, isLoopbackHost } from '../../src/client/url.js';
import { makePki } from '../broker/pki.js';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = undefined;
});

async function serve(handler: Parameters<typeof createServer>[1]): Promise<{ url: string; connections: () => number }> {
  let connections = 0;
  server = createServer(handler);
  server.on('connection', () => connections++);
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, connections: () => connections };
}

describe('early connection (warm)', () => {
  it('the next request uses the connection warm() opened, and closes it after', async () => {
    const s = await serve((_req, res) => res.end('ok'));
    const client = createHttpClient({ env: {} });
    client.warm!(s.url);
    await new Promise((r) => setTimeout(r, 50));
    expect(s.connections()).toBe(1);
    const res = await client({ method: 'GET', url: `${s.url}/x`, timeoutMs: 2000 });
    expect(res).toMatchObject({ status: 200, body: 'ok' });
    expect(s.connections()).toBe(1);
    // A second request opens its own.
    await client({ method: 'GET', url: `${s.url}/y`, timeoutMs: 2000 });
    expect(s.connections()).toBe(2);
  });

  it('a server that accepts and never answers costs the request its own time, with a timeout error', async () => {
    const s = await serve(() => undefined);
    const client = createHttpClient({ env: {} });
    client.warm!(s.url);
    const started = Date.now();
    await expect(client({ method: 'GET', url: s.url, timeoutMs: 300 })).rejects.toMatchObject({ code: 'timeout' });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('not through a proxy: the proxy decides where to connect', async () => {
    const s = await serve((_req, res) => res.end('ok'));
    // https: plain http to loopback never goes through a proxy (issue 18), https to it still does.
    const client = createHttpClient({ env: { HTTPS_PROXY: 'http://127.0.0.1:9' } });
    client.warm!(s.url.replace(/^http:/, 'https:'));
    await new Promise((r) => setTimeout(r, 50));
    expect(s.connections()).toBe(0);
  });
});

describe('answer size', () => {
  it('refuses an answer whose Content-Length is over the limit without reading it', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'content-length': String(MAX_ANSWER_BYTES + 1) });
      res.write('x');
    });
    await expect(createHttpClient({ env: {} })({ method: 'GET', url: s.url, timeoutMs: 2000 })).rejects.toMatchObject({ code: 'answer_too_large' });
  });

  it('counts what it reads when there is no Content-Length', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200);
      res.end(Buffer.alloc(2048, 'a'));
    });
    await expect(createHttpClient({ env: {} })({ method: 'GET', url: s.url, timeoutMs: 2000, maxBodyBytes: 1024 })).rejects.toMatchObject({ code: 'answer_too_large' });
  });
});

describe('clear text', () => {
  it.each(['localhost', '127.0.0.1', '127.1.2.3', '[::1]'])('%s is this machine', (h) => expect(isLoopbackHost(h)).toBe(true));
  it.each(['127.attacker.example', 'localhost.evil.example', '10.0.0.1', '[::ffff:127.0.0.1]', '128.0.0.1', 'evil'])('%s is not', (h) => expect(isLoopbackHost(h)).toBe(false));

  it.each([
    ['https://broker.example.com', undefined],
    ['http://127.0.0.1:8080', undefined],
    ['http://127.1:8080', undefined],
    ['http://localhost:8080/', undefined],
    ['http://[::1]:8080', undefined],
    ['http://broker.example.com', /clear text/],
    ['http://127.0.0.1@evil.example/', /remove the user name and password .*@evil\.example/],
    ['http://127.attacker.example/', /clear text/],
    ['https://user:pass@broker.example.com', /remove the user name and password/],
    ['ftp://broker.example.com', /expected an https:\/\/ URL, got the scheme ftp:/],
    ['not a url', /expected an https:\/\/ URL/],
  ])('%s', (url, problem) => {
    const p = cleartextProblem(url);
    if (problem === undefined) expect(p).toBeUndefined();
    else expect(p).toMatch(problem);
  });
});

describe('TLS contexts (contextTrusting)', () => {
  it('a client presenting a certificate to one origin keeps both contexts: none is made again on alternation', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oidcx-ctx-'));
    try {
      const pki = makePki(dir);
      const client = pki.issue('client', { cn: 'ci-runner' });
      const identity = { cert: client.cert, key: client.key };
      const withCert = await contextTrusting(pki.caCert, identity);
      const without = await contextTrusting(pki.caCert);
      expect(without).not.toBe(withCert);
      expect(await contextTrusting(pki.caCert, identity)).toBe(withCert);
      expect(await contextTrusting(pki.caCert)).toBe(without);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
