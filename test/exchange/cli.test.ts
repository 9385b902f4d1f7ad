// `oidc-exchange exchange`, the generic client, against a real broker, in process through the command function:
// values arrive byte-exact in 0600 files and in a sourceable env file, and are never printed; a destination
// another local user could hijack (a planted link, their folder, a folder they can write to) is refused before
// the token is spent. A shell evaluating the real process's `--shell` output: cli-shells.dist.test.ts.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { chmod, chown, mkdir, readFile, readdir, stat, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { leaks, type TestBed } from '../helpers/broker.js';
import { callCli } from '../helpers/command.js';
import { closeClientBed, mintFor, startClientBed, VALUES } from './client-bed.js';
import { SHELL_FAILURE_LINE } from '../../src/cli/commands/exchange.js';

const run = promisify(execFile);
let bed: TestBed;
let dir: string;

beforeAll(async () => {
  ({ bed, dir } = await startClientBed());
});

afterAll(() => closeClientBed(bed, dir));

function token(claims: Record<string, unknown> = {}): Promise<string> {
  return mintFor(bed, claims);
}

function env(t: string): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, CI_JOB_JWT: t };
}

describe('oidc-exchange exchange', () => {
  it('writes one 0600 file per secret, byte-exact, and prints names only', async () => {
    const out = join(dir, 'files');
    const r = await callCli(['exchange', '--broker-url', bed.url, '--token-env', 'CI_JOB_JWT', '--out-dir', out, '--export-all'], { env: env(await token()) });
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
    const r = await callCli(['exchange', '--broker-url', bed.url, '--token-env', 'CI_JOB_JWT', '--dotenv', file, '--export-all'], { env: env(await token()) });
    expect(r.code).toBe(0);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    for (const [n, v] of Object.entries(VALUES)) {
      const { stdout } = await run('dash', ['-c', `set -a; . "${file}"; set +a; printf %s "$${n}"`]);
      expect(stdout).toBe(v);
    }
  });

  it('on a refusal shows the broker code and the token claims, never the token', async () => {
    const t = await token({ project_path: 'acme/other/api' });
    const r = await callCli(['exchange', '--broker-url', bed.url, '--token-env', 'CI_JOB_JWT', '--out-dir', join(dir, 'refused'), '--export-all'], { env: env(t) });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no_policy_matched');
    expect(r.stderr).toContain('project_path: acme/other/api');
    expect(r.stderr.includes(t)).toBe(false);
  });

  it.each([
    [['--token-env', 'CI_JOB_JWT', '--out-dir', 'x'], 'no broker URL', '--broker-url is required'],
    [['--broker-url', 'http://127.0.0.1:1', '--token-env', 'CI_JOB_JWT'], 'no destination', 'exactly one of --out-dir DIR, --dotenv FILE or --shell'],
    [['--broker-url', 'http://127.0.0.1:1', '--out-dir', 'x'], 'no token', 'exactly one of --token-env VAR or --token-file FILE'],
    [['--broker-url', 'http://127.0.0.1:1', '--token-env', 'NOT_SET', '--shell', '--export-all'], 'an empty token', 'NOT_SET is empty or not set'],
    [['--broker-url', 'http://127.0.0.1:1', '--token-env', 'CI_JOB_JWT', '--shell'], 'neither --secret nor --export-all', 'no secret names were chosen, so nothing would be exported: list the names with --secret NAME (once per name), or set --export-all'],
    [['--broker-url', 'http://127.0.0.1:1', '--token-env', 'CI_JOB_JWT', '--shell', '--secret', 'A', '--export-all'], 'both --secret and --export-all', 'names are listed too'],
    [['--broker-url', 'http://127.0.0.1:1', '--token-env', 'CI_JOB_JWT', '--shell', '--export-all', '--allow-names', 'app_*'], 'a lower-case allow pattern', '--allow-names: "app_*" is not a name pattern'],
    [['--broker-url', 'http://127.0.0.1:1', '--token-env', 'CI_JOB_JWT', '--shell', '--secret', 'LD_PRELOAD'], 'a hijacking name', 'LD_PRELOAD is refused'],
  ].map(([args, what, message]) => [what, args, message] as const))('refuses to run with %s, exit 2', async (_what, args, message) => {
    const r = await callCli(['exchange', ...args], { env: env('x.y.z') });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it('refuses plain http to a host other than this machine, before reading the token', async () => {
    const r = await callCli(['exchange', '--broker-url', 'http://broker.example.com', '--token-env', 'CI_JOB_JWT', '--shell'], { env: env('x.y.z') });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--broker-url: http://broker.example.com would send the job's OIDC token and the secrets in clear text");
  });

  it("prints a hostile broker's text on one line, control characters escaped", async () => {
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({
        secrets: { API_KEY: 'hostile-broker-value-77' },
        policy: 'p\n::set-output name=x::y\u001b[31m',
        expires_at: '2030\r\n::save-state name=a::b',
        revoke: [{ name: 'API_KEY', method: 'DELETE\n::stop-commands::z', url: 'https://x/\n::add-mask::' }],
      }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const r = await callCli(['exchange', '--broker-url', url, '--token-env', 'CI_JOB_JWT', '--out-dir', join(dir, 'hostile'), '--export-all'], { env: env('x.y.z') });
      expect(r.code).toBe(0);
      expect(r.stderr.split('\n').filter((l) => l.startsWith('::'))).toEqual([]);
      expect(r.stderr).not.toContain('\u001b');
      expect(r.stderr).not.toContain('\r');
      expect(r.stderr).toContain('policy p\\u000a::set-output');
    } finally {
      server.close();
    }
  });

  it('writes only the names the job chose: the listed ones, or with --export-all those --allow-names allows and none reserved', async () => {
    const answers: Array<Record<string, string>> = [];
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ secrets: answers.shift(), policy: 'p', expires_at: null }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const to = (name: string, ...args: string[]) => callCli(['exchange', '--broker-url', url, '--token-env', 'CI_JOB_JWT', '--out-dir', join(dir, name), ...args], { env: env('x.y.z') });
    try {
      // A list: only the listed name is written, whatever else the broker sends.
      answers.push({ DB_PASSWORD: 'db-value-c1', GOCACHEPROG: '/tmp/evil-code' });
      const listed = await to('chosen-list', '--secret', 'DB_PASSWORD');
      expect(listed.code).toBe(0);
      expect(await readdir(join(dir, 'chosen-list'))).toEqual(['DB_PASSWORD']);
      // The opt-in: every name the review saw exported is refused, and nothing is written.
      for (const name of ['GOCACHEPROG', 'BAZELISK_BASE_URL', 'CYPRESS_INSTALL_BINARY', 'AWS_PAGER', 'PSQL_PAGER', 'KUBE_EDITOR']) {
        answers.push({ [name]: '/tmp/evil-code', OK_NAME: 'ok-value-c2' });
        const r = await to(`chosen-${name}`, '--export-all', '--allow-names', `${name},OK_NAME`);
        expect({ name, code: r.code }).toEqual({ name, code: 1 });
        expect(r.stderr).toContain(`${name} is refused: the name is reserved`);
        expect(existsSync(join(dir, `chosen-${name}`))).toBe(false);
      }
      // The opt-in narrowed: a granted name outside the patterns writes nothing; inside, all are written.
      answers.push({ APP_TOKEN: 'app-value-c3', DB_PASSWORD: 'db-value-c3' });
      const narrowed = await to('chosen-narrow', '--export-all', '--allow-names', 'APP_*');
      expect(narrowed.code).toBe(1);
      expect(narrowed.stderr).toContain('DB_PASSWORD is not exported: it matches none of --allow-names (APP_*)');
      expect(existsSync(join(dir, 'chosen-narrow'))).toBe(false);
      answers.push({ APP_TOKEN: 'app-value-c4', APP_KEY: 'app-value-c4' });
      const wide = await to('chosen-wide', '--export-all', '--allow-names', 'APP_*');
      expect(wide.code).toBe(0);
      expect((await readdir(join(dir, 'chosen-wide'))).sort()).toEqual(['APP_KEY', 'APP_TOKEN']);
      // A listed name the answer lacks writes nothing.
      answers.push({ OTHER: 'other-value-c5' });
      const lacking = await to('chosen-lacking', '--secret', 'DB_PASSWORD');
      expect(lacking.code).toBe(1);
      expect(lacking.stderr).toContain('its answer lacks DB_PASSWORD');
    } finally {
      server.close();
    }
  });

  it("shows a GitLab token's project_id and namespace_id when the broker refuses it", async () => {
    const r = await callCli(['exchange', '--broker-url', bed.url, '--token-env', 'CI_JOB_JWT', '--shell', '--export-all'], { env: env(await token({ project_path: 'acme/other/api', project_id: '9001' })) });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('project_id: 9001');
    expect(r.stderr).toContain('namespace_id: 72');
  });
});

describe('destinations no other local user can hijack', () => {
  const FOREIGN_UID = 12345;
  let n = 0;
  const fresh = async () => {
    const d = join(dir, `attack-${++n}`);
    await mkdir(d, { mode: 0o700 });
    return d;
  };
  const exchangeTo = (t: string, ...dest: string[]) => callCli(['exchange', '--broker-url', bed.url, '--token-env', 'CI_JOB_JWT', '--export-all', ...dest], { env: env(t) });

  it('runs as root here, so "another user" is a chown to a uid that is not ours', () => {
    expect(process.getuid?.()).toBe(0);
  });

  it('refuses a symbolic link planted as --out-dir, writes nothing through it, and does not spend the token', async () => {
    const d = await fresh();
    const target = join(d, 'attacker-reads-this');
    await mkdir(target, { mode: 0o777 });
    await symlink(target, join(d, 'secrets'));
    const t = await token();
    const r = await exchangeTo(t, '--out-dir', join(d, 'secrets'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is a symbolic link');
    expect(await readdir(target)).toEqual([]);
    // The refusal came before the exchange: the same single-use token still works.
    const ok = await exchangeTo(t, '--out-dir', join(d, 'mine'));
    expect(ok.code).toBe(0);
    expect(await readFile(join(d, 'mine', 'QUOTES'), 'utf8')).toBe(VALUES.QUOTES);
  });

  it.each([
    ['owned by another user', async (p: string) => { await mkdir(p, { mode: 0o700 }); await chown(p, FOREIGN_UID, FOREIGN_UID); }, `belongs to uid ${FOREIGN_UID}`],
    ['readable by others (0755)', async (p: string) => { await mkdir(p); await chmod(p, 0o755); }, 'has mode 755'],
    ['not empty', async (p: string) => { await mkdir(p, { mode: 0o700 }); await writeFile(join(p, 'QUOTES'), 'planted'); }, 'is not empty'],
    ['a file', async (p: string) => { await writeFile(p, ''); }, 'is not a folder'],
  ])('refuses an existing --out-dir %s', async (_what, plant, message) => {
    const d = await fresh();
    const p = join(d, 'secrets');
    await plant(p);
    const r = await exchangeTo(await token(), '--out-dir', p);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(leaks(r.stdout + r.stderr, Object.values(VALUES))).toEqual([]);
    if ((await stat(p)).isDirectory()) expect(await readFile(join(p, 'QUOTES'), 'utf8').catch(() => 'planted')).toBe('planted');
  });

  it('accepts an existing empty 0700 folder of ours', async () => {
    const d = await fresh();
    await mkdir(join(d, 'secrets'), { mode: 0o700 });
    const r = await exchangeTo(await token(), '--out-dir', join(d, 'secrets'));
    expect(r.code).toBe(0);
    expect(await readFile(join(d, 'secrets', 'UNICODE'), 'utf8')).toBe(VALUES.UNICODE);
  });

  it.each([
    ['a folder of another user', async (p: string) => { await mkdir(p, { mode: 0o777 }); await chown(p, FOREIGN_UID, FOREIGN_UID); }, `belongs to uid ${FOREIGN_UID}`],
    ['a folder anyone can write to, without the sticky bit', async (p: string) => { await mkdir(p); await chmod(p, 0o777); }, 'writable by others (mode 777)'],
  ])('refuses --out-dir and --dotenv inside %s', async (_what, plant, message) => {
    const d = await fresh();
    const parent = join(d, 'shared');
    await plant(parent);
    for (const dest of [['--out-dir', join(parent, 'secrets')], ['--dotenv', join(parent, 'secrets.env')]]) {
      const r = await exchangeTo(await token(), ...dest);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(message);
      expect(await readdir(parent)).toEqual([]);
    }
  });

  it('accepts a sticky world-writable folder like /tmp', async () => {
    const d = await fresh();
    const parent = join(d, 'tmp');
    await mkdir(parent);
    await chmod(parent, 0o1777);
    const r = await exchangeTo(await token(), '--dotenv', join(parent, 'secrets.env'));
    expect(r.code).toBe(0);
    expect((await stat(join(parent, 'secrets.env'))).mode & 0o777).toBe(0o600);
  });

  it('refuses "$UNSET/secrets", that is /secrets, and creates nothing there', async () => {
    expect(existsSync('/secrets')).toBe(false);
    const r = await callCli(['exchange', '--broker-url', bed.url, '--token-env', 'CI_JOB_JWT', '--out-dir', '/secrets', '--export-all'], { env: env(await token()) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is directly in /; an unset variable');
    expect(existsSync('/secrets')).toBe(false);
  });

  it('refuses a symbolic link planted as --dotenv and leaves its target alone', async () => {
    const d = await fresh();
    const target = join(d, 'attacker-reads-this');
    await writeFile(target, 'untouched');
    await symlink(target, join(d, 'secrets.env'));
    const r = await exchangeTo(await token(), '--dotenv', join(d, 'secrets.env'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is a symbolic link');
    expect(await readFile(target, 'utf8')).toBe('untouched');
  });

  it("refuses to replace another user's --dotenv file, and replaces our own with a fresh 0600 one", async () => {
    const d = await fresh();
    const theirs = join(d, 'theirs.env');
    await writeFile(theirs, 'planted', { mode: 0o644 });
    await chown(theirs, FOREIGN_UID, FOREIGN_UID);
    const r = await exchangeTo(await token(), '--dotenv', theirs);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`belongs to uid ${FOREIGN_UID}`);
    expect(await readFile(theirs, 'utf8')).toBe('planted');

    const ours = join(d, 'ours.env');
    await writeFile(ours, 'old', { mode: 0o644 });
    const ok = await exchangeTo(await token(), '--dotenv', ours);
    expect(ok.code).toBe(0);
    expect((await stat(ours)).mode & 0o777).toBe(0o600);
    expect(await readFile(ours, 'utf8')).toContain('QUOTES=');
    expect((await readdir(d)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('oidc-exchange exchange --shell', () => {
  it('prints only the failing line on stdout when it fails', async () => {
    const r = await callCli(['exchange', '--broker-url', bed.url, '--token-env', 'CI_JOB_JWT', '--shell', '--export-all'], { env: env(await token({ project_path: 'acme/other/api' })) });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(SHELL_FAILURE_LINE);
  });
});
