// Installation token shapes (src/platform/tokens.ts) at their edges, written by hand with the reason for each:
// the prefix and alphabet are GitHub's only promise, the classic form is exactly 36 alphanumerics, the
// stateless form is `ghs_<digits>_` and three dot-separated segments, and the revocation extractor takes a
// token whole from text without swallowing a sentence's period. test/platform/tokens.test.ts holds the
// full-size examples.
import { describe, expect, it } from '@jest/globals';
import { INSTALLATION_TOKEN_MIN_BODY, INSTALLATION_TOKEN_PREFIX, installationTokenForm, installationTokensIn, isInstallationToken, STATELESS_TOKEN_OVERRIDE_HEADER } from '../../src/platform/tokens.js';

const A36 = 'a'.repeat(36);

describe('the form of a whole value', () => {
  it.each<[string, string | undefined, string]>([
    [`ghs_${A36}`, 'classic', '36 alphanumerics'],
    [`ghs_${'Z9'.repeat(18)}`, 'classic', 'upper case and digits are alphanumerics'],
    [`ghs_${A36}a`, undefined, '37 is not the classic length'],
    [`ghs_${'a'.repeat(35)}-`, undefined, 'a dash is not in the classic alphabet'],
    [`xghs_${A36}`, undefined, 'the prefix starts the value'],
    [`GHS_${A36}`, undefined, 'the prefix is lower case'],
    ['ghs_12_x.y.z', 'stateless', 'app ID digits, then three segments'],
    ['ghs_12_a-b.c_d.e-f', 'stateless', 'dashes and underscores inside segments'],
    ['ghs_12a_x.y.z', undefined, 'the app ID is digits only'],
    ['ghs__x.y.z', undefined, 'the app ID is not empty'],
    ['ghs_12_x.y', undefined, 'two segments is no JWT'],
    ['ghs_12_x.y.z.w', undefined, 'four segments is no JWT'],
    ['ghs_12_x..z', undefined, 'an empty segment'],
    [' ghs_12_x.y.z', undefined, 'anchored at the start'],
    ['ghs_12_x.y.z ', undefined, 'anchored at the end'],
  ])('%j: %j (%s)', (value, form) => {
    expect(installationTokenForm(value)).toBe(form);
  });

  it.each<[string, boolean, string]>([
    [`ghs_${'a-'.repeat(18)}`, true, '36 characters of the alphabet, neither form: GitHub may change what is inside'],
    ['ghs_12_x.y.z', true, 'the stateless form is a token whatever its length (the 36-character floor is for bodies of no known form)'],
    [`ghs_${'a-'.repeat(17)}a`, false, '35 characters'],
    [`ghs_${'a'.repeat(20)}.${'b'.repeat(20)}`, true, 'one dot'],
    [`ghs_${'a'.repeat(20)}.${'b'.repeat(10)}.${'c'.repeat(10)}`, true, 'two dots'],
    [`ghs_${'a'.repeat(20)}.`, false, 'a trailing dot is no segment'],
    [`.ghs_${A36}`, false, 'something before the prefix'],
    [`ghx_${A36}`, false, 'another prefix'],
    [`ghs_${'a'.repeat(30)}+${'a'.repeat(10)}`, false, 'a character outside the alphabet'],
  ])('isInstallationToken %j: %j (%s)', (value, yes) => {
    expect(isInstallationToken(value)).toBe(yes);
  });

  it('the constants GitHub documents', () => {
    expect(INSTALLATION_TOKEN_PREFIX).toBe('ghs_');
    expect(INSTALLATION_TOKEN_MIN_BODY).toBe(36);
    expect(STATELESS_TOKEN_OVERRIDE_HEADER).toBe('x-github-stateless-s2s-token');
  });
});

describe('tokens inside text', () => {
  it.each<[string, string[], string]>([
    [`a ghs_${'a'.repeat(35)} b`, [], 'a body one short of 36 is no token'],
    [`a ghs_${A36} b`, [`ghs_${A36}`], 'exactly 36'],
    [`ghs_1_${A36}`, [`ghs_1_${A36}`], 'no dot: found once'],
    [`(ghs_12_${'x'.repeat(20)}.${'y'.repeat(20)}.z), then`, [`ghs_12_${'x'.repeat(20)}.${'y'.repeat(20)}.z`], 'a stateless token in parentheses'],
    [`ghs_12_${'x'.repeat(20)}.${'y'.repeat(20)}.z.Next`, [`ghs_12_${'x'.repeat(20)}.${'y'.repeat(20)}.z`], 'at most two dots: a third starts the next word'],
    [`ghs_${A36}.b.c.d`, [`ghs_${A36}.b.c`, `ghs_${A36}`], 'a classic-looking head with dots after it: both readings'],
    [`ghs_${'a'.repeat(30)}.bbbbbbb`, [`ghs_${'a'.repeat(30)}.bbbbbbb`], 'long enough only with the segment after the dot: one reading'],
    ['no token here', [], 'nothing'],
  ])('%j -> %j (%s)', (text, tokens) => {
    expect(installationTokensIn(text)).toEqual(tokens);
  });
});
