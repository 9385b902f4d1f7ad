// What the action's file and path checks do on each of GitHub's runner systems (docs/runners.md), tested here
// on Linux with Node's path rules for the other system: the post step removes only a folder spelled as the
// main step spells it (`join(realpath(RUNNER_TEMP), "oidc-exchange-XXXXXX")`) directly under RUNNER_TEMP.
// Windows paths: drive letters and names in any case, `\` separators, UNC shares, the `\\?\` spelling,
// forward slashes. POSIX paths (Linux, macOS): exact names, macOS's /var -> /private/var, also on this
// machine's real folders through the main step's export and the post step's state check.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, posix, win32 } from 'node:path';
import { checkDeliveries, exportSecrets } from '../../src/action/export.js';
import { parseSecretSpecs } from '../../src/action/secret-spec.js';
import { fileDirPlaceProblem, loadCleanupState, STATE_KEY } from '../../src/action/state.js';

const NAME = 'oidc-exchange-Ab12Cd';

describe('Windows (path.win32)', () => {
  const TEMP = 'D:\\a\\_temp';
  const check = (dir: string, temp = TEMP) => fileDirPlaceProblem(dir, temp, win32) ?? 'accepted';

  it.each([
    ['the folder the main step makes', `D:\\a\\_temp\\${NAME}`, 'accepted'],
    ['another case for the drive letter and the folders (NTFS ignores case)', `d:\\A\\_TEMP\\${NAME}`, 'accepted'],
    ['forward slashes (the main step writes `\\`)', `D:/a/_temp/${NAME}`, 'is not a plain absolute path'],
    ['a mix of separators', `D:\\a/_temp\\${NAME}`, 'is not a plain absolute path'],
    ['`..` through the folder', `D:\\a\\_temp\\x\\..\\${NAME}`, 'is not a plain absolute path'],
    ['a doubled separator', `D:\\a\\_temp\\\\${NAME}`, 'is not a plain absolute path'],
    ['a trailing separator', `D:\\a\\_temp\\${NAME}\\`, 'is not a plain absolute path'],
    ['a drive-relative path', `D:a\\_temp\\${NAME}`, 'is not a plain absolute path'],
    ['the long-path spelling \\\\?\\D:\\', `\\\\?\\D:\\a\\_temp\\${NAME}`, 'is not directly under RUNNER_TEMP'],
    ['another drive', `E:\\a\\_temp\\${NAME}`, 'is not directly under RUNNER_TEMP'],
    ['a folder below RUNNER_TEMP', `D:\\a\\_temp\\sub\\${NAME}`, 'is not directly under RUNNER_TEMP'],
    ['RUNNER_TEMP itself', 'D:\\a\\_temp', 'is not a folder this action creates'],
    ['an alternate data stream', `D:\\a\\_temp\\${NAME}:evil`, 'is not a folder this action creates'],
  ])('%s', (_what, dir, verdict) => {
    expect(check(dir)).toBe(verdict);
  });

  it('a RUNNER_TEMP on a UNC share, server and share names in any case', () => {
    expect(check(`\\\\FileServer\\Runners\\_temp\\${NAME}`, '\\\\fileserver\\runners\\_temp')).toBe('accepted');
    expect(check(`\\\\other\\runners\\_temp\\${NAME}`, '\\\\fileserver\\runners\\_temp')).toBe('is not directly under RUNNER_TEMP');
  });

  it('a RUNNER_TEMP at the root of a drive', () => {
    expect(check(`D:\\${NAME}`, 'D:\\')).toBe('accepted');
  });

  it("accepts every name mkdtemp gives (six of A-Z a-z 0-9), spelled as the main step's win32.join spells it", () => {
    for (const six of ['aaaaaa', 'ZZZZZZ', '0a9Z1b']) expect(check(win32.join(TEMP, `oidc-exchange-${six}`))).toBe('accepted');
  });
});

describe('Linux and macOS (path.posix)', () => {
  const TEMP = '/home/runner/work/_temp';
  const check = (dir: string, temp = TEMP) => fileDirPlaceProblem(dir, temp, posix) ?? 'accepted';

  it.each([
    ['the folder the main step makes', `/home/runner/work/_temp/${NAME}`, 'accepted'],
    ['another case (the same folder on a case-insensitive macOS volume; refused, never another one admitted)', `/home/runner/work/_Temp/${NAME}`, 'is not directly under RUNNER_TEMP'],
    ['a backslash, which is a file name character here', `/home/runner/work/_temp\\${NAME}`, 'is not a folder this action creates'],
    ['`..` through the folder', `/home/runner/work/_temp/x/../${NAME}`, 'is not a plain absolute path'],
    ['a doubled slash', `/home/runner/work//_temp/${NAME}`, 'is not a plain absolute path'],
    ['a trailing slash', `/home/runner/work/_temp/${NAME}/`, 'is not a plain absolute path'],
    ['a relative path', `work/_temp/${NAME}`, 'is not a plain absolute path'],
  ])('%s', (_what, dir, verdict) => {
    expect(check(dir)).toBe(verdict);
  });

  it("macOS: a folder named through /var when RUNNER_TEMP's real path is under /private/var", () => {
    const real = '/private/var/folders/xy/abc/T/runner/_temp';
    expect(check(`/var/folders/xy/abc/T/runner/_temp/${NAME}`, real)).toBe('is not directly under RUNNER_TEMP');
    expect(check(`${real}/${NAME}`, real)).toBe('accepted');
  });
});

// The same rules on this machine's real folders, through the main step's own export and the post step's own
// state check: RUNNER_TEMP reached through a link, as macOS's /var is a link to /private/var.
describe('on real folders: RUNNER_TEMP behind a link (macOS /var -> /private/var)', () => {
  let base: string;
  let linkTemp: string;
  let realTemp: string;

  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'runner-platforms-'));
    realTemp = join(base, 'private', 'var', '_temp');
    mkdirSync(realTemp, { recursive: true });
    linkTemp = join(base, 'var');
    symlinkSync(join(base, 'private', 'var'), linkTemp);
  });

  afterAll(() => rmSync(base, { recursive: true, force: true }));

  const core = { exportVariable: () => undefined, setOutput: () => undefined };
  const hosts = { brokerUrl: 'https://broker.example.com', githubApiUrl: 'https://api.github.com' };
  const stateNaming = (fileDir: string) => ({ getState: (k: string) => (k === STATE_KEY ? JSON.stringify({ fileDir, revoke: [] }) : '') });

  it('the main step writes under the real path, 0700 folder and 0600 file, and the post step accepts that folder', () => {
    const { fileDir } = exportSecrets([{ spec: { line: 1, source: 'TLS_KEY', exportName: 'TLS_KEY_PATH', asFile: true }, value: 'key-material-5e1c' }], core, {
      exportEnv: true,
      runnerTemp: join(linkTemp, '_temp'),
    });
    expect(dirname(fileDir!)).toBe(realpathSync(realTemp));
    expect(statSync(fileDir!).mode & 0o777).toBe(0o700);
    expect(statSync(join(fileDir!, 'TLS_KEY_PATH')).mode & 0o777).toBe(0o600);
    const { state, skipped } = loadCleanupState(stateNaming(fileDir!), { ...hosts, runnerTemp: join(linkTemp, '_temp') });
    expect(skipped).toEqual([]);
    expect(state?.fileDir).toBe(fileDir);
  });

  it('the same folder spelled through the link is refused', () => {
    const { fileDir } = exportSecrets([{ spec: { line: 1, source: 'K', exportName: 'K_PATH', asFile: true }, value: 'key-material-77aa' }], core, { exportEnv: false, runnerTemp: join(linkTemp, '_temp') });
    const throughLink = join(linkTemp, '_temp', basename(fileDir!));
    const { state, skipped } = loadCleanupState(stateNaming(throughLink), { ...hosts, runnerTemp: join(linkTemp, '_temp') });
    expect(state?.fileDir).toBeUndefined();
    expect(skipped).toEqual([expect.stringMatching(/^the secret files folder: .* is not directly under RUNNER_TEMP$/)]);
  });

  it('a link in place of the folder is refused', () => {
    const fake = join(realpathSync(realTemp), 'oidc-exchange-Lnk123');
    symlinkSync(base, fake);
    const { state, skipped } = loadCleanupState(stateNaming(fake), { ...hosts, runnerTemp: join(linkTemp, '_temp') });
    expect(state?.fileDir).toBeUndefined();
    expect(skipped).toEqual([expect.stringMatching(/is not a plain folder$/)]);
  });
});

describe('what one environment variable can hold, by system', () => {
  // Windows: 32,767 characters for one variable (SetEnvironmentVariable's documentation); Linux: 128 KiB for
  // NAME=value (MAX_ARG_STRLEN); the final CR travels on every system (the runner's file reading, above).
  const deliver = (value: string, platform: NodeJS.Platform, line = 'VALUE', exportEnv = true) => {
    try {
      checkDeliveries(
        parseSecretSpecs(line, 'oidc-exchange').map((spec) => ({ spec, value })),
        { exportEnv, namesChosenBy: 'user', platform },
      );
      return 'accepted';
    } catch (e) {
      return (e as Error).message;
    }
  };

  it.each([
    ['win32', 32_767, 'accepted'],
    ['win32', 32_768, /VALUE is 32768 characters, more than Windows lets one environment variable hold \(32,767\)/],
    ['linux', 100_000, 'accepted'],
    ['darwin', 100_000, 'accepted'],
  ] as const)('on %s, a value of %i characters: %p', (platform, length, verdict) => {
    const got = deliver('v'.repeat(length), platform);
    if (typeof verdict === 'string') expect(got).toBe(verdict);
    else expect(got).toMatch(verdict);
  });

  it('on Windows, a long value still goes as a file or as a step output only', () => {
    expect(deliver('v'.repeat(40_000), 'win32', 'VALUE | file:VALUE_FILE')).toBe('accepted');
    expect(deliver('v'.repeat(40_000), 'win32', 'VALUE', false)).toBe('accepted');
  });

  it('a value ending in a carriage return is exported on every system', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) expect(deliver('ends-with-cr\r', platform)).toBe('accepted');
  });
});
