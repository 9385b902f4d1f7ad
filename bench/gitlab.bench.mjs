// What the GitLab component adds to a job: the embedded script's before_script (exchange, decode, export)
// plus its after_script (cleanup), median of 10 jobs, against one bare `curl` POST to the same broker in the
// same run. Everything runs from the committed dist/ CLI and the committed template, on loopback.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli.js');
const RUNS = 10;
const AUDIENCE = 'https://broker.bench.oidc-exchange.dev';

function startProcess(args, ready) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const onData = (c) => {
      out += c.toString();
      const m = ready(out);
      if (m) resolve({ child, match: m });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (c) => (out += c.toString()));
    child.on('exit', (code) => reject(new Error(`oidc-exchange ${args[0]} exited ${code}: ${out}`)));
  });
}

function time(command, args, opts) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'], ...opts });
    let err = '';
    child.stderr.on('data', (c) => (err += c.toString()));
    child.on('exit', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (code === 0) resolve(ms);
      else reject(new Error(`${command} exited ${code}: ${err}`));
    });
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export default async function bench() {
  const dir = mkdtempSync(join(tmpdir(), 'oidc-exchange-bench-gitlab-'));
  const issuers = await startProcess(['issuers', '--audience', AUDIENCE], (out) => /fake GitLab issuer: (\S+)/.exec(out)?.[1]);
  const issuerUrl = issuers.match;
  const config = join(dir, 'broker.yaml');
  writeFileSync(
    config,
    JSON.stringify({
      listen: { host: '127.0.0.1', port: 0 },
      audience: AUDIENCE,
      issuers: [{ id: 'gitlab', issuer: issuerUrl, jwks_uri: `${issuerUrl}/oauth/discovery/keys` }],
      secrets: { DB_PASSWORD: { value: 'bench-db-password-value' }, API_KEY: { value: 'bench-api-key-value-0123456789' } },
      policies: [{ name: 'bench', issuer: 'gitlab', claims: { project_path: 'acme/platform/api' }, secrets: ['DB_PASSWORD', 'API_KEY'] }],
    }),
  );
  const broker = await startProcess(['broker', '--config', config], (out) => /"address":"(http:[^"]+)"/.exec(out)?.[1]);
  const brokerUrl = broker.match;
  try {
    // The script exactly as the template embeds it.
    const docs = parseAllDocuments(readFileSync(join(root, 'gitlab-component/templates/secrets.yml'), 'utf8'));
    const job = Object.values(docs[1].toJS())[0];
    const script = join(dir, 'oidc-exchange.sh');
    writeFileSync(script, job.before_script[0]);
    const mint = async () => {
      const res = await fetch(`${issuerUrl}/_harness/mint`, { method: 'POST', body: JSON.stringify({ audience: AUDIENCE }) });
      return (await res.json()).value;
    };
    const env = (token, id) => ({ PATH: process.env.PATH, TMPDIR: dir, CI_JOB_ID: String(id), OIDC_EXCHANGE_ID_TOKEN: token, OIDC_EXCHANGE_BROKER_URL: brokerUrl });

    const scriptMs = [];
    const curlMs = [];
    // One warm-up of each, then alternate so machine noise hits both alike.
    for (let i = -1; i < RUNS; i++) {
      const token = await mint();
      const headers = join(dir, 'h');
      writeFileSync(headers, `Authorization: Bearer ${await mint()}\nAccept: text/plain\n`, { mode: 0o600 });
      const c = await time('curl', ['-sS', '-f', '-X', 'POST', '-H', `@${headers}`, '-o', '/dev/null', `${brokerUrl}/v1/exchange`], {});
      const before = await time('dash', ['-c', `. "${script}" && oidc_exchange_main`], { env: env(token, 1000 + i) });
      const after = await time('dash', ['-c', `. "${script}" && oidc_exchange_cleanup`], { env: env('', 1000 + i) });
      if (i >= 0) {
        curlMs.push(c);
        scriptMs.push(before + after);
      }
    }
    const s = median(scriptMs);
    const c = median(curlMs);
    console.log(`component before_script + after_script (dash, curl): median ${s.toFixed(1)} ms over ${RUNS} jobs`);
    console.log(`one bare curl POST /v1/exchange:                       median ${c.toFixed(1)} ms`);
    console.log(`ratio: the component costs ${(s / c).toFixed(2)}x one curl call; added per job ≈ ${(s - c).toFixed(1)} ms beyond the request itself`);
  } finally {
    broker.child.kill('SIGTERM');
    issuers.child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

