#!/usr/bin/env node
// Makes the npm package users install (`npx oidc-exchange@1`): the files package.json's `files` lists, under a
// manifest made from package.json without what only this repository needs. The repository's package.json stays
// `private` and lists the libraries the bundles are built from as `dependencies` (that is what they are to the
// action and the broker), but dist/ carries them all, so the published package declares none: installing it
// downloads nothing else, and `npx` in another CI's job starts at once. The CLI bundle is not committed: it is
// built here first unless dist/cli/ was built from the same sources (the action's part is committed and CI keeps
// it fresh).
//
//   npm run release:npm -- --out DIR [--json]      writes DIR/oidc-exchange-<version>.tgz
//   npm publish DIR/oidc-exchange-<version>.tgz    (by a maintainer)
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The published manifest: package.json less what belongs to this repository only. */
export function publishedManifest(pkg) {
  const { private: _private, dependencies: _deps, devDependencies: _dev, overrides: _overrides, scripts: _scripts, files, ...kept } = pkg;
  return { ...kept, files };
}

function main() {
  const { values } = parseArgs({ options: { out: { type: 'string' }, json: { type: 'boolean' } }, strict: true });
  if (!values.out) {
    console.error('usage: npm run release:npm -- --out DIR [--json]');
    process.exit(2);
  }
  // Its report goes to stderr: stdout is this command's (--json).
  process.stderr.write(execFileSync(process.execPath, [join(root, 'scripts/build.mjs'), '--cli', '--if-stale'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }));
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const stage = mkdtempSync(join(tmpdir(), 'oidc-exchange-npm-'));
  try {
    for (const entry of pkg.files) cpSync(join(root, entry), join(stage, entry), { recursive: true });
    writeFileSync(join(stage, 'package.json'), JSON.stringify(publishedManifest(pkg), null, 2) + '\n');
    const out = resolve(values.out);
    mkdirSync(out, { recursive: true });
    // --ignore-scripts: nothing of ours runs at pack time; the staged tree is exactly what is published.
    const info = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', out], { cwd: stage, encoding: 'utf8', maxBuffer: 16 << 20 });
    const [packed] = JSON.parse(info);
    if (values.json) process.stdout.write(JSON.stringify({ tarball: join(out, packed.filename), files: packed.files }) + '\n');
    else console.log(`${join(out, packed.filename)}: ${packed.files.length} files, ${(packed.size / 1024 / 1024).toFixed(2)} MB; publish it with npm publish`);
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
