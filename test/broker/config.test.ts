// Configuration: schema and cross-reference problems are all reported at once, by their path in the file.
import { describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { loadConfigFile, parseConfig } from '../../src/broker/config/load.js';
import { ConfigError } from '../../src/broker/errors.js';

async function problemsOf(yaml: string, env: NodeJS.ProcessEnv = {}): Promise<string[]> {
  try {
    await parseConfig(yaml, 'broker.yaml', { env, checkSources: true });
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
}

const base = `
audience: https://broker.example.com
issuers:
  - id: github
    issuer: https://token.actions.githubusercontent.com
secrets:
  A: { value: a }
`;

describe('configuration', () => {
  it('lists every problem of an invalid file by its path', async () => {
    const problems = await problemsOf(await readFile('test/fixtures/invalid-broker.yaml', 'utf8'));
    expect(problems).toEqual([
      'isuers: unknown key (check the spelling; see docs/policies.md)',
      'issuers[0].algorithms[0]: must be one of RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384, ES512, EdDSA',
      'secrets.bad-name: secret names must match ^[A-Za-z_][A-Za-z0-9_]*$ (they become environment variable names)',
      'secrets.DB: takes exactly one source: env, file, value, github_app, vault, aws_secrets_manager or age',
      'secrets.EMPTY: needs one source: env, file, value, github_app, vault, aws_secrets_manager or age',
      'policies[1].claims: needs at least one claim condition (a policy that matches every token is not allowed)',
      'policies[2].claims.x: must be a string, number, boolean, { pattern: "<regex>" } or a list of those',
      'issuers[0].issuer: must use https (plain http is accepted only for loopback addresses, for local testing)',
      'policies[1].name: duplicate policy name "a"',
      'policies[1].issuer: "gitlab" is not an issuer id (known: github)',
      'policies[1].secrets[0]: "NOPE" is not defined under secrets',
      expect.stringMatching(/^policies\[2\]\.claims\.ref: invalid regular expression "\(": /),
    ]);
  });

  it('refuses a catch-all policy', async () => {
    expect(await problemsOf(`${base}policies:\n  - { name: all, issuer: github, claims: {}, secrets: [A] }\n`)).toEqual([
      'policies[0].claims: needs at least one claim condition (a policy that matches every token is not allowed)',
    ]);
  });

  it('names missing keys and a YAML syntax error', async () => {
    expect(await problemsOf('audience: x\n')).toEqual(['issuers: is required', 'secrets: is required', 'policies: is required']);
    const yamlProblems = await problemsOf('audience: [unclosed\n');
    expect(yamlProblems).toHaveLength(1);
    expect(yamlProblems[0]).toMatch(/^YAML: /);
    expect(await problemsOf('audience: a\naudience: b\n')).toEqual([expect.stringMatching(/^YAML: .*unique/i)]);
  });

  it('checks at start-up that env and file secrets can be delivered, without printing any value', async () => {
    const yaml = `${base.replace('A: { value: a }', 'A: { env: NOT_SET }\n  B: { file: /nonexistent/secret }')}policies:\n  - { name: p, issuer: github, claims: { repository: o/r }, secrets: [A, B] }\n`;
    expect(await problemsOf(yaml)).toEqual([
      'secrets.A: environment variable NOT_SET is not set',
      'secrets.B: file /nonexistent/secret is not readable (ENOENT)',
    ]);
    expect(await problemsOf(yaml.replace('/nonexistent/secret', '/etc/hostname'), { NOT_SET: 'the-value' })).toEqual([]);
  });

  it('loads the documented example', async () => {
    const cfg = await loadConfigFile('examples/broker.yaml', { checkSources: false });
    expect(cfg.issuers.map((i) => [i.id, i.algorithms, i.clockSkewSeconds])).toEqual([
      ['github', ['RS256'], 60],
      ['gitlab', ['RS256'], 30],
    ]);
    expect(cfg.policies.map((p) => p.name)).toEqual(['prod-deploy', 'release-workflow', 'gitlab-protected-deploys']);
  });

  it('resolves a relative secret file against the configuration file folder', async () => {
    const cfg = await parseConfig(
      `${base.replace('A: { value: a }', 'A: { file: ./hostname }')}policies:\n  - { name: p, issuer: github, claims: { repository: o/r }, secrets: [A] }\n`,
      '/etc/broker.yaml',
      { checkSources: true },
    );
    expect(cfg.secrets.get('A')!.origin).toBe('file /etc/hostname');
  });
});
