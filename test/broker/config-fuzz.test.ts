// Issue 18: the loader never crashes. A newcomer's ordinary mistakes (a policy without `secrets:`, `secret:`
// misspelt, a non-list, a `null` claim condition) reached code that assumed the schema had passed: `spec.secrets
// is not iterable`, or "Cannot read properties of null" reported as if it were a configuration message. Here
// fast-check mutates the example configurations (drop a key, change a type, empty a list, misspell a key, wrap
// a scalar) and every result either loads or is refused with messages that each start with a path; the lint
// (`check --lint`) never throws. A fixed seed, plus a new seed each run (fast-check prints it on failure).
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { buildConfig, parseConfig } from '../../src/broker/config/load.js';
import { ConfigError } from '../../src/broker/errors.js';
import { lintConfig } from '../../src/broker/lint/index.js';
import { repoRoot } from '../helpers/docs.js';

const EXAMPLES = ['examples/broker.yaml', 'examples/demo.yaml', 'examples/harness.yaml'].map((f) => ({ file: f, raw: parse(readFileSync(join(repoRoot, f), 'utf8')) as unknown }));

type Json = unknown;
type Path = Array<string | number>;

/** Every path to a value inside a document (the root excluded). */
function pathsOf(v: Json, at: Path = []): Path[] {
  const here = at.length ? [at] : [];
  if (Array.isArray(v)) return [...here, ...v.flatMap((x, i) => pathsOf(x, [...at, i]))];
  if (v !== null && typeof v === 'object') return [...here, ...Object.entries(v).flatMap(([k, x]) => pathsOf(x, [...at, k]))];
  return here;
}

type Mutation = 'drop' | 'type' | 'empty' | 'misspell' | 'wrap' | 'null';
const REPLACEMENTS: Json[] = [null, 0, 7.5, -1, true, '', 'text', [], {}, [null], { pattern: null }, '\t'];

/** The document with the value at `path` changed; a copy (the example stays as it is). */
function mutate(doc: Json, path: Path, how: Mutation, pick: number): Json {
  const copy = structuredClone(doc) as Record<string | number, Json>;
  let parent: Record<string | number, Json> = copy;
  for (const seg of path.slice(0, -1)) parent = parent[seg] as Record<string | number, Json>;
  const key = path.at(-1)!;
  const value = parent[key];
  switch (how) {
    case 'drop':
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
      break;
    case 'type':
      parent[key] = REPLACEMENTS[pick % REPLACEMENTS.length];
      break;
    case 'empty':
      parent[key] = Array.isArray(value) ? [] : value !== null && typeof value === 'object' ? {} : '';
      break;
    case 'misspell':
      if (!Array.isArray(parent)) {
        delete parent[key];
        parent[`${String(key).slice(0, -1)}`] = value; // `secrets` -> `secret`, `claims` -> `claim`
      }
      break;
    case 'wrap':
      parent[key] = pick % 2 === 0 ? [value] : { value };
      break;
    case 'null':
      parent[key] = null;
      break;
  }
  return copy;
}

/** A message an operator can act on: a path (or "YAML") before the colon, no JavaScript internals. */
const PROBLEM = /^(\(top level\)|[A-Za-z_$][\w$.\-[\]/"]*(?:\.[^:\s]+)?): \S/;
const INTERNALS = /TypeError|ReferenceError|is not iterable|Cannot read propert|undefined \(reading|is not a function|\bat .*\.(ts|js):\d+/;

async function loadsOrExplains(raw: Json): Promise<void> {
  expect(() => lintConfig(raw)).not.toThrow();
  try {
    await buildConfig(raw, 'broker.yaml', { env: {}, checkSources: false });
  } catch (e) {
    // The stack names the line that crashed, so a failure here says where to add a guard.
    expect(e instanceof ConfigError ? 'ConfigError' : (e as Error).stack).toBe('ConfigError');
    for (const p of (e as ConfigError).problems) {
      expect(p).toMatch(PROBLEM);
      expect(p).not.toMatch(INTERNALS);
    }
  }
}

const mutations = fc
  .constantFrom(...EXAMPLES)
  .chain((ex) => {
    const paths = pathsOf(ex.raw);
    return fc.tuple(fc.constant(ex), fc.array(fc.tuple(fc.constantFrom(...paths), fc.constantFrom<Mutation>('drop', 'type', 'empty', 'misspell', 'wrap', 'null'), fc.nat()), { minLength: 1, maxLength: 3 }));
  })
  .map(([ex, steps]) => {
    let doc = ex.raw;
    for (const [path, how, pick] of steps) {
      if (pathsOf(doc).some((p) => p.join('\u0000') === path.join('\u0000'))) doc = mutate(doc, path, how, pick);
    }
    return doc;
  });

describe('the configuration loader never crashes', () => {
  it('the newcomer cases: each is one message with its path', async () => {
    const base = EXAMPLES[0]!.raw as { policies: Array<Record<string, unknown>> };
    const withPolicy = (change: (p: Record<string, unknown>) => void) => {
      const doc = structuredClone(base);
      change(doc.policies[0]!);
      return doc;
    };
    const cases: Array<[Json, RegExp]> = [
      [withPolicy((p) => delete p.secrets), /^policies\[0\]\.secrets: is required$/],
      [withPolicy((p) => ((p.secret = p.secrets), delete p.secrets)), /^policies\[0\]\.secret: unknown key/],
      [withPolicy((p) => (p.secrets = 'DB_PASSWORD')), /^policies\[0\]\.secrets: must be array$/],
      [withPolicy((p) => ((p.claims as Record<string, unknown>).ref = null)), /^policies\[0\]\.claims\.ref: must be a string, number, boolean/],
    ];
    for (const [raw, expected] of cases) {
      const e = await buildConfig(raw, 'broker.yaml', { env: {}, checkSources: false }).then(() => undefined, (x: unknown) => x);
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as ConfigError).problems.some((p) => expected.test(p))).toBe(true);
      for (const p of (e as ConfigError).problems) expect(p).not.toMatch(INTERNALS);
    }
  });

  it('a tab in the indentation: one message with line, column and a hint', async () => {
    const text = 'audience: https://broker.example.com\nissuers:\n\t- id: github\n\t  issuer: https://token.actions.githubusercontent.com\n';
    const e = await parseConfig(text, 'broker.yaml').then(() => undefined, (x: unknown) => x);
    expect(e).toBeInstanceOf(ConfigError);
    const problems = (e as ConfigError).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^YAML: line 3, column 1: .*tab.*indent with spaces/i);
  });

  it('fixed seed: mutated example configurations load or are refused with paths', async () => {
    await fc.assert(fc.asyncProperty(mutations, loadsOrExplains), { seed: 1818, numRuns: 300 });
  }, 120_000);

  it('a new seed each run (printed on failure)', async () => {
    await fc.assert(fc.asyncProperty(mutations, loadsOrExplains), { numRuns: 150 });
  }, 120_000);
});
