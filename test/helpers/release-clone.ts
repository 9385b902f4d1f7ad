// A clone of this repository as a maintainer releases it: a git clone whose files are this working tree's
// (tracked and new files, so the tests see uncommitted edits), node_modules linked from the checkout, the
// version set and its CHANGELOG.md section written ("Unreleased" renamed), all committed: a clean tree. The
// release scripts refuse anything else (scripts/release-checks.mjs), and the tests never release from the
// checkout itself.
import { execFile } from 'node:child_process';
import { appendFile, copyFile, cp, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './docs.js';

const run = promisify(execFile);

export const GIT_IDENTITY = {
  GIT_AUTHOR_NAME: 'Release Manager',
  GIT_AUTHOR_EMAIL: 'release@example.com',
  GIT_COMMITTER_NAME: 'Release Manager',
  GIT_COMMITTER_EMAIL: 'release@example.com',
};

export async function git(dir: string, ...args: string[]): Promise<string> {
  const { stdout } = await run('git', args, { cwd: dir, env: { ...process.env, ...GIT_IDENTITY }, maxBuffer: 64 << 20 });
  return stdout;
}

/** Clones the working tree into `dir` and commits it as release `version` (default: package.json's). */
export async function releasableClone(dir: string, version?: string): Promise<string> {
  await run('git', ['clone', '-q', '--no-local', repoRoot, dir]);
  const files = (await git(repoRoot, 'ls-files', '-z', '--cached', '--others', '--exclude-standard')).split('\0').filter(Boolean);
  for (const f of files) {
    await mkdir(dirname(join(dir, f)), { recursive: true });
    // A file deleted in the working tree but still tracked is left as the commit has it.
    await copyFile(join(repoRoot, f), join(dir, f)).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e;
    });
  }
  // The CLI bundle is not committed: the dist tier builds it once (test/helpers/dist-setup.mjs), from the same
  // sources the clone holds, so the clone's release:npm finds it fresh instead of bundling it again.
  await cp(join(repoRoot, 'dist', 'cli'), join(dir, 'dist', 'cli'), { recursive: true });
  await copyFile(join(repoRoot, 'dist', 'cli.js'), join(dir, 'dist', 'cli.js'));
  await symlink(join(repoRoot, 'node_modules'), join(dir, 'node_modules'));
  // .gitignore's `node_modules/` matches a folder, not the link to one.
  await appendFile(join(dir, '.git', 'info', 'exclude'), 'node_modules\n');
  await setVersion(dir, version);
  return dir;
}

/** Sets package.json's version, gives it a CHANGELOG.md section, and commits: the tree stays clean. */
export async function setVersion(dir: string, version?: string): Promise<string> {
  const pkgFile = join(dir, 'package.json');
  const pkg = JSON.parse(await readFile(pkgFile, 'utf8')) as { version: string };
  const wanted = version ?? pkg.version;
  if (pkg.version !== wanted) await writeFile(pkgFile, (await readFile(pkgFile, 'utf8')).replace(`"version": "${pkg.version}"`, `"version": "${wanted}"`));
  const changelog = await readFile(join(dir, 'CHANGELOG.md'), 'utf8');
  if (!new RegExp(`^## \\[?${wanted.replace(/\./g, '\\.')}\\]?`, 'm').test(changelog)) {
    const next = changelog.includes('\n## Unreleased\n') ? changelog.replace('\n## Unreleased\n', `\n## ${wanted}\n`) : changelog.replace(/\n## /, `\n## ${wanted}\n\n- Release ${wanted}.\n\n## `);
    await writeFile(join(dir, 'CHANGELOG.md'), next);
  }
  await git(dir, 'add', '--all');
  if ((await git(dir, 'status', '--porcelain')).trim()) await git(dir, 'commit', '-qm', `Release ${wanted}`);
  return wanted;
}
