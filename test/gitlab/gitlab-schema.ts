// GitLab's own rules for a .gitlab-ci.yml, for the tests: GitLab's CI configuration schema (ci.json, the one
// GitLab's pipeline editor validates with), read from the copy kept in test/gitlab/schema/ (see its README for
// where it comes from; a test checks it still equals the copy gitlab-ci-local ships), and YAML parsing with
// GitLab's !reference tag.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parseAllDocuments, YAMLSeq, type Tags } from 'yaml';
import { headerProblems, interpolate, interpolationKeys, parseComponent, resolveInputs, type InputValue } from '../../src/harness/gitlab/component.js';

const here = dirname(fileURLToPath(import.meta.url));
export const SCHEMA_FILE = join(here, 'schema', 'ci.json');
const GITLAB_CI_LOCAL = join(here, '..', '..', 'node_modules', 'gitlab-ci-local', 'dist', 'index.js');

export function ciSchema(): Record<string, unknown> {
  return JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Record<string, unknown>;
}

/**
 * The schema as gitlab-ci-local's bundle embeds it (a JavaScript object literal; gitlab-ci-local's build
 * fetches GitLab's ci.json and bundles it). Evaluated in an empty context: it is data.
 */
export function ciSchemaInGitlabCiLocal(): Record<string, unknown> {
  const bundle = readFileSync(GITLAB_CI_LOCAL, 'utf8');
  const marker = '{$schema:"http://json-schema.org/draft-07/schema#",$id:"https://gitlab.com/.gitlab-ci.yml"';
  const start = bundle.indexOf(marker);
  if (start < 0 || bundle.indexOf(marker, start + 1) >= 0) throw new Error('gitlab-ci-local no longer embeds exactly one GitLab CI schema');
  let depth = 0;
  let quote = '';
  let i = start;
  for (; i < bundle.length; i++) {
    const c = bundle[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '{' || c === '[') depth++;
    else if ((c === '}' || c === ']') && --depth === 0) break;
  }
  return vm.runInNewContext(`(${bundle.slice(start, i + 1)})`, Object.create(null), { timeout: 5000 }) as Record<string, unknown>;
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
let validator: ReturnType<Ajv['compile']> | undefined;

/** Schema errors for one parsed YAML document, as "path: message" lines; empty when it is valid. */
export function schemaErrors(doc: unknown): string[] {
  if (!validator) {
    // GitLab's schema carries editor keywords (markdownDescription) that strict mode would refuse.
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    validator = ajv.compile(ciSchema());
  }
  if (validator(doc)) return [];
  return (validator.errors ?? []).map((e: ErrorObject) => `${e.instancePath || '/'}: ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

/** GitLab's !reference [job, key, ...] as a check sees it: the list, marked. */
class ReferenceSeq extends YAMLSeq {
  override toJSON(_?: unknown, ctx?: Parameters<YAMLSeq['toJSON']>[1]): unknown[] {
    // Typed as the list it replaces: toJS() only passes the value on.
    return { '!reference': super.toJSON(_, ctx) } as unknown as unknown[];
  }
}

function referenceTag(mark: boolean): Tags[number] {
  return {
    tag: '!reference',
    collection: 'seq',
    default: false,
    // GitLab's editor sees the plain list; the checks of what it points at see it marked.
    resolve(seq: YAMLSeq) {
      if (!mark) return seq;
      const marked = new ReferenceSeq();
      marked.items = seq.items;
      return marked;
    },
  } as unknown as Tags[number];
}

/** A `!reference` list after parseGitLabYaml(text, { markReferences: true }). */
export function isReference(v: unknown): v is { '!reference': string[] } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Array.isArray((v as Record<string, unknown>)['!reference']);
}

/** The YAML documents of a GitLab CI file, as plain data. */
export function parseGitLabYaml(text: string, opts: { markReferences?: boolean } = {}): unknown[] {
  return parseAllDocuments(text, { customTags: [referenceTag(opts.markReferences ?? false)] }).map((d) => {
    if (d.errors.length) throw new Error(d.errors.map((e) => e.message).join('; '));
    return d.toJS() as unknown;
  });
}

/**
 * Everything GitLab would object to in a component template, checked the ways GitLab checks it: the header
 * against Header::Root/Spec/Input (only `spec: inputs:`) and against ci.json, the configuration against
 * ci.json as written and once interpolated (with the defaults and `sample` for required inputs), and every
 * `$[[ inputs.X ]]` declared. Empty when GitLab would include it.
 */
export function componentProblems(text: string, sample: Record<string, InputValue>): string[] {
  let docs: unknown[];
  try {
    docs = parseGitLabYaml(text);
  } catch (e) {
    return [`YAML: ${(e as Error).message}`];
  }
  if (docs.length !== 2) return ['a component template is a spec header, a --- line, then the configuration'];
  const [header, body] = docs as [unknown, Record<string, unknown>];
  const problems = [...headerProblems(header), ...schemaErrors(header).map((e) => `header ${e}`)];
  problems.push(...schemaErrors(body).map((e) => `configuration as written ${e}`));
  const declared = Object.keys(((header as { spec?: { inputs?: object } })?.spec?.inputs ?? {}) as object);
  let used: Set<string>;
  try {
    used = interpolationKeys(body);
  } catch (e) {
    return [...problems, (e as Error).message];
  }
  for (const name of used) if (!declared.includes(name)) problems.push(`$[[ inputs.${name} ]] is used but the header does not declare it`);
  if (problems.length) return problems;
  try {
    const component = parseComponent(text);
    const interpolated = interpolate(component.body, resolveInputs(component.inputs, sample));
    problems.push(...schemaErrors(interpolated).map((e) => `configuration once interpolated ${e}`));
  } catch (e) {
    problems.push((e as Error).message);
  }
  return problems;
}
