// The measuring side of `npm run bench action`, bundled by bench/action.bench.mjs (it uses the harness, which
// is TypeScript). It runs three things through the fake runner, each spawned the same way, interleaved so
// machine noise hits all alike:
//   - the action's main step (the committed dist/, from action.yml) with 10 secrets from the real broker
//     behind HTTPS with a private test CA (passed as ca-certificate);
//   - `node -e 0`;
//   - an action whose main step is a bundle that only imports @actions/core, bundled the default way;
//   - the same bundled with the build's lazy-undici transform (what loading the toolkit alone costs).
// It prints one JSON line: the wall times in ms, and the peak RSS of one extra run of each.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { request } from 'undici';
import { startBed } from '../src/harness/bed.js';
import { startFakeRunner } from '../src/harness/fakes/runner.js';

const AUDIENCE = 'https://broker.bench.oidc-exchange.dev';

const { values } = parseArgs({
  options: {
    action: { type: 'string' },
    'core-only': { type: 'string' },
    'core-only-lazy': { type: 'string' },
    node: { type: 'string' },
    runs: { type: 'string' },
    'cpu-prof-dir': { type: 'string' },
  },
});
const runs = Number(values.runs ?? 15);
const node = values.node ?? process.execPath;

const dir = mkdtempSync(join(tmpdir(), 'action-bench-'));
const openssl = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=oidc-exchange bench CA']);
openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1']);
writeFileSync(join(dir, 'ext.cnf'), 'subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n');
openssl(['x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.pem', '-days', '2', '-extfile', 'ext.cnf']);

const names = Array.from({ length: 10 }, (_, i) => `SECRET_${i}`);
const bed = await startBed({
  audience: AUDIENCE,
  configPath: join(dir, 'broker.yaml'),
  config: ({ github }) => ({
    issuers: [{ id: 'github', issuer: github.url, kind: 'github' }],
    secrets: Object.fromEntries(names.map((n, i) => [n, { value: `bench-value-${i}-${'x'.repeat(40)}` }])),
    policies: [{ name: 'bench', issuer: 'github', claims: { repository: 'octo-org/octo-repo' }, secrets: names }],
  }),
});
const { github, url: brokerUrl } = bed;
// TLS in front of the broker, as production deployments put it.
const tls: Server = createServer({ key: readFileSync(join(dir, 'server.key')), cert: readFileSync(join(dir, 'server.pem')) }, async (req, res) => {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const headers = { ...req.headers };
  delete headers.host;
  delete headers['content-length'];
  const up = await request(`${brokerUrl}${req.url}`, { method: req.method as 'POST', headers, body: chunks.length ? Buffer.concat(chunks) : undefined });
  res.writeHead(up.statusCode, { 'content-type': String(up.headers['content-type'] ?? 'application/json') });
  res.end(await up.body.text());
});
await new Promise<void>((r) => tls.listen(0, '127.0.0.1', r));
const inputs = {
  'broker-url': `https://127.0.0.1:${(tls.address() as AddressInfo).port}`,
  audience: AUDIENCE,
  secrets: names.join('\n'),
  'ca-certificate': readFileSync(join(dir, 'ca.pem'), 'utf8'),
};

const mint = (audience: string) => github.mint(github.claimsFor({ environment: 'production' }), { audience });
const action = await startFakeRunner({ actionDir: values.action!, mint });
const coreOnly = await startFakeRunner({ actionDir: values['core-only']!, mint });
const coreOnlyLazy = await startFakeRunner({ actionDir: values['core-only-lazy']!, mint });
const out = { action: [] as number[], bare: [] as number[], coreOnly: [] as number[], coreOnlyLazy: [] as number[], rssKb: {} as Record<string, number | undefined>, errors: [] as string[] };
try {
  // One of each first, uncounted: it warms the disk cache.
  await action.runJob({ node, inputs, post: false });
  await coreOnly.runJob({ node, inputs: {}, post: false });
  await coreOnlyLazy.runJob({ node, inputs: {}, post: false });
  for (let i = 0; i < runs; i++) {
    const job = await action.runJob({ node, inputs, post: false, env: process.env.NO_EVENT ? { GITHUB_EVENT_PATH: '' } : {} });
    if (job.main.exitCode !== 0) out.errors.push(...job.main.errors);
    out.action.push(job.main.durationMs);
    out.bare.push(await action.timeBareNode(node));
    out.coreOnly.push((await coreOnly.runJob({ node, inputs: {}, post: false })).main.durationMs);
    out.coreOnlyLazy.push((await coreOnlyLazy.runJob({ node, inputs: {}, post: false })).main.durationMs);
  }
  out.rssKb.action = (await action.runJob({ node, inputs, post: false, measureRss: true })).main.peakRssKb;
  out.rssKb.coreOnly = (await coreOnly.runJob({ node, inputs: {}, post: false, measureRss: true })).main.peakRssKb;
  // On request, one more main step with V8's CPU profile written to the folder given (to see where time goes).
  if (values['cpu-prof-dir']) await action.runJob({ node, inputs, post: false, env: { NODE_OPTIONS: `--cpu-prof --cpu-prof-interval=100 --cpu-prof-dir=${values['cpu-prof-dir']}` } });
  process.stdout.write(`${JSON.stringify(out)}\n`);
} finally {
  await Promise.all([action.close(), coreOnly.close(), coreOnlyLazy.close()]);
  await new Promise<void>((r) => tls.close(() => r()));
  await bed.close();
  rmSync(dir, { recursive: true, force: true });
}
