// What `oidc-exchange try-action` (src/cli/commands/try-action.ts) runs to try a broker configuration before a
// workflow is pushed: a fake GitHub issuer, the broker from the given configuration with its GitHub issuer
// pointed at the fake one, and the fake runner that runs the bundled action (main, then post) with a token
// the fake issuer signs. `npm run demo` finds the bundled action the same way (actionRoot).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildConfig } from '../broker/config/load.js';
import { buildBroker, type BrokerOptions } from '../broker/http/app.js';
import { startFakeIssuer } from './fakes/issuer.js';
import { startFakeRunner, type JobOptions, type JobResult } from './fakes/runner.js';

/** The repository folder holding action.yml and dist/, from the source tree or from dist/cli. */
export function actionRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'action.yml')) && existsSync(join(dir, 'dist', 'index.js'))) return dir;
    dir = dirname(dir);
  }
  throw new Error('cannot find action.yml and dist/index.js next to the oidc-exchange installation; run "npm run build"');
}

export interface TryActionOptions {
  /** The broker configuration as parsed from its file. */
  raw: unknown;
  configPath: string;
  /** raw's GitHub issuer: repointed at the fake issuer, so the broker trusts the tokens it signs. */
  githubIssuer: { issuer: string; kind?: string; jwks_uri?: string };
  /** The job token's claims, once the URL of the fake issuer that signs them is known. May throw. */
  claims(issuerUrl: string): Record<string, unknown>;
  /** The environment the configuration's secret sources read (default: process.env). */
  env?: NodeJS.ProcessEnv;
  /** Where the broker logs (its warnings and errors only; default: standard output). */
  logStream?: BrokerOptions['logStream'];
}

export interface TryActionBed {
  brokerUrl: string;
  runJob(opts: JobOptions): Promise<JobResult>;
  /** Wall time of `node -e 0` spawned exactly like the action's step. */
  timeBareNode(node?: string): Promise<number>;
  close(): Promise<void>;
}

/**
 * Starts the fake issuer, the broker and the fake runner. Rejects (with nothing left running) when the claims
 * are refused or the configuration does not load (ConfigError).
 */
export async function startTryAction(opts: TryActionOptions): Promise<TryActionBed> {
  const github = await startFakeIssuer({ kind: 'github' });
  let broker;
  let claims: Record<string, unknown>;
  try {
    opts.githubIssuer.issuer = github.url;
    opts.githubIssuer.kind = 'github'; // the fake's loopback URL no longer says which platform it stands for
    delete opts.githubIssuer.jwks_uri;
    claims = opts.claims(github.url);
    const config = await buildConfig(opts.raw, opts.configPath, { checkSources: true, ...(opts.env ? { env: opts.env } : {}) });
    broker = buildBroker(config, { logLevel: 'warn', ...(opts.logStream ? { logStream: opts.logStream } : {}) });
  } catch (e) {
    // A refused claims file or configuration must not leave the fake issuer listening.
    await github.close();
    throw e;
  }
  const brokerUrl = await broker.app.listen({ host: '127.0.0.1', port: 0 });
  const runner = await startFakeRunner({
    distDir: join(actionRoot(), 'dist'),
    mint: (aud) => github.mint(claims, { audience: aud }),
  });
  return {
    brokerUrl,
    runJob: (job) => runner.runJob(job),
    timeBareNode: (node) => runner.timeBareNode(node),
    async close() {
      await runner.close();
      await broker.shutdown();
      await github.close();
    },
  };
}

export interface MainStepTimings {
  runs: Array<{ exitCode: number | null; durationMs: number; bareMs: number }>;
  peakRssKb?: number;
  errors: string[];
}

/** Runs the main step `repeat` times, each paired with `node -e 0` spawned the same way (both pay the same spawn costs), then once more for its peak RSS. */
export async function timeMainStep(bed: TryActionBed, inputs: Record<string, string>, repeat: number, node?: string): Promise<MainStepTimings> {
  const runs: MainStepTimings['runs'] = [];
  for (let i = 0; i < repeat; i++) {
    const bareMs = await bed.timeBareNode(node);
    const job = await bed.runJob({ inputs, node, post: false });
    runs.push({ exitCode: job.main.exitCode, durationMs: job.main.durationMs, bareMs });
  }
  const measured = await bed.runJob({ inputs, node, post: false, measureRss: true });
  return { runs, peakRssKb: measured.main.peakRssKb, errors: measured.main.errors };
}
