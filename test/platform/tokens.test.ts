// GitHub App installation tokens in both of GitHub's forms, as literal examples written by hand (never built
// from src/platform/tokens.ts), each with the reason it is in the table. The stateless example follows
// GitHub's description (changelog 2026-05-15): `ghs_` + app ID + `_` + a JWT, about 520 characters, two dots,
// with `-` and `_` inside the signature.
import { describe, expect, it } from '@jest/globals';
import { installationTokenForm, installationTokensIn, isInstallationToken } from '../../src/platform/tokens.js';

const STATELESS =
  'ghs_1234567_eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6IjVmMWMwYTllMjdiMzRkNmY4YTBjMWUyZCJ9' +
  '.eyJpc3MiOiJodHRwczovL2FwaS5naXRodWIuY29tIiwic3ViIjoiaW5zdGFsbGF0aW9uOjQyNDIiLCJhcHBfaWQiOjEyMzQ1NjcsImlpZCI6NDI0MiwicmlkcyI6WzcwMDAwMCw3MDAwMDFdLCJpYXQiOjE3NjUwMDAwMDAsImV4cCI6MTc2NTAwMzYwMCwianRpIjoiOWMyZTRmMWE3YjNkNWU2MCJ9' +
  '.A4aczjdYNH60wQ6PDg0eFo8zB5xNfYSzs-iG2jNGCYJMgjCJ1nWBgnM6zdmWvEnRobRJrZYwwo0VSvIXESY5_BLcQMFwhJeJQF1zX8hdvC_naSw1f4LkY0nkI340VPwuYDGsyiF-oLeDuc1r34W13jqnWgVp49n3HltuPyWBbQCVu-pGISr2lA';
const CLASSIC = 'ghs_16C7e42F292c6912E7710c838347Ae178B4a';

describe('the examples themselves', () => {
  it('are what GitHub describes', () => {
    expect(STATELESS.length).toBe(500);
    expect(STATELESS.split('.')).toHaveLength(3);
    expect(STATELESS).toContain('-');
    expect(CLASSIC.length).toBe(40);
  });
});

describe('which form a whole value is', () => {
  it.each([
    ['stateless: app ID, JWT, two dots, - and _', STATELESS, 'stateless'],
    ['classic: ghs_ and 36 alphanumerics', CLASSIC, 'classic'],
    ['classic one character short is neither form', 'ghs_16C7e42F292c6912E7710c838347Ae178B4', undefined],
    ['a personal access token is not an installation token', 'ghp_16C7e42F292c6912E7710c838347Ae178B4a', undefined],
    ['a JWT without the ghs_<appid>_ head is not an installation token', STATELESS.slice('ghs_1234567_'.length), undefined],
    ['a stateless token cut at its first dot (what ghs_[A-Za-z0-9_]+ extracted) is neither form', STATELESS.split('.')[0], undefined],
  ])('%s', (_why, value, form) => {
    expect(installationTokenForm(value!)).toBe(form);
  });

  it.each([
    ['stateless', STATELESS, true],
    ['classic', CLASSIC, true],
    ['a future ghs_ body of GitHub alphabet, 36 or more long (GitHub promises only prefix and alphabet)', 'ghs_abc-def_ghi.jkl.mno-pqr_stu-vwx_yz0123', true],
    ['35 characters after the prefix is under GitHub\'s minimum of 36', 'ghs_' + 'a'.repeat(35), false],
    ['a space is never inside a token', 'ghs_' + 'a'.repeat(20) + ' ' + 'b'.repeat(20), false],
    ['three dots is no JWT', 'ghs_1_' + 'a.b.c.d'.repeat(8), false],
  ])('is an installation token: %s', (_why, value, yes) => {
    expect(isInstallationToken(value)).toBe(yes);
  });
});

describe('tokens found inside text, whole', () => {
  it.each([
    ['a shell assignment in double quotes', `export GH_TOKEN="${STATELESS}"`, [STATELESS]],
    ['after token= in a log line', `token=${STATELESS} status=ok`, [STATELESS]],
    ['at the end of a sentence: the period is not the token\'s', `leaked ${STATELESS}.`, [STATELESS]],
    ['in a JSON string', JSON.stringify({ token: STATELESS }), [STATELESS]],
    ['a classic token in YAML', `GH_TOKEN: ${CLASSIC}\n`, [CLASSIC]],
    ['two tokens on one line', `${CLASSIC},${STATELESS}`, [CLASSIC, STATELESS]],
    ['a classic token glued to the next sentence by a period: both readings', `${CLASSIC}.Next`, [`${CLASSIC}.Next`, CLASSIC]],
    ['ghs_ with too short a body is no token', 'ghs_x and ghs_short', []],
  ])('%s', (_why, text, tokens) => {
    expect(installationTokensIn(text)).toEqual(tokens);
  });
});
