// How the lint reads a matcher (src/broker/lint/matchers.ts, pattern-syntax.ts), against hand-written readings:
// groups, classes, `\d` `\w` `\s` and `\xHH` escapes, leading metacharacters and assertions, top-level
// alternations (`octo-org/(app)|evil/.*` pins no owner), GitLab subjects (subProjectOf), the protected-flag
// rule (acceptsOnlyTrue) and the sample values shown to operators. Each reading says why it is so.
import { describe, expect, it } from '@jest/globals';
import { acceptsOnlyTrue, literalOf, literalPrefix, ownerOf, repoKeyAt, sampleOf, subProjectOf, subRepoIn, subRepoOf, type OwnerFormat } from '../../src/broker/lint/matchers.js';
import { hasBareDot, hasTopLevelAlternation, parsePattern, patternParts, samplesOf } from '../../src/broker/lint/pattern-syntax.js';
import { compileMatcher, type MatcherSpec } from '../../src/broker/policy/policy.js';

const p = (pattern: string): MatcherSpec => ({ pattern });

describe('fixed text of a pattern', () => {
  it.each<[string, string | undefined, string, string]>([
    ['a\\x41', 'aA', 'aA', 'a \\xHH escape is one plain character'],
    ['\\x6fcto', 'octo', 'octo', 'an escape first is plain too'],
    ['a\\u{42}c', 'aBc', 'aBc', 'a code point escape'],
    ['a\\/b', 'a/b', 'a/b', 'an escaped slash'],
    ['octo-org/(app)', undefined, 'octo-org/', 'a group ends the fixed text, even around plain text'],
    ['octo-org/(?:app)', undefined, 'octo-org/', 'a non-capturing group too'],
    ['v\\d', undefined, 'v', '\\d is a class'],
    ['a\\w', undefined, 'a', '\\w is a class'],
    ['a\\s', undefined, 'a', '\\s is a class'],
    ['[a]bc', undefined, '', 'a class first: no fixed text, though it holds one character'],
    ['.abc', undefined, '', 'a leading any-character'],
    ['^abc$', 'abc', 'abc', 'the anchors the broker adds anyway'],
    ['^^abc', undefined, '', 'only one leading ^ repeats the anchor'],
    ['abc$$', undefined, 'abc', 'only one trailing $ repeats the anchor'],
    ['(?=a)abc', undefined, '', 'a lookahead first'],
    ['ab{2}', undefined, 'a', 'a counted character is not plain'],
    ['a|b', undefined, '', 'a top-level alternation has no one prefix'],
    ['', '', '', 'the empty pattern accepts the empty value only'],
  ])('{pattern: %j}: literal %j, prefix %j (%s)', (pattern, literal, prefix) => {
    const m = compileMatcher(p(pattern));
    expect(literalOf(m)).toBe(literal);
    expect(literalPrefix(m)).toBe(prefix);
  });

  it.each<[MatcherSpec, string | undefined, string]>([
    ['a/b', 'a/b', 'a/b'],
    ['a/*', undefined, 'a/'],
    ['a?b', undefined, 'a'],
    ['*', undefined, ''],
    ['a/**', undefined, 'a/'],
  ])('glob or exact %j: literal %j, prefix %j', (spec, literal, prefix) => {
    const m = compileMatcher(spec);
    expect(literalOf(m)).toBe(literal);
    expect(literalPrefix(m)).toBe(prefix);
  });
});

describe('owners, by hand', () => {
  it.each<[OwnerFormat, MatcherSpec, unknown, string]>([
    ['path', p('octo-org/(app)|evil/.*'), { wildcard: true }, 'a top-level alternation lets evil/ in'],
    ['path', p('octo-org/[a]pp'), { literal: 'octo-org' }, 'a class after the owner leaves it pinned'],
    ['path', p('\\x6fcto-org/app'), { literal: 'octo-org' }, 'an escaped character is the character'],
    ['path', p('octo-org\\w/app'), { wildcard: true }, 'a class inside the owner'],
    ['path', p('octo-org\\d*/app'), { wildcard: true }, 'a quantified class inside the owner'],
    ['path', p('[o]cto-org/app'), { wildcard: true }, 'a class first'],
    ['path', p('(octo-org)/app'), { wildcard: true }, 'a group around the owner'],
    ['path', '/x', { none: true }, 'a path with an empty owner names none'],
    ['path', 'octo-org', { literal: 'octo-org' }, 'a path without / is its own owner'],
    ['path', 'octo-*', { wildcard: true }, 'a glob inside the owner'],
    ['whole', p('[o]cto'), { wildcard: true }, 'a class in a whole owner'],
    ['whole', p('octo\\x2dorg'), { literal: 'octo-org' }, 'an escaped dash'],
    ['github-sub', p('repo:octo-org/(a|b):ref:x'), { literal: 'octo-org' }, 'a group after the owner'],
    ['github-sub', p('repo:(octo-org|evil)/x'), { wildcard: true }, 'a group around the owner'],
    ['github-sub', 'repo:octo-org', { literal: 'octo-org' }, 'a whole subject ending at the owner'],
    ['github-sub', 'repo:octo-org:ref:x', { literal: 'octo-org' }, 'the owner ends at :'],
    ['github-sub', 'repo:octo-org@1/x', { literal: 'octo-org' }, 'the owner ends at @'],
    ['github-sub', 'repo:/x', { none: true }, 'an empty owner'],
    ['github-sub', 'environment:prod*', { wildcard: true }, 'fixed text that does not reach repo: leaves the owner open'],
    ['gitlab-sub', p('project_path:acme/.*'), { literal: 'acme' }, 'the top group'],
    ['gitlab-sub', 'project_path:acme:ref_type:branch', { literal: 'acme' }, 'the group ends at :'],
    ['gitlab-sub', 'ref_type:branch', { none: true }, 'a whole subject of another shape names no owner'],
    ['gitlab-sub', 'project_*', { wildcard: true }, 'fixed text that stops before project_path:'],
    ['gitlab-sub', 'project_path:/x', { none: true }, 'an empty group'],
  ])('%s %j -> %j (%s)', (format, spec, owner) => {
    expect(ownerOf(compileMatcher(spec), format)).toEqual(owner);
  });
});

describe('the repository or project a subject names', () => {
  it.each<[MatcherSpec, string | undefined]>([
    ['project_path:acme/api:ref_type:branch:ref:main', 'acme/api'],
    ['project_path:acme/sub/api:*', 'acme/sub/api'],
    [p('project_path:acme/api:.*'), 'acme/api'],
    ['project_path:acme/api*', undefined], // the project name is still open
    ['project_path:acme:ref_type:branch:ref:main', undefined], // a project lives in a group
    ['xproject_path:acme/api:ref_type:branch:ref:main', undefined], // the key starts the subject
    ['ref_type:branch:project_path:acme/api:ref:main', undefined],
  ])('subProjectOf %j -> %j', (spec, project) => {
    expect(subProjectOf(compileMatcher(spec))).toBe(project);
  });

  it.each<[string, boolean, string | undefined]>([
    ['repo:o/r', true, 'o/r'],
    ['repo:o/r', false, undefined], // fixed text that stops inside the repository
    ['repo:o:ref:x', true, undefined], // no repository
    ['environment:prod:repo:o/r:ref:x', true, 'o/r'],
    ['xrepo:o/r:ref:x', true, undefined],
    ['a:xrepo:o/r:', true, undefined],
    ['repo:o', true, undefined],
  ])('subRepoIn %j complete %j -> %j', (text, complete, repo) => {
    expect(subRepoIn(text, complete)).toBe(repo);
  });

  it('finds the repo: key at the start or after a colon only', () => {
    expect(repoKeyAt('repo:x')).toBe(0);
    expect(repoKeyAt('a:repo:x')).toBe(2);
    expect(repoKeyAt('arepo:x')).toBe(-1);
    expect(repoKeyAt('')).toBe(-1);
    expect(subRepoOf(compileMatcher(p('repo:o/r:ref:.*')))).toBe('o/r');
    expect(subRepoOf(compileMatcher(p('repo:o/(r):ref:.*')))).toBeUndefined();
  });
});

describe('the protected-flag rule', () => {
  it.each<[MatcherSpec[], boolean, string]>([
    [['true'], true, 'exactly true'],
    [[p('t.*')], true, 'accepts true, refuses false and the empty value'],
    [[p('true|false')], false, 'accepts false'],
    [['*'], false, 'accepts everything'],
    [[p('.*e')], false, 'accepts false too'],
    [[p('true|')], false, 'accepts the empty value'],
    [[p('(true)?')], false, 'accepts the empty value'],
    [['false'], false, 'refuses true'],
    [[], false, 'accepts nothing'],
    [['true', 'false'], false, 'any of the entries: false is in'],
    [['true', ''], false, 'the empty value is in'],
  ])('%j: %j (%s)', (specs, only) => {
    expect(acceptsOnlyTrue(specs.map((s) => compileMatcher(s)))).toBe(only);
  });
});

describe('the syntax tree questions', () => {
  it.each<[string, boolean]>([
    ['a.b', true],
    ['a.*', false],
    ['a.+', false],
    ['a\\.b', false],
    ['[.]', false],
    ['(a.b)', true],
    ['(?:x|a.b)', true],
    ['(?=.)a', true],
    ['a|.', true],
    ['\\d', false],
    ['(', false],
  ])('hasBareDot %j: %j', (pattern, bare) => {
    expect(hasBareDot(pattern)).toBe(bare);
  });

  it('alternation and parts', () => {
    expect(hasTopLevelAlternation('(')).toBe(true); // unreadable counts as yes
    expect(hasTopLevelAlternation('a(b|c)')).toBe(false);
    expect(patternParts('a|b')).toBeUndefined();
    expect(patternParts('(')).toBeUndefined();
    expect(patternParts('^a\\x41.b*$')).toEqual([{ meta: '^' }, { literal: 'a' }, { literal: 'A' }, { meta: '.' }, { meta: 'b*' }, { meta: '$' }]);
    expect(parsePattern('a(')).toBeUndefined();
    expect(parsePattern('a')?.type).toBe('Pattern');
  });

  it.each<[string, string[]]>([
    ['(a|b)c', ['ac', 'bc']],
    ['[xy]z', ['xz', 'yz']],
    ['[a-c]', ['a']],
    ['[\\d]', ['x']],
    ['a\\d', ['a1']],
    ['a\\D', ['ax']],
    ['a\\s', ['a ']],
    ['a\\S', ['ax']],
    ['a\\w', ['ax']],
    ['a\\W', ['a-']],
    ['\\p{L}', ['x']],
    ['.', ['x', '/']],
    ['[^a]', ['x', '-', '/']],
    ['a?', ['', 'a']],
    ['a*', ['', 'a']],
    ['a+', ['a']],
    ['a{2}', ['aa']],
    ['a{5}', []],
    ['a$', ['a']],
    ['(', []],
  ])('samplesOf %j -> %j', (pattern, samples) => {
    expect(samplesOf(pattern)).toEqual(samples);
  });

  it('samplesOf keeps to its limit', () => {
    expect(samplesOf('[abc]', 2)).toEqual(['a', 'b']);
    expect(samplesOf('[abc][abc][abc][abc]').length).toBe(32);
  });
});

describe('a sample value shown to an operator', () => {
  it.each<[MatcherSpec, string | undefined, string | undefined]>([
    ['octo-org*', 'octo-orgx', 'octo-org-evil'],
    ['octo-org/*', 'octo-org/x', 'octo-org/evil'],
    ['v?', 'vx', 'vx'],
    ['a/**', 'a/x', 'a/evil'],
    ['*', 'x', 'evil'],
    ['abc', 'abc', 'abc'],
    [p('abc'), 'abc', 'abc'],
    [p('a.*'), undefined, undefined],
  ])('%j -> %j, with "-evil" %j', (spec, sample, evil) => {
    const m = compileMatcher(spec);
    expect(sampleOf(m)).toBe(sample);
    expect(sampleOf(m, '-evil')).toBe(evil);
  });
});

// Found by Stryker (npm run test:mutation -- lint-patterns): readings no test held.
describe('more readings, by hand', () => {
  it('an exact string with regex metacharacters is its own literal and prefix (never read as a pattern)', () => {
    expect(literalOf(compileMatcher('a.b'))).toBe('a.b');
    expect(literalPrefix(compileMatcher('a.b'))).toBe('a.b');
    expect(literalOf(compileMatcher('x(y)'))).toBe('x(y)');
  });

  it('the fill of a glob sample loses only its leading non-alphanumerics after a separator', () => {
    expect(sampleOf(compileMatcher('a/*'), '--evil')).toBe('a/evil');
    expect(sampleOf(compileMatcher('a/*'), 'ev-il')).toBe('a/ev-il');
  });

  it.each<[OwnerFormat, MatcherSpec, unknown, string]>([
    ['path', '', { wildcard: true }, 'the empty value names no owner: not the owner ""'],
    ['github-sub', 'repo:', { wildcard: true }, 'an empty owner after repo: is no owner'],
    ['whole', 'a/b', { literal: 'a/b' }, 'a whole owner is the whole value, / and all'],
  ])('%s %j -> %j (%s)', (format, spec, owner) => {
    expect(ownerOf(compileMatcher(spec), format)).toEqual(owner);
  });

  it.each<[string, boolean, string | undefined, string]>([
    ['ref:refs/heads/main', true, undefined, 'no repo: key at all'],
    ['repo::a/b', true, undefined, 'an empty repository part'],
  ])('subRepoIn %j complete %j -> %j (%s)', (text, complete, repo) => {
    expect(subRepoIn(text, complete)).toBe(repo);
  });

  it('a repo: key right after a leading colon', () => {
    expect(repoKeyAt(':repo:x')).toBe(1);
  });

  it('a list is any of its entries: an extra entry that refuses "false" keeps the list true-only', () => {
    expect(acceptsOnlyTrue(['true', 'x'].map((s) => compileMatcher(s)))).toBe(true);
  });

  it('assertions without alternatives (^, $, \\b) are walked past', () => {
    expect(hasBareDot('^a\\bb$')).toBe(false);
    expect(hasBareDot('^a.b$')).toBe(true);
  });

  it.each<[string, string[]]>([
    ['\\P{L}', ['x']],
    ['a{0}', ['']],
    ['a{3}', ['aaa']],
    ['(?:a|b)c', ['ac', 'bc']],
  ])('samplesOf %j -> %j', (pattern, samples) => {
    expect(samplesOf(pattern)).toEqual(samples);
  });
});
