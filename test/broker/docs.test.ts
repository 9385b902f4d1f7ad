// The blocks of the broker's operator docs (deploy.md, revocation.md, broker-api.md, github-app.md), as a
// newcomer copies them: every `yaml broker-config` block loads through the broker's own config loader (a
// `fragment` is wrapped in a minimal configuration, said in operator-docs.ts); the commands run; the systemd
// unit and the container's command line start, reload and stop the real broker; the two docs that describe
// GitLab's revocation client say the same facts. That the blocks validate against the published JSON Schema,
// and that it is fresh: schema.dist.test.ts.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { buildConfig } from '../../src/broker/config/load.js';
import { repoRoot, where, type DocBlock } from '../helpers/docs.js';
import { runCli, startCli } from '../helpers/process.js';
import { startIssuers, type Issuers } from '../scale/bed.js';
import { freePort } from '../scale/redis.js';
import { blocks, wrap } from './operator-docs.js';

describe('every block in the operator docs says what it is (a kind tag, or sh for a command)', () => {
  it.each(blocks.map((b) => [where(b), b] as const))('%s', (_w, b: DocBlock) => {
    expect(b.lang === 'sh' || b.tags.length > 0).toBe(true);
  });
});

describe('broker-config blocks load through the broker config loader', () => {
  const configs = blocks.filter((b) => b.tags[0] === 'broker-config');

  it('there are some in each doc that configures the broker', () => {
    expect(new Set(configs.map((b) => b.file))).toEqual(new Set(['docs/deploy.md', 'docs/revocation.md', 'docs/github-app.md']));
  });

  it.each(configs.map((b) => [where(b), b] as const))('%s', async (_w, b: DocBlock) => {
    const doc = parse(b.text) as Record<string, unknown>;
    const raw = b.tags.includes('fragment') ? wrap(doc) : doc;
    // The file references (/etc/...) are not on this machine: loaded as `oidc-exchange check` does, without
    // reading them. Everything else (schema, references, URLs, names) is checked as at start-up.
    await expect(buildConfig(raw, '/etc/oidc-exchange/broker.yaml', { env: {}, checkSources: false })).resolves.toBeDefined();
  });

  it('the deploy doc shows the yaml-language-server line on a whole configuration', () => {
    const whole = configs.filter((b) => !b.tags.includes('fragment'));
    expect(whole.some((b) => b.text.startsWith('# yaml-language-server: $schema=../dist/broker-config.schema.json\n'))).toBe(true);
  });
});

describe('commands in the docs', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'oidcx-docs-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const sh = blocks.filter((b) => b.lang === 'sh' && !b.tags.includes('needs-platform'));

  it('are the ones this test knows how to run', () => {
    expect(sh.map((b) => b.text)).toEqual([expect.stringContaining('age-keygen -o broker.agekey'), 'openssl rand -hex 32\n']);
  });

  it('openssl rand -hex 32 makes a pre-shared token the broker accepts', async () => {
    const b = sh.find((x) => x.text.startsWith('openssl'))!;
    const token = execFileSync('sh', ['-c', b.text], { cwd: dir, encoding: 'utf8' }).trim();
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    const cfg = await buildConfig(wrap({ revocation: { token_env: 'REVOCATION_TOKEN' } }), join(dir, 'b.yaml'), { env: { REVOCATION_TOKEN: token }, checkSources: true });
    expect(cfg.revocation!.tokens).toEqual([token]);
  });

  it('the age commands make an identity and a file the broker decrypts', async () => {
    const b = sh.find((x) => x.text.includes('age-keygen'))!;
    execFileSync('sh', ['-eu', '-c', b.text], { cwd: dir, env: { PATH: process.env.PATH, DEPLOY_KEY_VALUE: 'deploy-key-from-the-docs' }, stdio: 'ignore' });
    const cfg = await buildConfig(
      wrap({ backends: { age: { repo: { identity_file: 'broker.agekey' } } }, secrets: { DEPLOY_KEY: { age: { file: 'secrets/deploy-key.age' } } } }),
      join(dir, 'broker.yaml'),
      { env: {}, checkSources: true },
    );
    expect((await cfg.secrets.get('DEPLOY_KEY')!.resolve()).value).toBe('deploy-key-from-the-docs');
  });
});

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
    const proc = startCli([...args, '--port', String(port)]);
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
    const r = await runCli([...entry.slice(2), ...cmd]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('listen: plain HTTP on 0.0.0.0 would carry tokens unencrypted; configure listen.tls (cert and key), or set listen.plain_http: true');
  });

  it("the container's health check passes against a serving broker and fails without one", async () => {
    const file = readFileSync(join(repoRoot, 'Dockerfile'), 'utf8');
    const health = JSON.parse(/^HEALTHCHECK .* CMD (\[.*\])$/m.exec(file)![1]!) as string[];
    expect(health.slice(0, 2)).toEqual(['node', '-e']);
    const script = health[2]!;
    const port = await freePort();
    const proc = startCli(['broker', '--config', config, '--port', String(port)]);
    await proc.waitFor(/"event":"listening"/);
    const run = (url: string) =>
      new Promise<number | null>((resolve) => spawn(process.execPath, ['-e', script], { env: { HEALTH_URL: url }, stdio: 'ignore' }).on('close', resolve));
    expect(await run(`http://127.0.0.1:${port}/healthz`)).toBe(0);
    proc.child.kill('SIGTERM');
    await proc.exited;
    expect(await run(`http://127.0.0.1:${port}/healthz`)).toBe(1);
  });
});

describe("GitLab's revocation client: deploy.md and revocation.md say the same", () => {
  const deploy = readFileSync(join(repoRoot, 'docs/deploy.md'), 'utf8').replace(/\s+/g, ' ');
  const revocation = readFileSync(join(repoRoot, 'docs/revocation.md'), 'utf8').replace(/\s+/g, ' ');
  it.each([
    ['public projects only', /only for public projects/i, /only for public projects|Public projects only/i],
    ['the outbound allowlist', /outbound allowlist/, /outbound allowlist/],
    ['retries of every non-2xx, 400 and 401 included', /retries every non-2xx answer\*?\*? \(400 and 401 included\)/, /Every non-2xx answer is retried\*?\*?, 400 and 401 included/],
    ['no Retry-After', /never reads `Retry-After`/, /never reads `Retry-After`/],
    ['the whole batch, up to 17 times', /whole batch again, up to 17 times/, /whole batch\*?\*?, up to 17 times/],
    ['the 20 s timeout', /waits 20 s/, /20 s read timeout/],
  ])('%s', (_what, inDeploy, inRevocation) => {
    expect(deploy).toMatch(inDeploy);
    expect(revocation).toMatch(inRevocation);
  });

  it('neither says GitLab does not retry a 400', () => {
    for (const d of [deploy, revocation]) expect(d).not.toMatch(/GitLab does not retry|not retried\)/i);
  });
});
