// Broker at scale: two `node dist/cli.js broker` processes sharing one redis-server, behind the load driver's
// round-robin, against one broker process on the memory store, in the same session. 50,000 exchanges of
// distinct valid single-use tokens at 64 concurrent connections each. Checks: zero errors, and zero replays
// accepted (spent tokens replayed on the other instance, and the same token raced on both instances).
//
// Tokens come from an ES256 issuer served here (the broker pins algorithms per issuer; ES256 is set for it):
// P-256 signing with node:crypto takes tens of microseconds, so 100,000+ tokens mint in seconds in-process.
import { spawn } from 'node:child_process';
import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { request } from 'undici';
import { runLoad } from './load.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const EXCHANGES = Number(process.env.SCALE_BENCH_EXCHANGES ?? 50_000);
const WARMUP = 2_000;
const CONCURRENCY = 64;
const REPLAYS = 2_000;
const RACES = 500;
const AUDIENCE = 'https://broker.bench.oidc-exchange.dev';
const SECRET = 'bench-secret-value-do-not-print';

const b64 = (v) => Buffer.from(v).toString('base64url');

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createNetServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function waitFor(what, check, ms = 15_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** An ES256 OIDC issuer: discovery and JWKS over loopback, tokens signed in-process. */
async function startIssuer() {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const kid = 'bench-es256';
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid, alg: 'ES256', use: 'sig' };
  let url = '';
  const server = createServer((req, res) => {
    const body =
      req.url === '/.well-known/openid-configuration'
        ? { issuer: url, jwks_uri: `${url}/.well-known/jwks`, id_token_signing_alg_values_supported: ['ES256'] }
        : req.url === '/.well-known/jwks'
          ? { keys: [jwk] }
          : undefined;
    res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body ?? {}));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${server.address().port}`;
  const header = b64(JSON.stringify({ alg: 'ES256', typ: 'JWT', kid }));
  return {
    url,
    mint(n) {
      const now = Math.floor(Date.now() / 1000);
      const payload = {
        jti: randomUUID(),
        iss: url,
        aud: AUDIENCE,
        sub: `repo:bench-org/bench-repo:ref:refs/heads/main`,
        repository: 'bench-org/bench-repo',
        ref: 'refs/heads/main',
        run_id: String(n),
        iat: now,
        nbf: now - 5,
        exp: now + 1800,
      };
      const input = `${header}.${b64(JSON.stringify(payload))}`;
      const sig = sign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' });
      return `${input}.${b64(sig)}`;
    },
    close: () => new Promise((r) => server.close(r)),
  };
}

async function startRedis() {
  const port = await freePort();
  const proc = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'warning'], {
    stdio: 'ignore',
  });
  const url = `redis://127.0.0.1:${port}`;
  return { url, proc, stop: () => new Promise((r) => (proc.exitCode !== null ? r() : (proc.once('exit', r), proc.kill('SIGTERM')))) };
}

async function startBroker(dir, name, issuer, store) {
  const port = await freePort();
  const file = join(dir, `${name}.yaml`);
  writeFileSync(
    file,
    [
      `audience: ${AUDIENCE}`,
      `listen: { host: 127.0.0.1, port: ${port} }`,
      `issuers:`,
      `  - { id: bench, issuer: "${issuer.url}", kind: github, algorithms: [ES256] }`,
      `secrets:`,
      `  BENCH_SECRET: { value: ${SECRET} }`,
      `policies:`,
      `  - { name: bench, issuer: bench, claims: { repository: bench-org/bench-repo, ref: refs/heads/main }, secrets: [BENCH_SECRET] }`,
      `store: "${store}"`,
      '',
    ].join('\n'),
  );
  // The audit log (one line per exchange) is written as in production, to /dev/null here.
  const proc = spawn(process.execPath, [join(root, 'dist/cli.js'), 'broker', '--config', file], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  proc.stderr.on('data', (d) => (stderr += d));
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`broker ${name} ready`, async () => {
    if (proc.exitCode !== null) throw new Error(`broker ${name} exited: ${stderr}`);
    const r = await request(`${url}/readyz`);
    await r.body.dump();
    return r.statusCode === 200;
  });
  return {
    url,
    stop: () => new Promise((r) => (proc.exitCode !== null ? r() : (proc.once('exit', r), proc.kill('SIGTERM')))),
  };
}

const exchangeRequest = (token) => ({ path: '/v1/exchange', method: 'POST', headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });

/** One setup: warm up, the measured run, then replays and races that must all be refused. */
async function measure(label, urls, issuer) {
  const warm = Array.from({ length: WARMUP }, (_, i) => issuer.mint(`warm-${i}`));
  await runLoad({ targets: urls, concurrency: CONCURRENCY, total: warm.length, request: (i) => exchangeRequest(warm[i]) });

  const mintStarted = Date.now();
  const tokens = Array.from({ length: EXCHANGES }, (_, i) => issuer.mint(i));
  const mintMs = Date.now() - mintStarted;
  const run = await runLoad({
    targets: urls,
    concurrency: CONCURRENCY,
    total: tokens.length,
    request: (i) => exchangeRequest(tokens[i]),
    check: (i, status, text) => (status === 200 && text.includes(SECRET) ? undefined : `exchange ${i}: ${status} ${text.slice(0, 120).replaceAll(SECRET, '***')}`),
  });

  // Replays: spent tokens sent again, each to the instance that did NOT serve it first (i + 1).
  const replays = await runLoad({
    targets: urls,
    concurrency: CONCURRENCY,
    total: REPLAYS,
    request: (i) => exchangeRequest(tokens[(i * 25 + 1) % tokens.length]),
    check: (i, status, text) => (status === 401 && text.includes('"token_replayed"') ? undefined : `replay ${i} not refused: ${status}`),
  });

  // Races: each fresh token sent to every instance at the same moment; exactly one may win.
  const raceTokens = Array.from({ length: RACES }, (_, i) => issuer.mint(`race-${i}`));
  const perToken = urls.length === 1 ? 2 : urls.length;
  const wins = new Map();
  const races = await runLoad({
    targets: urls,
    concurrency: CONCURRENCY,
    total: RACES * perToken,
    request: (i) => exchangeRequest(raceTokens[Math.floor(i / perToken)]),
    check: (i, status, text) => {
      if (status === 200) wins.set(Math.floor(i / perToken), (wins.get(Math.floor(i / perToken)) ?? 0) + 1);
      else if (!(status === 401 && text.includes('"token_replayed"'))) return `race ${i}: ${status}`;
      return undefined;
    },
  });
  const doubleWins = [...wins.values()].filter((n) => n > 1).length;
  const noWin = RACES - wins.size;
  return { label, run, replays, races, doubleWins, noWin, mintMs };
}

function line(r) {
  const { run } = r;
  return `${r.label}: ${run.total} exchanges in ${run.seconds.toFixed(1)} s = ${Math.round(run.rps)}/s, p50 ${run.p50.toFixed(1)} ms, p99 ${run.p99.toFixed(1)} ms; errors ${run.problemCount}; replays refused ${REPLAYS - r.replays.problemCount}/${REPLAYS}; races won twice ${r.doubleWins}, won never ${r.noWin} of ${RACES}`;
}

export default async function scaleBench() {
  const dir = mkdtempSync(join(tmpdir(), 'oidcx-scale-bench-'));
  const issuer = await startIssuer();
  const t0 = Date.now();
  for (let i = 0; i < 10_000; i++) issuer.mint(i);
  console.log(`minting: ES256 in-process, ${Math.round(10_000 / ((Date.now() - t0) / 1000))} tokens/s`);
  const stops = [];
  try {
    const single = await startBroker(dir, 'memory', issuer, 'memory');
    stops.push(single.stop);
    const memory = await measure('1 instance, memory store', [single.url], issuer);
    await single.stop();
    stops.pop();
    console.log(line(memory));

    const redis = await startRedis();
    stops.push(redis.stop);
    await waitFor('redis', async () => true, 100);
    const a = await startBroker(dir, 'a', issuer, redis.url);
    stops.push(a.stop);
    const b = await startBroker(dir, 'b', issuer, redis.url);
    stops.push(b.stop);
    const shared = await measure('2 instances, one redis-server', [a.url, b.url], issuer);
    console.log(line(shared));

    console.log(
      `ratio (2 instances on redis / 1 instance on memory): throughput ${(shared.run.rps / memory.run.rps).toFixed(2)}x, p99 ${(shared.run.p99 / memory.run.p99).toFixed(2)}x`,
    );
    const failures = [memory, shared].flatMap((r) => [
      ...(r.run.problemCount ? [`${r.label}: ${r.run.problemCount} errors, e.g. ${r.run.problems.slice(0, 3).join('; ')}`] : []),
      ...(r.replays.problemCount ? [`${r.label}: ${r.replays.problemCount} replays not refused, e.g. ${r.replays.problems.slice(0, 3).join('; ')}`] : []),
      ...(r.races.problemCount || r.doubleWins || r.noWin ? [`${r.label}: races: ${r.doubleWins} won twice, ${r.noWin} never, ${r.races.problemCount} odd answers`] : []),
    ]);
    if (failures.length) throw new Error(failures.join('\n'));
  } finally {
    for (const stop of stops.reverse()) await stop();
    await issuer.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
