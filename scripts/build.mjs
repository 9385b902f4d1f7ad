#!/usr/bin/env node
// Builds dist/ with ncc, through the plugin for third-party code (scripts/bundle-plugin.mjs), as two bundles:
//   the action  src/action/bundle.ts -> dist/action/, called by dist/index.js and dist/post.js. Committed: a
//               workflow's `uses:` step downloads the repository archive and loads these and nothing else, so
//               they are all of dist/ a job pays for (the CLI and the broker are 5 MB no job loads).
//   the CLI     src/cli/main.ts -> dist/cli/, started by dist/cli.js (package.json's `bin`). Not committed
//               (.gitignore): `npm ci` and `npm link` build it (the `prepare` script) and `npm run release:npm`
//               builds it into the package.
// and the generated files committed with the action: dist/broker-config.schema.json (for editors, at the path
// the docs give) and the GitLab component's script and template. In each bundle every dependency is once: the
// action's two steps share one bundle, and ncc splits what is loaded with import() into numbered chunks.
//
//   node scripts/build.mjs                      everything (CI checks that the committed part is fresh)
//   node scripts/build.mjs --action             the action's bundle only (not the generated files)
//   node scripts/build.mjs --cli [--if-stale]   the CLI only; --if-stale: not when dist/cli/ was built from
//                                               the same inputs (sources, lockfile, build scripts)
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

export const bundles = {
  action: {
    entry: 'src/action/bundle.ts',
    dir: 'dist/action',
    // [file that starts it, its code]: each step imports the bundle and calls its part.
    starters: [
      ['dist/index.js', "import { main } from './action/index.js';\nawait main();\n"],
      ['dist/post.js', "import { post } from './action/index.js';\nawait post();\n"],
    ],
    // The action's bundle must load what every transform rewrites (http-client, core): one that matched
    // nothing means upstream moved and the step now loads the slow way.
    mustMatch: true,
  },
  cli: {
    entry: 'src/cli/main.ts',
    dir: 'dist/cli',
    // src/cli/main.ts runs the command as it loads.
    starters: [['dist/cli.js', "#!/usr/bin/env node\nimport './cli/index.js';\n"]],
    mustMatch: false,
  },
};

// Generated files committed next to the action (the GitLab component's script, the editors' schema).
const extraSteps = ['scripts/build-gitlab-component.mjs', 'scripts/build-config-schema.mjs'];

/** Where the CLI bundle records what it was built from (for --if-stale). */
const INPUTS_FILE = 'dist/cli/.built-from';

function sizeOf(path) {
  if (!fs.existsSync(path)) return 0;
  if (!fs.statSync(path).isDirectory()) return fs.statSync(path).size;
  let total = 0;
  for (const e of fs.readdirSync(path)) total += sizeOf(join(path, e));
  return total;
}

/** One hash over everything a bundle is made from: the sources, the lockfile and the build's own code. */
function inputsHash() {
  const hash = createHash('sha256');
  const add = (file) => hash.update(`${relative(root, file)}\0`).update(fs.readFileSync(file)).update('\0');
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.isDirectory()) walk(join(dir, e.name));
      else add(join(dir, e.name));
    }
  };
  walk(join(root, 'src'));
  for (const f of ['package.json', 'package-lock.json', 'tsconfig.json', 'scripts/build.mjs', 'scripts/bundle-plugin.mjs']) add(join(root, f));
  return hash.digest('hex');
}

/**
 * Modules that are in more than one output file: their total size, and the largest. webpack copies a module
 * shared by lazy chunks into each of them when splitting it out would make a chunk under 20 KB (a few of the
 * harness's own modules, used by several CLI commands); a larger one means a dependency is bundled twice,
 * which is what one bundle per program is for avoiding.
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

/** Bundles one program into its folder and writes the files that start it; returns the duplicated bytes. */
async function build(name) {
  const spec = bundles[name];
  // Loaded only to build (it wraps fs for ncc): `prepare` with a fresh bundle needs no devDependency.
  const { bundle } = await import('./bundle-plugin.mjs');
  const out = await bundle(join(root, spec.entry), { mustMatch: spec.mustMatch });
  const dir = join(root, spec.dir);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const files = [['index.js', out.code]];
  for (const [file, asset] of Object.entries(out.assets)) {
    // pino's transport workers are never used (the broker logs synchronously to stdout); the bundle keeps only
    // code that can run.
    if (/^worker\d*\.js$/.test(file) || file === 'file.js') continue;
    files.push([file, String(asset.source)]);
  }
  for (const [file, text] of files) {
    if (text.includes(root) || text.includes(encodeURIComponent(root))) throw new Error(`${spec.dir}/${file} holds this checkout's path (${root}): the build would differ between clones`);
    fs.mkdirSync(dirname(join(dir, file)), { recursive: true });
    fs.writeFileSync(join(dir, file), text);
  }
  const twice = duplicates(files.filter(([f]) => f.endsWith('.js')));
  if (twice.largest > 20 * 1024) throw new Error(`a ${(twice.largest / 1024).toFixed(1)} KB module is in more than one file of ${spec.dir}: a dependency is bundled twice: ${twice.where}`);
  for (const [file, text] of spec.starters) {
    fs.writeFileSync(join(root, file), text);
    if (text.startsWith('#!')) fs.chmodSync(join(root, file), 0o755);
  }
  return twice.bytes;
}

const { values } = parseArgs({ options: { action: { type: 'boolean' }, cli: { type: 'boolean' }, 'if-stale': { type: 'boolean' } }, strict: true });
if (values['if-stale'] && !values.cli) throw new Error('--if-stale goes with --cli');
if (values.action && values.cli) throw new Error('--action or --cli, or neither for everything');

if (values.action) {
  await build('action');
  console.log(`dist/action/: ${(sizeOf(join(root, 'dist/action')) / 1024).toFixed(0)} KB`);
} else if (values.cli) {
  const inputs = inputsHash();
  const built = join(root, INPUTS_FILE);
  if (values['if-stale'] && fs.existsSync(join(root, 'dist/cli.js')) && fs.existsSync(built) && fs.readFileSync(built, 'utf8').trim() === inputs) {
    console.log('dist/cli/: already built from these sources');
  } else {
    const twice = await build('cli');
    fs.writeFileSync(built, `${inputs}\n`);
    console.log(`dist/cli/: ${(sizeOf(join(root, 'dist/cli')) / 1024 / 1024).toFixed(2)} MB; small modules copied into more than one lazy chunk: ${(twice / 1024).toFixed(1)} KB`);
  }
} else {
  const before = sizeOf(dist);
  const inputs = inputsHash();
  const twiceAction = await build('action');
  const twiceCli = await build('cli');
  fs.writeFileSync(join(root, INPUTS_FILE), `${inputs}\n`);
  for (const step of extraSteps) execFileSync(process.execPath, [join(root, step)], { cwd: root, stdio: 'inherit' });
  const committed = ['dist/index.js', 'dist/post.js', 'dist/action', 'dist/broker-config.schema.json'].reduce((n, p) => n + sizeOf(join(root, p)), 0);
  console.log(
    `dist/: ${(sizeOf(dist) / 1024 / 1024).toFixed(2)} MB (before this build: ${(before / 1024 / 1024).toFixed(2)} MB), of which committed (the action, the schema): ${(committed / 1024).toFixed(0)} KB; ` +
      `small modules copied into more than one lazy chunk: action ${(twiceAction / 1024).toFixed(1)} KB, CLI ${(twiceCli / 1024).toFixed(1)} KB`,
  );
}
