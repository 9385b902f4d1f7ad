// The real bundled broker (`node dist/cli.js broker`) as its own process, sharing one redis-server with a
// broker built in the test: a token spent on either is refused on the other, and the process rides out a
// Redis restart without being restarted itself.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { request } from 'undici';
import { stringify } from 'yaml';
import { exchangeOver, leaks } from '../helpers/broker.js';
import { SECRET_VALUES, eventually, scaleConfig, startIssuers, type Issuers } from './bed.js';
import { startBed, type Bed } from '../../src/harness/bed.js';
import { startRedis, type RedisServer } from './redis.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
let redis: RedisServer;
let iss: Issuers;
let inProcess: Bed;
let child: ChildProcess;
let childUrl: string;
let output = '';
let dir: string;

beforeAll(async () => {
  [redis, iss] = await Promise.all([startRedis(), startIssuers()]);
  const raw = scaleConfig(iss, { store: `${redis.url}?command_timeout_ms=500` });
  inProcess = await startBed({ issuers: iss, config: raw });
  dir = mkdtempSync(join(tmpdir(), 'oidcx-scale-'));
  const file = join(dir, 'broker.yaml');
  writeFileSync(file, stringify({ ...raw, listen: { host: '127.0.0.1', port: 0 } }));
  child = spawn(process.execPath, [join(root, 'dist/cli.js'), 'broker', '--config', file], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  await eventually('the broker process listens', async () => /"event":"listening"/.test(output), 15_000);
  childUrl = /"address":"(http:\/\/[^"]+)"/.exec(output)![1]!;
  await eventually('the process sees redis', async () => (await request(`${childUrl}/readyz`)).statusCode === 200, 10_000);
}, 30_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
  await inProcess?.close();
  await Promise.all([iss?.close(), redis?.stop()]);
  if (dir) rmSync(dir, { recursive: true, force: true });
  expect(leaks(output + inProcess.log.join(''), Object.values(SECRET_VALUES))).toEqual([]);
});

const mint = (tag: string) => iss.github.mint({ ...iss.github.claimsFor(), sub: `repo:octo-org/octo-repo:ref:refs/heads/main#${tag}` });

describe('the bundled broker process on a shared redis-server', () => {
  it('refuses a token spent on the in-process broker, and the other way round', async () => {
    const t1 = await mint('p1');
    expect((await exchangeOver(inProcess.url, { token: t1 })).status).toBe(200);
    expect((await exchangeOver(childUrl, { token: t1 })).json.error).toBe('token_replayed');
    const t2 = await mint('p2');
    expect((await exchangeOver(childUrl, { token: t2 })).status).toBe(200);
    expect((await exchangeOver(inProcess.url, { token: t2 })).json.error).toBe('token_replayed');
  });

  it('rides out a Redis restart: 503 while it is gone, served again after, no restart, no noise', async () => {
    await redis.stop();
    const t = await mint('outage');
    const during = await exchangeOver(childUrl, { token: t });
    expect(during.status).toBe(503);
    expect(during.json.error).toBe('upstream_unavailable');
    const ready = await request(`${childUrl}/readyz`);
    expect(ready.statusCode).toBe(503);
    expect(((await ready.body.json()) as { status: string }).status).toBe('store_unavailable');
    await new Promise((r) => setTimeout(r, 1500)); // a few failed reconnects
    await redis.start();
    await eventually('the process is ready again', async () => (await request(`${childUrl}/readyz`)).statusCode === 200, 10_000);
    expect((await exchangeOver(childUrl, { token: t })).status).toBe(200);
    expect(child.exitCode).toBeNull();
    expect(output).toMatch(/"event":"store_down"/);
    expect(output).toMatch(/"event":"store_up"/);
    // ioredis prints "[ioredis] Unhandled error event" unless the broker listens for errors: it does.
    expect(output).not.toMatch(/\[ioredis\]/);
  });

  it('exits cleanly on SIGTERM, closing its Redis connection', async () => {
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toMatch(/"event":"shutdown"/);
  });
});
