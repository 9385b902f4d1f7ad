// `oidc-exchange exchange`, the generic client, as a real process from dist/ against a real broker: values
// arrive byte-exact in 0600 files, in a sourceable env file and through eval, and are never printed.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { leaks, startTestBed, type TestBed } from '../helpers/broker.js';
import { CLI, runCli } from '../helpers/process.js';

const run = promisify(execFile);
const VALUES: Record<string, string> = {
  QUOTES: `it's "quoted" and 'single' 7c2e`,
  MULTILINE: 'line-one-4f1a\nline-two $HOME `id`\n\ntrailing\n',
  UNICODE: 'pässwörd ✓ 日本 9b3d',
};

let bed: TestBed;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oidc-exchange-client-'));
  bed = await startTestBed({
    env: Object.fromEntries(Object.entries(VALUES).map(([n, v]) => [`V_${n}`, v])),
    config: () => ({
      secrets: Object.fromEntries(Object.keys(VALUES).map((n) => [n, { env: `V_${n}` }])),
      policies: [{ name: 'ci', issuer: 'gitlab', claims: { project_path: 'acme/platform/api' }, secrets: Object.keys(VALUES) }],
    }),
  });
});

afterAll(async () => {
  await bed.close();
  await rm(dir, { recursive: true, force: true });
});

async function token(claims: Record<string, unknown> = {}): Promise<string> {
  return bed.gitlab.mint({ ...bed.gitlab.claimsFor(), ...claims });
}

function env(t: string): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, CI_JOB_JWT: t };
}

describe('oidc-exchange exchange', () => {
  it('writes one 0600 file per secret, byte-exact, and prints names only', async () => {
    const out = join(dir, 'files');
    const r = await runCli(['exchange', '--broker-url', bed.url, '--token-env', 'CI_JOB_JWT', '--out-dir', out], { env: env(await token()) });
    expect(r.code).toBe(0);
    expect((await readdir(out)).sort()).toEqual(Object.keys(VALUES).sort());
    for (const [n, v] of Object.entries(VALUES)) {
      expect(await readFile(join(out, n), 'utf8')).toBe(v);
      expect((await stat(join(out, n))).mode & 0o777).toBe(0o600);
    }
    expect((await stat(out)).mode & 0o777).toBe(0o700);
    expect(r.stderr).toContain('3 secret(s) from policy ci');
    expect(leaks(r.stdout + r.stderr, Object.values(VALUES))).toEqual([]);
  });

  it('writes a 0600 env file that sh sources back to the same bytes', async () => {
    const file = join(dir, 'secrets.env');
    const r = await runCli(['exchange', '--broker-url', bed.url, '--token-env', 'CI_JOB_JWT', '--dotenv', file], { env: env(await token()) });
    expect(r.code).toBe(0);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    for (const [n, v] of Object.entries(VALUES)) {
      const { stdout } = await run('dash', ['-c', `set -a; . "${file}"; set +a; printf %s "$${n}"`]);
      expect(stdout).toBe(v);
    }
  });

  it('prints export lines for eval, and only then puts values on standard output', async () => {
    const tokenFile = join(dir, 'token');
    await writeFile(tokenFile, `${await token()}\n`);
    const script = `eval "$("${process.execPath}" "${CLI}" exchange --broker-url "${bed.url}" --token-file "${tokenFile}" --shell --secret MULTILINE)" && printf %s "$MULTILINE"`;
    const { stdout, stderr } = await run('bash', ['-c', script], { env: { PATH: process.env.PATH } });
    expect(stdout).toBe(VALUES.MULTILINE);
    expect(stderr).toContain('1 secret(s) from policy ci');
    expect(leaks(stderr, Object.values(VALUES))).toEqual([]);
  });

  it('on a refusal shows the broker code and the token claims, never the token', async () => {
    const t = await token({ project_path: 'acme/other/api' });
    const r = await runCli(['exchange', '--broker-url', bed.url, '--token-env', 'CI_JOB_JWT', '--out-dir', join(dir, 'refused')], { env: env(t) });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no_policy_matched');
    expect(r.stderr).toContain('project_path: acme/other/api');
    expect(r.stderr.includes(t)).toBe(false);
  });

  it.each([
    [['--token-env', 'CI_JOB_JWT', '--out-dir', 'x'], 'no broker URL', '--broker-url is required'],
    [['--broker-url', 'http://127.0.0.1:1', '--token-env', 'CI_JOB_JWT'], 'no destination', 'exactly one of --out-dir, --dotenv or --shell'],
    [['--broker-url', 'http://127.0.0.1:1', '--out-dir', 'x'], 'no token', 'exactly one of --token-env VAR or --token-file FILE'],
    [['--broker-url', 'http://127.0.0.1:1', '--token-env', 'NOT_SET', '--shell'], 'an empty token', 'NOT_SET is empty or not set'],
    [['--broker-url', 'http://127.0.0.1:1', '--token-env', 'CI_JOB_JWT', '--shell', '--secret', 'LD_PRELOAD'], 'a hijacking name', 'LD_PRELOAD is refused'],
  ].map(([args, what, message]) => [what, args, message] as const))('refuses to run with %s, exit 2', async (_what, args, message) => {
    const r = await runCli(['exchange', ...args], { env: env('x.y.z') });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});
