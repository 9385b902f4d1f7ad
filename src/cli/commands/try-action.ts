// `oidc-exchange try-action`: try a broker configuration before pushing a workflow. Starts a fake GitHub
// issuer and the broker from the given configuration (its GitHub issuer pointed at the fake one), mints a
// token with the given claims, runs the bundled action (main, then post) through the fake runner
// (src/harness/try-action.ts), and prints what the job would receive: exported names, masked values, outputs,
// the job summary and the log. Claims are read and filled in as every command does (src/cli/claims-file.ts);
// inputs are checked against action.yml as GitHub would, with a suggestion for a misspelt one.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ConfigError } from '../../broker/errors.js';
import { readActionManifest } from '../../harness/fakes/action-manifest.js';
import type { JobResult } from '../../harness/fakes/runner.js';
import { withScratch } from '../../harness/scratch.js';
import { actionRoot, startTryAction, timeMainStep, type TryActionBed } from '../../harness/try-action.js';
import { GITHUB_DOT_COM } from '../../platform/claims.js';
import { platformIssuer } from '../../platform/completion.js';
import { closest } from '../../text/suggest.js';
import { completeClaims, describeCompletion, mustAgree, readGivenClaims, type Completed } from '../claims-file.js';
import { brokerLogStream, type CommandIo } from '../io.js';
import { integerOption, keyValues, runCommand, UsageError, type CommandSpec, type Values } from '../options.js';

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

export async function tryActionCommand(args: string[], io?: Partial<CommandIo>): Promise<number> {
  return runCommand(tryActionSpec, args, io, tryAction);
}

async function tryAction(values: Values<typeof tryActionSpec.options>, io: CommandIo): Promise<number> {
  const configPath = values.config;
  if (!configPath) throw new UsageError('try-action', '--config FILE is required: the broker configuration to try');
  const repeat = integerOption('try-action', values.repeat, '--repeat', 1, 10_000) ?? 1;

  // 1. Inputs, as the workflow's `with:` would give them: names from action.yml only.
  const manifest = await readActionManifest(join(actionRoot(), 'action.yml'));
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
  })) as { audience?: string; issuers?: Array<{ id: string; issuer: string; jwks_uri?: string }> };
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
    const standsFor = gh.issuer;
    let completed!: Completed;
    let bed: TryActionBed;
    try {
      bed = await startTryAction({
        raw,
        configPath,
        githubIssuer: gh,
        env: io.env,
        logStream: brokerLogStream(io),
        claims: (issuerUrl) => {
          completed = completeClaims('try-action', given, { platform: 'github', signedBy: issuerUrl });
          completed.notes = completed.notes.filter((n) => !n.startsWith('the fake issuer'));
          if (completed.platform !== 'github') {
            throw new UsageError('try-action', `${values.claims} holds GitLab claims; try-action runs the GitHub Action (for the GitLab component, use oidc-exchange gitlab-job)`);
          }
          // The runner asks for the token with the action's audience; the claims must not say otherwise.
          delete completed.claims.aud;
          return completed.claims;
        },
      });
    } catch (e) {
      if (e instanceof ConfigError) {
        io.stderr.write(`oidc-exchange try-action: ${e.message}\n`);
        return 2;
      }
      throw e;
    }
    try {
      const jobInputs = { 'broker-url': bed.brokerUrl, audience, ...inputs };
      if (values.json) {
        const timings = await timeMainStep(bed, jobInputs, repeat, values.node);
        io.stdout.write(`${JSON.stringify(timings)}\n`);
        return timings.runs.every((r) => r.exitCode === 0) ? 0 : 1;
      }
      const job = await bed.runJob({ inputs: jobInputs, node: values.node });
      const claimLines = [
        `aud ${audience} (the audience the action asks the runner for); a fake GitHub issuer signs for ${standsFor}`,
        ...describeCompletion(completed, values.claims ?? 'a claims file'),
      ];
      io.stdout.write(report(job, claimLines, filePathVariables(inputs.secrets ?? '')));
      return job.main.exitCode === 0 ? 0 : 1;
    } finally {
      await bed.close();
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
