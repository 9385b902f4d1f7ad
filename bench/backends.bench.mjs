// Secret backends on the exchange path: exchanges per second and p99 for a secret read from the broker's
// environment (the baseline), from Vault with the backend's cache (cache_seconds: 60), and from Vault with no
// cache (every exchange reads Vault), in one broker process, in the same run. Vault is a minimal KV v2 server
// in this process (token lookup and one secret), answering at once: the figures show the broker's own cost
// of a backend read and what the cache saves, not a real Vault's latency.
import { createServer } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fmt, runLoad, startBroker, startIssuer } from './load.mjs';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 10000);
const CONCURRENCY = 32;
const AUDIENCE = 'https://broker.bench.local';

async function startVault() {
  let reads = 0;
  const server = createServer((req, res) => {
    req.resume();
    let body;
    if (req.url === '/v1/auth/token/lookup-self') body = { data: { ttl: 0, renewable: false } };
    else if (req.url === '/v1/secret/data/ci/db') {
      reads++;
      body = { data: { data: { password: 'bench-vault-password' }, metadata: { version: 1 } } };
    } else {
      res.writeHead(404).end('{"errors":[]}');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}`, reads: () => reads, close: () => new Promise((r) => server.close(r)) };
}

export default async function backendsBench() {
  const dir = mkdtempSync(join(tmpdir(), 'oidc-exchange-bench-'));
  const [issuer, vault] = await Promise.all([startIssuer(AUDIENCE, { sub: 'repo:octo-org/octo-repo:ref:refs/heads/main', repository: 'octo-org/octo-repo' }), startVault()]);
  let broker;
  try {
    writeFileSync(join(dir, 'broker.yaml'), [
      `audience: ${AUDIENCE}`,
      'issuers:',
      `  - { id: bench, issuer: "${issuer.url}", kind: github }`,
      'backends:',
      '  vault:',
      `    cached: { address: "${vault.url}", auth: { token_env: VAULT_TOKEN }, cache_seconds: 60 }`,
      `    uncached: { address: "${vault.url}", auth: { token_env: VAULT_TOKEN }, cache_seconds: 0 }`,
      'secrets:',
      '  FROM_ENV: { env: BENCH_SECRET }',
      '  FROM_VAULT_CACHED: { vault: { backend: cached, path: ci/db, field: password } }',
      '  FROM_VAULT_UNCACHED: { vault: { backend: uncached, path: ci/db, field: password } }',
      'policies:',
      '  - { name: bench, issuer: bench, claims: { repository: octo-org/octo-repo }, secrets: [FROM_ENV, FROM_VAULT_CACHED, FROM_VAULT_UNCACHED] }',
      '',
    ].join('\n'));
    let url;
    ({ child: broker, url } = await startBroker({ dir, config: join(dir, 'broker.yaml'), env: { BENCH_SECRET: 'bench-env-secret', VAULT_TOKEN: 'hvs.bench' } }));

    const run = async (name, total) => {
      const tokens = Array.from({ length: total }, issuer.mint);
      const body = JSON.stringify({ secrets: [name] });
      return runLoad({
        targets: [url],
        concurrency: CONCURRENCY,
        total,
        request: (i) => ({ path: '/v1/exchange', method: 'POST', headers: { authorization: `Bearer ${tokens[i]}`, 'content-type': 'application/json' }, body }),
        check: (_i, status, text) => (status === 200 && text.includes('bench-') ? undefined : `status ${status} ${text.slice(0, 80)}`),
      });
    };
    for (const name of ['FROM_ENV', 'FROM_VAULT_CACHED', 'FROM_VAULT_UNCACHED']) await run(name, 1000); // warm-up
    const before = vault.reads();
    const env = await run('FROM_ENV', REQUESTS);
    const cached = await run('FROM_VAULT_CACHED', REQUESTS);
    const mid = vault.reads();
    const uncached = await run('FROM_VAULT_UNCACHED', REQUESTS);
    const readsCached = mid - before;
    const readsUncached = vault.reads() - mid;

    console.log(`${REQUESTS} exchanges per row at ${CONCURRENCY} concurrent connections, one broker process, same run\n`);
    console.log('| secret from | req/s | p50 ms | p99 ms | Vault reads | errors | rate vs env |');
    console.log('|---|---|---|---|---|---|---|');
    for (const [label, r, reads] of [['env (baseline)', env, 0], ['vault, cache_seconds: 60', cached, readsCached], ['vault, no cache', uncached, readsUncached]]) {
      console.log(`| ${label} | ${fmt(r.rps, 0)} | ${fmt(r.p50, 2)} | ${fmt(r.p99, 2)} | ${reads} | ${r.problemCount} | ${fmt(r.rps / env.rps, 2)} |`);
    }
    if (env.problemCount || cached.problemCount || uncached.problemCount) throw new Error('errors during the load run');
  } finally {
    broker?.kill('SIGTERM');
    await Promise.all([issuer.close(), vault.close()]);
    rmSync(dir, { recursive: true, force: true });
  }
}
