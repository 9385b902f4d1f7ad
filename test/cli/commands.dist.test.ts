// The dist tier's run of every `oidc-exchange` command from the bundle (dist/cli.js, `npm run build` first):
// the bundle's command table reaches each command and its lazily loaded chunk, and each does its job as a
// real process. What the commands print in every case is covered on the sources (test/cli/, test/broker/cli,
// test/broker/lint-*, test/exchange/cli, test/gitlab/cli); these repeat one case of each.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoSecretValues } from '../../src/harness/demo/run.js';
import { startFakeIssuer } from '../../src/harness/fakes/issuer.js';
import { AUDIENCE, exchangeOver, leaks, startTestBed, type TestBed } from '../helpers/broker.js';
import { repoRoot } from '../helpers/docs.js';
import { leaked } from '../gitlab/job-env.js';
import { runBundledCli, startBundledCli } from '../helpers/process.js';

const VERSION = (JSON.parse(readFileSync(`${repoRoot}/package.json`, 'utf8')) as { version: string }).version;
const VALUE = 'dist-tier-secret "value" $x 5c1d';

let dir: string;
let bed: TestBed;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oidc-exchange-dist-cli-'));
  bed = await startTestBed({
    env: { V: VALUE },
    config: () => ({
      secrets: { API_TOKEN: { env: 'V' } },
      policies: [{ name: 'api', issuer: 'gitlab', claims: { project_path: 'acme/platform/api', ref: 'main' }, secrets: ['API_TOKEN'] }],
    }),
  });
});
afterAll(async () => {
  await bed.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the bundled oidc-exchange', () => {
  it('--version and no command', async () => {
    const v = await runBundledCli(['--version']);
    expect([v.code, v.stdout]).toEqual([0, `oidc-exchange ${VERSION}\n`]);
    const none = await runBundledCli([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('usage: oidc-exchange <command>');
  });

  it('broker: serves, then shuts down on SIGTERM with exit 0', async () => {
    const github = await startFakeIssuer({ kind: 'github', audience: AUDIENCE });
    const config = join(dir, 'broker.yaml');
    await writeFile(
      config,
      [
        `audience: ${AUDIENCE}`,
        'issuers:',
        `  - { id: github, issuer: "${github.url}", kind: github }`,
        'secrets:',
        '  TOKEN: { env: DIST_TEST_SECRET }',
        'policies:',
        '  - { name: prod, issuer: github, claims: { repository: octo-org/octo-repo, environment: production }, secrets: [TOKEN] }',
        '',
      ].join('\n'),
    );
    const broker = startBundledCli(['broker', '--config', config, '--port', '0'], { PATH: process.env.PATH, DIST_TEST_SECRET: VALUE });
    try {
      const url = (JSON.parse(await broker.waitFor(/"event":"listening"/)) as { address: string }).address;
      const ok = await exchangeOver(url, { token: await github.mint(github.claimsFor({ environment: 'production' })) });
      expect(ok.status).toBe(200);
      expect(ok.json.secrets).toEqual({ TOKEN: VALUE });
      broker.child.kill('SIGTERM');
      expect(await broker.exited).toBe(0);
      expect(broker.output()).toContain('"event":"shutdown"');
    } finally {
      broker.child.kill('SIGKILL');
      await github.close();
    }
    expect(leaks(broker.output(), [VALUE])).toEqual([]);
  });

  it('check: a claims file matches a policy; --lint finds nothing in the example', async () => {
    const r = await runBundledCli(['check', '--config', 'examples/broker.yaml', '--claims', 'examples/claims-github.json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✓ prod-deploy: MATCHES, grants DB_PASSWORD, TLS_KEY');
    const lint = await runBundledCli(['check', '--lint', '--config', 'examples/broker.yaml']);
    expect([lint.code, lint.stdout]).toEqual([0, 'examples/broker.yaml: no findings\n']);
  });

  it('exchange: one 0600 file per secret, names only on stderr', async () => {
    const out = join(dir, 'files');
    const token = await bed.gitlab.mint(bed.gitlab.claimsFor());
    const r = await runBundledCli(['exchange', '--broker-url', bed.url, '--token-env', 'CI_JOB_JWT', '--out-dir', out, '--export-all'], { env: { PATH: process.env.PATH, CI_JOB_JWT: token } });
    expect(r.code).toBe(0);
    expect(await readdir(out)).toEqual(['API_TOKEN']);
    expect(await readFile(join(out, 'API_TOKEN'), 'utf8')).toBe(VALUE);
    expect(r.stderr).toContain('1 secret(s) from policy api');
    expect(leaks(r.stdout + r.stderr, [VALUE])).toEqual([]);
  });

  it('demo: runs the whole flow, the GitLab component jobs included, exits 0, and prints no secret value', async () => {
    const r = await runBundledCli(['demo'], { timeoutMs: 60_000 });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/(\d+) of \1 steps behaved as expected/);
    expect(r.stdout).toContain('✓ GitLab job extending the CI/CD component');
    expect(r.stdout).toContain('✓ GitLab job with CI_DEBUG_TRACE on is refused');
    expect(leaks(r.stdout + r.stderr, [...demoSecretValues])).toEqual([]);
  }, 60_000);

  it('issuers and token: mints a token from a running fake issuer', async () => {
    const issuers = startBundledCli(['issuers']);
    try {
      const url = (await issuers.waitFor(/fake GitHub issuer: /)).split(': ')[1]!.trim();
      const r = await runBundledCli(['token', '--issuer-url', url, '--audience', AUDIENCE, '--set', 'environment=production', '--set', 'ref=refs/heads/main']);
      expect(r.code).toBe(0);
      const claims = JSON.parse(Buffer.from(r.stdout.trim().split('.')[1]!, 'base64url').toString()) as Record<string, string>;
      expect(claims).toMatchObject({ iss: url, aud: AUDIENCE, environment: 'production', sub: 'repo:octo-org/octo-repo:environment:production' });
    } finally {
      issuers.child.kill('SIGTERM');
      expect(await issuers.exited).toBe(0);
    }
  });

  it("gitlab-job: runs the component's job and returns its exit status", async () => {
    const r = await runBundledCli(['gitlab-job', '--input', `broker_url=${bed.url}`, '--input', `audience=${AUDIENCE}`, '--input', 'secrets=API_TOKEN', '--issuer-url', bed.gitlab.url, '--shell', '/bin/dash', '--script', 'oidc_exchange_redact sh -c "echo token=\\$API_TOKEN"']);
    expect(r.stdout).toContain('token=[MASKED]');
    expect(r.stdout).toContain('Job succeeded');
    expect(r.code).toBe(0);
    expect(leaked(r.stdout + r.stderr, [VALUE])).toEqual([]);
  });

  it('try-action: runs the bundled action against the example configuration, values masked', async () => {
    const env = { PATH: process.env.PATH, PROD_DB_PASSWORD: 'dist-tier-db-5e1f', PROD_TLS_KEY: 'dist-tier-tls-8b2a' };
    const r = await runBundledCli(['try-action', '--config', 'examples/broker.yaml', '--claims', 'examples/claims-github.json', '--secrets', 'DB_PASSWORD'], { env, timeoutMs: 60_000 });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`DB_PASSWORD=*** (${env.PROD_DB_PASSWORD.length} bytes)`);
    expect(leaks(r.stdout + r.stderr, [env.PROD_DB_PASSWORD, env.PROD_TLS_KEY])).toEqual([]);
  }, 60_000);
});
