#!/usr/bin/env node
// Makes the npm package users install (`npx oidc-exchange@1`): the files package.json's `files` lists, under a
// manifest made from package.json without what only this repository needs. The repository's package.json stays
// `private` and lists the libraries the bundles are built from as `dependencies` (that is what they are to the
// action and the broker), but dist/ carries them all, so the published package declares none: installing it
// downloads nothing else, and `npx` in another CI's job starts at once. The CLI bundle is not committed: it is
// built here first unless dist/cli/ was built from the same sources (the action's part is committed and CI keeps
// it fresh).
//
//   npm run release:npm -- --out DIR [--version X.Y.Z] [--repository URL] [--json]
//     writes DIR/oidc-exchange-<version>.tgz, its CycloneDX SBOM DIR/oidc-exchange-<version>.cdx.json (the
//     libraries the bundles carry, with their licences) and DIR/SHA256SUMS of both. It refuses a dirty tree, and a
//     version that is not package.json's or has no CHANGELOG.md section (release-checks.mjs). --repository puts
//     the source repository's URL in the manifest, which `npm publish --provenance` checks against the workflow.
//   npm publish DIR/oidc-exchange-<version>.tgz --provenance    (release.yml, on the version's tag)
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { releaseRefusals } from './release-checks.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The published manifest: package.json less what belongs to this repository only. */
export function publishedManifest(pkg) {
  const { private: _private, dependencies: _deps, devDependencies: _dev, overrides: _overrides, scripts: _scripts, files, ...kept } = pkg;
  return { ...kept, files };
}

/**
 * The package tarball in `out`, staged from this checkout as it is (no release checks: the tests pack a working
 * tree with this). `env` is npm's environment (the tests run it offline).
 */
export function stagePackage({ out, repository, env = process.env }) {
  // The CLI bundle is not committed: build it unless dist/cli/ was built from the same sources. A build's report
  // goes to stderr (stdout is this command's, for --json); a bundle already fresh says nothing.
  const built = execFileSync(process.execPath, [join(root, 'scripts/build.mjs'), '--cli', '--if-stale'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (!built.startsWith('dist/cli/: already built')) process.stderr.write(built);
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const manifest = publishedManifest(pkg);
  if (repository) manifest.repository = { type: 'git', url: `git+${repository.replace(/\/+$/, '').replace(/\.git$/, '')}.git` };
  const stage = mkdtempSync(join(tmpdir(), 'oidc-exchange-npm-'));
  try {
    for (const entry of pkg.files) cpSync(join(root, entry), join(stage, entry), { recursive: true });
    writeFileSync(join(stage, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
    mkdirSync(out, { recursive: true });
    // --ignore-scripts: nothing of ours runs at pack time; the staged tree is exactly what is published.
    const info = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', out], { cwd: stage, env, encoding: 'utf8', maxBuffer: 16 << 20 });
    const [packed] = JSON.parse(info);
    return { tarball: join(out, packed.filename), files: packed.files, size: packed.size };
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

/**
 * The CycloneDX SBOM of what the package carries: the repository's production dependency tree (the libraries
 * the bundles are built from), with licences, from package-lock.json and node_modules; reproducible (no
 * timestamp or random serial number), so the same commit gives the same file.
 */
export function writeSbom(file, env = process.env) {
  const tool = join(root, 'node_modules', '.bin', 'cyclonedx-npm');
  execFileSync(tool, ['--omit', 'dev', '--output-reproducible', '--output-format', 'JSON', '--output-file', file], { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
  return file;
}

/** DIR/SHA256SUMS in `sha256sum --check`'s format. */
export function writeChecksums(out, files) {
  const lines = files.map((f) => `${createHash('sha256').update(readFileSync(f)).digest('hex')}  ${basename(f)}`);
  writeFileSync(join(out, 'SHA256SUMS'), lines.join('\n') + '\n');
  return join(out, 'SHA256SUMS');
}

function main() {
  const { values } = parseArgs({ options: { out: { type: 'string' }, version: { type: 'string' }, repository: { type: 'string' }, json: { type: 'boolean' } }, strict: true });
  if (!values.out) {
    console.error('usage: npm run release:npm -- --out DIR [--version X.Y.Z] [--repository URL] [--json]');
    process.exit(2);
  }
  const refusals = releaseRefusals(root, values.version);
  if (refusals.length) {
    for (const r of refusals) console.error(`release-npm: refused (${r.code}): ${r.message}`);
    process.exit(1);
  }
  // npm runs scripts from the package root; a relative --out is meant from where npm was started.
  const out = resolve(process.env.INIT_CWD ?? process.cwd(), values.out);
  const packed = stagePackage({ out, repository: values.repository });
  const sbom = writeSbom(packed.tarball.replace(/\.tgz$/, '.cdx.json'));
  const sums = writeChecksums(out, [packed.tarball, sbom]);
  if (values.json) process.stdout.write(JSON.stringify({ tarball: packed.tarball, sbom, checksums: sums, files: packed.files }) + '\n');
  else console.log(`${packed.tarball}: ${packed.files.length} files, ${(packed.size / 1024 / 1024).toFixed(2)} MB; ${basename(sbom)} and SHA256SUMS beside it; publish it with npm publish --provenance`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
