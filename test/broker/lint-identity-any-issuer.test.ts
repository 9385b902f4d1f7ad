// Issue 18, finding 2: a GitLab host not named "gitlab" got no identity rule at all, so a policy pinning
// nothing but `ref` and `environment` handed its secrets to any project on the instance. The rule
// `no-identity-claim` holds whatever the issuer's kind: a policy that pins no ID, owner, project, repository
// or literal `sub` does not load. Real broker, real fake issuer (at 127.0.0.1: not named gitlab), real tokens.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { lintConfig } from '../../src/broker/lint/index.js';
import { startFakeIssuer, type FakeIssuer } from '../../src/harness/fakes/issuer.js';
import { exchangeStatus } from '../helpers/broker.js';

const AUDIENCE = 'https://broker.identity.oidc-exchange.dev';
let gitlab: FakeIssuer;

beforeAll(async () => {
  gitlab = await startFakeIssuer({ kind: 'gitlab', audience: AUDIENCE });
});
afterAll(async () => {
  await gitlab.close();
});

// Every issuer has a kind (declared where its URL does not say: src/platform/issuers.ts). The rule under test is
// the floor under the kinds' own rules: it speaks for an issuer none of them covers, such as a GitHub issuer at
// an address of its own (GHES), which `kind: github` on a URL other than GitHub.com's stands for here.
function config(policy: Record<string, unknown>, issuerUrl = gitlab.url, kind = 'github'): Record<string, unknown> {
  return {
    audience: AUDIENCE,
    issuers: [{ id: 'ci', issuer: issuerUrl, kind, jwks_uri: gitlab.jwksUri }],
    secrets: { DB_PASSWORD: { value: 'identity-secret-value' } },
    policies: [{ name: 'deploy', issuer: 'ci', secrets: ['DB_PASSWORD'], ...policy }],
  };
}

describe('no-identity-claim: a policy pins who the job is, on any issuer', () => {
  it('an issuer no platform rule covers (not named gitlab, not GitHub.com) gave any project the secret; refused at start-up', async () => {
    expect(new URL(gitlab.url).hostname).not.toMatch(/gitlab/);
    const risky = { claims: { ref: 'main', environment: 'production' } };
    const evil = await gitlab.mint(gitlab.claimsFor({ project_path: 'mallory/stuff', project_id: '31337', namespace_id: '31338', ref: 'main', environment: 'production' }));
    expect(await exchangeStatus(config({ ...risky, allow_risky: [{ rule: 'no-identity-claim', reason: 'the behaviour before the rule' }] }), evil)).toBe(200);
    await expect(exchangeStatus(config(risky), evil)).rejects.toThrow(/policies\[0\]\.claims: no-identity-claim in policy deploy: policy deploy pins no identity claim/);
    const pinned = { claims: { project_id: '4711', ref: 'main', environment: 'production' } };
    expect(await exchangeStatus(config({ ...pinned, allow_risky: [{ rule: 'gitlab-unprotected-ref', reason: 'test' }] }), evil)).toBe(403);
    // Declared as the GitLab it is, GitLab's own identity rule refuses the same policy (one problem, reported once).
    await expect(exchangeStatus(config(risky, gitlab.url, 'gitlab'), evil)).rejects.toThrow(/policies\[0\]\.claims: gitlab-any-project in policy deploy/);
  });

  // Which error rule refuses the policy, if any (one problem is reported once: where the kind is known from
  // the claims, the kind's own rule speaks).
  const IDENTITY_ERRORS = ['github-any-repository', 'gitlab-any-project', 'owner-wildcard', 'reusable-workflow-any-caller', 'no-identity-claim'];
  it.each<[string, string | undefined, Record<string, unknown>]>([
    ['nothing but ref and environment', 'no-identity-claim', { ref: 'main', environment: 'production' }],
    ['an owner left to a wildcard', 'owner-wildcard', { repository: '*/app', ref: 'main' }],
    // A GitHub issuer reads `sub` as GitHub builds it: a pattern that leaves the owner open is the owner rule's.
    ['a sub pattern', 'owner-wildcard', { sub: { pattern: 'project_path:acme/.*' }, ref: 'main' }],
    ['a called workflow only', 'reusable-workflow-any-caller', { job_workflow_ref: 'octo-org/ci/.github/workflows/d.yml@refs/heads/main' }],
    ['an exact project ID', undefined, { project_id: '4711' }],
    ['an exact repository ID', undefined, { repository_id: '690210123' }],
    ['a literal owner', undefined, { namespace_path: 'acme/*' }],
    ['a literal sub', undefined, { sub: 'project_path:acme/api:ref_type:branch:ref:main' }],
  ])('an issuer at ci.example.com, %s: refused by %s', (_what, rule, claims) => {
    const raw = config({ claims }, 'https://ci.example.com');
    const identityErrors = lintConfig(raw).findings.map((f) => f.rule).filter((r) => IDENTITY_ERRORS.includes(r));
    expect(identityErrors).toEqual(rule === undefined ? [] : [rule]);
  });
});
