// The generic client as another CI gets it: `npm pack`, the tarball installed into an empty folder with no
// network, then `npx oidc-exchange --version`, `npx oidc-exchange@1 exchange` against a loopback broker,
// `check` with the shipped examples and the whole demo, all from the installed package.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoSecretValues } from '../../src/harness/demo/run.js';
import { startTestBed, leaks, type TestBed } from '../helpers/broker.js';
import { repoRoot } from '../helpers/docs.js';
import { installInto, pack, type Packed } from '../helpers/package.js';

const VALUE = 'packed-client-secret "q" $x 51ab';
let work: string;
let packed: Packed;
let job: string;
let npmEnv: NodeJS.ProcessEnv;
let bed: TestBed;
let version: string;

function npx(args: string[], env: NodeJS.ProcessEnv = {}, timeout = 60_000): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('npx', args, { cwd: job, env: { ...npmEnv, ...env }, timeout }, (e, stdout, stderr) =>
      resolve({ code: e ? ((e as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

beforeAll(async () => {
  version = (JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
  work = await mkdtemp(join(tmpdir(), 'oidc-exchange-pack-'));
  packed = await pack(work);
  job = join(work, 'job');
  npmEnv = await installInto(job, packed.tarball);
  bed = await startTestBed({
    env: { V: VALUE },
    config: () => ({ secrets: { API_TOKEN: { env: 'V' } }, policies: [{ name: 'ci', issuer: 'gitlab', claims: { project_path: 'acme/platform/api' }, secrets: ['API_TOKEN'] }] }),
  });
}, 120_000);

afterAll(async () => {
  await bed?.close();
  await rm(work, { recursive: true, force: true });
});

describe('npm pack', () => {
  it('holds the bundles and the files the harness reads, and no sources or tests', () => {
    const paths = packed.files.map((f) => f.path);
    for (const p of ['package.json', 'README.md', 'LICENSE', 'action.yml', 'dist/cli.js', 'dist/index.js', 'dist/post.js', 'examples/demo.yaml', 'examples/broker.yaml', 'examples/claims-github.json', 'gitlab-component/templates/secrets.yml']) {
      expect(paths).toContain(p);
    }
    expect(paths.filter((p) => /^(src|test|bench|scripts|node_modules)\//.test(p))).toEqual([]);
  });

  it('declares no runtime dependency: installing it pulls nothing but itself', async () => {
    const manifest = JSON.parse(await readFile(join(job, 'node_modules', 'oidc-exchange', 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(manifest.private).toBeUndefined();
    expect(manifest.bin).toEqual({ 'oidc-exchange': 'dist/cli.js' });
    expect((await readdir(join(job, 'node_modules'))).filter((d) => !d.startsWith('.'))).toEqual(['oidc-exchange']);
    expect((await stat(join(job, 'node_modules', '.bin', 'oidc-exchange'))).isFile() || (await stat(join(job, 'node_modules', '.bin', 'oidc-exchange'))).isSymbolicLink()).toBe(true);
  });
});

describe('the installed package, offline', () => {
  it('npx oidc-exchange --version', async () => {
    const r = await npx(['oidc-exchange', '--version']);
    expect(r.stdout).toBe(`oidc-exchange ${version}\n`);
    expect(r.code).toBe(0);
  });

  it('npx oidc-exchange@1 exchange against a loopback broker writes the secret to a private folder', async () => {
    const token = await bed.gitlab.mint(bed.gitlab.claimsFor());
    const out = join(job, 'secrets');
    const r = await npx(['oidc-exchange@1', 'exchange', '--broker-url', bed.url, '--token-env', 'CI_OIDC_TOKEN', '--out-dir', out, '--export-all'], { CI_OIDC_TOKEN: token });
    expect(r.stderr).toContain('1 secret(s) from policy ci');
    expect(r.code).toBe(0);
    expect(await readFile(join(out, 'API_TOKEN'), 'utf8')).toBe(VALUE);
    expect((await stat(out)).mode & 0o777).toBe(0o700);
    expect(leaks(r.stdout + r.stderr, [VALUE])).toEqual([]);
  });

  it('check with the shipped examples', async () => {
    const ex = join('node_modules', 'oidc-exchange', 'examples');
    const r = await npx(['oidc-exchange', 'check', '--config', join(ex, 'broker.yaml'), '--claims', join(ex, 'claims-gitlab.json')]);
    expect(r.stdout).toContain('result: policy gitlab-protected-deploys decides');
    expect(r.code).toBe(0);
  });

  it('the whole demo runs from the installed package (action.yml, the bundles, the template, examples)', async () => {
    const r = await npx(['oidc-exchange', 'demo'], {}, 120_000);
    expect(r.stdout).toMatch(/(\d+) of \1 steps behaved as expected/);
    expect(r.code).toBe(0);
    expect(leaks(r.stdout + r.stderr, [...demoSecretValues])).toEqual([]);
  }, 150_000);
});
