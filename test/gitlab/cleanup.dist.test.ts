// A cleanup no peer can steer, under dash, BusyBox sh and bash, with curl and with GNU wget. Each attack here
// worked against the component as it was before (see the fixture template's after_script):
//   - a broker naming `-K-` as a revoke URL made curl read its options from the rest of the revoke file, whose
//     lines the broker shaped (url, output ...): any file the job user can read or write;
//   - revoke URLs went wherever the broker said, with the token;
//   - a pointer file at a fixed /tmp name, or a path with `..`, made the after_script rm -rf a directory of
//     someone else's choosing;
//   - http://127.0.0.1@elsewhere/ and http://127.attacker.example/ passed for loopback.
import { existsSync } from 'node:fs';
import { chmod, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { runGitLabJob, type GitLabJobOptions, type GitLabJobResult } from '../../src/harness/gitlab/job.js';
import { componentTemplatePath } from '../../src/harness/gitlab/component.js';
import { fakeJwt, json, plainAnswer, startFake, type Fake } from './fake-server.js';
import { parseGitLabYaml } from './gitlab-schema.js';
import { leaked, SHELLS, toolPath } from './job-env.js';

const run = promisify(execFile);
// github.com's stateless installation-token form (about 520 characters, two dots, - and _ inside), so every
// revocation here also shows the script's token check takes it whole.
const GH_TOKEN =
  'ghs_1234567_eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6IjVmMWMwYTllMjdiMzRkNmY4YTBjMWUyZCJ9' +
  '.eyJpc3MiOiJodHRwczovL2FwaS5naXRodWIuY29tIiwic3ViIjoiaW5zdGFsbGF0aW9uOjQyNDIiLCJhcHBfaWQiOjEyMzQ1NjcsImlpZCI6NDI0MiwicmlkcyI6WzcwMDAwMCw3MDAwMDFdLCJpYXQiOjE3NjUwMDAwMDAsImV4cCI6MTc2NTAwMzYwMCwianRpIjoiOWMyZTRmMWE3YjNkNWU2MCJ9' +
  '.A4aczjdYNH60wQ6PDg0eFo8zB5xNfYSzs-iG2jNGCYJMgjCJ1nWBgnM6zdmWvEnRobRJrZYwwo0VSvIXESY5_BLcQMFwhJeJQF1zX8hdvC_naSw1f4LkY0nkI340VPwuYDGsyiF-oLeDuc1r34W13jqnWgVp49n3HltuPyWBbQCVu-pGISr2lA';
const OTHER = 'a-static-secret-value-71c2';
const paths = { curl: toolPath(['curl']), wget: toolPath(['wget']), busybox: toolPath(['curl'], { userland: 'busybox' }) };

let broker: Fake; // the broker the job trusts, on 127.0.0.1
let stranger: Fake; // another host on loopback: nothing may ever reach it
let github: Fake; // the GitHub API the job names in github_api_url
let answer: (res: Parameters<Parameters<typeof startFake>[0]>[1]) => void;

beforeAll(async () => {
  broker = await startFake((req, res) => {
    if (req.method === 'POST' && req.path === '/v1/exchange') return answer(res);
    if (req.method === 'DELETE') return void res.writeHead(204).end();
    json(res, 404, { message: 'Not Found' });
  });
  stranger = await startFake((_req, res) => void res.writeHead(204).end(), '127.0.0.2');
  github = await startFake((_req, res) => void res.writeHead(204).end(), '127.0.0.3');
});

afterAll(async () => {
  await Promise.all([broker.close(), stranger.close(), github.close()]);
  for (const p of Object.values(paths)) p.remove();
});

const jobs: GitLabJobResult[] = [];
afterEach(async () => {
  for (const j of jobs.splice(0)) {
    expect(leaked(j.log, [GH_TOKEN, OTHER])).toEqual([]);
    await j.cleanup();
  }
  broker.seen.length = 0;
  stranger.seen.length = 0;
  github.seen.length = 0;
});

async function job(opts: Partial<GitLabJobOptions>): Promise<GitLabJobResult> {
  const r = await runGitLabJob({
    token: fakeJwt(),
    shell: ['/bin/dash'],
    path: paths.curl.path,
    script: [],
    ...opts,
    inputs: { broker_url: broker.url, audience: 'https://broker.test', timeout_seconds: 5, ...(opts.inputs?.secrets ? {} : { export_all: true }), ...(opts.inputs ?? {}) },
  });
  jobs.push(r);
  return r;
}

const deletes = (f: Fake) => f.seen.filter((s) => s.method === 'DELETE');

describe.each(SHELLS)('under %s', (_label, shell) => {
  describe.each(['curl', 'wget'] as const)('with %s', (client) => {
    it('a revoke "URL" of -K- (or a path) is refused: no file is read or written, nothing reaches anyone', async () => {
      const target = join(paths[client].path, `pwned-${client}`);
      // The user renamed two secrets to lower-case names that are curl config keywords, so the broker's
      // revoke list, written under the exported names, would read as curl options after -K-.
      answer = (res) => plainAnswer(res, { GH_TOKEN, A: OTHER, B: OTHER }, `GH_TOKEN -K-, A ${stranger.url}/stolen, B ${target}`);
      const r = await job({ shell, path: paths[client].path, inputs: { secrets: 'GH_TOKEN\nA | url\nB | output' } });
      expect(stranger.seen).toEqual([]);
      expect(existsSync(target)).toBe(false);
      expect(deletes(broker)).toEqual([]);
      expect(r.exitCode).toBe(0);
      expect(r.afterExitCode).toBe(0);
      for (const name of ['GH_TOKEN', 'url', 'output']) expect(r.scriptLog).toContain(`warning: not revoking ${name} at the end of the job`);
      // Nothing was left to revoke: with curl the values never touched the disk, wget needed a directory.
      expect(r.afterLog).toContain(client === 'curl' ? 'nothing to clean up: this job left no files' : "removed the secrets' files");
    });

    it("a revoke URL on another host is refused; on broker_url's or github_api_url's host it is used", async () => {
      answer = (res) =>
        plainAnswer(res, { GH_TOKEN, SECOND: `${GH_TOKEN}2`, THIRD: `${GH_TOKEN}3` }, `GH_TOKEN ${stranger.url}/installation/token, SECOND ${broker.url}/installation/token, THIRD ${github.url}/installation/token`);
      const r = await job({ shell, path: paths[client].path, inputs: { github_api_url: github.url } });
      expect(r.exitCode).toBe(0);
      expect(r.scriptLog).toContain("warning: not revoking GH_TOKEN at the end of the job: the broker named a revocation URL that is neither on broker_url's host nor on github_api_url's");
      expect(stranger.seen).toEqual([]);
      expect(deletes(broker).map((d) => d.headers.authorization)).toEqual([`Bearer ${GH_TOKEN}2`]);
      expect(deletes(github).map((d) => d.headers.authorization)).toEqual([`Bearer ${GH_TOKEN}3`]);
      expect(r.afterLog).toContain('revoked SECOND');
      expect(r.afterLog).toContain('revoked THIRD');
    });

    it('a planted pointer file, a pointer with .., and a planted link are ignored; only the job\'s own directory goes', async () => {
      answer = (res) => plainAnswer(res, { GH_TOKEN }, `GH_TOKEN ${broker.url}/installation/token`);
      for (const pointer of ['plain', 'dotdot'] as const) {
        broker.seen.length = 0;
        let victim = '';
        const r = await job({
          shell,
          path: paths[client].path,
          inputs: { export: 'both' },
          prepare: async ({ tmpDir, buildsDir, jobId }) => {
            // What a neighbour with a shell on the runner could create before the job starts.
            victim = join(tmpDir, 'oidc-exchange.victim');
            await mkdir(victim);
            await writeFile(join(victim, 'keep'), 'precious');
            const via = pointer === 'plain' ? victim : join(tmpDir, 'oidc-exchange.zz', '..', 'oidc-exchange.victim');
            await writeFile(join(tmpDir, `oidc-exchange-${jobId}.dir`), `${via}\n`);
            await symlink(victim, join(buildsDir, `.oidc-exchange-${jobId}.planted`));
            await symlink(victim, join(tmpDir, `.oidc-exchange-${jobId}.planted`));
          },
        });
        expect(r.exitCode).toBe(0);
        expect(await readFile(join(victim, 'keep'), 'utf8')).toBe('precious');
        expect(r.afterLog).toContain("removed the secrets' files");
        expect(r.afterLog).toMatch(/left \S+\.oidc-exchange-\d+\.planted alone/);
        expect(deletes(broker)).toHaveLength(1);
        // The job's own directory is gone; what was planted is still there.
        expect((await readdir(r.buildsDir)).sort()).toEqual(['.oidc-exchange-' + r.jobId + '.planted', 'acme']);
      }
    });
  });

  it('broker_url http://127.0.0.1@127.0.0.2:PORT/ is refused: the token never reaches 127.0.0.2', async () => {
    const url = `http://127.0.0.1@127.0.0.2:${stranger.port}/`;
    const r = await job({ shell, inputs: { broker_url: url } });
    expect(r.exitCode).not.toBe(0);
    expect(r.scriptLog).toContain(`broker_url "${url}" is refused: use https://host[:port][/path], with no user@ part`);
    expect(stranger.seen).toEqual([]);
  });

  it('broker_url http://127.attacker.example/ is plain http to a name, refused before any request', async () => {
    const r = await job({ shell, inputs: { broker_url: 'http://127.attacker.example/', timeout_seconds: 30 } });
    expect(r.exitCode).not.toBe(0);
    expect(r.scriptLog).toContain('broker_url http://127.attacker.example/ is plain http');
    expect(r.scriptLog).not.toContain('retrying');
  });

  it('URLs: https anywhere, plain http only to a loopback address, nothing a parser could read two ways', async () => {
    const verdicts: Array<[string, boolean]> = [
      ['https://broker.example.com', true],
      ['https://broker.example.com:8443/base/path?x=1', true],
      ['http://127.0.0.1:8080', true],
      ['http://127.255.255.254/', true],
      ['http://[::1]:8080/', true],
      ['http://localhost:8080', false],
      ['http://127.0.0.1@evil.example/', false],
      ['http://127.0.0.1:80@evil.example/', false],
      ['http://127.attacker.example/', false],
      ['http://127.0.0.1.evil.example/', false],
      ['http://127.0.0.01/', false],
      ['http://0x7f.0.0.1/', false],
      ['http://2130706433/', false],
      ['http://127.1/', false],
      ['https://user:pw@broker.example.com/', false],
      ['https://broker.example.com\\@evil.example/', false],
      ['https://bro ker.example.com/', false],
      ['https://%62roker.example.com/', false],
      ['https://broker.example.com:99999/', false],
      ['https://broker.example.com:0/', false],
      ['https://[::1/', false],
      ['https:///path', false],
      ['ftp://broker.example.com/', false],
      ['-K-', false],
      ['--config=/etc/passwd', false],
    ];
    const body = parseGitLabYaml(await readFile(componentTemplatePath(), 'utf8'))[1] as Record<string, { before_script: string[] }>;
    const script = Object.values(body)[0]!.before_script[0]!;
    const driver = `${script}\nfor u in "$@"; do if _oe_url_ok "$u" url 2>/dev/null; then echo yes; else echo no; fi; done`;
    const { stdout } = await run(shell[0]!, [...shell.slice(1), '-c', driver, 'sh', ...verdicts.map(([u]) => u)]);
    expect(verdicts.map(([u], i) => [u, stdout.split('\n')[i] === 'yes'])).toEqual(verdicts);
  });
});

describe('where the private directory may live', () => {
  it('not under a CI_BUILDS_DIR or TMPDIR with .., nor under one others can write: it falls back to a safe one', async () => {
    answer = (res) => plainAnswer(res, { OTHER_SECRET: OTHER });
    const r = await job({
      inputs: { export: 'file' },
      script: ['printf %s "${OTHER_SECRET_FILE%/*}" > "$CI_PROJECT_DIR/where"'],
      prepare: async ({ buildsDir }) => {
        await chmod(buildsDir, 0o777); // like a Docker executor's /builds under umask 0000
      },
    });
    expect(r.exitCode).toBe(0);
    const where = (await readFile(join(r.projectDir, 'where'), 'utf8')).trim();
    expect(where.startsWith(r.tmpDir + '/.oidc-exchange-')).toBe(true);
    expect(r.afterLog).toContain("removed the secrets' files");
    expect(await readdir(r.tmpDir)).toEqual([]);

    const dotdot = await job({
      inputs: { export: 'file' },
      script: ['printf %s "${OTHER_SECRET_FILE%/*}" > "$CI_PROJECT_DIR/where"'],
      variables: { CI_BUILDS_DIR: '/tmp/../tmp', TMPDIR: '/tmp/./x/..' },
    });
    expect(dotdot.exitCode).toBe(0);
    expect((await readFile(join(dotdot.projectDir, 'where'), 'utf8')).trim()).toMatch(/^\/tmp\/\.oidc-exchange-\d+\.\w+$/);
    expect(dotdot.afterLog).toContain("removed the secrets' files");
  });

  it('a planted directory that is not 0700, or sits under a directory others can write, is left alone', async () => {
    answer = (res) => plainAnswer(res, { OTHER_SECRET: OTHER });
    const jobId = '4242';
    const r = await job({
      jobId,
      // TMPDIR is a directory anyone may write to (no sticky bit): a directory there could be swapped.
      variables: { TMPDIR: '/tmp/oidc-exchange-test-shared-4242' },
      prepare: async ({ buildsDir }) => {
        await mkdir(join(buildsDir, `.oidc-exchange-${jobId}.open`), { mode: 0o755 });
        await chmod(join(buildsDir, `.oidc-exchange-${jobId}.open`), 0o755);
        const shared = '/tmp/oidc-exchange-test-shared-4242';
        await mkdir(join(shared, `.oidc-exchange-${jobId}.x`), { recursive: true, mode: 0o700 });
        await chmod(shared, 0o777);
      },
    });
    try {
      expect(r.exitCode).toBe(0);
      expect(r.afterLog).toMatch(/left \S+\.oidc-exchange-4242\.open alone/);
      expect(r.afterLog).toMatch(/left \/tmp\/oidc-exchange-test-shared-4242\/\.oidc-exchange-4242\.x alone/);
      expect(await readdir(r.buildsDir)).toEqual(['.oidc-exchange-4242.open', 'acme']);
      expect(await readdir('/tmp/oidc-exchange-test-shared-4242')).toEqual(['.oidc-exchange-4242.x']);
    } finally {
      await rm('/tmp/oidc-exchange-test-shared-4242', { recursive: true, force: true });
    }
  });

  it('with BusyBox tools (an Alpine image): the directory is made, checked, found again and removed', async () => {
    answer = (res) => plainAnswer(res, { GH_TOKEN, OTHER_SECRET: OTHER }, `GH_TOKEN ${broker.url}/installation/token`);
    const r = await job({ shell: ['/bin/busybox', 'sh'], path: paths.busybox.path, inputs: { export: 'both' }, script: ['test -s "$OTHER_SECRET_FILE"'] });
    expect(r.exitCode).toBe(0);
    expect(r.afterLog).toContain('revoked GH_TOKEN');
    expect(r.afterLog).toContain("removed the secrets' files");
    expect(await readdir(r.buildsDir)).toEqual(['acme']);
  });
});

describe('what the broker sends is checked before use', () => {
  it('a revocable value that is not a bearer token is never revoked (with wget it would reach the wgetrc)', async () => {
    const evil = `${GH_TOKEN}\noutput_document = /tmp/oidc-exchange-wgetrc-pwned`;
    answer = (res) => plainAnswer(res, { GH_TOKEN: evil }, `GH_TOKEN ${broker.url}/installation/token`);
    const r = await job({ path: paths.wget.path });
    expect(r.exitCode).toBe(0);
    expect(r.scriptLog).toContain('warning: not revoking GH_TOKEN at the end of the job: its value is not a bearer token');
    expect(deletes(broker)).toEqual([]);
    expect(existsSync('/tmp/oidc-exchange-wgetrc-pwned')).toBe(false);
    expect(leaked(r.log, [evil])).toEqual([]);
  });

  it('error text with control characters is printed without them: no forged log lines or colours', async () => {
    answer = (res) => {
      // Raw control characters, as a hostile server may send them (not valid JSON, but a peer's text).
      res.writeHead(403, { 'content-type': 'application/json' });
      res.end('{"error":"no_policy\u001b[31m","message":"denied\r\u001b[2Ksection_start:1:x\u0007 ok \\u001b[0m"}');
    };
    const r = await job({});
    expect(r.exitCode).not.toBe(0);
    expect(r.scriptLog).toContain('answered 403: denied[2Ksection_start:1:x ok ?[0m');
    expect(/[\u0000-\u0008\u000b-\u001f\u007f]/.test(r.scriptLog)).toBe(false);
  });

  it.each([
    ['a name the broker chose in lower case', { lower_case: OTHER }, '"lower_case" is refused: a name the broker chooses must be upper case'],
    ['a reserved name', { NODE_OPTIONS: OTHER }, 'NODE_OPTIONS is refused'],
    ['a name that is not a name', { 'A-B': OTHER }, '"A-B" is not a valid variable name'],
    ['a value that is not base64', null, "the broker's answer is not NAME BASE64 lines"],
  ])('%s: nothing is exported', async (_what, secrets, message) => {
    answer = (res) => {
      if (secrets) return plainAnswer(res, secrets as Record<string, string>);
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('GOOD YWJj\nBAD not*base64\n');
    };
    const r = await job({ script: ['echo "script ran"'] });
    expect(r.exitCode).not.toBe(0);
    expect(r.scriptLog).toContain(message);
    expect(r.scriptLog).not.toContain('script ran');
    expect(await readdir(r.buildsDir)).toEqual(['acme']);
  });
});
