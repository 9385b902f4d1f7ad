// The action writes the runner protocol itself (src/action/core.ts) instead of loading @actions/core, to
// keep its start-up short. This test holds it to the toolkit: for the same values, both produce file
// commands that the runner's format reads back identically, and the same workflow-command escaping.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as toolkit from '@actions/core';
import { runnerCore } from '../../src/action/core.js';
import { parseFileCommands } from '../../src/harness/runner.js';

const VALUES: Array<[string, string]> = [
  ['PLAIN', 'plain-value'],
  ['NEWLINES', 'line one\nline two\n\nlast\n'],
  ['PERCENT', '100% %0A %25 literal'],
  ['CARRIAGE', 'a\rb\r\nc'],
  ['LOOKS_LIKE_A_COMMAND', '::set-env name=PATH::/evil\n::add-mask::x'],
  ['HEREDOC_TRAP', 'x\nghadelimiter_1234\nPATH<<EOF\n/evil\nEOF'],
  ['UNICODE', 'pässwörd ✓ 日本語 🙂'],
  ['JSON', '{"user":"u","password":"p\\"w"}'],
];

let dir: string;
const saved: Record<string, string | undefined> = {};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oidc-exchange-core-'));
  for (const k of ['GITHUB_ENV', 'GITHUB_OUTPUT', 'GITHUB_STATE']) saved[k] = process.env[k];
});

afterAll(async () => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  await rm(dir, { recursive: true, force: true });
});

async function files(prefix: string): Promise<Record<string, string>> {
  const paths: Record<string, string> = {};
  for (const k of ['GITHUB_ENV', 'GITHUB_OUTPUT', 'GITHUB_STATE']) {
    paths[k] = join(dir, `${prefix}-${k}`);
    await writeFile(paths[k]!, '');
  }
  return paths;
}

function captureStdout(fn: () => void): string {
  const original = process.stdout.write.bind(process.stdout);
  let out = '';
  (process.stdout as { write: unknown }).write = (chunk: string | Uint8Array) => {
    out += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  };
  try {
    fn();
  } finally {
    (process.stdout as { write: unknown }).write = original;
  }
  return out;
}

describe('src/action/core.ts against @actions/core', () => {
  it('exports, outputs and state read back the same from both', async () => {
    const theirs = await files('toolkit');
    Object.assign(process.env, theirs);
    captureStdout(() => {
      for (const [n, v] of VALUES) {
        toolkit.exportVariable(n, v);
        toolkit.setOutput(n, v);
        toolkit.saveState(n, v);
      }
    });
    const ours = await files('ours');
    const core = runnerCore({ ...ours }, () => undefined);
    core.exportVariables(VALUES);
    core.setOutputs(VALUES);
    for (const [n, v] of VALUES) core.saveState(n, v);

    for (const k of ['GITHUB_ENV', 'GITHUB_OUTPUT', 'GITHUB_STATE']) {
      const a = parseFileCommands(await readFile(theirs[k]!, 'utf8'));
      const b = parseFileCommands(await readFile(ours[k]!, 'utf8'));
      expect(b).toEqual(a);
      expect(b).toEqual(Object.fromEntries(VALUES));
    }
  });

  it('masks and messages are escaped the same way', () => {
    for (const [, v] of VALUES) {
      const theirs = captureStdout(() => {
        toolkit.setSecret(v);
        toolkit.warning(v);
      });
      let ours = '';
      const core = runnerCore({}, (s) => (ours += s));
      core.setSecret(v);
      core.warning(v);
      expect(ours).toBe(theirs);
    }
  });
});
