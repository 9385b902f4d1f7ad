// The component's template as built by `npm run build` and committed, which is what GitLab runs: it is what the
// build generates from the current sources (reserved-name checks from src/client/reserved-names.ts, the embedded
// script), and the script GitLab will run, read back from the YAML, is the source byte for byte and
// shellcheck-clean with its wrapper lines.
import { expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { componentTemplatePath, loadHiddenJob } from '../../src/harness/gitlab/job.js';

const run = promisify(execFile);
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const source = join(root, 'gitlab-component', 'src', 'oidc-exchange.sh');
const required = { broker_url: 'https://broker.example.com', audience: 'https://broker.example.com' };

it('the script and the template are what npm run build generates (reserved names, embedded script)', async () => {
  await expect(run(process.execPath, [join(root, 'scripts', 'build-gitlab-component.mjs'), '--check'])).resolves.toBeDefined();
});

it('the script GitLab will run, read back from the YAML, is the source byte for byte and shellcheck-clean', async () => {
  const { job } = await loadHiddenJob(componentTemplatePath(), required);
  const embedded = (job.before_script as string[])[0]!;
  const after = (job.after_script as string[])[0]!;
  expect(after).toBe(embedded); // the after_script defines the same functions (YAML anchor)
  const body = embedded.split('\n').slice(1, -2).join('\n') + '\n';
  expect(body).toBe(await readFile(source, 'utf8'));
  const dir = await mkdtemp(join(tmpdir(), 'oidc-exchange-embedded-'));
  try {
    await writeFile(join(dir, 'embedded.sh'), embedded);
    const { stdout } = await run('shellcheck', ['-s', 'sh', '-f', 'gcc', join(dir, 'embedded.sh')]);
    expect(stdout).toBe('');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
