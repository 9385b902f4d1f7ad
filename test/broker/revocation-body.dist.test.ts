// Issue 18, finding 3: fastify read a whole 16 MiB body on /v1/revoke_tokens before anything checked who sent
// it, on every broker (with or without a `revocation:` section): 64 parallel requests took one broker from
// 137 MiB to about 1.2 GiB. Now the pre-shared token is checked from the headers before a byte of body is read
// (404 when the API is off, 401 for a wrong token), and authenticated batches are read a few at a time.
// The bundled broker (`node dist/cli.js broker`, so `npm run build` first) runs as its own process, so its
// memory is its own: RSS read from /proc while 64 unauthenticated 16 MiB requests arrive at once.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { startFakeIssuer, type FakeIssuer } from '../../src/harness/fakes/issuer.js';
import { CLI } from '../helpers/process.js';

const AUDIENCE = 'https://broker.revocation-body.oidc-exchange.dev';
const REVOCATION_TOKEN = 'revocation-body-pre-shared-token';
const MIB = 1024 * 1024;
const CHUNK = Buffer.alloc(MIB, 0x5b); // `[` over and over: one shared buffer, so the client's memory stays flat
let gitlab: FakeIssuer;
let dir: string;

beforeAll(async () => {
  gitlab = await startFakeIssuer({ kind: 'gitlab', audience: AUDIENCE });
  dir = mkdtempSync(join(tmpdir(), 'oidcx-revocation-body-'));
});
afterAll(async () => {
  await gitlab.close();
  rmSync(dir, { recursive: true, force: true });
});

interface BrokerProcess {
  child: ChildProcess;
  host: string;
  port: number;
  output(): string;
  stop(): Promise<void>;
}

async function startBrokerProcess(name: string, revocation: boolean, listen: Record<string, unknown> = {}): Promise<BrokerProcess> {
  const file = join(dir, `${name}.yaml`);
  writeFileSync(
    file,
    stringify({
      listen: { host: '127.0.0.1', port: 0, ...listen },
      audience: AUDIENCE,
      issuers: [{ id: 'gitlab', issuer: gitlab.url, kind: 'gitlab', jwks_uri: gitlab.jwksUri }],
      secrets: { DB_PASSWORD: { value: 'revocation-body-secret' } },
      policies: [{ name: 'deploy', issuer: 'gitlab', claims: { project_id: '4711', ref_protected: 'true' }, secrets: ['DB_PASSWORD'] }],
      ...(revocation ? { revocation: { token_env: 'REVOCATION_TOKEN' } } : {}),
    }),
  );
  const child = spawn(process.execPath, [CLI, 'broker', '--config', file], { env: { PATH: process.env.PATH, REVOCATION_TOKEN }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const deadline = Date.now() + 20_000;
  while (!/"event":"listening"/.test(out)) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the broker did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const url = new URL(/"address":"(http:\/\/[^"]+)"/.exec(out)![1]!);
  return {
    child,
    host: url.hostname,
    port: Number(url.port),
    output: () => out,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

function rssMiB(pid: number): number {
  const line = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))!;
  return Number(line[1]) / 1024;
}

interface Sent {
  status: number | 'closed';
  retryAfter?: string;
  /** Body bytes written before the answer came or the connection closed. */
  written: number;
}

/**
 * POSTs a body of `size` bytes over a raw socket, written a MiB at a time as the socket takes it, and stops
 * writing as soon as an answer arrives. A raw socket, because a broker that answers without reading closes the
 * connection on a client still writing, and an HTTP client then reports the write error, not the answer it
 * had already received. `hold`: write only that many bytes, then wait for `release` before writing the rest.
 */
function post(b: BrokerProcess, size: number, authorization: string | undefined, hold?: { bytes: number; release: Promise<void> }): Promise<Sent> {
  return new Promise((resolve) => {
    let written = 0;
    let done = false;
    let received = '';
    const socket = connect(b.port, b.host);
    const finish = () => {
      if (done) return;
      done = true;
      const m = /^HTTP\/1\.1 (\d{3})/.exec(received);
      const retryAfter = /\r\nretry-after: *(\S+)/i.exec(received)?.[1];
      resolve({ status: m ? Number(m[1]) : 'closed', ...(retryAfter ? { retryAfter } : {}), written });
      socket.destroy();
    };
    socket.on('data', (d: Buffer) => {
      received += d.toString('latin1');
      if (/\r\n\r\n/.test(received)) finish();
    });
    socket.on('error', finish);
    socket.on('close', finish);
    const head = [`POST /v1/revoke_tokens HTTP/1.1`, `host: ${b.host}:${b.port}`, 'content-type: application/json', `content-length: ${size}`, ...(authorization === undefined ? [] : [`authorization: ${authorization}`]), '', ''].join('\r\n');
    const pump = async () => {
      if (!socket.write(head)) await new Promise((r) => socket.once('drain', r));
      while (!done && written < size) {
        if (hold && written >= hold.bytes) {
          await hold.release;
          hold = undefined;
        }
        const n = Math.min(MIB, size - written, hold ? hold.bytes - written : MIB);
        const last = written + n === size;
        const chunk = last ? Buffer.concat([CHUNK.subarray(0, n - 1), Buffer.from(']')]) : CHUNK.subarray(0, n);
        written += n;
        if (!done && !socket.write(chunk)) await new Promise((r) => (socket.once('drain', r), socket.once('close', r)));
      }
    };
    socket.once('connect', () => void pump());
  });
}

async function floodMeasured(b: BrokerProcess, authorization: string | undefined): Promise<{ idle: number; peak: number; sent: Sent[] }> {
  const pid = b.child.pid!;
  // Warm up (a few small answers), then take the idle figure.
  for (let i = 0; i < 3; i++) await post(b, 2, authorization);
  await new Promise((r) => setTimeout(r, 500));
  const idle = rssMiB(pid);
  let peak = idle;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(pid))), 20);
  try {
    const sent = await Promise.all(Array.from({ length: 64 }, () => post(b, 16 * MIB, authorization)));
    await new Promise((r) => setTimeout(r, 300));
    peak = Math.max(peak, rssMiB(pid));
    return { idle, peak, sent };
  } finally {
    clearInterval(sampler);
  }
}

describe('unauthenticated revocation bodies are never read', () => {
  it('with a revocation section: 64 parallel 16 MiB requests with a wrong token get 401 and RSS stays within 1.2x idle', async () => {
    const b = await startBrokerProcess('with-revocation', true);
    try {
      const { idle, peak, sent } = await floodMeasured(b, 'not-the-token');
      process.stdout.write(`revocation on: idle RSS ${idle.toFixed(1)} MiB, peak ${peak.toFixed(1)} MiB under 64 x 16 MiB unauthenticated\n`);
      // "closed": the broker answered and closed the connection without reading, and the reset that closing
      // a socket with unread data sends overtook its answer on the way to this (busy) client.
      expect(sent.filter((s) => s.status !== 401 && s.status !== 429 && s.status !== 'closed')).toEqual([]);
      expect(sent.filter((s) => s.status === 401).length).toBeGreaterThan(0);
      expect(peak).toBeLessThanOrEqual(idle * 1.2);
    } finally {
      await b.stop();
    }
  }, 120_000);

  it('without a revocation section: 404 before the body, and RSS stays within 1.2x idle', async () => {
    const b = await startBrokerProcess('without-revocation', false);
    try {
      const { idle, peak, sent } = await floodMeasured(b, undefined);
      process.stdout.write(`revocation off: idle RSS ${idle.toFixed(1)} MiB, peak ${peak.toFixed(1)} MiB under 64 x 16 MiB unauthenticated\n`);
      expect(sent.map((s) => s.status).filter((s) => s !== 404 && s !== 'closed')).toEqual([]);
      expect(sent.filter((s) => s.status === 404).length).toBeGreaterThan(0);
      expect(peak).toBeLessThanOrEqual(idle * 1.2);
    } finally {
      await b.stop();
    }
  }, 120_000);

  it('authenticated batches are read at most 4 at a time; the next one is told to retry', async () => {
    // Time enough for a stalled body on a busy machine: this test is about the cap, not the request timeout.
    const b = await startBrokerProcess('cap', true, { request_timeout_seconds: 120 });
    try {
      let release!: () => void;
      const released = new Promise<void>((r) => (release = r));
      // Four authenticated batches that have sent their headers and part of their body, then stall.
      const held = Array.from({ length: 4 }, () => post(b, 2 * MIB, REVOCATION_TOKEN, { bytes: MIB, release: released }));
      await new Promise((r) => setTimeout(r, 1000));
      // The fifth sends its headers and waits: the broker decides from the headers, and a body already on its way
      // could make the reset of a socket closed with unread data overtake the 429 on a busy machine.
      const fifth = await post(b, 2 * MIB, REVOCATION_TOKEN, { bytes: 0, release: released });
      expect(fifth.status).toBe(429);
      expect(fifth.retryAfter).toBe('1');
      release();
      // The held ones finish (their body is not valid findings: 400), and then a new batch is read again.
      expect((await Promise.all(held)).map((s) => s.status)).toEqual([400, 400, 400, 400]);
      expect((await post(b, 2, REVOCATION_TOKEN)).status).toBe(204);
    } finally {
      await b.stop();
    }
  }, 60_000);
});
