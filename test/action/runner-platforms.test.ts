// What the action's file and path checks do on each of GitHub's runner systems (docs/runners.md), tested here
// on Linux with Node's path rules for the other system: the post step removes only a folder spelled as the
// main step spells it (`join(realpath(RUNNER_TEMP), "oidc-exchange-XXXXXX")`) directly under RUNNER_TEMP.
// Windows paths: drive letters and names in any case, `\` separators, UNC shares, the `\\?\` spelling,
// forward slashes. POSIX paths (Linux, macOS): exact names, macOS's /var -> /private/var.
import { describe, expect, it } from '@jest/globals';
import { posix, win32 } from 'node:path';
import { fileDirPlaceProblem } from '../../src/action/state.js';

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
