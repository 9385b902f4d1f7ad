// The conventions every `oidc-exchange` subcommand keeps, as a table run in process through the command table
// and each command's function, with the test's own streams (test/helpers/command.ts):
// --help and -h print the command's own usage on stdout and exit 0 (even next to an unknown option, and
// without running anything: `demo --help` does not run the demo); --version prints package.json's version;
// an unknown option is exit 2 with the option named, a suggestion for a near miss and the way to the usage;
// a stray argument is exit 2; negative numbers are read as option values.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { startFakeIssuer } from '../../src/harness/fakes/issuer.js';
import { repoRoot } from '../helpers/docs.js';
import { callCli } from '../helpers/command.js';

const VERSION = (JSON.parse(readFileSync(`${repoRoot}/package.json`, 'utf8')) as { version: string }).version;

// [command, an option it has, a near miss of that option]
const COMMANDS: Array<[string, string, string]> = [
  ['broker', 'config', 'conifg'],
  ['check', 'claims', 'claim'],
  ['exchange', 'broker-url', 'brokr-url'],
  ['demo', '', 'hepl'],
  ['issuers', 'github-port', 'github-prot'],
  ['token', 'issuer-url', 'issuer-ulr'],
  ['gitlab-job', 'issuer-url', 'isuer-url'],
  ['try-action', 'secrets', 'secrts'],
];

describe.each(COMMANDS)('oidc-exchange %s', (command, option, nearMiss) => {
  it('--help and -h: its usage on stdout, exit 0, even with an unknown option beside it', async () => {
    for (const args of [['--help'], ['-h'], ['--bogus', '--help']]) {
      const r = await callCli([command, ...args]);
      expect(r.code).toBe(0);
      expect(r.stdout.startsWith(`usage: oidc-exchange ${command}`)).toBe(true);
      if (option) expect(r.stdout).toContain(`--${option}`);
      expect(r.stdout).toContain('--help');
      expect(r.stderr).toBe('');
    }
  });

  it('--version: the package version, exit 0', async () => {
    const r = await callCli([command, '--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`oidc-exchange ${VERSION}\n`);
  });

  it('an unknown option: exit 2, named, with a suggestion for a near miss and the way to the usage', async () => {
    const r = await callCli([command, `--${nearMiss}`, 'x']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`oidc-exchange ${command}: unknown option --${nearMiss}`);
    expect(r.stderr).toContain(option ? `did you mean --${option}?` : 'did you mean --help?');
    expect(r.stderr).toContain(`run "oidc-exchange ${command} --help" for its usage`);
    const far = await callCli([command, '--zzzzzzzz']);
    expect(far.code).toBe(2);
    expect(far.stderr).not.toContain('did you mean');
  });

  it('a stray argument: exit 2', async () => {
    const r = await callCli([command, 'stray']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unexpected argument "stray": this command takes options only');
  });
});

describe('oidc-exchange', () => {
  it.each([
    [[], 2, 'stderr', 'usage: oidc-exchange <command>'],
    [['--help'], 0, 'stdout', 'usage: oidc-exchange <command>'],
    [['help'], 0, 'stdout', 'usage: oidc-exchange <command>'],
    [['--version'], 0, 'stdout', `oidc-exchange ${VERSION}\n`],
    [['exchnage'], 2, 'stderr', 'unknown command "exchnage"; did you mean exchange?'],
  ] as Array<[string[], number, 'stdout' | 'stderr', string]>)('%j exits %i', async (args, code, stream, text) => {
    const r = await callCli(args);
    expect(r.code).toBe(code);
    expect(r[stream]).toContain(text);
  });

  it('reads a negative number as a value: token --ttl -300 mints an expired token; broker --port -1 is out of range', async () => {
    const issuer = await startFakeIssuer({ kind: 'github' });
    try {
      const r = await callCli(['token', '--issuer-url', issuer.url, '--ttl', '-300']);
      expect(r.code).toBe(0);
      const claims = JSON.parse(Buffer.from(r.stdout.trim().split('.')[1]!, 'base64url').toString()) as { exp: number };
      expect(claims.exp).toBeLessThan(Date.now() / 1000 - 200);
    } finally {
      await issuer.close();
    }
    const port = await callCli(['broker', '--config', 'examples/broker.yaml', '-p', '-1']);
    expect(port.code).toBe(2);
    expect(port.stderr).toContain('--port must be a whole number from 0 to 65535, got "-1"');
  });

  it('a missing value is an error that says how to give one', async () => {
    const r = await callCli(['exchange', '--token-env', '--shell']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--token-env needs a value');
  });

  it.each([
    [['token', '--issuer-url', 'http://127.0.0.1:9', '--set', 'exp='], '--set exp: the harness signs a fresh token and sets iat, nbf, exp and jti itself; --ttl SECONDS sets exp'],
    [['token', '--issuer-url', 'http://127.0.0.1:9', '--set', 'environment'], '--set takes CLAIM=VALUE, got "environment"'],
    [['try-action', '--config', 'examples/broker.yaml', '--input', 'brokr-url=https://x'], '--input brokr-url: the action has no input "brokr-url"; did you mean broker-url?'],
    [['try-action', '--config', 'examples/broker.yaml', '--input', 'broker-url=https://x'], 'try-action points the action at the broker it starts'],
    [['try-action', '--config', 'examples/broker.yaml', '--secrets', 'A', '--input', 'secrets=B'], 'give the secrets input once'],
    [['gitlab-job', '--issuer-url', 'http://127.0.0.1:9', '--input', 'brokr_url=https://x'], '--input brokr_url: the component has no input "brokr_url"; did you mean broker_url?'],
    [['gitlab-job', '--token', 'x.y.z', '--set', 'ref=main'], '--claims and --set shape a token the fake issuer mints'],
    [['issuers', '--github-port', '70000'], '--github-port must be a whole number from 0 to 65535, got "70000"'],
  ])('%j is refused with exit 2: %s', async (args, message) => {
    const r = await callCli(args);
    expect(r.stderr).toContain(message);
    expect(r.code).toBe(2);
  });
});
