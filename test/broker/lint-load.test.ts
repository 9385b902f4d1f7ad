// The linter inside the configuration loader: an error finding stops the load (start-up and reload) unless
// its policy overrides the rule with a reason; warnings and overrides are kept for the start-up log. And the
// matcher fixes that hold whatever the lint says: anchor escapes, rounded IDs.
import { describe, expect, it } from '@jest/globals';
import { parseDocument } from 'yaml';
import { buildConfig, claimNumberSources, parseConfig } from '../../src/broker/config/load.js';
import { ConfigError } from '../../src/broker/errors.js';
import type { BrokerConfig } from '../../src/broker/config/load.js';

const head = `audience: https://broker.example.com
issuers:
  - { id: github, issuer: https://token.actions.githubusercontent.com }
secrets:
  A: { value: a }
policies:
`;

async function load(policies: string, top = head): Promise<BrokerConfig> {
  return parseConfig(top + policies, 'broker.yaml', { checkSources: true, env: {} });
}

async function problemsOf(policies: string, top = head): Promise<string[]> {
  try {
    await load(policies, top);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
}

describe('lint at load', () => {
  it('refuses a GitHub.com policy that any repository matches, naming rule, policy and path', async () => {
    const problems = await problemsOf('  - { name: deploy, issuer: github, claims: { environment: production }, secrets: [A] }\n');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^policies\[0\]\.claims: github-any-repository in policy deploy: .*any GitHub\.com repository/);
    expect(problems[0]).toContain('Fix: pin repository_owner_id and repository_id');
    expect(problems[0]).toContain('allow_risky: [{ rule: github-any-repository, reason: "..." }]');
  });

  it('loads with an override that gives a reason, and keeps the override and the warnings for the log', async () => {
    const cfg = await load(
      '  - name: deploy\n    issuer: github\n    claims: { environment: production }\n    secrets: [A]\n    allow_risky:\n      - { rule: github-any-repository, reason: "tokens come from our runner fleet only (ticket SEC-42)" }\n',
    );
    expect(cfg.lintFindings.find((f) => f.rule === 'github-any-repository')).toMatchObject({
      severity: 'error',
      policy: 'deploy',
      path: 'policies[0].claims',
      overridden: 'tokens come from our runner fleet only (ticket SEC-42)',
    });
    // Warnings are kept too (no ref or environment problem here, but no IDs and no repository).
    expect(cfg.lintFindings.every((f) => f.severity === 'warning' || f.overridden !== undefined)).toBe(true);
  });

  it('an override of one rule does not cover another', async () => {
    const problems = await problemsOf(
      '  - { name: d, issuer: github, claims: { repository_owner: "octo-org*" }, secrets: [A], allow_risky: [{ rule: github-any-repository, reason: "r" }] }\n',
    );
    expect(problems).toEqual([expect.stringMatching(/^policies\[0\]\.claims\.repository_owner: owner-wildcard in policy d: /)]);
  });

  it('checks the overrides themselves: a known rule, one that can be overridden, a reason', async () => {
    const problems = await problemsOf(
      '  - { name: d, issuer: github, claims: { repository_id: "1" }, secrets: [A], allow_risky: [{ rule: owner-wildcrd, reason: x }, { rule: audience-not-unique, reason: x }, { rule: replay-allowed, reason: "  " }, { rule: github-any-ref }] }\n',
    );
    expect(problems).toEqual([
      'policies[0].allow_risky[3].reason: is required',
      'policies[0].allow_risky[0].rule: "owner-wildcrd" is not a lint rule (the rules: docs/policies.md, "Safe policies")',
      expect.stringMatching(/^policies\[0\]\.allow_risky\[1\]\.rule: audience-not-unique cannot be overridden: /),
      'policies[0].allow_risky[2].reason: say why the risk is acceptable; the reason is logged at start-up',
    ]);
  });

  it('refuses an audience that belongs to another relying party, which no policy can override', async () => {
    const problems = await problemsOf(
      '  - { name: d, issuer: github, claims: { repository_id: "690210123", repository_owner_id: "9919", environment: production }, secrets: [A] }\n',
      head.replace('https://broker.example.com', 'sts.amazonaws.com'),
    );
    expect(problems).toEqual([expect.stringMatching(/^audience: audience-not-unique: audience "sts\.amazonaws\.com" is the one AWS STS uses\. .*Fix: the broker's own URL/)]);
    expect(problems[0]).not.toContain('allow_risky');
  });

  it('lints what it can when other sections are broken, and reports everything at once', async () => {
    const problems = await problemsOf('  - { name: d, issuer: github, claims: { environment: production }, secrets: [NOPE] }\n');
    expect(problems).toEqual(['policies[0].secrets[0]: "NOPE" is not defined under secrets', expect.stringMatching(/^policies\[0\]\.claims: github-any-repository/)]);
  });

  it('buildConfig (raw objects, as the demo and tests pass them) lints too', async () => {
    await expect(
      buildConfig(
        { audience: 'https://b.example', issuers: [{ id: 'gh', issuer: 'https://token.actions.githubusercontent.com' }], secrets: { A: { value: 'a' } }, policies: [{ name: 'p', issuer: 'gh', claims: { ref: 'refs/heads/main' }, secrets: ['A'] }] },
        'raw',
      ),
    ).rejects.toThrow(/github-any-repository in policy p/);
  });

  it('with enforceLint off (check --lint) loads, and lintFindings holds the blocking errors too', async () => {
    const cfg = await parseConfig(`${head}  - { name: d, issuer: github, claims: { environment: production }, secrets: [A] }\n`, 'b.yaml', { enforceLint: false });
    expect(cfg.lintFindings.filter((f) => f.severity === 'error').map((f) => [f.rule, f.overridden])).toEqual([['github-any-repository', undefined]]);
  });
});

describe('matchers that are refused whatever the lint says', () => {
  const ids = 'repository_owner_id: "9919", repository_id: "690210123", environment: production';

  it('a pattern that only compiles once wrapped in ^(?:...)$ (the anchor escape), even with an override', async () => {
    const problems = await problemsOf(`  - { name: d, issuer: github, claims: { ${ids}, repository: { pattern: "octo-org/app)|(" } }, secrets: [A], allow_risky: [{ rule: pattern-escapes-anchor, reason: r }] }\n`);
    expect(problems).toContainEqual(expect.stringMatching(/^policies\[0\]\.claims\.repository: invalid regular expression "octo-org\/app\)\|\(": Unmatched '\)'; wrapped in \^\(\?:\.\.\.\)\$ it would close the anchor group .*\(pattern-escapes-anchor\)/));
    expect(problems).toContainEqual(expect.stringMatching(/^policies\[0\]\.allow_risky\[0\]\.rule: pattern-escapes-anchor cannot be overridden/));
  });

  it.each([
    ['9007199254740993', /9007199254740993 is not a whole number that YAML can hold exactly \(YAML reads it as 9007199254740992\): quote it, e\.g\. "9007199254740993"/],
    ['0x10', /0x10 is not written in plain decimal \(YAML reads it as 16/],
    ['1e3', /1e3 is not written in plain decimal/],
    ['690210123.0', /690210123\.0 is not written in plain decimal/],
    ['+690210123', /\+690210123 is not written in plain decimal/],
    ['.inf', /\.inf is not a whole number/],
    ['1.5', /1\.5 is not a whole number/],
  ])('an unquoted number %s in a claim condition', async (written, message) => {
    const problems = await problemsOf(`  - { name: d, issuer: github, claims: { repository_owner_id: "9919", environment: production, repository_id: [${written}] } , secrets: [A] }\n`);
    // (`.inf` is also refused by the schema, which wants a finite number.)
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^policies\\[0\\]\\.claims\\.repository_id\\[0\\]: ${message.source}`)));
    expect(problems.filter((p) => !p.includes('must be a string, number'))).toHaveLength(1);
  });

  it('plain decimal safe integers and quoted IDs load', async () => {
    const cfg = await load('  - { name: d, issuer: github, claims: { repository_owner_id: 9919, repository_id: "9007199254740993", environment: production }, secrets: [A] }\n');
    expect(cfg.policies[0]!.conditions.map((c) => c.matchers[0]!.test(c.claim === 'repository_id' ? '9007199254740993' : '9919'))).toEqual([true, true, false]);
    expect(cfg.policies[0]!.conditions[1]!.matchers[0]!.test('9007199254740992')).toBe(false);
  });

  it('claimNumberSources reads how the file wrote each number', () => {
    const doc = parseDocument('policies:\n  - claims: { a: 0x10, b: [1, "2", 1e3], c: x }\n  - claims: { d: 9007199254740993 }\n');
    expect([...claimNumberSources(doc)]).toEqual([
      ['policies[0].claims.a', '0x10'],
      ['policies[0].claims.b[0]', '1'],
      ['policies[0].claims.b[2]', '1e3'],
      ['policies[1].claims.d', '9007199254740993'],
    ]);
  });
});
