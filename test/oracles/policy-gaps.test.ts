// Policy matching (src/broker/policy/policy.ts) against hand-written tables: globs with `**` next to other
// characters, `?`, metacharacters taken literally, patterns anchored as a whole, claim values of every JSON type,
// and the closest-policy hint that must never cross issuers (a refused GitLab job's 403 naming a GitHub
// policy). Each case was written from the documented rule and checked to fail on the mutant it names.
import { describe, expect, it } from '@jest/globals';
import {
  claimText,
  closestPolicy,
  compileMatcher,
  compilePolicy,
  evaluatePolicy,
  explainPolicies,
  findPolicy,
  globToRegExp,
  numberProblem,
  patternProblem,
} from '../../src/broker/policy/policy.js';

describe('globs, by hand', () => {
  it.each([
    // [glob, value, accepted, why]
    ['refs/heads/**/main', 'refs/heads/a/b/main', true, '** spans slashes'],
    ['refs/heads/**/main', 'refs/heads//main', true, '** may be empty'],
    ['refs/heads/**/main', 'refs/heads/xmain', false, 'the / after ** is literal: ** does not swallow it'],
    ['refs/heads/**/main', 'refs/heads/main', false, 'both slashes around ** are required'],
    ['refs/heads/**main', 'refs/heads/a/bmain', true, '** followed by text'],
    ['refs/heads/**main', 'refs/heads/a/bmai', false, 'the text after ** is required whole'],
    ['**', 'anything/at/all', true, '** alone accepts everything'],
    ['**', '', true, '** alone accepts the empty value'],
    ['a/*/c', 'a/b/c', true, '* within one segment'],
    ['a/*/c', 'a/b/x/c', false, '* does not cross /'],
    ['a/*/c', 'a//c', true, '* may be empty'],
    ['a*', 'a/b', false, '* does not cross / at the end either'],
    ['*b', 'ab', true, 'a leading *'],
    ['*b', 'a/b', false, 'a leading * does not cross /'],
    ['v?', 'v1', true, '? is one character'],
    ['v?', 'v', false, '? is not optional'],
    ['v?', 'v/', false, '? is not /'],
    ['v??', 'v12', true, 'two ? are two characters'],
    ['a.b*', 'a.bc', true, 'the dot is literal'],
    ['a.b*', 'axbc', false, 'the dot is literal, not any character'],
    ['a+*', 'a+b', true, '+ is literal'],
    ['a+*', 'aab', false, '+ is literal, not a repeat'],
    ['^a*', '^ab', true, '^ is literal'],
    ['a$*', 'a$b', true, '$ is literal'],
    ['{a}*', '{a}b', true, 'braces are literal'],
    ['(a|b)*', '(a|b)c', true, 'parentheses and | are literal'],
    ['(a|b)*', 'ac', false, 'no alternation in a glob'],
    ['[ab]*', '[ab]c', true, 'brackets are literal'],
    ['[ab]*', 'ac', false, 'no character class in a glob'],
    ['a\\b*', 'a\\bc', true, 'a backslash is literal'],
    ['x*', 'x\nmain', true, '* crosses a line break (the s flag), as it crosses every character but /'],
    ['x*', 'yx', false, 'anchored at the start'],
    ['*x', 'xy', false, 'anchored at the end'],
  ])('%j against %j: %j (%s)', (glob, value, accepted) => {
    expect(compileMatcher(glob).test(value)).toBe(accepted);
    expect(globToRegExp(glob).test(value)).toBe(accepted);
  });

  it('a string without * or ? is exact, whatever else it holds', () => {
    const m = compileMatcher('a.b');
    expect(m.kind).toBe('exact');
    expect(m.source).toBe('a.b');
    expect(m.test('a.b')).toBe(true);
    expect(m.test('a.bc')).toBe(false);
    expect(compileMatcher('a?').kind).toBe('glob');
    expect(compileMatcher('a*').kind).toBe('glob');
    expect(compileMatcher('a*').source).toBe('a*');
    expect(compileMatcher({ pattern: 'a.*' }).kind).toBe('pattern');
    expect(compileMatcher({ pattern: 'a.*' }).source).toBe('a.*');
  });
});

describe('patterns, anchored as a whole', () => {
  it.each([
    ['main|release/.*', 'main', true],
    ['main|release/.*', 'xmain', false],
    ['main|release/.*', 'release/1', true],
    ['main|release/.*', 'main/x', false],
    ['a.c', 'a\nc', true], // the s flag: . is every character
    ['\\u{1F600}', '\u{1F600}', true], // the u flag: a code point escape
    ['[^a]', '\u{1F600}', true], // the u flag: one code point, not two halves
  ])('{pattern: %j} against %j: %j', (pattern, value, accepted) => {
    expect(compileMatcher({ pattern }).test(value)).toBe(accepted);
  });

  it('a pattern that does not compile is refused with the reason, and whether it would escape the anchors', () => {
    expect(patternProblem('a(')).toBe('invalid regular expression "a(": Unterminated group');
    expect(patternProblem('a)|(b')).toBe(
      'invalid regular expression "a)|(b": Unmatched \')\'; wrapped in ^(?:...)$ it would close the anchor group and match values it should not (pattern-escapes-anchor): balance its parentheses',
    );
    expect(patternProblem('\\u{110000}')).toMatch(/^invalid regular expression "\\\\u\{110000\}": /); // invalid only with the u flag
    expect(patternProblem('a.b')).toBeUndefined();
    // Wrapped, it still does not compile under the broker's flags (a code point past U+10FFFF): it cannot
    // escape the anchors, so the message does not say it would (without the u flag, \u{110000} would be 110000 u's).
    expect(patternProblem('a)|(\\u{110000}')).toBe('invalid regular expression "a)|(\\\\u{110000}": Unmatched \')\'');
    expect(() => compileMatcher({ pattern: 'a(' })).toThrow('invalid regular expression "a(": Unterminated group');
  });
});

describe('numbers and claim values', () => {
  it('numbers YAML cannot hold exactly, or did not read as written, are refused with what to write', () => {
    expect(numberProblem(9007199254740992)).toBe('9007199254740992 is not a whole number that YAML can hold exactly (YAML reads it as 9007199254740992): quote it, e.g. "9007199254740992"');
    expect(numberProblem(1.5)).toBe('1.5 is not a whole number that YAML can hold exactly (YAML reads it as 1.5): quote it, e.g. "1.5"');
    expect(numberProblem(Infinity, '.inf')).toBe('.inf is not a whole number that YAML can hold exactly (YAML cannot read it as a whole number): quote it, e.g. ".inf"');
    expect(numberProblem(16, '0x10')).toBe('0x10 is not written in plain decimal (YAML reads it as 16, and claims are compared as text): quote it, e.g. "0x10"');
    expect(numberProblem(16, '016')).toMatch(/^016 is not written in plain decimal/);
    expect(numberProblem(16, '+16')).toMatch(/^\+16 is not written in plain decimal/);
    expect(numberProblem(16, '16')).toBeUndefined();
    expect(numberProblem(0, '0')).toBeUndefined();
    expect(numberProblem(-3, '-3')).toBeUndefined();
    expect(numberProblem(4711)).toBeUndefined();
    expect(() => compileMatcher(1.5)).toThrow(/^1\.5 is not a whole number/);
  });

  it.each([
    ['a string as it is', 'x', 'x'],
    ['the empty string', '', ''],
    ['a number in its JSON form', 42, '42'],
    ['a boolean in its JSON form', false, 'false'],
    ['no text for an array', ['a'], undefined],
    ['no text for an object', { a: 1 }, undefined],
    ['no text for null', null, undefined],
  ])('claimText: %s', (_why, value, text) => {
    expect(claimText(value)).toBe(text);
  });

  it('a claim of each kind is reported for what it is, with the token\'s own value and what was expected', () => {
    const p = compilePolicy({ name: 'p', issuer: 'github', claims: { a: 'x', b: 'y*', c: { pattern: 'z+' }, d: 1, e: true }, secrets: ['S'] });
    const ev = evaluatePolicy(p, 'github', { a: 'nope', b: null, c: { o: 1 }, d: 1, e: 'true' });
    expect(ev.failures).toEqual([
      { claim: 'a', reason: 'mismatch', actual: 'nope', expected: ['"x"'] },
      { claim: 'b', reason: 'missing', expected: ['"y*" (glob)'] },
      { claim: 'c', reason: 'not_a_string', actual: '{"o":1}', expected: ['/z+/'] },
    ]);
    expect(ev.matched).toBe(false);
    expect(ev.issuerMatches).toBe(true);
    expect(evaluatePolicy(p, 'github', { a: 'x', b: 'y1', c: 'zz', d: '1', e: true }).matched).toBe(true);
    expect(evaluatePolicy(p, 'gitlab', { a: 'x', b: 'y1', c: 'zz', d: '1', e: true })).toMatchObject({ issuerMatches: false, matched: false, failures: [] });
  });

  it('a list is any of its entries', () => {
    const p = compilePolicy({ name: 'p', issuer: 'github', claims: { ref: ['refs/heads/main', 'refs/tags/*'] }, secrets: ['S'] });
    expect(evaluatePolicy(p, 'github', { ref: 'refs/tags/v1' }).matched).toBe(true);
    expect(evaluatePolicy(p, 'github', { ref: 'refs/heads/main' }).matched).toBe(true);
    expect(evaluatePolicy(p, 'github', { ref: 'refs/heads/dev' }).failures[0]!.expected).toEqual(['"refs/heads/main"', '"refs/tags/*" (glob)']);
    expect(p.secrets).toEqual(['S']);
    expect(p.name).toBe('p');
  });
});

describe('which policy decides, and which a refusal names', () => {
  const gh1 = compilePolicy({ name: 'gh-one-off', issuer: 'github', claims: { repository: 'o/r', ref: 'refs/heads/main' }, secrets: ['A'] });
  const gh2 = compilePolicy({ name: 'gh-two-off', issuer: 'github', claims: { repository: 'o/x', ref: 'refs/heads/x' }, secrets: ['B'] });
  const gl = compilePolicy({ name: 'gl', issuer: 'gitlab', claims: { project_path: 'g/p', ref: 'main', ref_protected: 'true' }, secrets: ['C'] });
  const gl2 = compilePolicy({ name: 'gl-also', issuer: 'gitlab', claims: { project_path: 'g/p' }, secrets: ['D'] });

  it('the closest policy is of the token\'s issuer, even when another issuer\'s fails on fewer conditions', () => {
    // A GitLab job: gh-one-off fails 2 conditions, gl fails 3; the hint must still be gl.
    const claims = { project_path: 'other/p', ref: 'dev', ref_protected: 'false', repository: 'o/r' };
    expect(closestPolicy([gh1, gl], 'gitlab', claims)?.policy.name).toBe('gl');
    expect(closestPolicy([gh1, gh2], 'gitlab', claims)).toBeUndefined();
    expect(closestPolicy([], 'github', claims)).toBeUndefined();
  });

  it('the closest is the one with the fewest failed conditions, the first of equals', () => {
    const claims = { repository: 'o/r', ref: 'refs/heads/dev' };
    expect(closestPolicy([gh2, gh1], 'github', claims)?.policy.name).toBe('gh-one-off');
    expect(closestPolicy([gh1, gh2], 'github', claims)?.policy.name).toBe('gh-one-off');
    const tie = compilePolicy({ name: 'tie', issuer: 'github', claims: { repository: 'o/r', ref: 'refs/heads/other' }, secrets: ['A'] });
    expect(closestPolicy([gh1, tie], 'github', claims)?.policy.name).toBe('gh-one-off');
    expect(closestPolicy([tie, gh1], 'github', claims)?.policy.name).toBe('tie');
  });

  it('findPolicy takes the first match of the token\'s issuer only; explainPolicies shows every verdict in order', () => {
    const claims = { project_path: 'g/p', ref: 'main', ref_protected: 'true' };
    expect(findPolicy([gl2, gl], 'gitlab', claims)?.name).toBe('gl-also');
    expect(findPolicy([gl, gl2], 'gitlab', claims)?.name).toBe('gl');
    expect(findPolicy([gl, gl2], 'github', claims)).toBeUndefined();
    // A policy of another issuer is skipped even when its claims would match.
    const ghSame = compilePolicy({ name: 'gh-same', issuer: 'github', claims: { project_path: 'g/p' }, secrets: ['E'] });
    expect(findPolicy([ghSame, gl2], 'gitlab', claims)?.name).toBe('gl-also');
    expect(explainPolicies([gh1, gl], 'gitlab', claims).map((e) => [e.policy.name, e.issuerMatches, e.matched])).toEqual([
      ['gh-one-off', false, false],
      ['gl', true, true],
    ]);
  });
});
