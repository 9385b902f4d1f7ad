// The generic client honours the broker's Retry-After within its deadline, against a loopback server: a 503
// asking for 2 s is retried after about 2 s; one asking for longer than the time left fails at once, saying
// that the broker asked for a wait the time limit does not allow (not "no answer").
import { afterEach, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { callCli } from '../helpers/command.js';

let server: Server | undefined;
afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

/** A broker double: answers 503 with `retryAfter` for the first `busy` requests, then grants DB_PASSWORD. */
async function busyBroker(busy: number, retryAfter: string): Promise<{ url: string; times: number[] }> {
  const times: number[] = [];
  server = createServer((_req, res) => {
    times.push(Date.now());
    if (times.length <= busy) {
      res.writeHead(503, { 'content-type': 'application/json', 'retry-after': retryAfter });
      return res.end(JSON.stringify({ error: 'upstream_unavailable', message: 'the secret store is down' }));
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ secrets: { DB_PASSWORD: 'retry-after-value-1' }, policy: 'p', expires_at: null }));
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}`, times };
}

const args = (url: string, timeout: string) => ['exchange', '--broker-url', url, '--token-env', 'T', '--shell', '--secret', 'DB_PASSWORD', '--timeout-seconds', timeout];

describe('Retry-After in the generic client', () => {
  it('a 503 with Retry-After: 2 is retried after about 2 s, within the deadline', async () => {
    const b = await busyBroker(1, '2');
    const r = await callCli(args(b.url, '20'), { env: { T: 'x.y.z' } });
    expect(r.code).toBe(0);
    expect(b.times).toHaveLength(2);
    const waited = b.times[1]! - b.times[0]!;
    expect(waited).toBeGreaterThanOrEqual(1900);
    expect(waited).toBeLessThan(5000);
    expect(r.stderr).toContain('retrying in 2.0 s');
  });

  it('a Retry-After longer than the time left fails at once and says so', async () => {
    const b = await busyBroker(5, '30');
    const started = Date.now();
    const r = await callCli(args(b.url, '10'), { env: { T: 'x.y.z' } });
    expect(r.code).toBe(1);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(b.times).toHaveLength(1);
    expect(r.stderr).toMatch(/asked to be retried in 30 s \(Retry-After\), later than the (9|10) s left of the time limit/);
    expect(r.stderr).not.toContain('no answer');
  });
});
