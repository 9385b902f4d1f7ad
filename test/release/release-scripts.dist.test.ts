// The release scripts, run as a maintainer runs them (`npm run release:npm`, `npm run release:gitlab-component`)
// in a clone of this repository (test/helpers/release-clone.ts), never in the checkout:
//  - each refuses a dirty tree (a changed or a new file), a version that is not package.json's, and a version
//    CHANGELOG.md has no section for, says which and why, and writes nothing;
//  - on a clean tree, release:npm writes the tarball, its CycloneDX SBOM and SHA256SUMS; `sha256sum --check`
//    accepts the sums; a second run gives the same bytes (what release.yml publishes is what a maintainer
//    makes of the same commit); the SBOM lists every library the bundles are built from (the production
//    dependency tree npm itself reports) with the licence its own package.json declares.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { releasableClone, git, GIT_IDENTITY } from '../helpers/release-clone.js';

interface Component {
  name: string;
  group?: string;
  version: string;
  licenses?: Array<{ license?: { id?: string; name?: string }; expression?: string }>;
  components?: Component[];
}

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

function npmRun(cwd: string, args: string[]): Promise<Ran> {
  return new Promise((resolve) => {
    execFile('npm', ['run', '--silent', ...args], { cwd, env: { ...process.env, ...GIT_IDENTITY, npm_config_update_notifier: 'false' }, timeout: 170_000, maxBuffer: 32 << 20 }, (e, stdout, stderr) => {
      resolve({ code: e ? (typeof (e as { code?: unknown }).code === 'number' ? (e as { code: number }).code : 1) : 0, stdout, stderr });
    });
  });
}

let work: string;
let clone: string;
let version: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'oidc-exchange-release-'));
  clone = await releasableClone(join(work, 'repo'));
  version = (JSON.parse(await readFile(join(clone, 'package.json'), 'utf8')) as { version: string }).version;
}, 120_000);

afterAll(() => rm(work, { recursive: true, force: true }));

/** Runs `change` on the clean clone, expects the script to refuse with `code`, then puts the clone back. */
async function expectRefusal(script: string, extra: string[], code: string, why: RegExp, change?: () => Promise<void>): Promise<void> {
  await change?.();
  const out = join(work, `out-${script}-${code}`);
  try {
    const r = await npmRun(clone, [script, '--', '--out', out, ...extra]);
    expect({ code: r.code, stdout: r.stdout }).toEqual({ code: 1, stdout: '' });
    expect(r.stderr).toContain(`refused (${code})`);
    expect(r.stderr).toMatch(why);
    expect(existsSync(out)).toBe(false);
  } finally {
    await git(clone, 'checkout', '-q', '--', '.');
    await git(clone, 'clean', '-fdq');
  }
}

describe.each(['release:npm', 'release:gitlab-component'])('npm run %s refuses', (script) => {
  it('a changed file, naming it', async () => {
    await expectRefusal(script, [], 'dirty_tree', /uncommitted changes \(README\.md\)/, () => writeFile(join(clone, 'README.md'), 'edited\n', { flag: 'a' }));
  }, 60_000);

  it('a new file, naming it', async () => {
    await expectRefusal(script, [], 'dirty_tree', /uncommitted changes \(notes\.txt\)/, () => writeFile(join(clone, 'notes.txt'), 'scratch\n'));
  }, 60_000);

  it("a version that is not package.json's", async () => {
    await expectRefusal(script, ['--version', '9.8.7'], 'version_mismatch', new RegExp(`9\\.8\\.7 is not package\\.json's version ${version.replace(/\./g, '\\.')}`));
  }, 60_000);

  it('a version CHANGELOG.md has no section for', async () => {
    const head = (await git(clone, 'rev-parse', 'HEAD')).trim();
    try {
      await expectRefusal(script, [], 'no_changelog_section', new RegExp(`no section "## ${version.replace(/\./g, '\\.')}"`), async () => {
        const text = await readFile(join(clone, 'CHANGELOG.md'), 'utf8');
        await writeFile(join(clone, 'CHANGELOG.md'), text.replace(`\n## ${version}\n`, '\n## Unreleased\n'));
        await git(clone, 'commit', '-qam', 'notes not written yet');
      });
    } finally {
      await git(clone, 'reset', '-q', '--hard', head);
    }
  }, 60_000);
});

describe('npm run release:npm on a clean tree', () => {
  let out: string;
  let made: { tarball: string; sbom: string; checksums: string };

  beforeAll(async () => {
    out = join(work, 'release');
    const r = await npmRun(clone, ['release:npm', '--', '--out', out, '--json']);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    made = JSON.parse(r.stdout) as typeof made;
  }, 180_000);

  it('writes the tarball, its SBOM and SHA256SUMS, and sha256sum --check accepts them', async () => {
    expect(readdirSync(out).sort()).toEqual([`oidc-exchange-${version}.cdx.json`, `oidc-exchange-${version}.tgz`, 'SHA256SUMS'].sort());
    expect(made.tarball).toBe(join(out, `oidc-exchange-${version}.tgz`));
    const check = await new Promise<Ran>((resolve) =>
      execFile('sha256sum', ['--check', '--strict', 'SHA256SUMS'], { cwd: out }, (e, stdout, stderr) => resolve({ code: e ? 1 : 0, stdout, stderr })),
    );
    expect(check).toEqual({ code: 0, stdout: `oidc-exchange-${version}.tgz: OK\noidc-exchange-${version}.cdx.json: OK\n`, stderr: '' });
  });

  it('makes the same bytes again from the same commit', async () => {
    const again = join(work, 'again');
    const r = await npmRun(clone, ['release:npm', '--', '--out', again]);
    expect(r.code).toBe(0);
    expect(await readFile(join(again, 'SHA256SUMS'), 'utf8')).toBe(await readFile(join(out, 'SHA256SUMS'), 'utf8'));
  }, 180_000);

  it("the SBOM lists every library the bundles carry, each with its own package.json's licence", async () => {
    const bom = JSON.parse(await readFile(made.sbom, 'utf8')) as {
      bomFormat: string;
      metadata: { component: { name: string; version: string } };
      components: Component[];
    };
    // A copy nested under another package (a second version of it) is listed inside that package's entry.
    const flat = (cs: Component[]): Component[] => cs.flatMap((c) => [c, ...flat(c.components ?? [])]);
    expect(bom.bomFormat).toBe('CycloneDX');
    expect(bom.metadata.component).toMatchObject({ name: 'oidc-exchange', version });
    // What npm says the production tree is (every path under node_modules that is not a dev dependency).
    const lock = JSON.parse(await readFile(join(clone, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string; dev?: boolean; license?: string; link?: boolean }> };
    const production = Object.entries(lock.packages).filter(([path, p]) => path.startsWith('node_modules/') && !p.dev && !p.link);
    expect(production.length).toBeGreaterThan(20);
    const listed = new Map(flat(bom.components).map((c) => [`${c.group ? `${c.group}/` : ''}${c.name}@${c.version}`, c]));
    const problems: string[] = [];
    for (const [path, p] of production) {
      const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
      const own = JSON.parse(await readFile(join(clone, path, 'package.json'), 'utf8')) as { license?: string | { type: string } };
      const licence = typeof own.license === 'object' ? own.license.type : own.license;
      const c = listed.get(`${name}@${p.version}`);
      if (!c) problems.push(`${name}@${p.version} is not in the SBOM`);
      else if (!licence) problems.push(`${name}@${p.version} declares no licence`);
      else if (!(c.licenses ?? []).some((l) => l.license?.id === licence || l.license?.name === licence || l.expression === licence)) {
        problems.push(`${name}@${p.version}: SBOM says ${JSON.stringify(c.licenses)}, its package.json ${licence}`);
      }
    }
    expect(problems).toEqual([]);
    // Nothing only the tests or the build use.
    const dev = Object.entries(lock.packages).filter(([path, p]) => path.startsWith('node_modules/') && p.dev).map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 13));
    expect(flat(bom.components).filter((c) => dev.includes(`${c.group ? `${c.group}/` : ''}${c.name}`) && !production.some(([path]) => path.endsWith(`/${c.group ? `${c.group}/` : ''}${c.name}`))).map((c) => c.name)).toEqual([]);
  });
});
