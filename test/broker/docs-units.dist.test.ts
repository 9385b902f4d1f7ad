// The systemd unit and the container's command line in the operator docs (deploy.md) and the Dockerfile, run as
// printed: both start /opt/oidc-exchange/dist/cli.js, so this runs the bundled CLI (the dist tier). ExecStart
// starts the broker, ExecReload reloads it, KillSignal stops it; the container's command refuses plain HTTP on
// 0.0.0.0 and its health check tells a serving broker from a stopped one.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { repoRoot } from '../helpers/docs.js';
import { runBundledCli, startBundledCli } from '../helpers/process.js';
import { startIssuers, type Issuers } from '../scale/bed.js';
import { freePort } from '../scale/redis.js';
import { blocks } from './operator-docs.js';

describe('the systemd unit and the container', () => {
  let iss: Issuers;
  let dir: string;
  let config: string;
  beforeAll(async () => {
    iss = await startIssuers();
    dir = await mkdtemp(join(tmpdir(), 'oidcx-units-'));
    config = join(dir, 'broker.yaml');
    await writeFile(
      config,
      stringify({
        audience: 'https://broker.example.com',
        issuers: [{ id: 'gitlab', issuer: iss.gitlab.url, kind: 'gitlab', jwks_uri: iss.gitlab.jwksUri }],
        secrets: { S: { value: 'x' } },
        policies: [{ name: 'p', issuer: 'gitlab', claims: { project_path: 'a/b' }, secrets: ['S'] }],
      }),
    );
  });
  afterAll(async () => {
    await Promise.all([iss?.close(), rm(dir, { recursive: true, force: true })]);
  });

  it('ExecStart starts the broker, ExecReload reloads it, KillSignal stops it cleanly', async () => {
    const unit = blocks.find((b) => b.tags[0] === 'systemd-unit')!.text;
    const value = (key: string) => new RegExp(`^${key}=(.*)$`, 'm').exec(unit)![1]!;
    const start = value('ExecStart').split(' ');
    expect(start.slice(0, 3)).toEqual(['/usr/bin/node', '/opt/oidc-exchange/dist/cli.js', 'broker']);
    const args = start.slice(2).map((a) => (a === '/etc/oidc-exchange/broker.yaml' ? config : a));
    const port = await freePort();
    const proc = startBundledCli([...args, '--port', String(port)]);
    await proc.waitFor(/"event":"listening"/);
    execFileSync('sh', ['-c', value('ExecReload').replace('$MAINPID', String(proc.child.pid))]);
    await proc.waitFor(/"event":"config_reloaded","trigger":"SIGHUP"/);
    expect(value('KillSignal')).toBe('SIGTERM');
    proc.child.kill('SIGTERM');
    expect(await proc.exited).toBe(0);
  });

  it("the container's command refuses plain HTTP on 0.0.0.0 unless the configuration says TLS or plain_http", async () => {
    const file = readFileSync(join(repoRoot, 'Dockerfile'), 'utf8');
    const entry = JSON.parse(/^ENTRYPOINT (.*)$/m.exec(file)![1]!) as string[];
    const cmd = (JSON.parse(/^CMD (.*)$/m.exec(file)![1]!) as string[]).map((a) => (a === '/etc/oidc-exchange/broker.yaml' ? config : a));
    expect(entry).toEqual(['node', '/opt/oidc-exchange/dist/cli.js', 'broker']);
    const r = await runBundledCli([...entry.slice(2), ...cmd]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('listen: plain HTTP on 0.0.0.0 would carry tokens unencrypted; configure listen.tls (cert and key), or set listen.plain_http: true');
  });

  it("the container's health check passes against a serving broker and fails without one", async () => {
    const file = readFileSync(join(repoRoot, 'Dockerfile'), 'utf8');
    const health = JSON.parse(/^HEALTHCHECK .* CMD (\[.*\])$/m.exec(file)![1]!) as string[];
    expect(health.slice(0, 2)).toEqual(['node', '-e']);
    const script = health[2]!;
    const port = await freePort();
    const proc = startBundledCli(['broker', '--config', config, '--port', String(port)]);
    await proc.waitFor(/"event":"listening"/);
    const run = (url: string) =>
      new Promise<number | null>((resolve) => spawn(process.execPath, ['-e', script], { env: { HEALTH_URL: url }, stdio: 'ignore' }).on('close', resolve));
    expect(await run(`http://127.0.0.1:${port}/healthz`)).toBe(0);
    proc.child.kill('SIGTERM');
    await proc.exited;
    expect(await run(`http://127.0.0.1:${port}/healthz`)).toBe(1);
  });
});
