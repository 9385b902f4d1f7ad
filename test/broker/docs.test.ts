// The blocks of the broker's operator docs (deploy.md, revocation.md, broker-api.md, github-app.md), as a
// newcomer copies them: every `yaml broker-config` block loads through the broker's own config loader (a
// `fragment` is wrapped in a minimal configuration, said in operator-docs.ts); the commands run; the two docs
// that describe GitLab's revocation client say the same facts. That the blocks validate against the published
// JSON Schema, and that it is fresh: schema.dist.test.ts; the systemd unit and the container, which run the
// bundle: docs-units.dist.test.ts.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { buildConfig } from '../../src/broker/config/load.js';
import { repoRoot, where, type DocBlock } from '../helpers/docs.js';
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
  // kubectl needs a cluster: test/docs/commands.dist.test.ts runs that block against a recording kubectl.
  const sh = blocks.filter((b) => b.lang === 'sh' && !b.tags.includes('needs-platform') && !b.tags.includes('needs-kubernetes'));

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
