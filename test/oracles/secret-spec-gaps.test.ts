// The action's `secrets` input (src/action/secret-spec.ts) against hand-written cases: a Vault path is the whole
// line's first word and nothing but a plain path (anchored at both ends: `secret/data/ci?list=true` and
// `%2e%2e/sys/raw` are not paths), renames and files, and each problem's exact wording.
import { describe, expect, it } from '@jest/globals';
import { parseSecretSpecs, SecretSpecError } from '../../src/action/secret-spec.js';

function problems(text: string, mode: 'oidc-exchange' | 'vault'): string[] {
  try {
    parseSecretSpecs(text, mode);
  } catch (e) {
    expect(e).toBeInstanceOf(SecretSpecError);
    return (e as SecretSpecError).problems;
  }
  throw new Error('no problem reported');
}

describe('Vault paths, by hand', () => {
  it.each([
    ['secret/data/ci?list=true', 'a query string would change what the request asks Vault for'],
    ['%2e%2e/sys/raw', 'an encoded .. climbs out of the mount once Vault decodes it'],
    ['secret/data/ci#x', 'a fragment'],
    ['secret/data/ci/../../sys/raw', 'a literal .. climbs out of the mount'],
    ['secret/data/..', '.. at the end'],
    ['..', '.. alone'],
    ['secret/data/c i', 'a space would split the request line'],
    ['secret/data/ci;x', 'a ; is no path character'],
    ['?secret', 'a leading query'],
    ['secret%2fdata', 'an encoded slash'],
  ])('%j is refused: %s', (path) => {
    const [p] = problems(`${path} password | DB_PASSWORD`, 'vault');
    // A path with a space is two words before the key: the line is then not "path key".
    if (path.includes(' ')) expect(p).toMatch(/^line 1: expected "path key \| ENV_NAME"/);
    else expect(p).toBe(`line 1: ${JSON.stringify(path)} is not a Vault path like secret/data/ci/db`);
  });

  it.each([
    ['secret/data/ci/db', 'secret/data/ci/db'],
    ['/secret/data/ci', 'secret/data/ci'], // a leading / is dropped: the API path follows /v1/
    ['//kv/app', 'kv/app'],
    ['kv-2/my_app.v1/x', 'kv-2/my_app.v1/x'],
    ['secret/data/ci.d/db', 'secret/data/ci.d/db'],
  ])('%j is a Vault path, requested as %j', (path, vaultPath) => {
    expect(parseSecretSpecs(`${path} password`, 'vault')).toEqual([{ line: 1, source: 'password', vaultPath, exportName: 'PASSWORD', asFile: false }]);
  });

  it('path and field are separated by any run of spaces or tabs', () => {
    expect(parseSecretSpecs('kv/app   password\nkv/app\tkey\nkv/app \t token', 'vault').map((s) => [s.vaultPath, s.source])).toEqual([
      ['kv/app', 'password'],
      ['kv/app', 'key'],
      ['kv/app', 'token'],
    ]);
  });

  it('the field becomes the export name upper-cased, other characters as _', () => {
    expect(parseSecretSpecs('kv/app api-key.v2', 'vault')[0]!.exportName).toBe('API_KEY_V2');
    expect(parseSecretSpecs('kv/app api-key | file:KEY_FILE', 'vault')[0]).toMatchObject({ exportName: 'KEY_FILE', asFile: true, source: 'api-key' });
    expect(problems('kv/app a b c', 'vault')).toEqual(['line 1: expected "path key | ENV_NAME" (a Vault path, a space, the field), got "kv/app a b c"']);
    expect(problems('kv/app path', 'vault')).toEqual([expect.stringMatching(/^line 1: PATH is refused/)]);
  });
});

describe('names, renames and files', () => {
  it('every problem has its line and its own words', () => {
    expect(problems('A | B | C', 'oidc-exchange')).toEqual(['line 1: more than one "|"; expected "NAME" or "NAME | ENV_NAME"']);
    expect(problems('a b c | B | C', 'vault')).toEqual(['line 1: more than one "|"; expected "path key | ENV_NAME"']);
    expect(problems('A |', 'oidc-exchange')).toEqual(['line 1: nothing after "|"; write the variable name to export, or remove the "|"']);
    expect(problems('A-B', 'oidc-exchange')).toEqual(['line 1: "A-B" is not a secret name (letters, digits and _)']);
    expect(problems('A\n\n# c\nA', 'oidc-exchange')).toEqual(['line 4: A is already exported by line 1']);
    expect(problems('A | file:', 'oidc-exchange')).toEqual(['line 1: "" is not a valid variable name (letters, digits and _, not starting with a digit)']);
    expect(problems('', 'vault')).toEqual(['with broker: vault, list at least one "path key | ENV_NAME" line']);
    expect(problems('# only a comment', 'vault')).toEqual(['with broker: vault, list at least one "path key | ENV_NAME" line']);
  });

  it('one problem or several is said so', () => {
    expect(() => parseSecretSpecs('A-B', 'oidc-exchange')).toThrow(/^the secrets input has a problem; nothing was requested or exported:\n {2}- line 1: /);
    expect(() => parseSecretSpecs('A-B\nC-D', 'oidc-exchange')).toThrow(/^the secrets input has 2 problems; nothing was requested or exported:\n {2}- line 1: .*\n {2}- line 2: /);
    try {
      parseSecretSpecs('A-B', 'oidc-exchange');
    } catch (e) {
      expect((e as Error).name).toBe('SecretSpecError');
      expect((e as SecretSpecError).code).toBe('secrets_invalid');
    }
  });

  it('file: counts only at the start of the name, and takes the whole rest of it', () => {
    expect(problems('A | xfile:B', 'oidc-exchange')).toEqual(['line 1: "xfile:B" is not a valid variable name (letters, digits and _, not starting with a digit)']);
    // A carriage return inside the name (`.` stops at it): the whole text after "|" is the name, and it is no name.
    expect(problems('A | file:B\rC', 'oidc-exchange')).toEqual(['line 1: "file:B\\rC" is not a valid variable name (letters, digits and _, not starting with a digit)']);
  });

  it('a file export keeps what follows file:, spaces allowed after the colon; an empty list is no problem outside Vault mode', () => {
    expect(parseSecretSpecs('TLS | file: TLS_PATH', 'oidc-exchange')).toEqual([{ line: 1, source: 'TLS', exportName: 'TLS_PATH', asFile: true }]);
    expect(parseSecretSpecs('TLS | TLS_FILE', 'oidc-exchange')).toEqual([{ line: 1, source: 'TLS', exportName: 'TLS_FILE', asFile: false }]);
    expect(parseSecretSpecs('TLS|OTHER', 'oidc-exchange')).toEqual([{ line: 1, source: 'TLS', exportName: 'OTHER', asFile: false }]);
    expect(parseSecretSpecs('\n  \n# x\n', 'oidc-exchange')).toEqual([]);
    expect(parseSecretSpecs('  # indented comment\nA', 'oidc-exchange')).toEqual([{ line: 2, source: 'A', exportName: 'A', asFile: false }]);
  });
});
