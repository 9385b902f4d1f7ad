// Broker throughput: exchanges per second at 32 concurrent connections with distinct valid RS256 tokens,
// p50/p99 latency and the broker's peak RSS, against a bare Node http server answering a fixed JSON body
// under the same load in the same run. Both servers run as separate processes; the broker is the bundled
// dist/cli.js, as users run it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fmt, peakRssMb, runLoad, startBroker, startIssuer, startProcess, waitForLine } from './load.mjs';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 20000);
const CONCURRENCY = 32;
const AUDIENCE = 'https://broker.bench.local';

const BARE_SERVER = `
const http = require('node:http');
const body = JSON.stringify({ secrets: { DB_PASSWORD: 'bench-db-password', API_KEY: 'bench-api-key' }, policy: 'bench', expires_at: null });
const s = http.createServer((req, res) => { req.resume(); req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(body)); });
s.listen(0, '127.0.0.1', () => console.log('listening http://127.0.0.1:' + s.address().port));
`;

export default async function brokerBench() {
  const dir = mkdtempSync(join(tmpdir(), 'oidc-exchange-bench-'));
  const issuer = await startIssuer(AUDIENCE, { sub: 'repo:octo-org/octo-repo:environment:production', repository: 'octo-org/octo-repo', ref: 'refs/heads/main', environment: 'production' });
  const children = [];
  try {
    writeFileSync(join(dir, 'broker.yaml'), [
      `audience: ${AUDIENCE}`,
      'issuers:',
      `  - { id: bench, issuer: "${issuer.url}", kind: github }`,
      'secrets:',
      '  DB_PASSWORD: { value: bench-db-password }',
      '  API_KEY: { env: BENCH_API_KEY }',
      'policies:',
      '  - { name: bench, issuer: bench, claims: { repository: octo-org/*, ref: refs/heads/main, environment: production }, secrets: [DB_PASSWORD, API_KEY] }',
      '',
    ].join('\n'));

    const t0 = Date.now();
    const warm = 2000;
    const tokens = Array.from({ length: REQUESTS + warm }, issuer.mint);
    console.log(`minted ${tokens.length} distinct RS256 tokens in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    const { child: broker, url: brokerUrl } = await startBroker({ dir, config: join(dir, 'broker.yaml'), env: { BENCH_API_KEY: 'bench-api-key' } });
    children.push(broker);
    const bare = startProcess(['-e', BARE_SERVER], {}, dir, 'bare');
    children.push(bare);
    const bareUrl = (await waitForLine(join(dir, 'bare.log'), /^listening /)).split(' ')[1];

    const exchangeReq = (offset) => (i) => ({ path: '/v1/exchange', headers: { authorization: `Bearer ${tokens[offset + i]}` } });
    const expectGranted = (_i, status, body) => (status === 200 && body.includes('bench-db-password') ? undefined : `status ${status} ${body.slice(0, 80)}`);
    const expectOk = (_i, status) => (status === 200 ? undefined : `status ${status}`);
    const load = (url, request, total, check) => runLoad({ targets: [url], concurrency: CONCURRENCY, total, request, check });

    // Warm both servers (JIT, key fetch), then measure.
    await load(brokerUrl, exchangeReq(0), warm, expectGranted);
    await load(bareUrl, () => ({ path: '/v1/exchange' }), warm, expectOk);
    const b = await load(bareUrl, () => ({ path: '/v1/exchange', headers: { authorization: `Bearer ${tokens[0]}` } }), REQUESTS, expectOk);
    const x = await load(brokerUrl, exchangeReq(warm), REQUESTS, expectGranted);
    const rss = await peakRssMb(broker.pid);

    console.log(`${REQUESTS} requests at ${CONCURRENCY} concurrent connections (after ${warm} warm-up requests each)\n`);
    console.log('| server | req/s | p50 ms | p99 ms | errors | peak RSS MB |');
    console.log('|---|---|---|---|---|---|');
    console.log(`| bare node http, fixed JSON | ${fmt(b.rps, 0)} | ${fmt(b.p50, 2)} | ${fmt(b.p99, 2)} | ${b.problemCount} | ${fmt(await peakRssMb(bare.pid))} |`);
    console.log(`| broker, distinct RS256 tokens | ${fmt(x.rps, 0)} | ${fmt(x.p50, 2)} | ${fmt(x.p99, 2)} | ${x.problemCount} | ${fmt(rss)} |`);
    console.log(`\nbroker / bare rate: ${fmt(x.rps / b.rps, 2)} (target >= 0.5); broker p99 ${fmt(x.p99, 1)} ms (target < 20); peak RSS ${fmt(rss, 0)} MB (target < 150)`);
    if (x.problemCount) console.log('broker failures:', x.problems);
    if (x.problemCount || b.problemCount) throw new Error('errors during the load run');
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await issuer.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
