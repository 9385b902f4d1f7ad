// The harness commands keep their keys, tokens and secret files in one scratch folder and remove it however
// they end: Ctrl-C (SIGINT), SIGTERM, or a reader that goes away (`npm run demo | head`, EPIPE). Each run gets
// its own TMPDIR here, so "nothing left" is checked on a folder no other test writes to. Real processes of the
// bundled CLI, as users run it (signals and pipes are the point, so this is the dist tier).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUNDLED_CLI, startBundledCli } from '../helpers/process.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'oidc-exchange-cleanup-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

async function isolatedTmp(): Promise<string> {
  return mkdtemp(join(root, 'tmp-'));
}

describe('interrupted harness commands leave no folder behind', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as Array<[NodeJS.Signals, number]>)('demo stopped by %s mid-run exits %i and removes its folder', async (signal, code) => {
    const tmp = await isolatedTmp();
    const demo = startBundledCli(['demo'], { PATH: process.env.PATH, TMPDIR: tmp });
    // Past the start-up (keys written, servers up) and inside the steps.
    await demo.waitFor(/^✓ /m, 60_000);
    expect((await readdir(tmp)).some((f) => f.startsWith('oidc-exchange-demo-'))).toBe(true);
    demo.child.kill(signal);
    expect(await demo.exited).toBe(code);
    expect(await readdir(tmp)).toEqual([]);
  });

  it('demo whose reader goes away (| head -n 3) stops and removes its folder', async () => {
    const tmp = await isolatedTmp();
    const out = await new Promise<string>((resolve, reject) => {
      execFile('sh', ['-c', `"${process.execPath}" "${BUNDLED_CLI}" demo | head -n 3`], { env: { PATH: process.env.PATH, TMPDIR: tmp }, timeout: 60_000 }, (e, stdout) =>
        e ? reject(e) : resolve(stdout),
      );
    });
    expect(out.split('\n')[0]).toContain('oidc-exchange demo');
    expect(await readdir(tmp)).toEqual([]);
  });

  it('try-action stopped by SIGTERM while the action runs removes its folder', async () => {
    const tmp = await isolatedTmp();
    // The action's step runs through a `node` that only waits, so the test stops try-action mid-step every time,
    // and the step, which outlives the CLI it was started by, never writes into the folder after it is removed
    // (on a loaded machine a step that went on to run the action recreated its files there).
    const slowNode = join(root, 'slow-node');
    await writeFile(slowNode, '#!/bin/sh\nexec sleep 30\n', { mode: 0o755 });
    const run = startBundledCli(['try-action', '--config', 'examples/broker.yaml', '--claims', 'examples/claims-github.json', '--node', slowNode], {
      PATH: process.env.PATH,
      TMPDIR: tmp,
      PROD_DB_PASSWORD: 'cleanup-test-db',
      PROD_TLS_KEY: 'cleanup-test-tls',
    });
    // The fake runner's folder exists while the action's step runs.
    const deadline = Date.now() + 30_000;
    const inside = async () => (await readdir(tmp)).length > 0 && (await readdir(join(tmp, (await readdir(tmp))[0]!)).catch(() => [])).some((f) => f.startsWith('fake-runner-'));
    while (!(await inside()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(await inside()).toBe(true);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(143);
    expect(await readdir(tmp)).toEqual([]);
  });
});
