// How the linter reads a matcher's fixed text: which owner an entry pins, which repository a subject names.
// Conservative by design: anything not plainly literal counts as a wildcard.
import { describe, expect, it } from '@jest/globals';
import { hasTopLevelAlternation, literalOf, literalPrefix, ownerOf, subRepoOf, type OwnerFormat } from '../../src/broker/lint/matchers.js';
import { compileMatcher, type MatcherSpec } from '../../src/broker/policy/policy.js';

describe('ownerOf', () => {
  it.each<[OwnerFormat, MatcherSpec, unknown]>([
    ['path', 'octo-org/octo-repo', { literal: 'octo-org' }],
    ['path', 'octo-org/*', { literal: 'octo-org' }],
    ['path', 'octo-org*/x', { wildcard: true }],
    ['path', '*/app', { wildcard: true }],
    ['path', { pattern: 'octo-org/.*' }, { literal: 'octo-org' }],
    ['path', { pattern: 'octo-org\\/app' }, { literal: 'octo-org' }],
    ['path', { pattern: 'octo-org/app|evil/app' }, { wildcard: true }],
    ['path', { pattern: '(octo-org|evil)/app' }, { wildcard: true }],
    ['path', { pattern: 'octo-orgs?/app' }, { wildcard: true }],
    ['path', { pattern: 'octo.org/app' }, { wildcard: true }],
    ['path', 'acme', { literal: 'acme' }],
    ['whole', 'octo-org', { literal: 'octo-org' }],
    ['whole', 'octo-org*', { wildcard: true }],
    ['whole', { pattern: 'octo-org' }, { literal: 'octo-org' }],
    ['github-sub', 'repo:octo-org/octo-repo:ref:refs/heads/main', { literal: 'octo-org' }],
    ['github-sub', 'repo:octo-org@9919/octo-repo@1:*', { literal: 'octo-org' }],
    ['github-sub', 'repo:octo-org/*', { literal: 'octo-org' }],
    ['github-sub', 'repo:*', { wildcard: true }],
    ['github-sub', '*:repo:octo-org/x', { wildcard: true }],
    ['github-sub', 'job_workflow_ref:a/b/c@x:repo:octo-org/x:pull_request', { literal: 'octo-org' }],
    ['github-sub', 'environment:prod', { none: true }],
    ['gitlab-sub', 'project_path:acme/api:ref_type:branch:ref:main', { literal: 'acme' }],
    ['gitlab-sub', 'project_path:acme*', { wildcard: true }],
  ])('%s %j -> %j', (format, spec, expected) => {
    expect(ownerOf(compileMatcher(spec), format)).toEqual(expected);
  });
});

describe('fixed text', () => {
  it.each<[MatcherSpec, string | undefined, string]>([
    ['a/b', 'a/b', 'a/b'],
    ['refs/heads/*', undefined, 'refs/heads/'],
    [{ pattern: 'refs/heads/main' }, 'refs/heads/main', 'refs/heads/main'],
    [{ pattern: 'release\\.yml' }, 'release.yml', 'release.yml'],
    [{ pattern: '^main$' }, 'main', 'main'],
    [{ pattern: '^ma.n$' }, undefined, 'ma'],
    [{ pattern: 'v[0-9]+' }, undefined, 'v'],
    [{ pattern: 'ab*' }, undefined, 'a'],
    [{ pattern: 'a\\u0041' }, 'aA', 'aA'],
  ])('%j: literal %j, prefix %j', (spec, literal, prefix) => {
    const m = compileMatcher(spec);
    expect(literalOf(m)).toBe(literal);
    expect(literalPrefix(m)).toBe(prefix);
  });

  it('finds alternations outside groups only', () => {
    expect(hasTopLevelAlternation('a|b')).toBe(true);
    expect(hasTopLevelAlternation('x/(a|b)')).toBe(false);
    expect(hasTopLevelAlternation('x/[|]')).toBe(false);
    expect(hasTopLevelAlternation('x\\|y')).toBe(false);
  });

  it('reads the repository a subject names', () => {
    expect(subRepoOf(compileMatcher('repo:o/r:*'))).toBe('o/r');
    expect(subRepoOf(compileMatcher('repo:o@1/r@2:ref:refs/heads/main'))).toBe('o@1/r@2');
    expect(subRepoOf(compileMatcher('repo:o/r'))).toBe('o/r');
    expect(subRepoOf(compileMatcher('repo:o/r*'))).toBeUndefined();
    expect(subRepoOf(compileMatcher('repo:o/*:*'))).toBeUndefined();
  });
});
