// What the action relies on in @actions/core, held as tests (the action used to write the runner protocol
// itself; these are the properties it must keep now that the toolkit does):
//  - file commands: awkward values written by exportVariable/setOutput/saveState read back byte for byte in
//    the runner's format, and a value holding a delimiter-like line cannot smuggle in a second variable;
//  - escaping: setSecret and warning write one line whatever the value holds, and the runner's unescaping
//    gives the value back;
//  - masking order: getIDToken registers the token with ::add-mask:: before it returns it;
//  - inputs: getInput trims, getBooleanInput accepts only the YAML 1.2 core booleans.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '@actions/core';
import { parseCommand, parseFileCommands, processLog } from '../../src/harness/fakes/runner.js';

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
const saved = { ...process.env };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oidc-exchange-core-'));
});

afterAll(async () => {
  process.env = saved;
  await rm(dir, { recursive: true, force: true });
});

async function captureStdout<T>(fn: () => T | Promise<T>): Promise<{ out: string; result: T }> {
  const original = process.stdout.write.bind(process.stdout);
  let out = '';
  (process.stdout as { write: unknown }).write = (chunk: string | Uint8Array) => {
    out += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  };
  try {
    return { result: await fn(), out };
  } finally {
    (process.stdout as { write: unknown }).write = original;
  }
}

describe('@actions/core, as the action relies on it', () => {
  it('exportVariable, setOutput and saveState read back byte for byte in the runner format', async () => {
    const files: Record<string, string> = {};
    for (const k of ['GITHUB_ENV', 'GITHUB_OUTPUT', 'GITHUB_STATE']) {
      files[k] = join(dir, k);
      await writeFile(files[k]!, '');
      process.env[k] = files[k];
    }
    const { out } = await captureStdout(() => {
      for (const [n, v] of VALUES) {
        core.exportVariable(n, v);
        core.setOutput(n, v);
        core.saveState(n, v);
      }
    });
    // Nothing went to the log: file commands only.
    expect(out).toBe('');
    for (const k of ['GITHUB_ENV', 'GITHUB_OUTPUT', 'GITHUB_STATE']) {
      expect(parseFileCommands(await readFile(files[k]!, 'utf8'))).toEqual(Object.fromEntries(VALUES));
    }
  });

  it('setSecret and warning write one line each, which the runner reads back as the value', async () => {
    for (const [, v] of VALUES) {
      const { out } = await captureStdout(() => {
        core.setSecret(v);
        core.warning(v);
      });
      const lines = out.split('\n').filter(Boolean);
      expect(lines).toHaveLength(2);
      expect(parseCommand(lines[0]!)).toMatchObject({ name: 'add-mask', data: v });
      expect(parseCommand(lines[1]!)).toMatchObject({ name: 'warning', data: v });
    }
  });

  it('getIDToken registers the token for masking before returning it', async () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ0ZXN0In0.c2lnbmF0dXJlLXZhbHVl';
    let audience: string | null = null;
    const server: Server = createServer((req, res) => {
      audience = new URL(req.url ?? '/', 'http://x').searchParams.get('audience');
      res.writeHead(req.headers.authorization === 'Bearer request-token' ? 200 : 401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ value: jwt }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      process.env.ACTIONS_ID_TOKEN_REQUEST_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/idtoken?api-version=2.0`;
      process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = 'request-token';
      const { out, result } = await captureStdout(() => core.getIDToken('https://broker.example'));
      expect(result === jwt).toBe(true);
      expect(audience).toBe('https://broker.example');
      const log = processLog(out, '');
      expect(log.masks.has(jwt)).toBe(true);
      expect(log.printedBeforeMask).toEqual([]);
    } finally {
      server.close();
    }
  });

  it('getInput trims; getBooleanInput accepts only true/True/TRUE/false/False/FALSE', () => {
    process.env['INPUT_EXPORT-ENV'] = '  false \n';
    expect(core.getInput('export-env')).toBe('false');
    expect(core.getBooleanInput('export-env')).toBe(false);
    for (const bad of ['yes', 'flase', '1', 'tRUE']) {
      process.env['INPUT_EXPORT-ENV'] = bad;
      expect(() => core.getBooleanInput('export-env')).toThrow(TypeError);
    }
  });
});
