#!/usr/bin/env node
// Bundles every entry point with ncc into dist/. Each bundle gets its own folder because ncc names its
// lazy-loaded chunks after the entry (`703.index.js`) and two bundles in one folder would overwrite each
// other's chunks. A one-line file at the path users and action.yml name imports the bundle.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

// [source entry, bundle folder, file that imports it, shebang?]
export const bundles = [
  ['src/cli.ts', 'dist/cli', 'dist/cli.js', true],
  ['src/action/main.ts', 'dist/action-main', 'dist/index.js', false],
  ['src/action/post.ts', 'dist/action-post', 'dist/post.js', false],
];

// Extra build steps other parts register (e.g. embedding the GitLab script into its template).
const extraSteps = [];
for (const step of ['scripts/build-gitlab-component.mjs', 'scripts/build-config-schema.mjs']) {
  if (existsSync(join(root, step))) extraSteps.push(step);
}

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
for (const [entry, folder, shim, shebang] of bundles) {
  execFileSync(join(root, 'node_modules/.bin/ncc'), ['build', entry, '-o', folder, '--quiet', '--no-source-map-register'], {
    cwd: root,
    stdio: 'inherit',
  });
  // pino's transport workers are never used (the broker logs synchronously to stdout); drop them so the
  // committed bundle holds only code that can run.
  for (const f of readdirSync(join(root, folder))) {
    if (/^worker\d*\.js$/.test(f) || f === 'file.js') rmSync(join(root, folder, f));
  }
  const target = './' + relative(dirname(join(root, shim)), join(root, folder, 'index.js'));
  writeFileSync(join(root, shim), `${shebang ? '#!/usr/bin/env node\n' : ''}import '${target}';\n`);
  if (shebang) chmodSync(join(root, shim), 0o755);
}
for (const step of extraSteps) execFileSync(process.execPath, [join(root, step)], { cwd: root, stdio: 'inherit' });
