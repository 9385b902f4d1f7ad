// What the action registers with the runner's masker (src/action/mask.ts), written out by hand per secret
// form, with the reason: the whole value, its lines, its JSON leaves (also when the JSON has leading
// whitespace, as a file read with a newline first does), numbers as written, the untrimmed form a tool may
// print, and what is left unregistered with a warning (shorter than 4 characters, true/false, bare structure).
// A secret made only of punctuation is a password like any other: it is registered.
import { describe, expect, it } from '@jest/globals';
import { jsonLeaves, maskSecrets, MIN_MASK_LENGTH, planMasks } from '../../src/action/mask.js';

const PEM = '-----BEGIN KEY-----\nAAAABBBB\n-----END KEY-----\n';
const PRETTY = '{\n  "a": "long-value-1"\n}';

describe('the masking forms, by hand', () => {
  it.each([
    ['a plain value', 'hunter22', ['hunter22'], false],
    ['a value made only of punctuation is a password: registered', '!@#$%^&*', ['!@#$%^&*'], false],
    ['a value of brackets and commas alone is still registered whole', '{[,]}', ['{[,]}'], false],
    ['exactly 4 characters is long enough', 'abcd', ['abcd'], false],
    ['3 characters is too short: warned, not registered', 'abc', [], true],
    ['the empty value: nothing, and no warning', '', [], false],
    ['spaces around: the trimmed value and the value as a tool may print it', '  hunter22  ', ['  hunter22  ', 'hunter22'], false],
    ['only spaces: nothing to register', '   ', [], false],
    ['a PEM: the whole value trimmed, then each line', PEM, [PEM.trim(), '-----BEGIN KEY-----', '-----END KEY-----', 'AAAABBBB'], false],
    ['CRLF lines are lines too', 'line-one\r\nline-two', ['line-one\r\nline-two', 'line-one', 'line-two'], false],
    ['a lone CR separates lines', 'line-one\rline-two', ['line-one\rline-two', 'line-one', 'line-two'], false],
    ['a short line of a multi-line value is warned about', 'long-line\nab', ['long-line\nab', 'long-line'], true],
    [
      'JSON with a newline first (a file read as is): its leaves are registered',
      '\n{"user":"admin-user","pw":"s3cr3t-pw"}',
      ['{"user":"admin-user","pw":"s3cr3t-pw"}', 'admin-user', 's3cr3t-pw'],
      false,
    ],
    [
      'a JSON array with spaces first: the leaves, and the untrimmed whole',
      '  ["alpha-1", "beta-22"]',
      ['  ["alpha-1", "beta-22"]', '["alpha-1", "beta-22"]', 'alpha-1', 'beta-22'], // equal lengths keep their order
      false,
    ],
    ['pretty JSON: structural lines are skipped without a warning, the key line kept as printed', PRETTY, [PRETTY, '  "a": "long-value-1"', '"a": "long-value-1"', 'long-value-1'], false],
    ['a boolean leaf is warned about, not registered', '{"on": true, "token": "tok-12345"}', ['{"on": true, "token": "tok-12345"}', 'tok-12345'], true],
    ['false is not registered either (five characters, but every false in the log would go)', '{"off": false, "token": "tok-12345"}', ['{"off": false, "token": "tok-12345"}', 'tok-12345'], true],
    ['a JSON leaf made only of punctuation is a password: registered', '{"pw": "::::"}', ['{"pw": "::::"}', '::::'], false],
    [
      'pretty JSON with an array: "]," is structure, skipped without a warning',
      '{\n  "a": [\n    "long-value-1"\n  ],\n  "b": "long-value-2"\n}',
      [
        '{\n  "a": [\n    "long-value-1"\n  ],\n  "b": "long-value-2"\n}',
        '  "b": "long-value-2"',
        '"b": "long-value-2"',
        '    "long-value-1"',
        '"long-value-1"',
        'long-value-1',
        'long-value-2',
        '  "a": [', // a key line is not structure: registered, as the value's lines are
        '"a": [',
      ],
      false,
    ],
    ['a number leaf as written (1.50), and its parsed form is too short', '{"n": 1.50}', ['{"n": 1.50}', '1.50'], true],
    ['a big number leaf as written, not as JSON.parse rounds it', '{"n": 12345678901234567890}', ['{"n": 12345678901234567890}', '12345678901234567000', '12345678901234567890'], false], // the parsed form first, equal length
    ['text that merely starts with { is no JSON: the whole value only', '{not json at all', ['{not json at all'], false],
  ])('%s', (_why, value, values, warned) => {
    const plan = planMasks([{ name: 'S', value }]);
    expect(plan.values).toEqual(values);
    expect(plan.tooShort).toEqual(warned ? ['S'] : []);
  });

  it('several secrets: distinct values once, longest first; each secret warned about once', () => {
    const plan = planMasks([
      { name: 'A', value: 'same-value' },
      { name: 'B', value: 'same-value' },
      { name: 'C', value: 'x' },
      { name: 'D', value: '{"a": "y", "b": "z"}' },
      { name: 'E', value: 'a-much-much-longer-value' },
    ]);
    expect(plan.values).toEqual(['a-much-much-longer-value', '{"a": "y", "b": "z"}', 'same-value']);
    expect(plan.tooShort).toEqual(['C', 'D']);
    expect(MIN_MASK_LENGTH).toBe(4);
  });

  it('maskSecrets registers each planned value and warns by name, never with the value', () => {
    const registered: string[] = [];
    const warnings: string[] = [];
    maskSecrets({ setSecret: (v: string) => void registered.push(v), warning: (m: string | Error) => void warnings.push(String(m)) }, [
      { name: 'PW', value: 'hunter22' },
      { name: 'PIN', value: 'abc' },
    ]);
    expect(registered).toEqual(['hunter22']);
    expect(warnings).toEqual([
      'PIN: a value, line or JSON field shorter than 4 characters, or a true/false in a JSON secret, was not masked (masking it would star out every occurrence in the log); keep it out of the log',
    ]);
  });

  it.each([
    ['an object in an array', '[{"k": "v1"}, ["v2"]]', ['v1', 'v2']],
    ['numbers: parsed, and as written when that differs', '[1.50, -2, 3e2]', ['1.5', '-2', '300', '1.50', '3e2']],
    ['digits inside strings are not numbers', '{"a": "id 12345"}', ['id 12345']],
    ['an escaped quote does not end a string', '{"a": "x\\"123"}', ['x"123']],
    ['null is no leaf', '{"a": null}', []],
    ['a JSON string is no object: no leaves', '"just a string"', []],
    ['leading whitespace is no reason to skip the leaves', '\n\t {"a": "b"}', ['b']],
    ['JSON that does not parse has no leaves, digits or not', '{"a": 12345', []],
    ['an exponent with a sign, as written', '[3e+2]', ['300', '3e+2']],
    ['an exponent of several digits, as written', '[1e10]', ['10000000000', '1e10']],
  ])('jsonLeaves: %s', (_why, value, leaves) => {
    expect(jsonLeaves(value)).toEqual(leaves);
  });
});
