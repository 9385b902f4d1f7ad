// Every shell command in README.md and docs/ runs as printed. Each Markdown file's ```sh / ```bash / ```shell
// blocks run in order, in a fresh copy of the repository (the files git tracks, as they are in the working tree,
// the committed dist/ included; node_modules linked and the CLI bundle copied from the checkout, as `npm ci` and
// its `prepare` script left them: this tier runs after the build), under `sh -e` (`bash -e` for
// ```bash), each file in a network namespace of its own: loopback only, so a documented command can neither
// reach the internet nor collide with another test over a fixed port like 8080. A docs/ file is read after the
// README, so the README's `install` blocks run first in its copy too.
//
// A block that cannot run as printed here says so with tags after the language (```sh background). The tags:
//   (none)          run as printed; must exit 0
//   exit=N          run as printed; must exit N (a command that shows a refusal)
//   setup           contains `npm ci`: the `npm` on PATH here skips the install of `npm ci` (node_modules comes
//                   from the `npm ci` that ran before the tests: .ci/run does it on a clean checkout), runs the
//                   `prepare` script npm ci runs after it, and runs the rest
//   runs-tests      contains `npm test`: skipped the same way, since it is the command running this test
//   install         puts oidc-exchange on PATH (`npm link`, `npm install --global`): run as printed with npm's
//                   global prefix in a folder of this test, whose bin/ is on PATH for the file's later blocks
//   background      a server that runs until stopped: started, awaited until it prints that it listens,
//                   kept running for the file's later blocks, then stopped with SIGTERM; it must not die before
//   needs-platform  runs inside a CI job (a real GitHub, GitLab or other CI): run against the harness instead,
//                   in an empty job folder with the npm-packed package installed offline (so `npx
//                   oidc-exchange@1` runs it), the job's token in $CI_OIDC_TOKEN (from a fake GitHub issuer),
//                   $RUNNER_TEMP an empty private folder, and https://broker.example.com replaced by a loopback
//                   broker with that audience that grants DB_PASSWORD and TLS_KEY to the token
//   needs-gitlab    publishes to a GitLab server (git push to the catalog project): run as printed by
//                   test/gitlab/gitlab-ci-local.dist.test.ts, whose local git server stands in for GitLab (the
//                   documented remote is mapped onto it), and whose jobs then include what was pushed; here it
//                   is only held to that shape
//   needs-release   fetches a published release (GitHub release files, the npm registry, GHCR) or checks its
//                   signatures online, which this machine cannot reach: held to the shape of a release here,
//                   every version it names is package.json's and every file it names one release.yml attaches
//   needs-docker    needs a docker engine, which this machine does not have: run with a `docker` on PATH
//                   that records its arguments; the test then checks what `docker build` would read (the
//                   Dockerfile parses and lints clean, every COPY source exists and is in the build context)
//                   and runs what `docker run` would (the image's ENTRYPOINT + CMD, with the block's -e
//                   variables and -v mounts mapped onto the copy), probes it with the image's HEALTHCHECK, and
//                   stops it
//   needs-kubernetes needs a cluster: run with a `kubectl` on PATH that records its arguments; the test then
//                   checks that each `apply -k` folder's manifests are valid by the Kubernetes API's schemas
//                   and that the Secrets the block creates are the ones the manifests read (names and keys)
// Every block's output is scanned for the secret values in play (the README's example values, the harness
// configuration's, the loopback broker's); none may appear.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DockerfileParser } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';
import { demoSecretValues } from '../../src/harness/demo/run.js';
import { startTestBed, leaks, type TestBed } from '../helpers/broker.js';
import { blocksOf, docFiles, repoRoot, where, type DocBlock } from '../helpers/docs.js';
import { kustomize, schemaProblem } from '../helpers/kubernetes.js';
import { installInto, offlineNpmEnv, pack } from '../helpers/package.js';

const SHELLS = ['sh', 'bash', 'shell'];
const TAGS = new Set(['setup', 'runs-tests', 'install', 'background', 'needs-platform', 'needs-gitlab', 'needs-docker', 'needs-release', 'needs-kubernetes']);
const BROKER_PLACEHOLDER = 'https://broker.example.com';
const PLATFORM_VALUES = { DB_PASSWORD: 'doc-test-db "pw" $x 3c9e', TLS_KEY: 'doc-test-tls-key 7f2d' };
/** Every value a documented command could leak: none may appear in any block's output. */
const SECRETS = ['example-password', 'example-key', 'harness-db-password-4d2f', 'harness-tls-key-9a1c', ...Object.values(PLATFORM_VALUES), ...demoSecretValues];

const shellFiles = docFiles()
  .map((file) => ({ file, blocks: blocksOf(file).filter((b) => SHELLS.includes(b.lang)) }))
  .filter((f) => f.blocks.length > 0);
const readmeInstall = blocksOf('README.md').filter((b) => SHELLS.includes(b.lang) && b.tags.includes('install'));

interface Ran {
  code: number | null;
  output: string;
}

let work: string;
let tarball: string;
let realNpm: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'oidc-exchange-doc-commands-'));
  realNpm = execFileSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).trim();
  tarball = (await pack(work)).tarball;
}, 60_000);

afterAll(() => rm(work, { recursive: true, force: true }));

it('every shell block carries known tags, and the tags match what the block does', () => {
  const problems: string[] = [];
  for (const { blocks } of shellFiles) {
    for (const b of blocks) {
      for (const t of b.tags) if (!TAGS.has(t) && !/^exit=\d+$/.test(t)) problems.push(`${where(b)}: unknown tag ${t}`);
      const need = (re: RegExp, tag: string) => re.test(b.text) && !b.tags.includes(tag) && problems.push(`${where(b)}: runs ${re.source}, so it needs the tag ${tag}`);
      need(/\bnpm ci\b/, 'setup');
      need(/\bnpm test\b/, 'runs-tests');
      need(/\bnpm (link|install (-g|--global))\b/, 'install');
      need(/\bdocker\b/, 'needs-docker');
      need(/\bkubectl\b/, 'needs-kubernetes');
      need(/\bgit (-C \S+ )?push\b/, 'needs-gitlab');
      need(/\$CI_OIDC_TOKEN|CI_OIDC_TOKEN\b/, 'needs-platform');
      need(/\bgh (release|attestation)\b|\bnpm audit signatures\b|releases\/download\//, 'needs-release');
    }
  }
  expect(problems).toEqual([]);
  expect(shellFiles.map((f) => f.file)).toContain('README.md');
});

describe.each(shellFiles.map((f) => [f.file, f.blocks] as const))('%s', (file, blocks) => {
  let copy: string;
  let env: NodeJS.ProcessEnv;
  let netns: ChildProcess;
  let shimLog: string;
  let dockerLog: string;
  let kubectlLog: string;
  let bed: TestBed | undefined;
  const background: Array<{ block: DocBlock; child: ChildProcess; output: () => string; exited: Promise<number | null>; alive: () => boolean }> = [];

  beforeAll(async () => {
    const base = await mkdtemp(join(work, 'file-'));
    copy = join(base, 'repo');
    copyRepository(copy);
    const shim = join(base, 'shim');
    mkdirSync(shim);
    shimLog = join(base, 'npm-shim.log');
    dockerLog = join(base, 'docker.log');
    kubectlLog = join(base, 'kubectl.log');
    writeFileSync(join(shim, 'npm'), NPM_SHIM, { mode: 0o755 });
    writeFileSync(join(shim, 'docker'), recordingShim('docker', 'DOCKER_LOG'), { mode: 0o755 });
    writeFileSync(join(shim, 'kubectl'), recordingShim('kubectl', 'KUBECTL_LOG'), { mode: 0o755 });
    const home = join(base, 'home');
    mkdirSync(home);
    env = {
      ...offlineNpmEnv(home),
      PATH: `${shim}:${join(base, 'global', 'bin')}:${process.env.PATH}`,
      npm_config_prefix: join(base, 'global'),
      LANG: 'C.UTF-8',
      // A newcomer's machine has a git identity; commands that commit need one.
      GIT_AUTHOR_NAME: 'Doc Reader',
      GIT_AUTHOR_EMAIL: 'reader@example.com',
      GIT_COMMITTER_NAME: 'Doc Reader',
      GIT_COMMITTER_EMAIL: 'reader@example.com',
      REAL_NPM: realNpm,
      SHIM_LOG: shimLog,
      DOCKER_LOG: dockerLog,
      KUBECTL_LOG: kubectlLog,
    };
    netns = await startNetworkNamespace();
    // A docs/ page is read by someone who followed the README: its install step comes first.
    if (file !== 'README.md') {
      for (const b of readmeInstall) expect((await runBlock(b)).code).toBe(0);
    }
  }, 60_000);

  afterAll(async () => {
    const stopped: string[] = [];
    for (const bg of background) {
      if (!bg.alive()) stopped.push(`${where(bg.block)} had already exited:\n${bg.output()}`);
      else {
        process.kill(-bg.child.pid!, 'SIGTERM');
        const code = await Promise.race([bg.exited, new Promise<'hung'>((r) => setTimeout(() => r('hung'), 10_000))]);
        if (code === 'hung') {
          process.kill(-bg.child.pid!, 'SIGKILL');
          stopped.push(`${where(bg.block)} did not stop within 10 s of SIGTERM`);
        }
      }
      expect(leaks(bg.output(), SECRETS)).toEqual([]);
    }
    stopNamespace(netns);
    await bed?.close();
    expect(stopped).toEqual([]);
  }, 30_000);

  function nsArgs(shell: string, text: string): string[] {
    return ['--net=/proc/' + netns.pid + '/ns/net', '--', shell, '-e', '-c', text];
  }

  function shellOf(b: DocBlock): string {
    return b.lang === 'bash' ? 'bash' : 'sh';
  }

  function runBlock(b: DocBlock, opts: { text?: string; cwd?: string; env?: NodeJS.ProcessEnv; inNamespace?: boolean } = {}): Promise<Ran> {
    const text = opts.text ?? b.text;
    const [cmd, args] = opts.inNamespace === false ? [shellOf(b), ['-e', '-c', text]] : ['nsenter', nsArgs(shellOf(b), text)];
    return new Promise((resolve, reject) => {
      execFile(cmd, args, { cwd: opts.cwd ?? copy, env: opts.env ?? env, timeout: 150_000, maxBuffer: 32 << 20 }, (e, stdout, stderr) => {
        if (e && typeof (e as { code?: unknown }).code !== 'number') return reject(e);
        resolve({ code: e ? ((e as { code: number }).code ?? 1) : 0, output: stdout + stderr });
      });
    });
  }

  function expectedExit(b: DocBlock): number {
    const tag = b.tags.find((t) => t.startsWith('exit='));
    return tag ? Number(tag.slice(5)) : 0;
  }

  it.each(blocks.map((b) => [where(b), b] as const))('%s', async (_at, b) => {
    if (b.tags.includes('background')) return startBackground(b);
    if (b.tags.includes('needs-platform')) return runOnHarness(b);
    if (b.tags.includes('needs-docker')) return runDockerRecipe(b);
    if (b.tags.includes('needs-kubernetes')) return runKubectlRecipe(b);
    if (b.tags.includes('needs-gitlab')) return expect(b.text).toMatch(/\bnpm run release:gitlab-component\b[\s\S]*\bgit (-C \S+ )?push\b/);
    if (b.tags.includes('needs-release')) return expectReleaseShape(b);

    const r = await runBlock(b);
    expect({ at: where(b), code: r.code, output: r.code === expectedExit(b) ? '' : r.output }).toEqual({ at: where(b), code: expectedExit(b), output: '' });
    expect(leaks(r.output, SECRETS)).toEqual([]);
    const skipped = existsSync(shimLog) ? readFileSync(shimLog, 'utf8') : '';
    if (b.tags.includes('setup')) expect(skipped).toContain('npm ci');
    if (b.tags.includes('runs-tests')) expect(skipped).toContain('npm test');
    if (b.tags.includes('install')) {
      const v = await runBlock(b, { text: 'oidc-exchange --version' });
      expect(v.output).toMatch(/^oidc-exchange \d+\.\d+\.\d+/);
    }
  }, 180_000);

  /** A block that fetches a release names this version, and only files the release workflow attaches. */
  function expectReleaseShape(b: DocBlock): void {
    const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
    const attached = readFileSync(join(repoRoot, '.github', 'workflows', 'release.yml'), 'utf8');
    const versions = [...b.text.matchAll(/\b\d+\.\d+\.\d+\b/g)].map((m) => m[0]);
    expect(versions.length).toBeGreaterThan(0);
    expect(versions.filter((v) => v !== version)).toEqual([]);
    for (const m of b.text.matchAll(/\boidc-exchange-[\w.$-]+\.(tgz|cdx\.json)\b|\bSHA256SUMS\b/g)) {
      expect([m[0], attached.includes(m[0] === 'SHA256SUMS' ? 'SHA256SUMS' : `*.${m[1]}`)]).toEqual([m[0], true]);
    }
  }

  async function startBackground(b: DocBlock): Promise<void> {
    const child = spawn('nsenter', nsArgs(shellOf(b), b.text), { cwd: copy, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let exited = false;
    child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    const done = new Promise<number | null>((resolve) => child.on('close', (code) => {
      exited = true;
      resolve(code);
    }));
    background.push({ block: b, child, output: () => output, exited: done, alive: () => !exited });
    const deadline = Date.now() + 30_000;
    while (!/listening on|press Ctrl-C/.test(output) && !exited && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect({ at: where(b), ready: /listening on|press Ctrl-C/.test(output), output: exited ? output : '' }).toEqual({ at: where(b), ready: true, output: '' });
  }

  /** The block in a CI job, against a loopback broker standing in for https://broker.example.com. */
  async function runOnHarness(b: DocBlock): Promise<void> {
    bed ??= await startTestBed({
      env: { V_DB: PLATFORM_VALUES.DB_PASSWORD, V_TLS: PLATFORM_VALUES.TLS_KEY },
      config: () => ({
        audience: BROKER_PLACEHOLDER,
        secrets: { DB_PASSWORD: { env: 'V_DB' }, TLS_KEY: { env: 'V_TLS' } },
        policies: [{ name: 'prod-deploy', issuer: 'github', claims: { repository_id: '690210123', environment: 'production' }, secrets: ['DB_PASSWORD', 'TLS_KEY'] }],
      }),
    });
    const job = await mkdtemp(join(work, 'job-'));
    const jobEnv = await installInto(job, tarball);
    const runnerTemp = await mkdtemp(join(work, 'runner-temp-'));
    const token = await bed.github.mint(bed.github.claimsFor({ environment: 'production' }), { audience: BROKER_PLACEHOLDER });
    const text = b.text.split(BROKER_PLACEHOLDER).join(bed.url);
    const r = await runBlock(b, { text, cwd: job, env: { ...jobEnv, CI_OIDC_TOKEN: token, RUNNER_TEMP: runnerTemp }, inNamespace: false });
    expect({ at: where(b), code: r.code, output: r.code === expectedExit(b) ? '' : r.output }).toEqual({ at: where(b), code: expectedExit(b), output: '' });
    expect(leaks(r.output, SECRETS)).toEqual([]);
    expect(r.output).not.toContain(token);
    // What the block asked for arrived: files in an --out-dir, or a variable the block reports on.
    if (existsSync(join(runnerTemp, 'secrets'))) {
      for (const [name, value] of Object.entries(PLATFORM_VALUES)) expect(await readFile(join(runnerTemp, 'secrets', name), 'utf8')).toBe(value);
    }
    const length = /DB_PASSWORD has (\d+) characters/.exec(r.output);
    if (length) expect(Number(length[1])).toBe(PLATFORM_VALUES.DB_PASSWORD.length);
  }

  /** The kubectl commands against a recording kubectl: see the header. */
  async function runKubectlRecipe(b: DocBlock): Promise<void> {
    const r = await runBlock(b);
    expect(r.code).toBe(0);
    const calls = recordedCalls(kubectlLog);
    // Without the global -n NAMESPACE, what the block asks kubectl to do.
    const verbs = calls.map((c) => (c[0] === '-n' ? c.slice(2) : c));
    const applied = verbs.filter((c) => c[0] === 'apply' && c[1] === '-k').map((c) => c[2]!);
    expect(applied.length).toBeGreaterThan(0);
    const read = { tls: new Set<string>(), keys: new Map<string, Set<string>>() };
    for (const dir of applied) {
      const { manifests } = kustomize(join(copy, dir));
      for (const [f, m] of manifests) expect([f, schemaProblem(m)]).toEqual([f, undefined]);
      for (const [, m] of manifests) {
        if (m.kind !== 'Deployment') continue;
        const spec = (m as unknown as { spec: { template: { spec: { volumes?: Array<{ secret?: { secretName: string } }>; containers: Array<{ env?: Array<{ valueFrom?: { secretKeyRef?: { name: string; key: string } } }> }> } } } }).spec.template.spec;
        for (const v of spec.volumes ?? []) if (v.secret) read.tls.add(v.secret.secretName);
        for (const e of spec.containers.flatMap((c) => c.env ?? [])) {
          const ref = e.valueFrom?.secretKeyRef;
          if (ref) read.keys.set(ref.name, (read.keys.get(ref.name) ?? new Set()).add(ref.key));
        }
      }
    }
    const created = verbs.filter((c) => c[0] === 'create' && c[1] === 'secret');
    expect(created.filter((c) => c[2] === 'tls').map((c) => c[3]).sort()).toEqual([...read.tls].sort());
    for (const [name, keys] of read.keys) {
      const generic = created.find((c) => c[2] === 'generic' && c[3] === name);
      const literals = (generic ?? []).filter((a) => a.startsWith('--from-literal=')).map((a) => a.slice('--from-literal='.length).split('=')[0]);
      expect([name, literals.sort()]).toEqual([name, [...keys].sort()]);
    }
  }

  /** `docker build` and `docker run` as far as this machine can: see the header. */
  async function runDockerRecipe(b: DocBlock): Promise<void> {
    const r = await runBlock(b);
    expect(r.code).toBe(0);
    const calls = recordedCalls(dockerLog);
    const build = calls.find((c) => c[0] === 'build');
    const runCall = calls.find((c) => c[0] === 'run');
    expect(build).toBeDefined();
    expect(runCall).toBeDefined();
    const tag = build![build!.indexOf('-t') + 1]!;
    const context = build![build!.length - 1]!;
    expect(context).toBe('.');

    // What `docker build` reads: a Dockerfile that parses and lints clean, COPY sources inside the context.
    const dockerfile = readFileSync(join(copy, context, 'Dockerfile'), 'utf8');
    expect(validate(dockerfile)).toEqual([]);
    expect(validate(dockerfile.replace('FROM ', 'FROMM ')).length).toBeGreaterThan(0);
    const parsed = DockerfileParser.parse(dockerfile);
    const ignore = readFileSync(join(copy, context, '.dockerignore'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    for (const copyInstruction of parsed.getCOPYs()) {
      expect(copyInstruction.getFromFlag()).toBeNull();
      const sources = copyInstruction.getArguments().map((a) => a.getValue()).slice(0, -1);
      for (const s of sources) {
        expect({ source: s, exists: existsSync(join(copy, context, s)) }).toEqual({ source: s, exists: true });
        expect({ source: s, inContext: inBuildContext(s, ignore) }).toEqual({ source: s, inContext: true });
      }
    }
    const workdir = parsed.getInstructions().find((i) => i.getKeyword() === 'WORKDIR')!.getArgumentsContent()!;
    const json = (keyword: string) => JSON.parse(parsed.getInstructions().find((i) => i.getKeyword() === keyword)!.getArgumentsContent()!.replace(/^CMD\s+/, '')) as string[];

    // What `docker run` would start: ENTRYPOINT + CMD with the block's -e variables, its -v mounts and the
    // image's WORKDIR (where the COPYs put package.json and dist/) mapped onto the copy.
    const args = runCall!.slice(1);
    const runEnv: NodeJS.ProcessEnv = { PATH: process.env.PATH };
    const mounts: Array<[string, string]> = [[workdir, copy]];
    let image: string | undefined;
    const published: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '-e') {
        const [k, ...v] = args[++i]!.split('=');
        runEnv[k!] = v.join('=');
      } else if (a === '-v') {
        const [host, container] = args[++i]!.split(':');
        mounts.push([container!, host!]);
      } else if (a === '-p') published.push(args[++i]!);
      else if (a === '--rm') continue;
      else if (!a.startsWith('-')) {
        image = a;
        break;
      }
    }
    expect(image).toBe(tag);
    // The image serves plain HTTP (plain_http: true, TLS at a proxy): published to this machine only, since a bare
    // -p 8080:8080 reaches every network the host is on.
    expect(published.length).toBeGreaterThan(0);
    for (const p of published) expect(p).toMatch(/^(127\.0\.0\.1|\[::1\]):/);
    const mapPath = (p: string) => {
      const m = mounts.find(([c]) => p === c || p.startsWith(`${c}/`));
      return m ? m[1] + p.slice(m[0].length) : p;
    };
    const command = [...json('ENTRYPOINT'), ...json('CMD')].map(mapPath);
    // A container has a network namespace of its own: so does this stand-in for it.
    const container = await startNetworkNamespace();
    const server = spawn('nsenter', ['--net=/proc/' + container.pid + '/ns/net', '--', ...command], { cwd: copy, env: runEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    server.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    server.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) => server.on('close', resolve));
    try {
      const deadline = Date.now() + 30_000;
      while (!/listening on/.test(output) && server.exitCode === null && Date.now() < deadline) await new Promise((res) => setTimeout(res, 50));
      expect({ listening: /listening on/.test(output), output: /listening on/.test(output) ? '' : output }).toEqual({ listening: true, output: '' });
      const health = json('HEALTHCHECK');
      const probe = await new Promise<number>((resolve) =>
        execFile('nsenter', ['--net=/proc/' + container.pid + '/ns/net', '--', ...health], { env: { PATH: process.env.PATH } }, (e) => resolve(e ? ((e as { code?: number }).code ?? 1) : 0)),
      );
      expect(probe).toBe(0);
      // --host 0.0.0.0 moved the file's loopback host: the broker says what plain HTTP there needs.
      expect(output).toContain('"event":"plain_http_beyond_loopback"');
    } finally {
      server.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      stopNamespace(container);
    }
    expect(await exited).toBe(0);
    expect(leaks(output, SECRETS)).toEqual([]);
  }
});

/**
 * The files a fresh clone would have, as they are in the working tree, with what `npm ci` adds in the checkout:
 * node_modules (linked) and the CLI bundle its `prepare` script builds (copied; prepare in the copy finds it
 * built from the same sources, and builds it again if not).
 */
function copyRepository(dest: string): void {
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: repoRoot, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const f of files) {
    const from = join(repoRoot, f);
    if (!existsSync(from)) continue;
    mkdirSync(dirname(join(dest, f)), { recursive: true });
    cpSync(from, join(dest, f));
  }
  symlinkSync(join(repoRoot, 'node_modules'), join(dest, 'node_modules'));
  for (const built of ['dist/cli.js', 'dist/cli']) {
    if (!existsSync(join(repoRoot, built))) throw new Error(`${built} is missing: the dist tier runs after "npm run build" (or npm ci)`);
    cpSync(join(repoRoot, built), join(dest, built), { recursive: true });
  }
}

/** A process holding a network namespace with only loopback up; blocks run in it with nsenter. */
async function startNetworkNamespace(): Promise<ChildProcess> {
  // Its own process group, so that stopping it (stopNamespace) stops the forked shell too.
  const holder = spawn('unshare', ['--net', '--fork', '--kill-child', 'sh', '-c', 'ip link set lo up && echo up && exec sleep 3600'], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let err = '';
  holder.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  await new Promise<void>((resolve, reject) => {
    holder.stdout!.once('data', () => resolve());
    holder.once('close', (code) => reject(new Error(`could not make a network namespace (unshare --net exited ${code}): ${err}`)));
  });
  holder.stdout!.destroy();
  holder.stderr!.destroy();
  return holder;
}

function stopNamespace(holder: ChildProcess | undefined): void {
  if (holder?.pid !== undefined) process.kill(-holder.pid, 'SIGKILL');
}

/**
 * Whether a COPY source is in the build context under .dockerignore. Only the patterns this repository uses
 * are understood (`*`, `!path`, `path`); anything else fails the test so that the check is extended with it.
 */
function inBuildContext(source: string, patterns: string[]): boolean {
  let included = true;
  const s = source.replace(/\/$/, '');
  for (const p of patterns) {
    const negate = p.startsWith('!');
    const pat = (negate ? p.slice(1) : p).replace(/\/$/, '');
    if (pat !== '*' && /[*?[\]]/.test(pat)) throw new Error(`.dockerignore pattern ${p} is not understood by this test; extend inBuildContext`);
    if (pat === '*' || s === pat || s.startsWith(`${pat}/`)) included = negate;
  }
  return included;
}

const NPM_SHIM = `#!/bin/sh
# npm for the doc test: skips what the test cannot or must not repeat (see the test's header), runs the rest.
case "$1" in
  ci) echo "npm ci: install skipped by the doc test (node_modules comes from the npm ci that ran before the tests)" >&2
      echo "npm ci" >>"$SHIM_LOG"; exec "$REAL_NPM" run --silent prepare ;;
  test) echo "npm test: skipped by the doc test (it is the command running this test)" >&2
      echo "npm test" >>"$SHIM_LOG"; exit 0 ;;
esac
exec "$REAL_NPM" "$@"
`;

/** A stand-in for `tool`, which this machine lacks: records each call's arguments in $LOG_VAR for the test. */
function recordingShim(tool: string, logVar: string): string {
  return `#!/bin/sh
# ${tool} for the doc test: no engine or cluster here; records each call's arguments for the test to check.
for a in "$@"; do printf '%s\\0' "$a"; done >>"$${logVar}"
printf '\\n\\001\\n' >>"$${logVar}"
`;
}

/** The calls a recordingShim logged, each as its argument list. */
function recordedCalls(log: string): string[][] {
  return readFileSync(log, 'utf8')
    .split('\n\u0001\n')
    .filter(Boolean)
    .map((c) => c.split('\0').filter((a, i, all) => i < all.length - 1 || a !== ''));
}
