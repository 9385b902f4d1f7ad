// A small HTTP load driver for the benchmarks: keep-alive undici pools, a fixed number of requests in flight,
// round-robin over one or more target URLs (a stand-in for a load balancer), per-request latency recorded.
import { spawn } from 'node:child_process';
import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Pool } from 'undici';

/**
 * @param {object} o
 * @param {string[]} o.targets  base URLs, used in turn
 * @param {number} o.concurrency  requests in flight (and connections, split evenly over the targets)
 * @param {number} o.total  requests to send
 * @param {(i: number) => {path: string, method?: string, headers?: Record<string,string>, body?: string}} o.request
 * @param {(i: number, status: number, text: string) => string | undefined} [o.check]  returns a problem or undefined
 */
export async function runLoad({ targets, concurrency, total, request, check }) {
  const perTarget = Math.max(1, Math.ceil(concurrency / targets.length));
  const pools = targets.map((t) => new Pool(t, { connections: perTarget, pipelining: 1, keepAliveTimeout: 30_000 }));
  const latencies = new Float64Array(total);
  const byStatus = new Map();
  const problems = [];
  let problemCount = 0;
  const problem = (p) => {
    problemCount++;
    if (problems.length < 20) problems.push(p);
  };
  let next = 0;
  let transportErrors = 0;
  const started = process.hrtime.bigint();

  async function worker() {
    for (;;) {
      const i = next++;
      if (i >= total) return;
      const r = request(i);
      const t0 = process.hrtime.bigint();
      try {
        const res = await pools[i % pools.length].request({ method: r.method ?? 'POST', path: r.path, headers: r.headers, body: r.body });
        const text = await res.body.text();
        latencies[i] = Number(process.hrtime.bigint() - t0) / 1e6;
        byStatus.set(res.statusCode, (byStatus.get(res.statusCode) ?? 0) + 1);
        const p = check?.(i, res.statusCode, text);
        if (p) problem(p);
      } catch (e) {
        latencies[i] = Number(process.hrtime.bigint() - t0) / 1e6;
        transportErrors++;
        problem(`request ${i}: ${e?.code ?? e?.message ?? e}`);
      }
    }
  }

  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await Promise.all(pools.map((p) => p.close()));
  const sorted = Array.from(latencies).sort((a, b) => a - b);
  const q = (f) => sorted[Math.min(sorted.length - 1, Math.floor(f * sorted.length))];
  return {
    total,
    seconds,
    rps: total / seconds,
    p50: q(0.5),
    p99: q(0.99),
    byStatus: Object.fromEntries([...byStatus].sort()),
    transportErrors,
    problemCount,
    problems,
  };
}

/** Peak resident set size of a process, in MB (Linux VmHWM). */
export async function peakRssMb(pid) {
  const { readFile } = await import('node:fs/promises');
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const m = /VmHWM:\s+(\d+) kB/.exec(status);
  return m ? Number(m[1]) / 1024 : NaN;
}

export function fmt(n, digits = 1) {
  return Number.isFinite(n) ? n.toFixed(digits) : String(n);
}

/**
 * A minimal OIDC issuer on loopback (discovery + JWKS) and a signer for its tokens, each with a fresh jti and
 * these claims. Tokens are signed with node:crypto directly: the load generator must not be what limits the
 * broker it measures.
 */
export async function startIssuer(audience, claims) {
  const b64url = (buf) => Buffer.from(buf).toString('base64url');
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid: 'bench-key', alg: 'RS256', use: 'sig' };
  let url = '';
  const server = createServer((req, res) => {
    const body = req.url === '/.well-known/openid-configuration' ? { issuer: url, jwks_uri: `${url}/jwks` } : { keys: [jwk] };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${server.address().port}`;
  const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: 'bench-key' }));
  const mint = () => {
    const now = Math.floor(Date.now() / 1000);
    const payload = b64url(JSON.stringify({ iss: url, aud: audience, jti: randomUUID(), iat: now, nbf: now - 5, exp: now + 900, ...claims }));
    return `${header}.${payload}.${b64url(sign('sha256', Buffer.from(`${header}.${payload}`), privateKey))}`;
  };
  return { url, mint, close: () => new Promise((r) => server.close(r)) };
}

/** Waits until a line matching `re` appears in a log file a spawned broker writes; returns the line. */
export async function waitForLine(file, re, timeoutMs = 15000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      /* not written yet */
    }
    const line = text.split('\n').find((l) => re.test(l));
    if (line) return line;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${re} in ${file}`);
}

/** A Node child with `args`, only PATH and `env` in its environment, its output in dir/<name>.log. */
export function startProcess(args, env, dir, name) {
  const out = openSync(join(dir, `${name}.log`), 'w');
  return spawn(process.execPath, args, { env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', out, out] });
}

/**
 * The built broker (dist/cli.js) with the configuration file `config` on a free loopback port, its log in
 * dir/<name>.log; resolves once it listens. A broker that does not listen in time is stopped, not left behind.
 */
export async function startBroker({ dir, config, env = {}, name = 'broker', timeoutMs }) {
  const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist/cli.js');
  const child = startProcess([cli, 'broker', '--config', config, '--port', '0'], env, dir, name);
  try {
    const url = JSON.parse(await waitForLine(join(dir, `${name}.log`), /"event":"listening"/, timeoutMs)).address;
    return { child, url };
  } catch (e) {
    child.kill('SIGTERM');
    throw e;
  }
}
