// Issue 18, finding 1: the linter reads a `{pattern}` the way JavaScript does. `[]` is an empty class that
// closes at once (a hand tokenizer ran it on to the next `]`), so `octo-org/app[]|.*|[]` is three
// alternatives, one of them `.*`: it pins no owner. An exploit through a real broker and real tokens, a table
// of readings, and a property test holding "pins owner X" to what the broker's compiled matcher accepts.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { literalOf, literalPrefix, ownerOf, type OwnerFormat } from '../../src/broker/lint/matchers.js';
import { compileMatcher, patternProblem, type MatcherSpec } from '../../src/broker/policy/policy.js';
import { startFakeIssuer, type FakeIssuer } from '../../src/harness/fakes/issuer.js';
import { exchangeStatus } from '../helpers/broker.js';

const AUDIENCE = 'https://broker.grammar.oidc-exchange.dev';
const GITHUB_DOT_COM = 'https://token.actions.githubusercontent.com';
const EXPLOIT = 'octo-org/app[]|.*|[]';
let github: FakeIssuer;

beforeAll(async () => {
  github = await startFakeIssuer({ kind: 'github', audience: AUDIENCE });
});
afterAll(async () => {
  await github.close();
});

function config(policy: Record<string, unknown>): Record<string, unknown> {
  return {
    audience: AUDIENCE,
    issuers: [{ id: 'github', issuer: GITHUB_DOT_COM, jwks_uri: github.jwksUri }],
    secrets: { DB_PASSWORD: { value: 'grammar-secret-value' } },
    policies: [{ name: 'deploy', issuer: 'github', secrets: ['DB_PASSWORD'], ...policy }],
  };
}

describe('a pattern read by the grammar the broker compiles it with', () => {
  it(`"${EXPLOIT}" granted evil/x; refused at start-up`, async () => {
    // What the broker compiles: `[]` matches nothing, so the middle alternative `.*` decides.
    expect(new RegExp(`^(?:${EXPLOIT})$`, 'su').test('evil/x')).toBe(true);
    const risky = { claims: { repository: { pattern: EXPLOIT }, environment: 'production' } };
    const evil = await github.mint({ ...github.claimsFor({ repository: 'evil/x', repository_owner_id: '666', repository_id: '667', environment: 'production' }), iss: GITHUB_DOT_COM });
    // With the rule overridden the broker behaves as it did when the lint read the pattern as pinned.
    expect(await exchangeStatus(config({ ...risky, allow_risky: ['github-any-repository', 'owner-wildcard'].map((rule) => ({ rule, reason: 'the old reading' })) }), evil)).toBe(200);
    await expect(exchangeStatus(config(risky), evil)).rejects.toThrow(/policies\[0\]\.claims\.repository: owner-wildcard in policy deploy: repository "octo-org\/app\[\]\|\.\*\|\[\]" leaves the owner to a wildcard/);
  });

  it.each<[OwnerFormat, MatcherSpec, unknown]>([
    ['path', { pattern: EXPLOIT }, { wildcard: true }],
    ['path', { pattern: 'octo-org/[]' }, { literal: 'octo-org' }],
    ['path', { pattern: 'octo-org/[^]|x' }, { wildcard: true }],
    ['path', { pattern: 'octo-org/[\\]|]evil' }, { literal: 'octo-org' }],
    ['path', { pattern: 'octo-org(?:/app)' }, { wildcard: true }],
    ['path', { pattern: 'octo-org/(?=x)app' }, { literal: 'octo-org' }],
    ['path', { pattern: '(?:)octo-org/app' }, { wildcard: true }],
    ['path', { pattern: 'octo-org/app|[]' }, { wildcard: true }],
    ['path', { pattern: '\\u{6f}cto-org/app' }, { literal: 'octo-org' }],
    ['path', { pattern: 'octo-org\\x2fapp' }, { literal: 'octo-org' }],
    ['whole', { pattern: 'octo-org[]|evil' }, { wildcard: true }],
    ['github-sub', { pattern: 'repo:octo-org/app:[]|.*' }, { wildcard: true }],
    ['gitlab-sub', { pattern: 'project_path:acme/api:[]|.*' }, { wildcard: true }],
  ])('%s %j -> %j', (format, spec, expected) => {
    expect(ownerOf(compileMatcher(spec), format)).toEqual(expected);
  });

  it.each<[string, string | undefined, string]>([
    ['a[]b', undefined, 'a'],
    ['a[^]', undefined, 'a'],
    ['a\\[\\]b', 'a[]b', 'a[]b'],
    ['ab{2}', undefined, 'a'],
    ['a\\u{1F600}', 'a\u{1F600}', 'a\u{1F600}'],
  ])('%j: literal %j, prefix %j', (pattern, literal, prefix) => {
    const m = compileMatcher({ pattern });
    expect(literalOf(m)).toBe(literal);
    expect(literalPrefix(m)).toBe(prefix);
  });
});

/**
 * Patterns as JavaScript reads them: one to three alternatives of a few atoms each, the first often starting
 * with the owner, the atoms chosen among the constructs a second reading could get wrong (`[]`, `[^]`, escapes).
 */
const ATOMS = ['octo-org', 'evil', '/', 'app', 'x', '[]', '[]', '[]', '[^]', '[a-z]', '[/]', '[\\]|]', '.', '.*', '(?:x|evil)', '\\/', '\\|', '\\[\\]', 'x?', 'x+', 'x{0,2}', '^', '$', '(?=x)', '\\x2f', '\\u{2F}'];
const alternative = fc.array(fc.constantFrom(...ATOMS), { minLength: 1, maxLength: 4 }).map((a) => a.join(''));
const patterns = fc
  .tuple(fc.constantFrom('octo-org/', 'octo-org', ''), fc.array(alternative, { minLength: 1, maxLength: 3 }))
  .map(([owner, alts]) => owner + alts.join('|'))
  .filter((p) => patternProblem(p) === undefined);
/** Values to put to the matcher: fixed probes, random mixes of the same pieces, and strings fast-check builds to match. */
const PROBES = ['evil/x', 'evil', 'x', '/', '', 'octo-org', 'octo-org/app', 'evil/app', 'octo-orgx/app', 'octo-org/x', '[]', 'octo-org/app[]'];
const texts = fc.array(fc.constantFrom('octo-org', 'evil', '/', 'app', 'x', ']', '[', '|'), { maxLength: 5 }).map((p) => p.join(''));

function matching(pattern: string): fc.Arbitrary<string[]> {
  try {
    return fc.array(fc.stringMatching(new RegExp(`^(?:${pattern})$`, 'su')), { maxLength: 6 });
  } catch {
    return fc.constant([]); // a construct fast-check cannot build strings for (such as `[]`): probes only
  }
}

function ownerOfValue(value: string, format: 'path' | 'whole'): string {
  return format === 'whole' ? value : value.split('/')[0]!;
}

const pinsOwnerHolds = (format: 'path' | 'whole') =>
  fc.property(
    patterns.chain((p) => fc.tuple(fc.constant(p), matching(p), fc.array(texts, { maxLength: 10 }))),
    ([pattern, built, mixed]) => {
      const m = compileMatcher({ pattern });
      const owner = ownerOf(m, format);
      if (!('literal' in owner)) return;
      for (const v of [...PROBES, ...built, ...mixed]) {
        if (m.test(v)) expect([pattern, v, ownerOfValue(v, format)]).toEqual([pattern, v, owner.literal]);
      }
    },
  );

describe('"pins owner X" means the broker accepts no value of another owner', () => {
  for (const format of ['path', 'whole'] as const) {
    it(`${format}: fixed seed`, () => {
      fc.assert(pinsOwnerHolds(format), { seed: 18, numRuns: 400 });
    });
    it(`${format}: a new seed each run (printed on failure)`, () => {
      fc.assert(pinsOwnerHolds(format), { numRuns: 200 });
    });
  }
});
