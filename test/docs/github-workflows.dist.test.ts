// Every step of a GitHub workflow snippet in README.md and docs/ that uses this action runs, with its `with:`
// values, through the fake runner (which reads action.yml, and runs the built dist/ as GitHub would) against the
// demo broker configuration (examples/demo.yaml, with its audience set to the one the step asks for), with a
// token whose claims are the job's (`environment:`, the pushed branch): the step and its post step succeed, the
// outputs the workflow reads are there, and no secret value reaches the log or the summary. The only value
// replaced is broker-url, which cannot be reached from here: the step talks to the demo broker on loopback
// instead, and asks for a token with the audience the printed broker-url implies. (What GitHub's parser and
// actionlint say of the snippets: github-workflows.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { startBed } from '../../src/harness/bed.js';
import { demoConfig } from '../../src/harness/demo/config.js';
import type { FakeGitHubApi } from '../../src/harness/fakes/github-api.js';
import type { FakeIssuer } from '../../src/harness/fakes/issuer.js';
import { startFakeRunner } from '../../src/harness/fakes/runner.js';
import { ACTION_DIR, NODE24, assertBuilt, leakedNames } from '../helpers/action.js';
import { where } from '../helpers/docs.js';
import { blocks, ourSteps, workflowText, type Workflow } from './workflows.js';

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
  const values = {
    DB_PASSWORD: `docs-db-${randomBytes(9).toString('hex')}`,
    DEPLOY_KEY: `-----BEGIN OPENSSH PRIVATE KEY-----\n${randomBytes(48).toString('base64')}\n-----END OPENSSH PRIVATE KEY-----\n`,
    REVOCATION: randomBytes(16).toString('hex'),
  };
  writeFileSync(join(dir, 'demo-deploy-key.pem'), values.DEPLOY_KEY, { mode: 0o600 });
  try {
    const bed = await startBed({
      githubApi: true,
      configPath: join(dir, 'broker.yaml'),
      env: { DEMO_DB_PASSWORD: values.DB_PASSWORD, DEMO_REVOCATION_TOKEN: values.REVOCATION },
      config: (doubles) => ({ ...demoConfig(doubles, dir), audience }),
    });
    return {
      url: bed.url,
      github: bed.github,
      api: bed.api!,
      values,
      async close() {
        await bed.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
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
