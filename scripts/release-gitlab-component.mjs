#!/usr/bin/env node
// npm run release:gitlab-component -- --out DIR [--version X.Y.Z]
//
// Makes DIR the GitLab CI/CD catalog project for this version of the component, as GitLab expects one:
// templates/ at its root, README.md, LICENSE and the .gitlab-ci.yml that creates the release for a tag (all
// from gitlab-component/, without its src/). The tree is committed on DIR's main branch and tagged X.Y.Z
// (default: package.json's version; the catalog takes semantic versions only). DIR is created and git-inited
// when it does not exist; when it is a clone of the catalog project, the version goes on top of the earlier
// ones. Nothing is pushed: that is the next command, printed at the end. Like release:npm, it refuses a dirty
// tree and a version that is not package.json's or has no CHANGELOG.md section (release-checks.mjs): the
// component's version is the project's, released from the commit its tag names.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generate, paths } from './build-gitlab-component.mjs';
import { releaseRefusals } from './release-checks.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tree = join(root, 'gitlab-component');
/** What the catalog project holds: GitLab reads templates/ at the root, the catalog shows README.md. */
export const CATALOG_FILES = ['templates', 'README.md', 'LICENSE', '.gitlab-ci.yml'];
const SEMVER = /^\d+\.\d+\.\d+$/;

class ReleaseError extends Error {}

function git(cwd, ...args) {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  } catch (e) {
    throw new ReleaseError(`git ${args.join(' ')} failed in ${cwd}: ${(e.stderr || e.message).trim()}`);
  }
}

/** The tree must be what `npm run build` makes of the sources, or the release would ship a stale script. */
async function assertFresh() {
  const next = await generate();
  for (const key of ['script', 'template']) {
    if (readFileSync(paths[key], 'utf8') !== next[key]) throw new ReleaseError(`${paths[key].slice(root.length + 1)} is stale: run npm run build first`);
  }
  for (const f of CATALOG_FILES) if (!existsSync(join(tree, f))) throw new ReleaseError(`gitlab-component/${f} is missing`);
}

/** DIR as a git work tree of its own, clean, on branch main (created when DIR does not exist). */
function prepare(out) {
  if (!existsSync(out)) {
    mkdirSync(out, { recursive: true });
    git(out, 'init', '-q', '-b', 'main');
    return;
  }
  let top;
  try {
    top = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: out, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    throw new ReleaseError(`${out} exists and is not a git repository: give a new folder, or a clone of your catalog project`);
  }
  if (realpathSync(top) !== realpathSync(out)) throw new ReleaseError(`${out} is inside the git repository ${top}: give the catalog project's own folder`);
  if (git(out, 'status', '--porcelain')) throw new ReleaseError(`${out} has uncommitted changes: commit or remove them first`);
  const branch = git(out, 'rev-parse', '--abbrev-ref', 'HEAD');
  if (branch !== 'main' && branch !== 'HEAD') throw new ReleaseError(`${out} is on branch ${branch}: check out main first`);
}

export async function release({ out, version }) {
  if (!SEMVER.test(version)) throw new ReleaseError(`--version ${version} is not a semantic version like 1.2.3 (the CI/CD Catalog takes only those)`);
  await assertFresh();
  prepare(out);
  if (git(out, 'tag', '--list', version)) throw new ReleaseError(`${out} already has the tag ${version}: a released version never changes; pick the next one with --version`);
  for (const f of CATALOG_FILES) {
    rmSync(join(out, f), { recursive: true, force: true });
    cpSync(join(tree, f), join(out, f), { recursive: true });
  }
  git(out, 'add', '--all', '--', ...CATALOG_FILES);
  const message = `oidc-exchange GitLab component ${version}`;
  if (git(out, 'status', '--porcelain')) git(out, 'commit', '-q', '-m', message);
  git(out, 'tag', '-a', version, '-m', message);
  return git(out, 'rev-parse', 'HEAD');
}

async function main() {
  const { values } = parseArgs({ options: { out: { type: 'string' }, version: { type: 'string' } }, strict: true });
  if (!values.out) throw new ReleaseError('usage: npm run release:gitlab-component -- --out DIR [--version X.Y.Z]');
  // npm runs scripts from the package root; a relative --out is meant from where npm was started.
  const out = resolve(process.env.INIT_CWD ?? process.cwd(), values.out);
  const refusals = releaseRefusals(root, values.version);
  if (refusals.length) throw new ReleaseError(refusals.map((r) => `refused (${r.code}): ${r.message}`).join('\nrelease-gitlab-component: '));
  const version = values.version ?? JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
  const sha = await release({ out, version });
  console.log(`${out}: the component is committed (${sha.slice(0, 12)}) and tagged ${version}.`);
  console.log(`Publish it: git -C ${JSON.stringify(out)} push --follow-tags origin main`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((e) => {
    console.error(`release-gitlab-component: ${e instanceof ReleaseError ? e.message : e.stack}`);
    process.exit(1);
  });
}
