// The claims GitHub and GitLab put in tokens today (shared/platform-facts.md): GitHub's custom-property claims
// `repo_property_<name>` are a claim family, not typos; the docs' attribute-based policy lints clean and admits
// a token of the fake GitHub issuer carrying the property; `check_run_id`, `enterprise` and `enterprise_id`
// reach the audit line. Expected values are written here by hand.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { lintConfig } from '../../src/broker/lint/index.js';
import { blocksOf } from '../helpers/docs.js';
import { AUDIENCE, exchangeOver, startTestBed, type TestBed } from '../helpers/broker.js';

const example = blocksOf('docs/policies.md').find((b) => b.tags[0] === 'broker-config' && b.text.includes('repo_property_tier'));
const policies = (parse(example?.text ?? 'policies: []') as { policies: Array<Record<string, unknown>> }).policies;

function raw(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    audience: AUDIENCE,
    issuers: [{ id: 'github', issuer: 'https://token.actions.githubusercontent.com' }],
    secrets: { DB_PASSWORD: { value: 'not-a-secret' } },
    policies,
    ...extra,
  };
}

describe("the docs' attribute-based policy", () => {
  it('is in docs/policies.md, pins both IDs and the property', () => {
    expect(example).toBeDefined();
    expect(policies[0]!.claims).toMatchObject({ repository_owner_id: '9919', repository_id: '690210123', repo_property_tier: 'production' });
  });

  it('lints with no finding at all: no unknown-claim', () => {
    expect(lintConfig(raw()).findings).toEqual([]);
  });

  it('a misspelt prefix (repo_propert_tier) is outside the family: unknown-claim', () => {
    const typo = [{ ...policies[0], claims: { ...(policies[0]!.claims as object), repo_propert_tier: 'production' } }];
    expect(lintConfig(raw({ policies: typo })).findings.map((f) => f.rule)).toEqual(['unknown-claim']);
  });

  it('a comma-joined value compared for equality is a warning that suggests a pattern; a single value is not', () => {
    const multi = [{ ...policies[0], claims: { ...(policies[0]!.claims as object), repo_property_regions: 'us-east-1,eu-west-1' } }];
    const found = lintConfig(raw({ policies: multi })).findings;
    expect(found.map((f) => [f.rule, f.path])).toEqual([['repo-property-equality', 'policies[0].claims.repo_property_regions']]);
    expect(found[0]!.message).toContain('{ pattern: "(.*,)?us-east-1(,.*)?" }');
    const single = [{ ...policies[0], claims: { ...(policies[0]!.claims as object), repo_property_regions: 'us-east-1' } }];
    expect(lintConfig(raw({ policies: single })).findings).toEqual([]);
  });
});

describe('against the fake GitHub issuer', () => {
  let bed: TestBed;
  beforeAll(async () => {
    bed = await startTestBed({ config: () => ({ secrets: { DB_PASSWORD: { value: 'attribute-policy-secret-0001' } }, policies }) });
  });
  afterAll(() => bed.close());

  const token = (extra: Record<string, string>) =>
    bed.github.mint({ ...bed.github.claimsFor({ repository: 'octo-org/octo-repo', repository_id: '690210123', repository_owner_id: '9919', environment: 'production' }), ...extra });

  it('admits a job of the repository whose tier is production, and writes check_run_id and the enterprise to the audit line', async () => {
    const from = bed.log.length;
    const a = await exchangeOver(bed.url, { token: await token({ repo_property_tier: 'production', check_run_id: '51234567890', enterprise: 'octo-enterprise', enterprise_id: '4242' }) });
    expect(a.status).toBe(200);
    expect(a.json.policy).toBe('prod-by-tier');
    const line = JSON.parse(bed.log.slice(from).find((l) => l.includes('"event":"exchange"'))!) as Record<string, unknown>;
    expect(line).toMatchObject({ outcome: 'granted', check_run_id: '51234567890', enterprise: 'octo-enterprise', enterprise_id: '4242' });
  });

  it('refuses the same repository with another tier, or without the property', async () => {
    expect((await exchangeOver(bed.url, { token: await token({ repo_property_tier: 'staging' }) })).status).toBe(403);
    expect((await exchangeOver(bed.url, { token: await token({}) })).status).toBe(403);
  });
});
