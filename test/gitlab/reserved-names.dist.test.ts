// One reserved-name list: the component's shell checks are generated at build time from
// src/client/reserved-names.ts, and here the shell, as GitLab runs it (the script embedded in the
// template), gives exportNameProblem's verdict and words for every exact name, a sample under every prefix
// and suffix, in every case, the credential exceptions, invalid names and broker-chosen names, under dash,
// BusyBox sh and bash.
import { writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as reserved from '../../src/client/reserved-names.js';
import { sourced, useEmbeddedScript } from './embedded-script.js';
import { SHELLS } from './job-env.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { RESERVED, exportNameProblem } = reserved;
const CREDENTIAL_NAMES: readonly string[] = (reserved as { CREDENTIAL_NAMES?: readonly string[] }).CREDENTIAL_NAMES ?? [];

/** Every name worth asking about, derived from the list itself so a longer list is tested as far. */
function probes(): string[] {
  const out = new Set<string>(['DB_PASSWORD', 'MY_TOKEN', 'GH_APP_TOKEN', 'deploy_key', 'Mixed_Case_9', '_private', 'A', 'CIX', 'GITHUBX', 'PATHS', 'XPATH']);
  const cases = (n: string) => [n, n.toLowerCase(), n.charAt(0) + n.slice(1).toLowerCase()];
  for (const group of RESERVED) {
    for (const n of group.names ?? []) cases(n).forEach((c) => out.add(c));
    for (const p of group.prefixes ?? []) [`${p}X`, `${p}TOKEN_1`, `${p}`].flatMap(cases).forEach((c) => out.add(c));
    for (const s of group.suffixes ?? []) [`X${s}`, `MY${s}`].flatMap(cases).forEach((c) => out.add(c));
  }
  for (const n of CREDENTIAL_NAMES) cases(n).forEach((c) => out.add(c));
  // Invalid shapes, and broker-chosen length limits.
  for (const n of ['1ABC', 'A-B', 'a b', 'A.B', '$X', 'é', 'P'.repeat(128), 'P'.repeat(129), 'p'.repeat(128)]) out.add(n);
  return [...out];
}

const script = useEmbeddedScript('oidc-exchange-names-');

describe.each(SHELLS)('under %s', (_label, shell) => {
  it('the shell list gives the same verdict and message as exportNameProblem, for user and broker names', async () => {
    const names = probes();
    const input = join(script.dir, `names-${shell.join('-').replace(/\W/g, '')}`);
    writeFileSync(input, names.join('\n') + '\n');
    const driver = `while IFS= read -r n; do
  for who in user broker; do
    if [ "$who" = user ]; then m=$(_oe_name_ok "$n" 2>&1); else m=$(_oe_name_ok "$n" broker 2>&1); fi
    printf '%s\\t%s\\t%s\\t%s\\n' "$n" "$who" "$?" "$m"
  done
done <"$2"`;
    const { status, stdout } = await sourced(shell, script, driver, { args: [input] });
    expect(status).toBe(0);
    const got = stdout.trimEnd().split('\n').map((l) => l.split('\t'));
    expect(got).toHaveLength(names.length * 2);
    const mismatches: string[] = [];
    for (const [name, who, status, message] of got as Array<[string, 'user' | 'broker', string, string]>) {
      const problem = exportNameProblem(name, who);
      const printable = /^[\x20-\x7e]*$/.test(name);
      const expected = problem === undefined ? '' : printable ? `oidc-exchange: error: ${problem}` : message;
      if ((status === '0') !== (problem === undefined) || message !== expected) {
        mismatches.push(`${JSON.stringify(name)} (${who}): shell ${status} ${JSON.stringify(message)}; TypeScript ${JSON.stringify(problem)}`);
      }
    }
    expect(mismatches).toEqual([]);
    // The list is really exercised: most probes are refused, and the credential exceptions pass.
    expect(got.filter(([, who, status]) => who === 'user' && status !== '0').length).toBeGreaterThan(names.length / 2);
    for (const n of CREDENTIAL_NAMES) expect(got.find(([name, who]) => name === n && who === 'user')?.[2]).toBe('0');
  }, 120_000); // every reserved name and pattern through one shell process each: bash is the slowest
});

describe('the generator', () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const build = async (): Promise<any> => import(pathToFileURL(join(root, 'scripts', 'build-gitlab-component.mjs')).href);

  it('follows whatever the list holds: a new group and a new credential reach the shell', async () => {
    const { reservedNamesShell } = await build();
    const extended = {
      ...reserved,
      RESERVED: [...RESERVED, { why: 'a test says so', names: ['ZZ_NEW_NAME'], prefixes: ['ZZPREFIX_'], suffixes: ['_ZZSUFFIX'] }],
      CREDENTIAL_NAMES: [...CREDENTIAL_NAMES, 'ZZPREFIX_CREDENTIAL'],
      reservedBy: (name: string) => {
        const upper = name.toUpperCase();
        if (upper === 'ZZPREFIX_CREDENTIAL') return undefined;
        if (upper === 'ZZ_NEW_NAME' || upper.startsWith('ZZPREFIX_') || upper.endsWith('_ZZSUFFIX')) return extended.RESERVED.at(-1);
        return reserved.reservedBy(name);
      },
      exportNameProblem: (name: string, who: 'user' | 'broker' = 'user') => {
        const g = extended.reservedBy(name);
        if (g && g.why === 'a test says so') return `${name} is refused: the name is reserved because ${g.why}; export the secret under another name with "NAME | OTHER_NAME"`;
        return reserved.exportNameProblem(name, who);
      },
    };
    const shell: string = reservedNamesShell(extended);
    for (const pattern of ['[Zz][Zz]_[Nn][Ee][Ww]_[Nn][Aa][Mm][Ee]', '[Zz][Zz][Pp][Rr][Ee][Ff][Ii][Xx]_*', '*_[Zz][Zz][Ss][Uu][Ff][Ff][Ii][Xx]']) {
      expect(shell).toContain(pattern);
    }
    expect(shell).toContain('a test says so');
    expect(shell).toContain('[Zz][Zz][Pp][Rr][Ee][Ff][Ii][Xx]_[Cc][Rr][Ee][Dd][Ee][Nn][Tt][Ii][Aa][Ll]');
  });

  it.each([
    [{ RESERVED: [{ why: 'x', names: ['A'], patterns: ['^B'] }] }, 'RESERVED[0] has patterns, which scripts/build-gitlab-component.mjs does not translate'],
    [{ VARIABLE_NAME: /^[A-Za-z_]\w*$/ }, 'can only translate ^[set][set]* or ^[set][set]{0,N}$'],
    [{ RESERVED: [{ why: 'x', names: ['A-B'] }] }, 'holds characters a variable name cannot'],
  ])('stops the build, naming what to extend, on a list it cannot translate: %j', async (change, message) => {
    const { reservedNamesShell } = await build();
    expect(() => reservedNamesShell({ ...reserved, ...change })).toThrow(message);
  });
});
