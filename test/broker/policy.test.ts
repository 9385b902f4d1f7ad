import { describe, expect, it } from '@jest/globals';
import { compileMatcher, compilePolicy, evaluatePolicy, findPolicy, globToRegExp } from '../../src/broker/policy.js';

describe('matchers', () => {
  it.each([
    // [spec, value, matches]
    ['octo-org/octo-repo', 'octo-org/octo-repo', true],
    ['octo-org/octo-repo', 'octo-org/octo-repo2', false],
    ['octo-org/*', 'octo-org/anything', true],
    ['octo-org/*', 'octo-org/a/b', false],
    ['refs/heads/**', 'refs/heads/feature/x', true],
    ['refs/heads/release-?', 'refs/heads/release-1', true],
    ['refs/heads/release-?', 'refs/heads/release-10', false],
    ['a.b', 'axb', false], // dots are literal in globs
    ['(x|y)', 'x', false], // and so are regex metacharacters
  ])('glob/exact %j against %j -> %j', (spec, value, expected) => {
    expect(compileMatcher(spec).test(value)).toBe(expected);
  });

  it('anchors a regex pattern so an alternation cannot escape', () => {
    const m = compileMatcher({ pattern: 'main|release/.*' });
    expect(m.test('main')).toBe(true);
    expect(m.test('release/1.2')).toBe(true);
    expect(m.test('evil-main')).toBe(false);
    expect(m.test('mainly')).toBe(false);
    expect(m.test('x\nmain')).toBe(false);
  });

  it('compares numbers and booleans by their text', () => {
    expect(compileMatcher(4711).test('4711')).toBe(true);
    expect(compileMatcher(true).test('true')).toBe(true);
  });

  it('globToRegExp is anchored', () => {
    expect(globToRegExp('a*').test('xab')).toBe(false);
  });
});

describe('policies', () => {
  const policies = [
    compilePolicy({ name: 'prod', issuer: 'github', claims: { repository: 'o/r', ref: 'refs/heads/main', environment: 'production' }, secrets: ['A'] }),
    compilePolicy({ name: 'any-branch', issuer: 'github', claims: { repository: 'o/r', environment: ['staging', { pattern: 'review/.+' }] }, secrets: ['B'] }),
    compilePolicy({ name: 'gitlab', issuer: 'gitlab', claims: { project_id: 42 }, secrets: ['C'] }),
  ];

  it('the first policy whose issuer and claims all match decides', () => {
    expect(findPolicy(policies, 'github', { repository: 'o/r', ref: 'refs/heads/main', environment: 'production' })?.name).toBe('prod');
    expect(findPolicy(policies, 'github', { repository: 'o/r', ref: 'refs/heads/x', environment: 'review/12' })?.name).toBe('any-branch');
    expect(findPolicy(policies, 'gitlab', { project_id: '42' })?.name).toBe('gitlab');
  });

  it('never matches another issuer policy', () => {
    expect(findPolicy(policies, 'gitlab', { repository: 'o/r', ref: 'refs/heads/main', environment: 'production' })).toBeUndefined();
  });

  it('a missing claim or a non-string claim fails the condition', () => {
    const ev = evaluatePolicy(policies[0]!, 'github', { repository: 'o/r', ref: ['refs/heads/main'] });
    expect(ev.matched).toBe(false);
    expect(ev.failures.map((f) => [f.claim, f.reason])).toEqual([
      ['ref', 'not_a_string'],
      ['environment', 'missing'],
    ]);
  });

  it('refuses a policy without claim conditions', () => {
    expect(() => compilePolicy({ name: 'all', issuer: 'github', claims: {}, secrets: ['A'] })).toThrow(/at least one claim/);
  });
});
