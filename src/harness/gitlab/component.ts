// A CI/CD component template read the way GitLab reads it when a pipeline includes it (harness part three,
// with gitlab-job.ts): the header must be exactly `spec: inputs:` (GitLab's Header::Root allows only `spec`,
// Header::Spec only `inputs`, each Header::Input only default, description, options, regex, type and rules),
// the inputs a pipeline passes are checked against it, and `$[[ inputs.X ]]` is interpolated after YAML
// parsing: a string that is exactly one block takes the input's typed value, inside a longer string the value
// becomes text, and a block naming an input the header does not declare fails the pipeline.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

export type InputValue = string | number | boolean | string[];

export interface InputSpec {
  type?: 'string' | 'number' | 'boolean' | 'array';
  default?: InputValue;
  options?: InputValue[];
  regex?: string;
  description?: string;
}

export interface Component {
  inputs: Record<string, InputSpec>;
  /** The configuration after the `---`, not yet interpolated. */
  body: Record<string, unknown>;
}

/** A configuration GitLab would refuse when the pipeline is created (before any job runs). */
export class GitLabConfigError extends Error {
  constructor(message: string) {
    super(`This GitLab CI configuration is invalid: ${message}`);
    this.name = 'GitLabConfigError';
  }
}

const HEADER_KEYS = ['spec'];
const SPEC_KEYS = ['inputs'];
const INPUT_KEYS = ['default', 'description', 'options', 'regex', 'type', 'rules'];
const INPUT_TYPES = ['string', 'number', 'boolean', 'array'];
const OPTIONS_LIMIT = 50;

/** Where the component's template is, from the source tree or from the dist/ bundle. */
export function componentTemplatePath(name = 'secrets'): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'gitlab-component', 'templates', `${name}.yml`);
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new Error(`cannot find gitlab-component/templates/${name}.yml next to the oidc-exchange installation`);
}

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function unknownKeys(where: string, node: Record<string, unknown>, allowed: string[]): string[] {
  const extra = Object.keys(node).filter((k) => !allowed.includes(k));
  return extra.length ? [`${where} config contains unknown keys: ${extra.join(', ')}`] : [];
}

function typeOf(v: unknown): string {
  return Array.isArray(v) ? 'array' : typeof v;
}

/** Every reason GitLab would refuse this header, in GitLab's words; empty when it is accepted. */
export function headerProblems(header: unknown): string[] {
  if (!isMap(header)) return ['header config should be a hash'];
  const problems = unknownKeys('header', header, HEADER_KEYS);
  const spec = header.spec;
  if (spec === undefined) return problems;
  if (!isMap(spec)) return [...problems, 'header:spec config should be a hash'];
  problems.push(...unknownKeys('header:spec', spec, SPEC_KEYS));
  const inputs = spec.inputs ?? {};
  if (!isMap(inputs)) return [...problems, 'header:spec:inputs config should be a hash'];
  for (const [name, raw] of Object.entries(inputs)) {
    const where = `header:spec:inputs:${name}`;
    if (!/^[A-Za-z0-9_-]+$/.test(name)) problems.push(`${where} key must be an alphanumeric string`);
    if (raw === null) continue;
    if (!isMap(raw)) {
      problems.push(`${where} config should be a hash`);
      continue;
    }
    problems.push(...unknownKeys(where, raw, INPUT_KEYS));
    const type = (raw.type ?? 'string') as string;
    if (!INPUT_TYPES.includes(type)) {
      problems.push(`${where} input type unknown value: ${type}`);
      continue;
    }
    if (raw.description !== undefined && typeof raw.description !== 'string') problems.push(`${where} description should be a string`);
    if (raw.default !== undefined && raw.default !== null && typeOf(raw.default) !== type) problems.push(`${where} default value is not a ${type}`);
    if (raw.regex !== undefined) {
      if (type !== 'string') problems.push(`${where} RegEx validation can only be used with string inputs`);
      else {
        try {
          new RegExp(String(raw.regex));
        } catch {
          problems.push(`${where} regex is not a valid regular expression`);
        }
      }
    }
    if (raw.options !== undefined) {
      if (!Array.isArray(raw.options)) problems.push(`${where} options should be an array`);
      else {
        if (type !== 'string' && type !== 'number') problems.push(`${where} options can only be used with string and number inputs`);
        if (raw.options.length > OPTIONS_LIMIT) problems.push(`${where} config cannot define more than ${OPTIONS_LIMIT} options`);
        if (raw.default !== undefined && !raw.options.includes(raw.default as never)) problems.push(`${where} default value is not included in the options`);
      }
    }
  }
  return problems;
}

export function parseComponent(text: string): Component {
  const docs = parseAllDocuments(text);
  if (docs.length !== 2) throw new GitLabConfigError('a component template is a spec header, a --- line, then the configuration');
  for (const d of docs) if (d.errors.length) throw new GitLabConfigError(d.errors[0]!.message);
  const header = docs[0]!.toJS() as unknown;
  const problems = headerProblems(header);
  if (problems.length) throw new GitLabConfigError(problems.join(', '));
  const spec = (header as { spec?: { inputs?: Record<string, InputSpec | null> } }).spec;
  if (!spec) throw new GitLabConfigError('the header must hold spec:');
  const inputs: Record<string, InputSpec> = {};
  for (const [k, v] of Object.entries(spec.inputs ?? {})) inputs[k] = v ?? {};
  return { inputs, body: docs[1]!.toJS() as Record<string, unknown> };
}

/** Checks the given inputs against the spec as GitLab does at pipeline creation, and applies defaults. */
export function resolveInputs(spec: Record<string, InputSpec>, given: Record<string, InputValue>): Record<string, InputValue> {
  const unknown = Object.keys(given).filter((k) => !(k in spec));
  if (unknown.length) throw new GitLabConfigError(`unknown input name provided: \`${unknown.join(', ')}\``);
  const out: Record<string, InputValue> = {};
  for (const [name, s] of Object.entries(spec)) {
    const value = given[name] ?? s.default;
    if (value === undefined) throw new GitLabConfigError(`\`${name}\` input: required value has not been provided`);
    const type = s.type ?? 'string';
    if (typeOf(value) !== type) throw new GitLabConfigError(`\`${name}\` input: provided value is not a ${type}`);
    if (s.options && !s.options.includes(value as never)) {
      throw new GitLabConfigError(`\`${name}\` input: \`${String(value)}\` cannot be used because it is not in the list of allowed options`);
    }
    if (s.regex !== undefined && !new RegExp(s.regex).test(String(value))) {
      throw new GitLabConfigError(`\`${name}\` input: \`${String(value)}\` does not match required regex: ${s.regex}`);
    }
    out[name] = value;
  }
  return out;
}

const BLOCK = /\$\[\[\s*(.*?)\s*\]\]/g;
const WHOLE = /^\$\[\[\s*(.*?)\s*\]\]$/;

/** The input a block's expression reads (`inputs.name`, optionally piped through functions). */
function blockInput(expression: string): string {
  const access = expression.split('|')[0]!.trim();
  const m = /^inputs\.([\w-]+)$/.exec(access);
  if (!m) throw new GitLabConfigError(`unknown interpolation provided: \`${access}\` in \`${expression}\``);
  return m[1]!;
}

/** Every input name the configuration's `$[[ ]]` blocks read, keys included. */
export function interpolationKeys(node: unknown, out = new Set<string>()): Set<string> {
  if (typeof node === 'string') for (const m of node.matchAll(BLOCK)) out.add(blockInput(m[1]!));
  else if (Array.isArray(node)) for (const n of node) interpolationKeys(n, out);
  else if (isMap(node)) for (const [k, v] of Object.entries(node)) interpolationKeys(v, interpolationKeys(k, out));
  return out;
}

/** `$[[ inputs.x ]]` everywhere, keys included: a node that is one block gets the typed value. */
export function interpolate(node: unknown, inputs: Record<string, InputValue>): unknown {
  if (typeof node === 'string') {
    const whole = WHOLE.exec(node);
    if (whole && !whole[1]!.includes(']]')) return lookup(inputs, blockInput(whole[1]!));
    return node.replace(BLOCK, (_m, expression: string) => {
      const v = lookup(inputs, blockInput(expression));
      return Array.isArray(v) ? JSON.stringify(v) : String(v);
    });
  }
  if (Array.isArray(node)) return node.map((n) => interpolate(n, inputs));
  if (isMap(node)) {
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [String(interpolate(k, inputs)), interpolate(v, inputs)]));
  }
  return node;
}

function lookup(inputs: Record<string, InputValue>, key: string): InputValue {
  if (!(key in inputs)) throw new GitLabConfigError(`unknown interpolation key: \`${key}\``);
  return inputs[key]!;
}
