// Start-up of the real broker process on Redis: it connects to Redis (a bounded wait) before it listens, so
// its first exchanges are not answered 503; a Redis that is still down after the wait leaves it listening but
// unready until Redis comes; the password comes from the environment and Redis speaks TLS (rediss://) checked
// against a CA; an issuer that cannot be reached at start-up is named in the log. The bundled CLI as a process
// (the dist tier): start-up is what users run.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { stringify } from 'yaml';
import { exchangeOver, leaks } from '../helpers/broker.js';
import { startBundledCli, type Running } from '../helpers/process.js';
import { makePki } from '../broker/pki.js';
import { SECRET_VALUES, eventually, scaleConfig, startIssuers, type Issuers } from './bed.js';
import { freePort, startRedis, type RedisServer } from './redis.js';

const REDIS_PASSWORD = 'redis-password-7a7b7c-never-print';
let iss: Issuers;
let dir: string;
let tlsFiles: { certFile: string; keyFile: string; ca: string };

beforeAll(async () => {
  iss = await startIssuers();
  dir = await mkdtemp(join(tmpdir(), 'oidcx-startup-'));
  const pki = makePki(dir);
  const server = pki.issue('redis', { server: true });
  tlsFiles = { certFile: server.certFile, keyFile: server.keyFile, ca: pki.caCert };
});
afterAll(async () => {
  await Promise.all([iss?.close(), rm(dir, { recursive: true, force: true })]);
});

async function brokerOn(redis: RedisServer, extra: Record<string, unknown> = {}, wait = 10): Promise<{ proc: Running; url: string }> {
  const raw = {
    ...scaleConfig(iss, { store: 'memory' }),
    store: { redis: { url: redis.url, password_env: 'REDIS_PASSWORD', ca_file: join(dir, 'ca.crt'), startup_wait_seconds: wait } },
    ...extra,
  };
  const file = join(dir, `broker-${Math.random().toString(36).slice(2)}.yaml`);
  await writeFile(file, stringify(raw));
  const port = await freePort();
  const proc = startBundledCli(['broker', '--config', file, '--port', String(port)], { PATH: process.env.PATH, REDIS_PASSWORD });
  return { proc, url: `http://127.0.0.1:${port}` };
}

async function stop(proc: Running): Promise<string> {
  proc.child.kill('SIGTERM');
  await proc.exited;
  const out = proc.output();
  expect(leaks(out, [REDIS_PASSWORD, ...Object.values(SECRET_VALUES)])).toEqual([]);
  return out;
}

const githubJob = () => iss.github.mint(iss.github.claimsFor());

describe('a broker that starts before its Redis (TLS, password from the environment)', () => {
  it('waits for Redis before listening: its first exchange succeeds', async () => {
    const redis = await startRedis({ tls: tlsFiles, password: REDIS_PASSWORD, deferStart: true });
    try {
      const { proc, url } = await brokerOn(redis);
      await new Promise((r) => setTimeout(r, 1500));
      expect(proc.output()).not.toMatch(/"event":"listening"/);
      await redis.start();
      await proc.waitFor(/"event":"listening"/, 15_000);
      const first = await exchangeOver(url, { token: await githubJob() });
      expect(first.status).toBe(200);
      const ready = await request(`${url}/readyz`);
      expect(ready.statusCode).toBe(200);
      expect(((await ready.body.json()) as { store: unknown }).store).toEqual({ kind: 'redis', ok: true });
      const out = await stop(proc);
      expect(out.indexOf('"event":"store_up"')).toBeGreaterThan(-1);
      expect(out.indexOf('"event":"store_up"')).toBeLessThan(out.indexOf('"event":"listening"'));
    } finally {
      await redis.stop();
    }
  }, 40_000);

  it('after the bounded wait it listens anyway, unready (503) until Redis comes', async () => {
    const redis = await startRedis({ tls: tlsFiles, password: REDIS_PASSWORD, deferStart: true });
    try {
      const { proc, url } = await brokerOn(redis, {}, 1);
      await proc.waitFor(/"event":"store_not_ready"/, 15_000);
      await proc.waitFor(/"event":"listening"/);
      const unready = await request(`${url}/readyz`);
      expect(unready.statusCode).toBe(503);
      expect(((await unready.body.json()) as { status: string }).status).toBe('store_unavailable');
      await redis.start();
      await eventually('ready once Redis is up', async () => (await request(`${url}/readyz`)).statusCode === 200, 15_000);
      expect((await exchangeOver(url, { token: await githubJob() })).status).toBe(200);
      await stop(proc);
    } finally {
      await redis.stop();
    }
  }, 40_000);

  it('a wrong CA is a TLS failure logged as such, never a silent plain connection', async () => {
    const redis = await startRedis({ tls: tlsFiles, password: REDIS_PASSWORD });
    makePki(dir, 'wrong-ca'); // a CA that did not sign Redis's certificate
    try {
      const raw = scaleConfig(iss, { store: 'memory' });
      const file = join(dir, 'wrong-ca.yaml');
      await writeFile(file, stringify({ ...raw, store: { redis: { url: redis.url, password_env: 'REDIS_PASSWORD', ca_file: 'wrong-ca.crt', startup_wait_seconds: 1 } } }));
      const port = await freePort();
      const proc = startBundledCli(['broker', '--config', file, '--port', String(port)], { PATH: process.env.PATH, REDIS_PASSWORD });
      await proc.waitFor(/"event":"store_not_ready"/, 15_000);
      expect(proc.output()).toMatch(/"event":"store_error".*(certificate|self.signed|unable to verify)/i);
      await stop(proc);
    } finally {
      await redis.stop();
    }
  }, 30_000);
});

describe('issuers at start-up', () => {
  it('an issuer that cannot be reached is named in the log; the broker still starts', async () => {
    const redis = await startRedis({ tls: tlsFiles, password: REDIS_PASSWORD });
    try {
      const deadPort = await freePort();
      const raw = scaleConfig(iss, { store: 'memory' });
      const issuers = [...(raw.issuers as Array<Record<string, unknown>>), { id: 'gone', issuer: `http://127.0.0.1:${deadPort}`, kind: 'github', jwks_timeout_seconds: 1 }];
      const { proc, url } = await brokerOn(redis, { issuers });
      const line = await proc.waitFor(/"event":"issuer_unreachable"/, 15_000);
      expect(line).toContain('"issuer":"gone"');
      expect(line).toMatch(/ECONNREFUSED|fetch failed|connect/);
      await proc.waitFor(/"event":"listening"/);
      expect(proc.output()).not.toMatch(/"event":"issuer_unreachable","issuer":"github"/);
      expect((await exchangeOver(url, { token: await githubJob() })).status).toBe(200);
      await stop(proc);
    } finally {
      await redis.stop();
    }
  }, 30_000);
});

