// What both release scripts (release-npm.mjs, release-gitlab-component.mjs) check before they make anything: a
// release is a commit, so the working tree must be clean (what is released is what the tag names), and the
// version must be package.json's and written up in CHANGELOG.md (the release notes come from there). Each
// refusal has a stable code and says what to do.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { changelogSection } from './changelog.mjs';

export class ReleaseRefusal extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

/** Every reason not to release `version` (package.json's when undefined) from `root`; empty when it may. */
export function releaseRefusals(root, version) {
  const refusals = [];
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const wanted = version ?? pkg.version;

  let status;
  try {
    status = execFileSync('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    refusals.push(new ReleaseRefusal('not_a_git_tree', `${root} is not a git work tree (${String(e.stderr || e.message).trim().split('\n')[0]}): release from a clone of the repository`));
  }
  if (status) {
    const changed = status.split('\n').filter(Boolean).map((l) => l.slice(3));
    const shown = changed.slice(0, 5).join(', ') + (changed.length > 5 ? `, and ${changed.length - 5} more` : '');
    refusals.push(new ReleaseRefusal('dirty_tree', `the working tree has uncommitted changes (${shown}): a release is made from a commit; commit or stash them, or run npm run build and commit dist/`));
  }

  if (wanted !== pkg.version) {
    refusals.push(new ReleaseRefusal('version_mismatch', `version ${wanted} is not package.json's version ${pkg.version}: set "version" in package.json (and tag vX.Y.Z) first`));
  }
  const changelog = join(root, 'CHANGELOG.md');
  if (!existsSync(changelog) || changelogSection(readFileSync(changelog, 'utf8'), wanted) === undefined) {
    refusals.push(new ReleaseRefusal('no_changelog_section', `CHANGELOG.md has no section "## ${wanted}": rename "Unreleased" to the version (the release notes are taken from it)`));
  }
  return refusals;
}
