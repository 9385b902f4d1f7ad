// The generic client's `--shell` output evaluated by real shells, from the bundled CLI as users run it (a real
// process and a shell are the point, so this is the dist tier): `eval "$(oidc-exchange exchange ... --shell)"`
// sets the values and puts nothing else on standard output, and fails under `set -e` when the exchange does.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { leaks, type TestBed } from '../helpers/broker.js';
import { BUNDLED_CLI } from '../helpers/process.js';
import { closeClientBed, mintFor, startClientBed, VALUES } from './client-bed.js';

const run = promisify(execFile);
const CLI_COMMAND = `"${process.execPath}" "${BUNDLED_CLI}"`;

let bed: TestBed;
let dir: string;

beforeAll(async () => {
  ({ bed, dir } = await startClientBed());
});

afterAll(() => closeClientBed(bed, dir));

function token(claims: Record<string, unknown> = {}): Promise<string> {
  return mintFor(bed, claims);
}

describe('eval "$(oidc-exchange exchange ... --shell)"', () => {
  it('prints export lines for eval, and only then puts values on standard output', async () => {
    const tokenFile = join(dir, 'token');
    await writeFile(tokenFile, `${await token()}\n`);
    const script = `eval "$(${CLI_COMMAND} exchange --broker-url "${bed.url}" --token-file "${tokenFile}" --shell --secret MULTILINE)" && printf %s "$MULTILINE"`;
    const { stdout, stderr } = await run('bash', ['-c', script], { env: { PATH: process.env.PATH } });
    expect(stdout).toBe(VALUES.MULTILINE);
    expect(stderr).toContain('1 secret(s) from policy ci');
    expect(leaks(stderr, Object.values(VALUES))).toEqual([]);
  });

});

describe('eval "$(oidc-exchange exchange ... --shell)" under set -e', () => {
  const script = (tokenFile: string, extra = '') =>
    `set -e\neval "$(${CLI_COMMAND} exchange --broker-url "${bed.url}" --token-file "${tokenFile}" --shell${extra})"\necho "reached with DB=\${MULTILINE:-unset}"\n`;

  it.each(['bash', 'dash'])('%s -e stops on a refused exchange, a broker that is down and a usage error', async (shell) => {
    const tokenFile = join(dir, `refused-${shell}`);
    await writeFile(tokenFile, await token({ project_path: 'acme/other/api' }));
    const cases = [
      ['refused', script(tokenFile, ' --export-all'), 'no_policy_matched'],
      ['broker down', script(tokenFile, ' --export-all --timeout-seconds 1').replace(bed.url, 'http://127.0.0.1:9'), 'oidc-exchange'],
      ['usage error', script(tokenFile, ' --secret LD_PRELOAD'), 'LD_PRELOAD is refused'],
    ] as const;
    for (const [, text, message] of cases) {
      const r = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        execFile(shell, ['-c', text], { env: { PATH: process.env.PATH } }, (e, stdout, stderr) => resolve({ code: e ? ((e as { code?: number }).code ?? 1) : 0, stdout, stderr }));
      });
      expect(r.stdout).not.toContain('reached');
      expect(r.code).not.toBe(0);
      expect(r.stderr).toContain(message);
      expect(r.stderr).toContain('no secret was set');
    }
  });
});
