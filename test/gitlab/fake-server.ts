// A loopback HTTP server for the component's tests that records every request (method, path, headers, body)
// and answers with the test's handler: a broker that behaves in ways the reference broker cannot be made to on
// demand, a GitHub API, or a stranger the component must never call.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Seen {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface Fake {
  url: string;
  port: number;
  seen: Seen[];
  close(): Promise<void>;
}

/** Listens on `host` (any 127.x.y.z address is loopback on Linux, so a test can play several hosts). */
export async function startFake(handler: (req: Seen, res: ServerResponse, n: number) => void, host = '127.0.0.1'): Promise<Fake> {
  const seen: Seen[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const s: Seen = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      seen.push(s);
      handler(s, res, seen.length);
    });
  });
  await new Promise<void>((r) => server.listen(0, host, r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    port,
    seen,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** The text/plain exchange answer: NAME BASE64 lines, and the revoke list in OIDC-Exchange-Revoke. */
export function plainAnswer(res: ServerResponse, secrets: Record<string, string>, revoke?: string): void {
  res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', ...(revoke === undefined ? {} : { 'oidc-exchange-revoke': revoke }) });
  res.end(Object.entries(secrets).map(([n, v]) => `${n} ${Buffer.from(v).toString('base64')}\n`).join(''));
}

/** A token-shaped string the fakes accept without checking a signature: the script only handles its shape. */
export function fakeJwt(claims: Record<string, unknown> = { project_path: 'acme/platform/api', aud: 'https://broker.test' }): string {
  return `${Buffer.from('{"alg":"RS256"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.c2lnbmF0dXJl`;
}
