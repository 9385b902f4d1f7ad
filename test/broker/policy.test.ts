import { describe, expect, it } from '@jest/globals';
import { compileMatcher, compilePolicy, evaluatePolicy, findPolicy, globToRegExp, numberProblem } from '../../src/broker/policy/policy.js';
import { parseGitHubSubject, parseGitLabSubject } from '../../src/platform/subject.js';
import { githubClaims } from '../../src/platform/samples.js';
import { startFakeIssuer, withImmutableSubject } from '../../src/harness/fakes/issuer.js';

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

describe('what the matchers refuse at load', () => {
  it('a pattern must compile on its own before it is anchored: an unbalanced ")...(" would escape the anchors', () => {
    expect(() => compileMatcher({ pattern: 'octo-org/app)|(' })).toThrow(/invalid regular expression "octo-org\/app\)\|\(": Unmatched '\)'; wrapped in .*\(pattern-escapes-anchor\)/);
    expect(() => compileMatcher({ pattern: 'a)(' })).toThrow(/pattern-escapes-anchor/);
    expect(() => compileMatcher({ pattern: '(' })).toThrow(/^invalid regular expression "\(": Unterminated group$/);
    expect(compileMatcher({ pattern: 'octo-org/(app|web)' }).test('evil/app')).toBe(false);
  });

  it('a number that is not a safe integer (YAML already rounded it) or not whole', () => {
    expect(() => compileMatcher(9007199254740992)).toThrow(/not a whole number that YAML can hold exactly/);
    expect(() => compileMatcher(1.5)).toThrow(/not a whole number/);
    expect(numberProblem(16, '0x10')).toMatch(/^0x10 is not written in plain decimal \(YAML reads it as 16/);
    expect(numberProblem(4711, '4711')).toBeUndefined();
    expect(numberProblem(-3, '-3')).toBeUndefined();
  });
});

describe('what a glob crosses (docs/policies.md says the same)', () => {
  it.each([
    // `*`: any run of characters except `/`, so it crosses `:`, `@`, `.`, `-` and spaces.
    ['repo:octo-org/octo-repo:*', 'repo:octo-org/octo-repo:pull_request', true],
    ['repo:octo-org/octo-repo:*', 'repo:octo-org/octo-repo:environment:production', true],
    ['repo:octo-org/octo-repo:*', 'repo:octo-org/octo-repo:ref:refs/heads/main', false],
    ['repo:octo-org/*', 'repo:octo-org/any-repo:environment:prod', true],
    ['octo-org*', 'octo-org-evil', true],
    ['repo:octo-org@*/octo-repo@*:*', 'repo:octo-org@31337/octo-repo@1:pull_request', true],
    // `**`: anything, `/` and line breaks included.
    ['repo:octo-org/octo-repo:**', 'repo:octo-org/octo-repo:ref:refs/heads/main', true],
    ['refs/heads/**', 'refs/heads/a/b\nc', true],
    // `?`: exactly one character, not `/`.
    ['v?', 'v/', false],
    ['v?', 'v:', true],
  ])('%j against %j -> %j', (glob, value, expected) => {
    expect(compileMatcher(glob).test(value)).toBe(expected);
  });
});

describe('subjects', () => {
  it('GitHub, in both forms, customized too', () => {
    expect(parseGitHubSubject('repo:octo-org/octo-repo:environment:prod')).toEqual({ parts: [['repo', 'octo-org/octo-repo'], ['environment', 'prod']], repo: { owner: 'octo-org', name: 'octo-repo' } });
    expect(parseGitHubSubject('repo:octo-org@9919/octo-repo@690210123:pull_request')!.repo).toEqual({ owner: 'octo-org', ownerId: '9919', name: 'octo-repo', repoId: '690210123' });
    expect(parseGitHubSubject('job_workflow_ref:octo-org/a/.github/workflows/x.yml@refs/heads/main:repo:octo-org/b:ref:refs/heads/x%3Ay')!.parts).toEqual([
      ['job_workflow_ref', 'octo-org/a/.github/workflows/x.yml@refs/heads/main'],
      ['repo', 'octo-org/b'],
      ['ref', 'refs/heads/x:y'],
    ]);
    expect(parseGitHubSubject('repo')).toBeUndefined();
  });

  it('GitLab', () => {
    expect(parseGitLabSubject('project_path:acme/platform/api:ref_type:branch:ref:main')).toEqual({ projectPath: 'acme/platform/api', topGroup: 'acme', refType: 'branch', ref: 'main' });
    expect(parseGitLabSubject('repo:a/b:ref:x')).toBeUndefined();
  });

  it('the fake GitHub issuer emits the immutable form on request, per token or by default', async () => {
    const claims = githubClaims({ repository: 'octo-org/octo-repo', ref: 'refs/heads/main', environment: 'production' });
    expect(withImmutableSubject(claims).sub).toBe('repo:octo-org@9919/octo-repo@690210123:environment:production');
    const custom = githubClaims({ repository: 'octo-org/octo-repo', ref: 'refs/heads/main', include_claim_keys: ['job_workflow_ref', 'repo', 'context'] });
    expect(withImmutableSubject(custom).sub).toBe('job_workflow_ref:octo-org/octo-repo/.github/workflows/ci.yml@refs/heads/main:repo:octo-org@9919/octo-repo@690210123:ref:refs/heads/main');
    const issuer = await startFakeIssuer({ kind: 'github', immutableSubject: true });
    try {
      expect(issuer.claimsFor({ event_name: 'pull_request', ref: 'refs/pull/7/merge' }).sub).toBe('repo:octo-org@9919/octo-repo@690210123:pull_request');
      expect(issuer.claimsFor({}, { immutableSubject: false }).sub).toBe('repo:octo-org/octo-repo:ref:refs/heads/main');
    } finally {
      await issuer.close();
    }
  });
});
