// `oidc-exchange try-action`: try a broker configuration before pushing a workflow. Starts a fake GitHub
// issuer and the broker from the given configuration (its GitHub issuer pointed at the fake one), mints a
// token with the given claims, runs the bundled action (main, then post) through the fake runner, and
// prints what the job would receive: exported names, masked values, outputs, the job summary and the log.
// Claims are read and filled in as every command does (src/cli/claims-file.ts); inputs are checked against
// action.yml as GitHub would, with a suggestion for a misspelt one.
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { buildConfig } from '../broker/config/load.js';
import { ConfigError } from '../broker/errors.js';
import { GITHUB_DOT_COM } from '../platform/claims.js';
import { buildBroker } from '../broker/http/app.js';
import { readActionManifest } from './fakes/action-manifest.js';
import { startFakeIssuer } from './fakes/issuer.js';
import { startFakeRunner, type JobResult } from './fakes/runner.js';
import { withScratch } from './scratch.js';
import { completeClaims, describeCompletion, mustAgree, platformIssuer, readGivenClaims } from '../cli/claims-file.js';
import { integerOption, keyValues, parseCommand, UsageError, type CommandSpec } from '../cli/options.js';
import { closest } from '../cli/suggest.js';

export const tryActionSpec = {
  name: 'try-action',
  synopsis: `--config broker.yaml [--claims claims.json] [--secrets "NAME\\nNAME | ENV"]
             [--input name=value ...] [--node PATH] [--repeat N] [--json]`,
  description: `Runs the bundled GitHub Action (dist/index.js, then dist/post.js) through the fake runner against the broker
configuration, with a token from a fake GitHub issuer that stands in for the configuration's GitHub issuer,
and prints what the job would receive: the masked log, the variables and outputs (values as *** (N bytes),
file paths as they are), and the job summary.`,
  options: {
    config: { type: 'string', short: 'c', arg: 'FILE', help: 'the broker configuration to try' },
    claims: { type: 'string', arg: 'FILE', help: "the job token's claims, as GitHub emits them (filled in like check does)" },
    secrets: { type: 'string', arg: 'TEXT', help: 'the action\'s `secrets` input; \\n separates lines' },
    input: { type: 'string', multiple: true, arg: 'NAME=VALUE', help: 'any other action input, by its action.yml name' },
    node: { type: 'string', arg: 'PATH', help: 'the node binary that runs the action (default: this one)' },
    repeat: { type: 'string', arg: 'N', help: 'with --json: run the main step N times (for measurements)' },
    json: { type: 'boolean', help: 'print timings as JSON instead of the report (the benchmark uses it)' },
  },
} satisfies CommandSpec;

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
  const parsed = parseCommand(tryActionSpec, args);
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  const configPath = values.config;
  if (!configPath) throw new UsageError('try-action', '--config FILE is required: the broker configuration to try');
  const repeat = integerOption('try-action', values.repeat, '--repeat', 1, 10_000) ?? 1;

  // 1. Inputs, as the workflow's `with:` would give them: names from action.yml only.
  const root = actionRoot();
  const manifest = await readActionManifest(join(root, 'action.yml'));
  const inputs = keyValues('try-action', 'input', values.input);
  for (const name of Object.keys(inputs)) {
    if (!Object.hasOwn(manifest.inputs, name)) {
      const guess = closest(name, Object.keys(manifest.inputs));
      throw new UsageError('try-action', `--input ${name}: the action has no input ${JSON.stringify(name)}${guess ? `; did you mean ${guess}?` : ''} (its inputs: ${Object.keys(manifest.inputs).join(', ')})`);
    }
  }
  if (values.secrets !== undefined) {
    if (inputs.secrets !== undefined) throw new UsageError('try-action', 'give the secrets input once: --secrets or --input secrets=..., not both');
    inputs.secrets = values.secrets.replace(/\\n/g, '\n');
  }
  if (inputs['broker-url'] !== undefined) throw new UsageError('try-action', '--input broker-url: try-action points the action at the broker it starts; leave broker-url out');

  // 2. The claims, checked against the configuration's GitHub issuer and the audience the action will ask for.
  const raw = parse(await readFile(configPath, 'utf8').catch((e: NodeJS.ErrnoException) => {
    throw new UsageError('try-action', `cannot read --config ${configPath}: ${e.code ?? e.message}`);
  })) as { audience?: string; issuers?: Array<{ id: string; issuer: string; kind?: string; jwks_uri?: string }> };
  const gh = platformIssuer(Array.isArray(raw?.issuers) ? raw.issuers : [], 'github');
  if (!gh) throw new UsageError('try-action', `${configPath} has no GitHub issuer (id: github, or issuer ${GITHUB_DOT_COM})`);
  const given = await readGivenClaims('try-action', values.claims);
  if (given.claims.iss !== undefined && String(given.claims.iss).replace(/\/+$/, '') !== gh.issuer.replace(/\/+$/, '')) {
    throw new UsageError('try-action', `${values.claims} says iss ${JSON.stringify(given.claims.iss)} but the configuration's GitHub issuer is ${JSON.stringify(gh.issuer)}; leave iss out or make them equal`);
  }
  if (inputs.audience !== undefined) mustAgree('try-action', given, 'aud', inputs.audience, '--input audience');
  else if (given.claims.aud !== undefined) inputs.audience = Array.isArray(given.claims.aud) ? String(given.claims.aud[0]) : String(given.claims.aud);
  const audience = inputs.audience ?? raw.audience ?? '';

  return withScratch('oidc-exchange-try-action-', async () => {
    // 3. The broker, from the user's configuration with its GitHub issuer replaced by a fake one.
    const github = await startFakeIssuer({ kind: 'github' });
    const standsFor = gh.issuer;
    gh.issuer = github.url;
    gh.kind = 'github'; // the fake's loopback URL no longer says which platform it stands for
    delete gh.jwks_uri;
    const completed = completeClaims('try-action', given, { platform: 'github', signedBy: github.url });
    completed.notes = completed.notes.filter((n) => !n.startsWith('the fake issuer'));
    if (completed.platform !== 'github') {
      await github.close();
      throw new UsageError('try-action', `${values.claims} holds GitLab claims; try-action runs the GitHub Action (for the GitLab component, use oidc-exchange gitlab-job)`);
    }
    // The runner asks for the token with the action's audience; the claims must not say otherwise.
    delete completed.claims.aud;
    let config;
    try {
      config = await buildConfig(raw, configPath, { checkSources: true });
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
      distDir: join(root, 'dist'),
      mint: (aud) => github.mint(completed.claims, { audience: aud }),
    });
    try {
      const jobInputs = { 'broker-url': brokerUrl, audience, ...inputs };
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
      const claimLines = [
        `aud ${audience} (the audience the action asks the runner for); a fake GitHub issuer signs for ${standsFor}`,
        ...describeCompletion(completed, values.claims ?? 'a claims file'),
      ];
      process.stdout.write(report(job, claimLines, filePathVariables(inputs.secrets ?? '')));
      return job.main.exitCode === 0 ? 0 : 1;
    } finally {
      await runner.close();
      await broker.shutdown();
      await github.close();
    }
  });
}

/** The variables and outputs that hold a file's path (`NAME | file:VAR` lines): shown, since a path is no secret. */
function filePathVariables(secrets: string): Set<string> {
  const names = new Set<string>();
  for (const line of secrets.split('\n')) {
    const m = /\|\s*file:\s*([A-Za-z_][A-Za-z0-9_]*)\s*$/.exec(line);
    if (m) names.add(m[1]!);
  }
  return names;
}

function report(job: JobResult, claimLines: string[], paths: Set<string>): string {
  const lines: string[] = ['token claims:', ...claimLines.map((l) => `  ${l}`), ''];
  const masked = (v: string) => `*** (${Buffer.byteLength(v)} bytes)`;
  const shown = (k: string, v: string) => (paths.has(k) ? `${v}  (a file)` : masked(v));
  lines.push(`main step: exit ${job.main.exitCode} in ${job.main.durationMs.toFixed(0)} ms`, '', 'log (as the runner shows it, masked):');
  for (const l of job.main.log.split('\n')) lines.push(`  | ${l}`);
  lines.push('', 'environment for later steps (GITHUB_ENV):');
  // Every exported value is shown masked, registered or not (a too-short value is not registered).
  for (const [k, v] of Object.entries(job.main.env)) lines.push(`  ${k}=${shown(k, v)}`);
  if (Object.keys(job.main.env).length === 0) lines.push('  (none)');
  lines.push('', 'step outputs (GITHUB_OUTPUT):');
  for (const [k, v] of Object.entries(job.main.outputs)) lines.push(`  ${k}=${k === 'secret-names' ? v : shown(k, v)}`);
  if (job.main.summary) lines.push('', 'job summary:', ...job.main.summary.trimEnd().split('\n').map((l) => `  ${l}`));
  if (job.post) {
    lines.push('', `post step: exit ${job.post.exitCode}`);
    for (const l of job.post.log.split('\n')) lines.push(`  | ${l}`);
  }
  if (job.main.printedBeforeMask.length) lines.push('', `WARNING: ${job.main.printedBeforeMask.length} value(s) were printed before being masked`);
  return `${lines.join('\n')}\n`;
}
