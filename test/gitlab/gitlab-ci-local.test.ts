// The component from the outside: a project's .gitlab-ci.yml includes it with `include: component:` and
// inputs, and gitlab-ci-local 4.73 runs the job on its shell executor, against the real broker on loopback.
// gitlab-ci-local resolves a component from the working tree (no network) when the component's project is
// the repository's own origin and the version is its HEAD commit, so the test builds such a repository.
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { promisify } from 'node:util';
import { AUDIENCE, startTestBed, type TestBed } from '../helpers/broker.js';
import { componentTemplatePath } from '../../src/harness/gitlab-job.js';
import { leaked, VALUES } from './job-env.js';
import { fileURLToPath } from 'node:url';

const run = promisify(execFile);
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const gcl = join(root, 'node_modules', '.bin', 'gitlab-ci-local');
let bed: TestBed;
let repo: string;
let sha: string;

beforeAll(async () => {
  bed = await startTestBed({
    env: { V_NEWLINES: VALUES.NEWLINES!, V_QUOTES: VALUES.QUOTES! },
    config: () => ({
      secrets: { DB_PASSWORD: { env: 'V_QUOTES' }, DEPLOY_KEY: { env: 'V_NEWLINES' } },
      policies: [{ name: 'api', issuer: 'gitlab', claims: { project_path: 'acme/platform/api' }, secrets: ['DB_PASSWORD', 'DEPLOY_KEY'] }],
    }),
  });
  repo = await mkdtemp(join(tmpdir(), 'oidc-exchange-gcl-'));
  await mkdir(join(repo, 'templates'));
  await cp(componentTemplatePath(), join(repo, 'templates', 'secrets.yml'));
  const git = (...args: string[]) => run('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', ...args], { cwd: repo });
  await git('init', '-q', '-b', 'main');
  await git('remote', 'add', 'origin', 'git@gitlab.example.com:acme/platform/api.git');
  await git('add', '.');
  await git('commit', '-qm', 'component');
  sha = (await git('rev-parse', 'HEAD')).stdout.trim();
});

afterAll(async () => {
  await bed.close();
  await rm(repo, { recursive: true, force: true });
});

function pipeline(inputs: string): string {
  return `include:
  - component: gitlab.example.com/acme/platform/api/secrets@${sha}
    inputs:
${inputs}
deploy:
  extends: .oidc-exchange
  script:
    - printf %s "$DB_PASSWORD" > db.out
    - cp "$KEY_FILE" key.out
    - oidc_exchange_redact sh -c 'echo "db=$DB_PASSWORD"'
`;
}

async function gitlabCiLocal(yaml: string, token: string): Promise<{ code: number; output: string }> {
  await writeFile(join(repo, '.gitlab-ci.yml'), yaml);
  try {
    const { stdout, stderr } = await run(gcl, ['--variable', `OIDC_EXCHANGE_ID_TOKEN=${token}`, '--home', join(repo, '.home'), '--no-color', 'deploy'], {
      cwd: repo,
      env: { PATH: process.env.PATH, HOME: join(repo, '.home') },
      timeout: 60_000,
    });
    return { code: 0, output: stdout + stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof err.code === 'number' ? err.code : 1, output: (err.stdout ?? '') + (err.stderr ?? '') };
  }
}

it('include: component with inputs: the job sees its secrets, in the environment and in files', async () => {
  const token = await bed.gitlab.mint(bed.gitlab.claimsFor(), { audience: AUDIENCE });
  const { code, output } = await gitlabCiLocal(
    pipeline(`      broker_url: ${bed.url}
      audience: ${AUDIENCE}
      export: both
      secrets: |
        DB_PASSWORD
        DEPLOY_KEY | KEY`),
    token,
  );
  expect(output).toContain('PASS  deploy');
  expect(code).toBe(0);
  // The shell executor runs the job in the project folder itself.
  expect(await readFile(join(repo, 'db.out'), 'utf8')).toBe(VALUES.QUOTES);
  expect(await readFile(join(repo, 'key.out'), 'utf8')).toBe(VALUES.NEWLINES);
  expect(output).toContain('db=[MASKED]');
  expect(output).toContain("removed the secrets' files");
  expect(leaked(output, [VALUES.QUOTES!, VALUES.NEWLINES!])).toEqual([]);
});

it('a missing required input fails the pipeline before any job runs, as GitLab does', async () => {
  const token = await bed.gitlab.mint(bed.gitlab.claimsFor(), { audience: AUDIENCE });
  const before = bed.log.length;
  const { code, output } = await gitlabCiLocal(pipeline(`      audience: ${AUDIENCE}`), token);
  expect(code).not.toBe(0);
  expect(output).toContain('`broker_url` input: required value has not been provided');
  expect(bed.log.length).toBe(before);
});
