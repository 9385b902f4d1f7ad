// What the GitLab component adds to a job: the embedded script's before_script (exchange, decode, export) plus
// its after_script (cleanup), median of 10 jobs per case, against one bare `curl` POST to the same broker in the
// same run (the work no component can avoid). Cases: the usual job (2 listed secrets the policy grants, exported as
// variables: the target is at most 2x one curl), 10 listed secrets (what each secret adds), and export: file
// (the private directory: mktemp, ls, rm), under dash, and the usual job under bash (GitLab's shell when the
// image has it). Everything runs from the built dist/ CLI and the committed template, on loopback.
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
const TARGET = 2;

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
  const many = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`SECRET_${i}`, { value: `bench-secret-value-${i}-0123456789abcdef` }]));
  const config = join(dir, 'broker.yaml');
  writeFileSync(
    config,
    JSON.stringify({
      listen: { host: '127.0.0.1', port: 0 },
      audience: AUDIENCE,
      issuers: [{ id: 'gitlab', issuer: issuerUrl, kind: 'gitlab', jwks_uri: `${issuerUrl}/oauth/discovery/keys` }],
      secrets: { DB_PASSWORD: { value: 'bench-db-password-value' }, API_KEY: { value: 'bench-api-key-value-0123456789' }, ...many },
      policies: [
        { name: 'bench', issuer: 'gitlab', claims: { project_path: 'acme/platform/api', ref: 'main' }, secrets: ['DB_PASSWORD', 'API_KEY'] },
        { name: 'many', issuer: 'gitlab', claims: { project_path: 'acme/platform/many' }, secrets: Object.keys(many) },
      ],
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
    const mint = async (job = {}) => {
      const res = await fetch(`${issuerUrl}/_harness/mint`, { method: 'POST', body: JSON.stringify({ audience: AUDIENCE, job }) });
      return (await res.json()).value;
    };
    const cases = [
      { name: 'usual job: 2 listed secrets as variables', shell: 'dash', job: {}, env: { OIDC_EXCHANGE_SECRETS: 'DB_PASSWORD\nAPI_KEY' } },
      { name: 'the same under bash', shell: 'bash', job: {}, env: { OIDC_EXCHANGE_SECRETS: 'DB_PASSWORD\nAPI_KEY' } },
      { name: '10 listed secrets as variables', shell: 'dash', job: { project_path: 'acme/platform/many' }, env: { OIDC_EXCHANGE_SECRETS: Object.keys(many).join('\n') } },
      { name: '2 secrets as 0600 files (private directory)', shell: 'dash', job: {}, env: { OIDC_EXCHANGE_EXPORT: 'file', OIDC_EXCHANGE_SECRETS: 'DB_PASSWORD\nAPI_KEY' } },
    ];
    const env = (token, id, extra) => ({ PATH: process.env.PATH, TMPDIR: dir, CI_BUILDS_DIR: dir, CI_JOB_ID: String(id), OIDC_EXCHANGE_ID_TOKEN: token, OIDC_EXCHANGE_BROKER_URL: brokerUrl, ...extra });

    const curlMs = [];
    const caseMs = cases.map(() => []);
    let id = 1000;
    // One warm-up of each, then alternate so machine noise hits all alike.
    for (let i = -1; i < RUNS; i++) {
      const headers = join(dir, 'h');
      writeFileSync(headers, `Authorization: Bearer ${await mint()}\nAccept: text/plain\n`, { mode: 0o600 });
      const c = await time('curl', ['-sS', '-f', '-X', 'POST', '-H', `@${headers}`, '-o', '/dev/null', `${brokerUrl}/v1/exchange`], {});
      if (i >= 0) curlMs.push(c);
      for (const [k, cs] of cases.entries()) {
        const token = await mint(cs.job);
        id++;
        const before = await time(cs.shell, ['-c', `. "${script}" && oidc_exchange_main`], { env: env(token, id, cs.env) });
        const after = await time(cs.shell, ['-c', `. "${script}" && oidc_exchange_cleanup`], { env: env('', id, cs.env) });
        if (i >= 0) caseMs[k].push(before + after);
      }
    }
    const c = median(curlMs);
    console.log(`one bare curl POST /v1/exchange: median ${c.toFixed(1)} ms over ${RUNS}`);
    for (const [k, cs] of cases.entries()) {
      const s = median(caseMs[k]);
      console.log(`${cs.name.padEnd(46)} before+after_script median ${s.toFixed(1).padStart(6)} ms = ${(s / c).toFixed(2)}x one curl`);
    }
    const usual = median(caseMs[0]) / c;
    console.log(`target for the usual job: at most ${TARGET}x one curl call: ${usual <= TARGET ? 'met' : 'NOT met'} (${usual.toFixed(2)}x)`);
  } finally {
    broker.child.kill('SIGTERM');
    issuers.child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}
