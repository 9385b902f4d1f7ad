// The configuration checked against its JSON Schema (schema.ts), with ajv's findings made readable: one line
// per problem, by its path in the file, the noise of failed alternatives dropped.
import { Ajv, type ErrorObject } from 'ajv';
import { configSchema } from './schema.js';

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
const validate = ajv.compile(configSchema);

/** What the schema finds wrong with `raw` (empty when it is valid). */
export function schemaProblems(raw: unknown): string[] {
  return validate(raw) ? [] : readable(validate.errors ?? []);
}

/**
 * ajv's findings as one line per problem. With `anyOf`, ajv also reports why each alternative failed; those
 * are noise next to the one-line summary, so errors inside a failed `anyOf` (or `propertyNames`) are dropped.
 */
function readable(errors: ErrorObject[]): string[] {
  const umbrellas = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'propertyNames').map((e) => e.schemaPath);
  const kept = errors.filter((e) => !umbrellas.some((u) => e.schemaPath !== u && e.schemaPath.startsWith(`${u}/`)));
  // An anyOf nested in another failed anyOf is itself noise.
  const outer = kept.filter((e) => !(e.keyword === 'anyOf' && kept.some((o) => o !== e && o.keyword === 'anyOf' && e.instancePath.startsWith(`${o.instancePath}/`))));
  return [...new Set(outer.map(describeAjvError))];
}

/** `/policies/2/claims` -> `policies[2].claims`, with ajv's complaint made readable. */
function describeAjvError(e: ErrorObject): string {
  let path = e.instancePath
    .split('/')
    .slice(1)
    .map((seg) => seg.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, seg) => (/^\d+$/.test(seg) ? `${acc}[${seg}]` : acc ? `${acc}.${seg}` : seg), '');
  let msg = e.message ?? 'is invalid';
  switch (e.keyword) {
    case 'additionalProperties': {
      const extra = (e.params as { additionalProperty: string }).additionalProperty;
      path = path ? `${path}.${extra}` : extra;
      msg = 'unknown key (check the spelling; see docs/policies.md)';
      break;
    }
    case 'required':
      path = path ? `${path}.${(e.params as { missingProperty: string }).missingProperty}` : (e.params as { missingProperty: string }).missingProperty;
      msg = 'is required';
      break;
    case 'minProperties':
      if (/^policies\[\d+\]\.claims$/.test(path)) msg = 'needs at least one claim condition (a policy that matches every token is not allowed)';
      else if (/^secrets\.[^.]+$/.test(path)) msg = 'needs one source: env, file, value, github_app, vault, aws_secrets_manager or age';
      break;
    case 'maxProperties':
      if (/^secrets\.[^.]+$/.test(path)) msg = 'takes exactly one source: env, file, value, github_app, vault, aws_secrets_manager or age';
      break;
    case 'enum':
      msg = `must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
      break;
    case 'anyOf':
      if (/claims\./.test(path)) msg = 'must be a string, number, boolean, { pattern: "<regex>" } or a list of those';
      else if (path === 'store') msg = 'must be "memory", a redis:// or rediss:// URL, or { redis: { url, password_env, ca_file, ... } }';
      break;
    case 'propertyNames': {
      const name = (e.params as { propertyName: string }).propertyName;
      msg = path === 'secrets'
        ? 'secret names must match ^[A-Za-z_][A-Za-z0-9_]*$ (they become environment variable names)'
        : 'names may hold letters, digits and _ . - (a letter or digit first)';
      path = path ? `${path}.${name}` : name;
      break;
    }
  }
  return `${path || '(top level)'}: ${msg}`;
}
