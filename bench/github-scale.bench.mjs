// GitHub App tokens at organisation scale: a `node dist/cli.js broker` process minting installation tokens at
// the harness's fake GitHub API with GitHub's rate limits, for a sped-up hour of demand at 1x, 2x and 4x one
// App's hourly quota, with 1 and with 3 Apps in the pool; and the same demand against a fake without limits
// (the baseline, in the same run). Jobs arrive at an even rate over the hour, each exchanging a fresh OIDC token
// once (no retries), so the figures show what one hour does. Each broker process is warmed first with 300
// exchanges of a static secret (GitHub is not asked).
//
// The fake's hour, minute and waits run GITHUB_SCALE_SPEEDUP times faster with its headers in real time
// (limits.timeScale), so the broker runs unmodified on its own clock. Its quota is GITHUB_SCALE_QUOTA an hour
// (GitHub: 5,000; smaller here so the machine is not what limits the run). The fake's points a minute are
// GitHub's 900 per (sped-up) minute and the broker's points_per_minute the same in real minutes: the bench
// does not exercise the points limit (a minute of 0.25 s is shorter than the broker's window; the tests do).
//
// Reported as ratios: share of the pooled quota used, jobs served, jobs refused with a Retry-After and whether
// each Retry-After was right (within 1 s of when the fake's first spent App's hour ended), secondary-limit
// answers after the first (target 0), tokens minted per served job (target 1), and p99 exchange latency
// against the unlimited fake at the same demand.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { Pool } from 'undici';
import { fmt, startBroker, startIssuer } from './load.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const QUOTA = Number(process.env.GITHUB_SCALE_QUOTA ?? 600);
const HOUR_SECONDS = Number(process.env.GITHUB_SCALE_HOUR_SECONDS ?? 15);
const SPEEDUP = 3600 / HOUR_SECONDS;
const LATENCY_MS = 30;
const AUDIENCE = 'https://broker.bench.oidc-exchange.dev';

/** The harness's fake GitHub API, bundled from src/ (it is test tooling, not shipped in dist/). */
async function loadFake(dir) {
  const out = join(dir, 'fake-github-api.mjs');
  await build({
    entryPoints: [join(root, 'src/harness/fakes/github-api.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: out,
    logLevel: 'error',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  return import(pathToFileURL(out).href);
}

/** One sped-up hour: a broker with `apps` Apps in its pool, `jobs` jobs at an even rate. */
async function runHour({ fake, issuer, dir, apps, jobs, limited }) {
  const keys = await Promise.all(Array.from({ length: apps }, () => fake.newAppKey()));
  const api = await fake.startFakeGitHubApi({
    latencyMs: LATENCY_MS,
    apps: keys.map((k, i) => ({ appId: 200001 + i, publicKey: k.publicKey, installations: [{ ...fake.DEFAULT_INSTALLATION, id: 4242 + i }] })),
    ...(limited ? { limits: { perHour: QUOTA, concurrency: 100, pointsPerMinute: 900, timeScale: SPEEDUP } } : {}),
  });
  const env = Object.fromEntries(keys.map((k, i) => [`GH_APP_KEY_${i}`, k.privateKeyPem]));
  const config = {
    audience: AUDIENCE,
    issuers: [{ id: 'bench', issuer: issuer.url, kind: 'github' }],
    github_apps: {
      main: {
        app_id: '200001',
        private_key_env: 'GH_APP_KEY_0',
        owner: 'octo-org',
        api_url: api.url,
        points_per_minute: Math.round(900 * SPEEDUP),
        ...(apps > 1 ? { pool: keys.slice(1).map((_, i) => ({ app_id: String(200002 + i), private_key_env: `GH_APP_KEY_${i + 1}` })) } : {}),
      },
    },
    secrets: { GH_TOKEN: { github_app: { app: 'main', repositories: ['octo-repo'], permissions: { contents: 'read' } } }, WARM: { value: 'bench-warm-up' } },
    policies: [{ name: 'bench', issuer: 'bench', claims: { repository: 'octo-org/*', ref: 'refs/heads/main', environment: 'production' }, secrets: ['GH_TOKEN', 'WARM'] }],
  };
  const name = `broker-${limited ? 'limited' : 'unlimited'}-${apps}-${jobs}`;
  writeFileSync(join(dir, `${name}.yaml`), JSON.stringify(config));
  const { child: broker, url } = await startBroker({ dir, config: join(dir, `${name}.yaml`), env, name, timeoutMs: 20000 });
  try {
    const tokens = Array.from({ length: jobs }, issuer.mint);
    const pool = new Pool(url, { connections: 128, keepAliveTimeout: 30_000 });
    // Warm the fresh process (JIT, the issuer's keys) on the static secret alone: GitHub is not asked.
    for (let w = 0; w < 300; w += 30) {
      await Promise.all(
        Array.from({ length: 30 }, async () => {
          const res = await pool.request({ method: 'POST', path: '/v1/exchange', headers: { authorization: `Bearer ${issuer.mint()}`, 'content-type': 'application/json' }, body: '{"secrets":["WARM"]}' });
          await res.body.text();
          if (res.statusCode !== 200) throw new Error(`warm-up exchange answered ${res.statusCode}`);
        }),
      );
    }
    const results = [];
    const gap = (HOUR_SECONDS * 1000) / jobs;
    const t0 = Date.now();
    const pending = [];
    for (let i = 0; i < jobs; i++) {
      const wait = t0 + i * gap - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      pending.push(
        (async () => {
          const start = process.hrtime.bigint();
          const sentAt = Date.now();
          const res = await pool.request({ method: 'POST', path: '/v1/exchange', headers: { authorization: `Bearer ${tokens[i]}` } });
          await res.body.text();
          const at = Date.now();
          const r = { status: res.statusCode, ms: Number(process.hrtime.bigint() - start) / 1e6 };
          if (res.statusCode === 503 && res.headers['retry-after'] !== undefined) {
            r.retryAfter = Number(res.headers['retry-after']);
            // Right: the wait until the first of the spent Apps can mint again, as seen at some moment between
            // sending the request and reading the answer, give or take a second (waits are in whole seconds; a
            // refusal while every slot was busy says 1 and is right when no App is spent).
            const ends = keys.map((_, a) => api.spentUntil(200001 + a)).filter((e) => e !== undefined);
            const end = ends.length === apps ? Math.min(...ends) : at;
            const shortest = Math.max(0, Math.ceil((end - at) / 1000));
            // GitHub's x-ratelimit-reset is in whole seconds: the broker cannot know the end more finely.
            const longest = Math.max(0, Math.ceil((Math.ceil(end / 1000) * 1000 - sentAt) / 1000));
            r.right = r.retryAfter >= shortest - 1 && r.retryAfter <= longest + 1;
          }
          results.push(r);
        })().catch((e) => results.push({ status: 0, ms: NaN, error: String(e?.code ?? e) })),
      );
    }
    await Promise.all(pending);
    await pool.close();
    const stats = api.rateLimits();
    const served = results.filter((r) => r.status === 200).length;
    const refused = results.filter((r) => r.retryAfter !== undefined);
    const lat = results.map((r) => r.ms).filter(Number.isFinite).sort((a, b) => a - b);
    return {
      jobs,
      served,
      refused: refused.length,
      refusedRight: refused.filter((r) => r.right).length,
      other: results.length - served - refused.length,
      counted: stats?.counted ?? api.requests.length,
      secondary: stats?.secondaryRefusals ?? 0,
      primary: stats?.primaryRefusals ?? 0,
      issued: api.counts().issued,
      p99: lat[Math.min(lat.length - 1, Math.floor(0.99 * lat.length))],
    };
  } finally {
    broker.kill('SIGTERM');
    await api.close();
  }
}

export default async function githubScaleBench() {
  const dir = mkdtempSync(join(tmpdir(), 'oidc-exchange-bench-gh-'));
  const issuer = await startIssuer(AUDIENCE, { sub: 'repo:octo-org/octo-repo:environment:production', repository: 'octo-org/octo-repo', ref: 'refs/heads/main', environment: 'production' });
  try {
    const fake = await loadFake(dir);
    console.log(`one App's quota: ${QUOTA} requests an hour; the hour runs in ${HOUR_SECONDS} s (x${fmt(SPEEDUP, 0)}); GitHub answers in ${LATENCY_MS} ms\n`);
    console.log('| demand (x one App) | Apps | pooled quota used | jobs served | refused with Retry-After (right) | other failures | GitHub primary / secondary refusals | tokens per served job | p99 vs unlimited |');
    console.log('|---|---|---|---|---|---|---|---|---|');
    let bad = 0;
    for (const demand of [1, 2, 4]) {
      const jobs = demand * QUOTA;
      const base = await runHour({ fake, issuer, dir, apps: 1, jobs, limited: false });
      console.log(`| ${demand}x, unlimited fake | 1 | - | ${fmt(base.served / jobs, 3)} | - | ${base.other} | - | ${fmt(base.issued / Math.max(1, base.served), 3)} | 1 (p99 ${fmt(base.p99, 1)} ms) |`);
      for (const apps of [1, 3]) {
        const r = await runHour({ fake, issuer, dir, apps, jobs, limited: true });
        const secondaryAfterFirst = Math.max(0, r.secondary - 1);
        if (secondaryAfterFirst > 0 || r.issued !== r.served || r.refusedRight !== r.refused) bad++;
        console.log(
          `| ${demand}x | ${apps} | ${fmt(r.counted / (QUOTA * apps), 3)} | ${fmt(r.served / jobs, 3)} | ${fmt(r.refused / jobs, 3)} (${r.refusedRight}/${r.refused}) | ${r.other} | ${r.primary} / ${r.secondary} | ${fmt(r.issued / Math.max(1, r.served), 3)} | ${fmt(r.p99 / base.p99, 2)} (p99 ${fmt(r.p99, 1)} ms) |`,
        );
      }
    }
    console.log('\ntargets: secondary-limit answers after the first 0, one token per served job, every Retry-After right');
    if (bad) throw new Error(`${bad} run(s) missed a target`);
  } finally {
    await issuer.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
