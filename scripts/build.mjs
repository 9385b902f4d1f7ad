#!/usr/bin/env node
// Bundles src/bundle.ts with ncc into dist/bundle/: one bundle for the action's main and post steps and the
// CLI, so every dependency is in dist/ once (separate bundles each carried their own copy of undici and the
// shared code). ncc splits what is loaded with import() into numbered chunks next to index.js. A one-line file
// at each path users and action.yml name imports the bundle and calls its part.
//
// Build-time transforms (scripts/bundle/ncc.mjs) change how a dependency is loaded, never what it does.
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundle } from './bundle/ncc.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const bundleDir = join(dist, 'bundle');

// [file that imports the bundle, the export it calls, shebang?]
export const shims = [
  ['dist/index.js', 'main', false],
  ['dist/post.js', 'post', false],
  ['dist/cli.js', 'cli', true],
];

// Extra build steps other parts register (e.g. embedding the GitLab script into its template).
const extraSteps = ['scripts/build-gitlab-component.mjs', 'scripts/build-config-schema.mjs'].filter((step) => fs.existsSync(join(root, step)));

function sizeOf(dir) {
  if (!fs.existsSync(dir)) return 0;
  let total = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) total += e.isDirectory() ? sizeOf(join(dir, e.name)) : fs.statSync(join(dir, e.name)).size;
  return total;
}

/**
 * Modules that are in more than one output file: their total size, and the largest. webpack copies a module
 * shared by lazy chunks into each of them when splitting it out would make a chunk under 20 KB (a few of the
 * harness's own modules, used by several CLI commands); a larger one means a dependency is bundled twice,
 * which is what the single bundle is for avoiding.
 */
function duplicates(files) {
  const seen = new Map();
  let bytes = 0;
  let largest = 0;
  let where = '';
  for (const [name, text] of files) {
    const starts = [...text.matchAll(/^\/\*\*\*\/ (\d+):$/gm)];
    starts.forEach((m, i) => {
      const length = (i + 1 < starts.length ? starts[i + 1].index : text.length) - m.index;
      if (seen.has(m[1]) && seen.get(m[1]) !== name) {
        bytes += length;
        if (length > largest) where = `module ${m[1]} (${seen.get(m[1])} and ${name}): ${text.slice(m.index, m.index + 200).split('\n').slice(1, 4).join(' ').slice(0, 160)}`;
        largest = Math.max(largest, length);
      } else seen.set(m[1], name);
    });
  }
  return { bytes, largest, where };
}

const before = sizeOf(dist);
const out = await bundle(join(root, 'src', 'bundle.ts'));

fs.rmSync(dist, { recursive: true, force: true });
fs.mkdirSync(bundleDir, { recursive: true });
const files = [['index.js', out.code]];
for (const [name, asset] of Object.entries(out.assets)) {
  // pino's transport workers are never used (the broker logs synchronously to stdout); the bundle keeps only
  // code that can run.
  if (/^worker\d*\.js$/.test(name) || name === 'file.js') continue;
  files.push([name, String(asset.source)]);
}
for (const [name, text] of files) {
  fs.mkdirSync(dirname(join(bundleDir, name)), { recursive: true });
  fs.writeFileSync(join(bundleDir, name), text);
}
const twice = duplicates(files.filter(([n]) => n.endsWith('.js')));
if (twice.largest > 20 * 1024) throw new Error(`a ${(twice.largest / 1024).toFixed(1)} KB module is bundled in more than one file: a dependency is in dist/ twice: ${twice.where}`);

for (const [shim, part, shebang] of shims) {
  const path = join(root, shim);
  fs.writeFileSync(path, `${shebang ? '#!/usr/bin/env node\n' : ''}import { ${part} } from './bundle/index.js';\nawait ${part}();\n`);
  if (shebang) fs.chmodSync(path, 0o755);
}
for (const step of extraSteps) execFileSync(process.execPath, [join(root, step)], { cwd: root, stdio: 'inherit' });
console.log(`dist/: ${(sizeOf(dist) / 1024 / 1024).toFixed(2)} MB (before this build: ${(before / 1024 / 1024).toFixed(2)} MB); small modules copied into more than one lazy chunk: ${(twice.bytes / 1024).toFixed(1)} KB`);
