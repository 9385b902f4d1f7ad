// The component as a GitLab user gets it. The component README's publishing steps run as printed: they release
// the catalog tree (`npm run release:gitlab-component`), commit and tag it, and push it to a Git server on
// loopback that serves projects the way GitLab does (the only change: git's url.insteadOf sends
// git@gitlab.example.com: there). Then projects whose .gitlab-ci.yml is a README snippet, as printed, include
// `component: $CI_SERVER_FQDN/acme/oidc-exchange-component/secrets@0.1.0`: gitlab-ci-local 4.75.1 fetches that
// tag from the server over git (it needs the consumer's origin on the same server) and runs the job on its
// shell executor against the real broker. gitlab-ci-local does not inject id_tokens, so the token goes in as a
// variable, and the snippets' example broker URL is replaced with --input, which overrides include inputs.
import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { NODE22 } from '../helpers/action.js';
import { AUDIENCE, startTestBed, type TestBed } from '../helpers/broker.js';
import { blocksOf, type DocBlock } from '../helpers/docs.js';
import { releasableClone, setVersion } from '../helpers/release-clone.js';
import { plainAnswer, startFake } from './fake-server.js';
import { startGitServer, type GitServer } from './git-server.js';
import { leaked, toolPath, VALUES } from './job-env.js';

const run = promisify(execFile);
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
// gitlab-ci-local 4.75 uses Node 22's Set methods: run with the Node 22 the tests install (scripts/system-deps.mjs).
const gcl = join(root, 'node_modules', 'gitlab-ci-local', 'dist', 'index.js');
const VERSION = (JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string }).version;
const CATALOG = 'acme/oidc-exchange-component';
const GH_APP_TOKEN = 'ghs_catalogTestInstallationToken0123456789';

let bed: TestBed;
let git: GitServer;
let work: string;
let home: string;
let bin: string;
/** The checkout the publishing steps run in: a clean clone at the release (the release script refuses less). */
let source: string;

const gitEnv = () => ({
  PATH: `${bin}:${process.env.PATH}`,
  HOME: home,
  GIT_AUTHOR_NAME: 'Release Manager',
  GIT_AUTHOR_EMAIL: 'release@example.com',
  GIT_COMMITTER_NAME: 'Release Manager',
  GIT_COMMITTER_EMAIL: 'release@example.com',
  // The docs push to git@gitlab.example.com:...; this machine's "GitLab" is the loopback server.
  GIT_CONFIG_COUNT: '1',
  GIT_CONFIG_KEY_0: `url.${git.url}/.insteadOf`,
  GIT_CONFIG_VALUE_0: 'git@gitlab.example.com:',
});

beforeAll(async () => {
  bed = await startTestBed({
    env: { V_NEWLINES: VALUES.NEWLINES!, V_QUOTES: VALUES.QUOTES! },
    config: () => ({
      secrets: { DB_PASSWORD: { env: 'V_QUOTES' }, GH_TOKEN: { value: GH_APP_TOKEN }, DEPLOY_KEY: { env: 'V_NEWLINES' } },
      policies: [{ name: 'api', issuer: 'gitlab', claims: { project_path: 'acme/platform/api' }, secrets: ['DB_PASSWORD', 'GH_TOKEN', 'DEPLOY_KEY'] }],
    }),
  });
  work = await mkdtemp(join(tmpdir(), 'oidc-exchange-gcl-'));
  home = join(work, 'home');
  bin = join(work, 'bin');
  await mkdir(home);
  await mkdir(bin);
  // The snippets install curl with apk (Alpine); on this shell executor curl is already there.
  await writeFile(join(bin, 'apk'), '#!/bin/sh\n[ "$*" = "add --no-cache curl" ] || { echo "apk: unexpected $*" >&2; exit 1; }\n', { mode: 0o755 });
  // "Create an empty project" on the server.
  await mkdir(join(work, 'server', 'acme'), { recursive: true });
  await run('git', ['init', '-q', '--bare', '-b', 'main', join(work, 'server', `${CATALOG}.git`)]);
  git = await startGitServer(join(work, 'server'));

  // The publishing steps, as printed, in a checkout of the release.
  source = await releasableClone(join(work, 'source'), VERSION);
  const publish = publishingBlocks();
  await run('sh', ['-e', '-c', publish[0]!.text], { cwd: source, env: gitEnv(), timeout: 120_000 });
}, 180_000);

afterAll(async () => {
  await git?.close();
  await bed?.close();
  await rm(work, { recursive: true, force: true });
});

function publishingBlocks(): DocBlock[] {
  // test/docs/commands.dist.test.ts leaves the blocks tagged needs-gitlab to this test.
  const blocks = blocksOf('gitlab-component/README.md').filter((b) => b.lang === 'sh' && b.tags.includes('needs-gitlab'));
  expect(blocks).toHaveLength(2);
  return blocks;
}

function snippet(file: string, n: number): string {
  return blocksOf(file).filter((b) => b.lang === 'yaml' && b.tags[0] === 'gitlab-ci' && !b.tags.includes('fragment'))[n]!.text;
}

/** A project on the server whose .gitlab-ci.yml is `yaml`, with the scripts the snippets call. */
async function project(name: string, yaml: string): Promise<string> {
  const dir = join(work, name);
  await mkdir(dir);
  await writeFile(join(dir, '.gitlab-ci.yml'), yaml);
  await writeFile(join(dir, 'deploy.sh'), '#!/bin/sh\nprintf %s "$DB_PASSWORD" > db.out\nprintf %s "${GH_APP_TOKEN:-}" > gh.out\n');
  await writeFile(join(dir, 'smoke-test.sh'), '#!/bin/sh\necho "smoke: db=$DB_PASSWORD gh=$GH_APP_TOKEN"\necho "smoke: on stderr $DB_PASSWORD" >&2\n');
  await chmod(join(dir, 'deploy.sh'), 0o755);
  await chmod(join(dir, 'smoke-test.sh'), 0o755);
  const g = (...args: string[]) => run('git', args, { cwd: dir, env: gitEnv() });
  await g('init', '-q', '-b', 'main');
  await g('remote', 'add', 'origin', `${git.url}/acme/platform/api.git`);
  await g('add', '.');
  await g('commit', '-qm', 'pipeline');
  return dir;
}

async function gitlabCiLocal(dir: string, args: string[], token?: string): Promise<{ code: number; output: string }> {
  const variable = token ? ['--variable', `OIDC_EXCHANGE_ID_TOKEN=${token}`] : [];
  try {
    const { stdout, stderr } = await run(NODE22, [gcl, ...variable, '--home', join(dir, '.home'), '--no-color', '--force-shell-executor', ...args], {
      cwd: dir,
      env: gitEnv(),
      timeout: 90_000,
    });
    return { code: 0, output: stdout + stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof err.code === 'number' ? err.code : 1, output: (err.stdout ?? '') + (err.stderr ?? '') };
  }
}

function brokerInputs(): string[] {
  return ['--input', `broker_url=${bed.url}`, '--input', `audience=${AUDIENCE}`];
}

it('the publishing steps leave a catalog project GitLab can serve: templates/ at the root, README, LICENSE, CI file, tag', async () => {
  const { stdout: tags } = await run('git', ['ls-remote', '--tags', `${git.url}/${CATALOG}.git`], { env: gitEnv() });
  expect(tags).toContain(`refs/tags/${VERSION}`);
  const { stdout: files } = await run('git', ['--git-dir', join(work, 'server', `${CATALOG}.git`), 'ls-tree', '-r', '--name-only', VERSION]);
  expect(files.trim().split('\n').sort()).toEqual(['.gitlab-ci.yml', 'LICENSE', 'README.md', 'templates/secrets.yml']);
  const { stdout: template } = await run('git', ['--git-dir', join(work, 'server', `${CATALOG}.git`), 'show', `${VERSION}:templates/secrets.yml`], { maxBuffer: 1 << 24 });
  expect(template).toBe(await readFile(join(root, 'gitlab-component', 'templates', 'secrets.yml'), 'utf8'));
});

it.each([
  ['gitlab-component/README.md', 0],
  ['README.md', 0],
])('%s usage snippet, as printed: gitlab-ci-local includes the component at the tag and the job gets its secrets', async (file, n) => {
  const yaml = snippet(file, n);
  expect(yaml).toContain(`component: $CI_SERVER_FQDN/${CATALOG}/secrets@${VERSION}`);
  const dir = await project(`consumer-${file.replace(/\W/g, '-')}`, yaml);
  const token = await bed.gitlab.mint(bed.gitlab.claimsFor({ environment: 'production' }), { audience: AUDIENCE });
  const fetched = git.requests.length;
  const { code, output } = await gitlabCiLocal(dir, [...brokerInputs(), 'deploy'], token);
  expect(output).toContain('PASS  deploy');
  expect(code).toBe(0);
  // Fetched from the catalog project over git, at the tag, byte for byte the released template.
  expect(git.requests.slice(fetched).some((r) => r.includes(`/${CATALOG}.git/`))).toBe(true);
  const cached = join(dir, '.gitlab-ci-local', 'includes', '127.0.0.1', CATALOG, VERSION, 'templates', 'secrets.yml');
  expect(await readFile(cached, 'utf8')).toBe(await readFile(join(root, 'gitlab-component', 'templates', 'secrets.yml'), 'utf8'));
  // The job's script saw the values; the redaction wrapper hid them; nothing leaked.
  expect(await readFile(join(dir, 'db.out'), 'utf8')).toBe(VALUES.QUOTES);
  if (file === 'gitlab-component/README.md') {
    expect(await readFile(join(dir, 'gh.out'), 'utf8')).toBe(GH_APP_TOKEN);
    expect(output).toContain('smoke: db=[MASKED] gh=[MASKED]');
    expect(output).toContain('smoke: on stderr [MASKED]');
  }
  expect(output).toContain('nothing to clean up: this job left no files');
  expect(leaked(output, [VALUES.QUOTES!, GH_APP_TOKEN])).toEqual([]);
});

it('the component README\'s alpine job, as printed, with only BusyBox applets plus the curl its apk line installs', async () => {
  // An alpine image: BusyBox applets only (its wget among them), and apk, which here puts the host's curl in a
  // folder already on PATH, as apk puts it in /usr/bin. Without the apk line the component refuses, naming it.
  const busybox = toolPath(['busybox-wget'], { userland: 'busybox' });
  const installed = join(work, 'alpine-usr-bin');
  const apkBin = join(work, 'alpine-sbin');
  await mkdir(installed, { recursive: true });
  await mkdir(apkBin, { recursive: true });
  const curl = (await run('sh', ['-c', 'command -v curl'])).stdout.trim();
  const bb = (await run('sh', ['-c', 'command -v busybox'])).stdout.trim();
  await writeFile(join(apkBin, 'apk'), `#!${bb} sh\n[ "$*" = "add --no-cache curl" ] || { echo "apk: unexpected $*" >&2; exit 1; }\n${bb} ln -sf ${curl} ${installed}/curl\n`, { mode: 0o755 });
  // gitlab-ci-local's shell executor starts the job with `bash`; on alpine GitLab Runner falls back to sh,
  // BusyBox's ash, and so does this stand-in.
  await writeFile(join(apkBin, 'bash'), `#!${busybox.path}/sh\nexec ${busybox.path}/sh "$@"\n`, { mode: 0o755 });
  const jobPath = `${busybox.path}:${installed}:${apkBin}`;
  try {
    const yaml = snippet('gitlab-component/README.md', 0);
    expect(yaml).toContain('image: alpine:');
    expect(yaml).toMatch(/before_script:\n\s+- apk add --no-cache curl[^\n]*\n\s+- !reference \[\.oidc-exchange, before_script\]/);
    const token = await bed.gitlab.mint(bed.gitlab.claimsFor({ environment: 'production' }), { audience: AUDIENCE });

    // Without the apk line: BusyBox wget only, refused with the exact fix.
    const bare = await project('alpine-without-curl', yaml.replace(/\n\s+- apk add --no-cache curl[^\n]*/, ''));
    const refused = await gitlabCiLocal(bare, [...brokerInputs(), '--variable', `PATH=${jobPath}`, 'deploy'], token);
    expect(refused.code).not.toBe(0);
    expect(refused.output).toContain('install curl before the exchange, e.g. on alpine: before_script: [apk add --no-cache curl, !reference [.oidc-exchange, before_script]]');

    // As printed: apk installs curl, then the component's before_script exchanges, then the script runs.
    const dir = await project('alpine-as-printed', yaml);
    const { code, output } = await gitlabCiLocal(dir, [...brokerInputs(), '--variable', `PATH=${jobPath}`, 'deploy'], token);
    expect(output).toContain('PASS  deploy');
    expect(code).toBe(0);
    expect(await readFile(join(dir, 'db.out'), 'utf8')).toBe(VALUES.QUOTES);
    expect(await readFile(join(dir, 'gh.out'), 'utf8')).toBe(GH_APP_TOKEN);
    expect(output).toContain('smoke: db=[MASKED] gh=[MASKED]');
    expect(leaked(output, [VALUES.QUOTES!, GH_APP_TOKEN])).toEqual([]);
  } finally {
    busybox.remove();
  }
}, 180_000);

it('a later version is released with the second command; @0.1.0 stays on its tag, @0 and @~latest follow the newest', async () => {
  const next = VERSION.replace(/\.(\d+)\.\d+$/, (_m, minor: string) => `.${Number(minor) + 1}.0`);
  const upgrade = publishingBlocks()[1]!.text;
  expect(upgrade).toContain(`--version ${next}`);
  // The checkout moves on to the next release (its version and CHANGELOG.md section committed).
  await setVersion(source, next);
  await run('sh', ['-e', '-c', upgrade], { cwd: source, env: gitEnv(), timeout: 120_000 });
  for (const [ref, resolved] of [[VERSION, VERSION], [VERSION.split('.')[0]!, next], ['~latest', next]] as const) {
    const yaml = snippet('README.md', 0).replace(`@${VERSION}`, `@${ref}`);
    const dir = await project(`pin-${ref.replace(/\W/g, '_')}`, yaml);
    const token = await bed.gitlab.mint(bed.gitlab.claimsFor(), { audience: AUDIENCE });
    const { code, output } = await gitlabCiLocal(dir, [...brokerInputs(), 'deploy'], token);
    expect([ref, output]).toEqual([ref, expect.stringContaining('PASS  deploy')]);
    expect(code).toBe(0);
    expect(await readFile(join(dir, '.gitlab-ci-local', 'includes', '127.0.0.1', CATALOG, resolved, 'templates', 'secrets.yml'), 'utf8')).toContain('spec:');
  }
}, 120_000);

it("the catalog project's own pipeline: the component loads from its commit, and a version tag adds the release job", async () => {
  const clone = join(work, 'catalog-clone');
  await run('git', ['clone', '-q', `${git.url}/${CATALOG}.git`, clone], { env: gitEnv() });
  const loads = await gitlabCiLocal(clone, ['component-loads']);
  expect(loads.output).toContain('PASS  component-loads');
  expect(loads.output).toContain('nothing to clean up: this job left no files');
  expect(loads.code).toBe(0);
  const untagged = await gitlabCiLocal(clone, ['--list']);
  expect(untagged.output).not.toContain('create-release');
  const tagged = await gitlabCiLocal(clone, ['--list', '--variable', `CI_COMMIT_TAG=${VERSION}`]);
  expect(tagged.output).toContain('create-release');
});

it('a pipeline variable cannot redirect the job\'s id token: broker_url and github_api_url are written into the script at include time', async () => {
  // A pipeline variable outranks the component's job variables in GitLab (and in gitlab-ci-local): before the
  // inputs were pinned, OIDC_EXCHANGE_BROKER_URL sent a protected job's id token to this server.
  const elsewhere = await startFake((_req, res) => plainAnswer(res, { DB_PASSWORD: 'from-elsewhere-1' }));
  try {
    const dir = await project('pipeline-variable-redirect', snippet('README.md', 0));
    const token = await bed.gitlab.mint(bed.gitlab.claimsFor({ environment: 'production' }), { audience: AUDIENCE });
    const exchanges = bed.log.filter((l) => l.includes('"event":"exchange"')).length;
    for (const [variable, value] of [['OIDC_EXCHANGE_BROKER_URL', elsewhere.url], ['OIDC_EXCHANGE_GITHUB_API_URL', elsewhere.url]] as const) {
      const { code, output } = await gitlabCiLocal(dir, [...brokerInputs(), '--variable', `${variable}=${value}`, 'deploy'], token);
      expect(code).not.toBe(0);
      expect(output).toContain(`${variable} is "${value}", not the component's input`);
      expect(output).toContain('Remove that variable');
    }
    expect(elsewhere.seen).toEqual([]);
    expect(bed.log.filter((l) => l.includes('"event":"exchange"')).length).toBe(exchanges);
  } finally {
    await elsewhere.close();
  }
}, 120_000);

it('a missing required input fails the pipeline before any job runs, as GitLab does', async () => {
  const yaml = snippet('README.md', 0).replace(/broker_url: [^,]+, /, '');
  const dir = await project('missing-input', yaml);
  const before = bed.log.length;
  const { code, output } = await gitlabCiLocal(dir, ['--input', `audience=${AUDIENCE}`, 'deploy'], 'x.y.z');
  expect(code).not.toBe(0);
  expect(output).toContain('`broker_url` input: required value has not been provided');
  expect(bed.log.length).toBe(before);
});
