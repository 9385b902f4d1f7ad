// action.yml as GitHub reads it: GitHub's own parser (@actions/workflow-parser, the action schema with its
// list of Feather icons) accepts it, the runner's view of it (inputs, defaults, runs) is what the action and
// the fake runner use, and each fallback in the code equals the default action.yml gives.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAction, convertActionTemplate } from '@actions/workflow-parser/actions/index';
import { NoOperationTraceWriter } from '@actions/workflow-parser';
import { readActionManifest } from '../../src/harness/fakes/action-manifest.js';
import { actionInputs, postIfHolds } from '../../src/harness/fakes/runner.js';
import { readInputsFrom, ROOT } from '../helpers/action.js';

const file = join(ROOT, 'action.yml');

function parse(content: string) {
  const result = parseAction({ name: 'action.yml', content }, new NoOperationTraceWriter());
  return { errors: result.context.errors.getErrors().map((e) => e.message), value: result.value, context: result.context };
}

describe('action.yml', () => {
  it("passes GitHub's own parser and action schema", () => {
    const { errors, value, context } = parse(readFileSync(file, 'utf8'));
    expect(errors).toEqual([]);
    const template = convertActionTemplate(context, value!);
    expect(template.runs).toMatchObject({ using: 'node24', main: 'dist/index.js', post: 'dist/post.js', postIf: 'always()' });
    expect(template.branding).toMatchObject({ icon: 'lock', color: 'green' });
  });

  it('the parser is strict: it refuses what the old file had (a plain scalar with ": ", the icon key)', () => {
    const broken = readFileSync(file, 'utf8').replace(/^ {4}description: >-\n {6}The https:\/\/ address[^\n]*\n/m, "    description: The address, with `broker: vault` the Vault server.\n");
    expect(parse(broken).errors.join('\n')).toMatch(/mapping|colon|: /i);
    const key = readFileSync(file, 'utf8').replace('icon: lock', 'icon: key');
    expect(parse(key).errors.join('\n')).toMatch(/key/);
  });

  it('every input has a description, and each default is one the runner passes as it is (no expression)', async () => {
    const manifest = await readActionManifest(file);
    for (const [name, spec] of Object.entries(manifest.inputs)) {
      expect({ name, description: spec.description.length > 10 }).toEqual({ name, description: true });
      expect(spec.default ?? '').not.toContain('${{');
    }
    expect(manifest.inputs['broker-url']!.required).toBe(true);
  });

  it("the code's fallbacks equal action.yml's defaults (defaults live in action.yml)", async () => {
    const manifest = await readActionManifest(file);
    const given = { 'broker-url': 'https://broker.example' };
    // As the runner runs the step (defaults filled in) and as a caller that omits them (fallbacks used).
    const withDefaults = readInputsFrom(actionInputs(manifest, given).variables);
    const withoutDefaults = readInputsFrom({ 'INPUT_BROKER-URL': 'https://broker.example' });
    expect(withDefaults).toEqual(withoutDefaults);
  });

  it('the fake runner takes the runner semantics from it: defaults, required, unexpected inputs, post-if', async () => {
    const manifest = await readActionManifest(file);
    const { variables, missingRequired, unexpected } = actionInputs(manifest, { secrets: 'X', 'brokr-url': 'typo' });
    expect(variables['INPUT_EXPORT-ENV']).toBe('true');
    expect(variables['INPUT_TIMEOUT-SECONDS']).toBe('60');
    expect(variables.INPUT_SECRETS).toBe('X');
    expect(missingRequired).toEqual(['broker-url']);
    expect(unexpected).toBe(`Unexpected input(s) 'brokr-url', valid inputs are [${Object.keys(manifest.inputs).map((n) => `'${n}'`).join(', ')}]`);
    expect(postIfHolds('always()', false)).toBe(true);
    expect(postIfHolds('success()', false)).toBe(false);
    expect(() => postIfHolds('github.event_name == "push"', true)).toThrow(/post-if/);
  });
});
