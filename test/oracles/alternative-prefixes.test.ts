// The fixed text each top-level alternative of a policy pattern starts with (alternativePrefixes, which the
// never-matches lint compares with the shapes a platform sends), by hand: every value the pattern accepts must
// start with one of the prefixes, so a prefix that is too long would report a working policy as never
// matching, and one that is too short would miss a policy that cannot match.
import { describe, expect, it } from '@jest/globals';
import { alternativePrefixes } from '../../src/broker/lint/pattern-syntax.js';

describe('alternativePrefixes', () => {
  it.each([
    // [pattern, prefixes, why]
    ['main|develop', ['main', 'develop'], 'each top-level alternative'],
    ['refs/heads/main', ['refs/heads/main'], 'a pattern with no metacharacter is its own prefix'],
    ['refs/heads/.*', ['refs/heads/'], 'the fixed text stops at the first class or quantifier'],
    ['^refs/heads/.*', ['refs/heads/'], 'a leading ^ changes nothing: the broker anchors every pattern'],
    ['(main|dev)-.*', ['main', 'dev'], "a leading group's alternatives count one by one; the prefix ends with the group"],
    ['(?:main|dev)', ['main', 'dev'], 'a non-capturing group too'],
    ['refs/(heads|tags)/v1', ['refs/heads', 'refs/tags'], 'text before a group is kept in front of each of its alternatives'],
    ['a^b', ['a'], 'an assertion after the start ends the fixed text'],
    ['(?=x)main', [''], 'a lookahead at the start: nothing can be predicted'],
    ['\\bmain', [''], 'a word boundary at the start: nothing can be predicted'],
    ['main$', ['main'], 'an end anchor ends the fixed text'],
    ['v[0-9]+|main', ['v', 'main'], 'a class ends one alternative, not the others'],
  ])('%s gives %j (%s)', (pattern, prefixes) => {
    expect(alternativePrefixes(pattern)).toEqual(prefixes);
  });

  it('says nothing for a pattern the parser refuses', () => {
    expect(alternativePrefixes('refs/heads/(main')).toBeUndefined();
    expect(alternativePrefixes('[')).toBeUndefined();
  });

  it('stops at the limit, so a pattern of many alternatives cannot make the lint slow', () => {
    expect(alternativePrefixes('a|b|c|d', 2)).toEqual(['a', 'b']);
    expect(alternativePrefixes(Array.from({ length: 40 }, (_, i) => `n${i}`).join('|'))).toHaveLength(32);
  });
});
