// Issue 18, finding 5 (action and generic client, which share src/client/http.ts): a plain http:// broker URL
// on this machine went through HTTP_PROXY: the proxy saw the job's OIDC token and could answer with secret
// values of its own. Plain http to loopback is now always direct; https still follows HTTPS_PROXY (the proxy
// sees a CONNECT and ciphertext only).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpClient } from '../../src/client/http.js';
import { proxyFor } from '../../src/client/proxy-env.js';

interface Recorder {
  url: string;
  seen: string[];
  server: Server;
}

async function recorder(answer: string): Promise<Recorder> {
  const seen: string[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    seen.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`);
    req.resume();
    res.writeHead(200, { 'content-type': 'text/plain' }).end(answer);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, server };
}

let broker: Recorder;
let proxy: Recorder;
beforeAll(async () => {
  [broker, proxy] = await Promise.all([recorder('from-the-broker'), recorder('from-the-proxy')]);
});
afterAll(async () => {
  for (const s of [broker, proxy]) await new Promise((r) => s.server.close(r));
});

describe('loopback never through a proxy', () => {
  it('http://127.0.0.1 with HTTP_PROXY and http_proxy set goes direct: the proxy never sees the token', async () => {
    const client = createHttpClient({ env: { HTTP_PROXY: proxy.url, http_proxy: proxy.url } });
    const r = await client({ method: 'POST', url: `${broker.url}/v1/exchange`, headers: { authorization: 'Bearer job-token' }, timeoutMs: 5000 });
    expect(r.status).toBe(200);
    expect(r.body).toBe('from-the-broker');
    expect(proxy.seen).toEqual([]);
    expect(broker.seen).toEqual(['POST /v1/exchange Bearer job-token']);
  });

  it.each([
    ['http://127.0.0.1:8080/v1/exchange', undefined],
    ['http://127.9.9.9/v1/exchange', undefined],
    ['http://[::1]:8080/v1/exchange', undefined],
    ['http://localhost:8080/v1/exchange', undefined],
    ['http://broker.example.com/v1/exchange', 'http://proxy.example:3128'],
    ['https://127.0.0.1:8443/v1/exchange', 'http://proxy.example:3128'],
    ['https://broker.example.com/v1/exchange', 'http://proxy.example:3128'],
  ])('%s -> %s', (url, expected) => {
    const env = { HTTP_PROXY: 'http://proxy.example:3128', HTTPS_PROXY: 'http://proxy.example:3128' };
    expect(proxyFor(url, env)).toBe(expected);
  });
});
