// A small closed-loop load driver over loopback: `concurrency` workers, each sending its next request as soon
// as the previous one is answered, over a keep-alive undici Pool. Records per-request latency.
import { Pool } from 'undici';

/**
 * @param {string[]} urls  base URLs; requests are spread round-robin over them
 * @param {(i: number) => { path: string, headers?: Record<string,string>, body?: string }} makeRequest
 * @param {{ requests: number, concurrency: number, check?: (status: number, body: string, i: number) => string | undefined }} opts
 */
export async function drive(urls, makeRequest, opts) {
  const pools = urls.map((u) => new Pool(u, { connections: Math.ceil(opts.concurrency / urls.length), pipelining: 1 }));
  const latencies = new Float64Array(opts.requests);
  const failures = new Map();
  let next = 0;
  const started = process.hrtime.bigint();
  async function worker() {
    for (;;) {
      const i = next++;
      if (i >= opts.requests) return;
      const req = makeRequest(i);
      const t0 = process.hrtime.bigint();
      try {
        const res = await pools[i % pools.length].request({ method: 'POST', path: req.path, headers: req.headers, body: req.body });
        const body = await res.body.text();
        const problem = opts.check ? opts.check(res.statusCode, body, i) : res.statusCode === 200 ? undefined : `status ${res.statusCode}`;
        if (problem) failures.set(problem, (failures.get(problem) ?? 0) + 1);
      } catch (e) {
        const k = `error ${e.code ?? e.message}`;
        failures.set(k, (failures.get(k) ?? 0) + 1);
      }
      latencies[i] = Number(process.hrtime.bigint() - t0) / 1e6;
    }
  }
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await Promise.all(pools.map((p) => p.close()));
  const sorted = Array.from(latencies).sort((a, b) => a - b);
  const q = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  return {
    requests: opts.requests,
    seconds,
    rate: opts.requests / seconds,
    p50: q(0.5),
    p99: q(0.99),
    errors: [...failures.values()].reduce((a, b) => a + b, 0),
    failures: Object.fromEntries(failures),
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
