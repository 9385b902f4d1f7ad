// The component template held to GitLab's rules, not to what gitlab-ci-local happens to accept: GitLab's own
// ci.json schema (the copy in test/gitlab/schema/, checked here against the one gitlab-ci-local ships), the
// header rule (only `spec: inputs:`), inputs interpolated after YAML parsing, and every input declared. The
// template the project shipped before (with `spec: description:`, which fails every include on GitLab) is kept
// as a fixture and must fail the same checks.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { componentTemplatePath, GitLabConfigError, headerProblems, interpolate, interpolationKeys, parseComponent, resolveInputs } from '../../src/harness/gitlab/component.js';
import { ciSchema, ciSchemaInGitlabCiLocal, componentProblems, parseGitLabYaml, SCHEMA_FILE, schemaErrors } from './gitlab-schema.js';

const here = dirname(fileURLToPath(import.meta.url));
const required = { broker_url: 'https://broker.example.com', audience: 'https://broker.example.com' };
const current = () => readFileSync(componentTemplatePath(), 'utf8');
const previous = () => readFileSync(join(here, 'fixtures', 'secrets-with-spec-description.yml'), 'utf8');

describe("GitLab's schema", () => {
  it('the copy in the repository is the one gitlab-ci-local 4.75.1 ships', () => {
    const shipped = ciSchemaInGitlabCiLocal();
    if (process.env.REFRESH_GITLAB_CI_SCHEMA === '1') writeFileSync(SCHEMA_FILE, JSON.stringify(shipped, null, 2) + '\n');
    expect(ciSchema()).toEqual(shipped);
  });

  it('allows only inputs under spec:', () => {
    const spec = (ciSchema().properties as Record<string, { properties?: object; additionalProperties?: boolean }>).spec!;
    expect(Object.keys(spec.properties ?? {})).toEqual(['inputs']);
    expect(spec.additionalProperties).toBe(false);
    expect(schemaErrors({ spec: { inputs: {} } })).toEqual([]);
    expect(schemaErrors({ spec: { description: 'x', inputs: {} } }).join('\n')).toContain('additionalProperty":"description"');
  });

  it('catches what GitLab would refuse in a job: a misspelled keyword, a wrong type, id_tokens without aud', () => {
    expect(schemaErrors({ deploy: { script: 'x', id_tokens: { T: { aud: 'https://b' } } } })).toEqual([]);
    expect(schemaErrors({ deploy: { scirpt: 'x' } })).not.toEqual([]);
    expect(schemaErrors({ deploy: { script: 'x', stage: 3 } })).not.toEqual([]);
    expect(schemaErrors({ deploy: { script: 'x', id_tokens: { T: { audience: 'https://b' } } } })).not.toEqual([]);
  });
});

describe('the component template', () => {
  it('passes every rule GitLab applies when a pipeline includes it', () => {
    expect(componentProblems(current(), required)).toEqual([]);
  });

  it('the template shipped before, with spec: description:, fails them as GitLab did ("header:spec config contains unknown keys")', () => {
    const problems = componentProblems(previous(), required);
    expect(problems).toContain('header:spec config contains unknown keys: description');
    expect(problems.join('\n')).toMatch(/header \/spec: must NOT have additional properties \{"additionalProperty":"description"\}/);
    // The harness refuses it as GitLab does, where gitlab-ci-local runs it.
    expect(() => parseComponent(previous())).toThrow(GitLabConfigError);
    expect(() => parseComponent(previous())).toThrow('header:spec config contains unknown keys: description');
  });

  it('declares every input it interpolates, and uses every input it declares', () => {
    const [header, body] = parseGitLabYaml(current()) as [{ spec: { inputs: Record<string, unknown> } }, unknown];
    expect([...interpolationKeys(body)].sort()).toEqual(Object.keys(header.spec.inputs).sort());
  });

  it('with the inputs of every doc snippet and odd values, interpolates into configuration the schema accepts', () => {
    const component = parseComponent(current());
    for (const given of [
      required,
      { ...required, secrets: 'DB_PASSWORD\nGH_TOKEN | GH_APP_TOKEN', export: 'both', masking: 'proxy_exec', timeout_seconds: 5, allow_debug_trace: true, revoke: false },
      { ...required, broker: 'vault', vault_role: 'ci', vault_namespace: 'team-a', job_name: 'secrets', stage: 'deploy', token_variable: 'MY_ID_TOKEN' },
    ]) {
      expect(schemaErrors(interpolate(component.body, resolveInputs(component.inputs, given)))).toEqual([]);
    }
  });
});

describe("GitLab's header rule", () => {
  it.each([
    [{ spec: { inputs: { a: { default: 'x' } } } }, []],
    [{ spec: { inputs: { a: null } } }, []],
    [{ spec: { description: 'x', inputs: {} } }, ['header:spec config contains unknown keys: description']],
    [{ spec: { inputs: {} }, title: 'x' }, ['header config contains unknown keys: title']],
    [{ spec: { inputs: { a: { label: 'x' } } } }, ['header:spec:inputs:a config contains unknown keys: label']],
    [{ spec: { inputs: { a: { type: 'integer' } } } }, ['header:spec:inputs:a input type unknown value: integer']],
    [{ spec: { inputs: { a: { type: 'number', default: '30' } } } }, ['header:spec:inputs:a default value is not a number']],
    [{ spec: { inputs: { a: { type: 'boolean', regex: '^t' } } } }, ['header:spec:inputs:a RegEx validation can only be used with string inputs']],
    [{ spec: { inputs: { a: { options: ['x', 'y'], default: 'z' } } } }, ['header:spec:inputs:a default value is not included in the options']],
  ])('%j', (header, problems) => {
    expect(headerProblems(header)).toEqual(problems);
  });
});

describe('inputs are interpolated after YAML parsing, as GitLab does', () => {
  const inputs = { n: 30, b: true, s: 'line one\nline two: with "quotes"', list: ['a', 'b'], name: 'deploy' };
  it('a value that is exactly one block takes the input typed; inside a longer string it becomes text', () => {
    const body = parseGitLabYaml(`
.$[[ inputs.name ]]:
  timeout: $[[ inputs.n ]]
  flag: $[[ inputs.b ]]
  list: $[[ inputs.list ]]
  text: "n=$[[ inputs.n ]] b=$[[ inputs.b ]] list=$[[ inputs.list ]]"
  multi: $[[ inputs.s ]]
`)[0];
    expect(interpolate(body, inputs)).toEqual({
      '.deploy': { timeout: 30, flag: true, list: ['a', 'b'], text: 'n=30 b=true list=["a","b"]', multi: 'line one\nline two: with "quotes"' },
    });
  });

  it('a multi-line value lands in one YAML string, where text substitution before parsing would change the structure', () => {
    const text = 'job:\n  variables:\n    V: $[[ inputs.s ]]\n';
    expect(interpolate(parseGitLabYaml(text)[0], inputs)).toEqual({ job: { variables: { V: inputs.s } } });
    expect(parseGitLabYaml(text.replace('$[[ inputs.s ]]', inputs.s))[0]).toHaveProperty(['line two']);
  });

  it('an undeclared input, or anything but inputs.X, fails the pipeline', () => {
    expect(() => interpolate({ a: '$[[ inputs.missing ]]' }, inputs)).toThrow('unknown interpolation key: `missing`');
    expect(() => interpolationKeys({ a: 'x $[[ env.HOME ]]' })).toThrow('unknown interpolation provided: `env.HOME`');
  });
});
