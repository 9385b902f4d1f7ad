// `oidc-exchange try-action`: try a broker configuration before pushing a workflow. Starts a fake GitHub
// issuer and the broker from the given configuration (its `github` issuer pointed at the fake one), mints a
// token with the given claims, runs the bundled action (main, then post) through the fake runner, and
// prints what the job would receive: exported names, masked values, outputs, the job summary and the log.
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { buildConfig } from '../broker/config.js';
import { ConfigError } from '../broker/errors.js';
import { buildBroker } from '../broker/server.js';
import { startFakeIssuer } from './issuer.js';
import { startFakeRunner, type JobResult } from './runner.js';

const usage = `usage: oidc-exchange try-action --config broker.yaml [--claims claims.json] [--secrets "NAME\\nNAME | ENV"]
                               [--input name=value ...] [--node PATH] [--repeat N] [--json]
  Runs the bundled GitHub Action against the broker configuration, with a token from a fake GitHub issuer
  carrying the claims in claims.json (on top of a typical job on octo-org/octo-repo, refs/heads/main).
  --repeat N and --json are for measurements (the benchmark uses them).
`;

/** The repository folder holding action.yml and dist/, from the source tree or from dist/cli. */
export function actionRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'action.yml')) && existsSync(join(dir, 'dist', 'index.js'))) return dir;
    dir = dirname(dir);
  }
  throw new Error('cannot find action.yml and dist/index.js next to the oidc-exchange installation; run "npm run build"');
}

export async function tryActionCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      config: { type: 'string', short: 'c' },
      claims: { type: 'string' },
      secrets: { type: 'string' },
      input: { type: 'string', multiple: true },
      node: { type: 'string' },
      repeat: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help || !values.config) {
    process.stdout.write(usage);
    return values.help ? 0 : 2;
  }
  const claims = values.claims ? (JSON.parse(await readFile(values.claims, 'utf8')) as Record<string, string>) : {};
  const inputs: Record<string, string> = {};
  for (const pair of values.input ?? []) {
    const eq = pair.indexOf('=');
    if (eq <= 0) {
      process.stderr.write(`oidc-exchange try-action: --input takes name=value, got ${JSON.stringify(pair)}\n`);
      return 2;
    }
    inputs[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  if (values.secrets !== undefined) inputs.secrets = values.secrets.replace(/\\n/g, '\n');
  const repeat = Number(values.repeat ?? 1);

  // The broker, from the user's configuration with its GitHub issuer replaced by a fake one.
  const github = await startFakeIssuer({ kind: 'github' });
  const raw = parse(await readFile(values.config, 'utf8')) as { audience: string; issuers?: Array<{ id: string; issuer: string; jwks_uri?: string }> };
  const gh = raw.issuers?.find((i) => i.id === 'github' || /token\.actions\.githubusercontent\.com/.test(i.issuer));
  if (!gh) {
    await github.close();
    process.stderr.write('oidc-exchange try-action: the configuration has no GitHub issuer (id: github, or issuer https://token.actions.githubusercontent.com)\n');
    return 2;
  }
  gh.issuer = github.url;
  delete gh.jwks_uri;
  let config;
  try {
    config = await buildConfig(raw, values.config, { checkSources: true });
  } catch (e) {
    await github.close();
    if (e instanceof ConfigError) {
      process.stderr.write(`oidc-exchange try-action: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  const broker = buildBroker(config, { logLevel: 'warn' });
  const brokerUrl = await broker.app.listen({ host: '127.0.0.1', port: 0 });
  const runner = await startFakeRunner({
    distDir: join(actionRoot(), 'dist'),
    mint: (audience) => github.mint({ ...github.claimsFor(), ...claims }, { audience }),
  });
  try {
    const jobInputs = { 'broker-url': brokerUrl, audience: raw.audience, ...inputs };
    if (values.json) {
      // Each main step is paired with `node -e 0` spawned the same way, so both pay the same spawn costs.
      const runs: Array<{ exitCode: number | null; durationMs: number; bareMs: number }> = [];
      for (let i = 0; i < repeat; i++) {
        const bareMs = await runner.timeBareNode(values.node);
        const job = await runner.runJob({ inputs: jobInputs, node: values.node, post: false });
        runs.push({ exitCode: job.main.exitCode, durationMs: job.main.durationMs, bareMs });
      }
      const measured = await runner.runJob({ inputs: jobInputs, node: values.node, post: false, measureRss: true });
      process.stdout.write(`${JSON.stringify({ runs, peakRssKb: measured.main.peakRssKb, errors: measured.main.errors })}\n`);
      return runs.every((r) => r.exitCode === 0) ? 0 : 1;
    }
    const job = await runner.runJob({ inputs: jobInputs, node: values.node });
    process.stdout.write(report(job));
    return job.main.exitCode === 0 ? 0 : 1;
  } finally {
    await runner.close();
    await broker.shutdown();
    await github.close();
  }
}

function report(job: JobResult): string {
  const lines: string[] = [];
  const masked = (v: string) => `*** (${Buffer.byteLength(v)} bytes)`;
  lines.push(`main step: exit ${job.main.exitCode} in ${job.main.durationMs.toFixed(0)} ms`, '', 'log (as the runner shows it, masked):');
  for (const l of job.main.log.split('\n')) lines.push(`  | ${l}`);
  lines.push('', 'environment for later steps (GITHUB_ENV):');
  // Every exported value is shown masked, registered or not (a too-short value is not registered).
  for (const [k, v] of Object.entries(job.main.env)) lines.push(`  ${k}=${masked(v)}`);
  if (Object.keys(job.main.env).length === 0) lines.push('  (none)');
  lines.push('', 'step outputs (GITHUB_OUTPUT):');
  for (const [k, v] of Object.entries(job.main.outputs)) lines.push(`  ${k}=${k === 'secret-names' ? v : masked(v)}`);
  if (job.main.summary) lines.push('', 'job summary:', ...job.main.summary.trimEnd().split('\n').map((l) => `  ${l}`));
  if (job.post) {
    lines.push('', `post step: exit ${job.post.exitCode}`);
    for (const l of job.post.log.split('\n')) lines.push(`  | ${l}`);
  }
  if (job.main.printedBeforeMask.length) lines.push('', `WARNING: ${job.main.printedBeforeMask.length} value(s) were printed before being masked`);
  return `${lines.join('\n')}\n`;
}
