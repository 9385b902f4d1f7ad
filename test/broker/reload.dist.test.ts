// Reload without a restart: SIGHUP to the real broker process (the bundled CLI), and the admin API's
// POST /-/reload. A broken file keeps the old configuration serving and says why in the log; a good one
// decides the next exchange; an exchange in flight finishes under the configuration it started with.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { stringify } from 'yaml';
import { startBed } from '../../src/harness/bed.js';
import { AUDIENCE, exchangeOver, leaks } from '../helpers/broker.js';
import { startBundledCli, type Running } from '../helpers/process.js';
import { startIssuers, type Issuers } from '../scale/bed.js';
import { freePort } from '../scale/redis.js';

const SECRETS = { A: 'reload-secret-a-11aa22-never-print', B: 'reload-secret-b-33bb44-never-print' };
const ADMIN_TOKEN = 'admin-token-0123456789abcdef-never-print';
let iss: Issuers;
let dir: string;

beforeAll(async () => {
  iss = await startIssuers();
  dir = await mkdtemp(join(tmpdir(), 'oidcx-reload-'));
});
afterAll(async () => {
  await Promise.all([iss?.close(), rm(dir, { recursive: true, force: true })]);
});

/** project acme/platform/api gets A under "first"; the "second" configuration grants it B instead. */
function config(which: 'first' | 'second', extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    audience: AUDIENCE,
    issuers: [{ id: 'gitlab', issuer: iss.gitlab.url, kind: 'gitlab', jwks_uri: iss.gitlab.jwksUri }],
    secrets: { A: { env: 'SECRET_A' }, B: { env: 'SECRET_B' } },
    policies: [{ name: which, issuer: 'gitlab', claims: { project_path: 'acme/platform/api' }, secrets: [which === 'first' ? 'A' : 'B'] }],
    admin: { token_env: 'ADMIN_TOKEN' },
    ...extra,
  };
}
const jobToken = () => iss.gitlab.mint(iss.gitlab.claimsFor({ project_path: 'acme/platform/api' } as never));

describe('SIGHUP to the broker process', () => {
  let proc: Running;
  let url: string;
  let file: string;
  beforeAll(async () => {
    file = join(dir, 'broker.yaml');
    await writeFile(file, stringify(config('first')));
    const port = await freePort();
    proc = startBundledCli(['broker', '--config', file, '--port', String(port)], { PATH: process.env.PATH, SECRET_A: SECRETS.A, SECRET_B: SECRETS.B, ADMIN_TOKEN });
    await proc.waitFor(/"event":"listening"/);
    url = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    proc.child.kill('SIGTERM');
    expect(await proc.exited).toBe(0);
    expect(leaks(proc.output(), [...Object.values(SECRETS), ADMIN_TOKEN])).toEqual([]);
  });

  it('a broken file keeps the old configuration serving, and the log says what is wrong', async () => {
    await writeFile(file, stringify(config('second')).replace('policies:', 'polices:'));
    proc.child.kill('SIGHUP');
    const line = await proc.waitFor(/"event":"config_reload_failed"/);
    expect(line).toMatch(/"trigger":"SIGHUP"/);
    expect(line).toContain('polices: unknown key');
    const r = await exchangeOver(url, { token: await jobToken() });
    expect(r.status).toBe(200);
    expect(r.json.policy).toBe('first');
    expect(r.json.secrets).toEqual({ A: SECRETS.A });
    expect(proc.child.exitCode).toBeNull();
  });

  it('a good file decides the next exchange', async () => {
    await writeFile(file, stringify(config('second')));
    proc.child.kill('SIGHUP');
    await proc.waitFor(/"event":"config_reloaded"/);
    const r = await exchangeOver(url, { token: await jobToken() });
    expect(r.json.policy).toBe('second');
    expect(r.json.secrets).toEqual({ B: SECRETS.B });
    const m = await (await request(`${url}/metrics`)).body.text();
    expect(m).toMatch(/^oidc_exchange_config_reloads_total\{outcome="success"\} 1$/m);
    expect(m).toMatch(/^oidc_exchange_config_reloads_total\{outcome="failure"\} 1$/m);
    expect(m).toMatch(/^oidc_exchange_config_last_reload_failed 0$/m);
  });

  it('the admin API reloads too, with its token only; a broken file is a 400 that names the problem', async () => {
    const post = (auth?: string) => request(`${url}/-/reload`, { method: 'POST', headers: auth ? { authorization: auth } : {} });
    const denied = await post('Bearer wrong-token-0000000000000');
    expect(denied.statusCode).toBe(401);
    await denied.body.dump();
    // A policy granting a name that only exists on Object.prototype: a configuration error, not a 500 later.
    const bogus = config('first');
    (bogus.policies as Array<Record<string, unknown>>)[0]!.secrets = ['toString'];
    await writeFile(file, stringify(bogus));
    const bad = await post(`Bearer ${ADMIN_TOKEN}`);
    expect(bad.statusCode).toBe(400);
    const body = (await bad.body.json()) as { error: string; message: string };
    expect(body.error).toBe('config_invalid');
    expect(body.message).toContain('policies[0].secrets[0]: "toString" is not defined under secrets');
    await writeFile(file, stringify(config('first')));
    const ok = await post(`Bearer ${ADMIN_TOKEN}`);
    expect(ok.statusCode).toBe(200);
    expect(await ok.body.json()).toEqual({ status: 'reloaded', needs_restart: [] });
    expect((await exchangeOver(url, { token: await jobToken() })).json.policy).toBe('first');
  });

  it('settings that need a restart are named, and the running values kept', async () => {
    await writeFile(file, stringify(config('first', { listen: { body_limit_bytes: 8192 }, store: 'redis://127.0.0.1:1' })));
    proc.child.kill('SIGHUP');
    const line = await proc.waitFor(/"event":"reload_needs_restart"/);
    expect(line).toContain('"settings":["listen.body_limit_bytes","store"]');
    expect((await exchangeOver(url, { token: await jobToken() })).status).toBe(200);
    expect(((await (await request(`${url}/readyz`)).body.json()) as { store: { kind: string } }).store.kind).toBe('memory');
  });
});

describe('an exchange in flight across a reload', () => {
  it('finishes under the configuration it started with; the next one uses the new one', async () => {
    // A named pipe as a file secret: reading it blocks until the test writes, holding the exchange in flight.
    const fifo = join(dir, 'slow-secret');
    execFileSync('mkfifo', [fifo]);
    const file = join(dir, 'inflight.yaml');
    const first = config('first');
    (first.secrets as Record<string, unknown>).A = { file: fifo };
    await writeFile(file, stringify(first));
    const env = { SECRET_A: SECRETS.A, SECRET_B: SECRETS.B, ADMIN_TOKEN };
    const bed = await startBed({ issuers: iss, configFile: file, env });
    const { broker, url } = bed;
    try {
      const inFlight = exchangeOver(url, { token: await jobToken() });
      await new Promise((r) => setTimeout(r, 300)); // the exchange is now blocked reading its secret
      await writeFile(file, stringify(config('second')));
      expect((await broker.reload('test')).ok).toBe(true);
      // The new configuration decides a new exchange at once.
      const next = await exchangeOver(url, { token: await jobToken() });
      expect(next.json.policy).toBe('second');
      // The old one, still waiting on its secret, completes under "first".
      const w = createWriteStream(fifo);
      w.end(SECRETS.A);
      const done = await inFlight;
      expect(done.status).toBe(200);
      expect(done.json.policy).toBe('first');
      expect(done.json.secrets).toEqual({ A: SECRETS.A });
    } finally {
      await bed.close();
    }
  });
});
