// The claims GitHub and GitLab put in their OIDC tokens (src/platform/claims.ts), written out by hand from
// their documentation (design.md, platform-facts.md and the seeds), one row per claim with what it is. The
// catalogue is held to the table both ways: every row is emitted by its platform (and a platform-only claim
// by that platform alone), and every claim the catalogue lists has its row, so a claim dropped from the
// catalogue (the lint would then call a real policy "never matches") fails here.
import { describe, expect, it } from '@jest/globals';
import { claimNames, emitsClaim, isRepoPropertyClaim } from '../../src/platform/claims.js';

type Row = readonly [claim: string, what: string];

const STANDARD: readonly Row[] = [
  ['iss', 'the issuer URL'],
  ['sub', 'the subject: repo:... on GitHub, project_path:... on GitLab'],
  ['aud', 'the audience the job asked for'],
  ['exp', 'expiry'],
  ['iat', 'issued at'],
  ['nbf', 'not before'],
  ['jti', 'the token ID replay protection keys on'],
];
const SHARED: readonly Row[] = [
  ['ref', 'the branch or tag (GitHub: refs/heads/main; GitLab: main)'],
  ['ref_type', 'branch or tag'],
  ['ref_protected', 'whether branch protection (GitHub: or a ruleset) applies to the ref'],
  ['environment', 'the deployment environment'],
  ['runner_environment', 'github-hosted / self-hosted; GitLab: gitlab-hosted / self-hosted'],
  ['sha', 'the commit'],
];
const GITHUB: readonly Row[] = [
  ['actor', 'who started the run'],
  ['actor_id', "the actor's immutable ID"],
  ['base_ref', 'the target branch of a pull request'],
  ['check_run_id', 'the exact job (2025-11-13)'],
  ['enterprise', 'the enterprise slug (GHEC)'],
  ['enterprise_id', "the enterprise's ID (GHEC)"],
  ['environment_node_id', "the environment's node ID"],
  ['event_name', 'push, pull_request, workflow_dispatch...'],
  ['head_ref', 'the source branch of a pull request'],
  ['job_workflow_ref', 'the reusable workflow (callee) running the job'],
  ['job_workflow_sha', "the callee's commit"],
  ['repository', 'OWNER/REPO'],
  ['repository_id', "the repository's immutable ID"],
  ['repository_owner', 'OWNER'],
  ['repository_owner_id', "the owner's immutable ID"],
  ['repository_visibility', 'public, private or internal'],
  ['run_attempt', 'the attempt number'],
  ['run_id', 'the run'],
  ['run_number', 'the run number'],
  ['triggering_actor', 'who triggered this attempt'],
  ['workflow', "the workflow's name"],
  ['workflow_ref', 'the caller workflow file and ref'],
  ['workflow_sha', "the caller workflow's commit"],
];
const GITLAB: readonly Row[] = [
  ['namespace_id', "the group's immutable ID"],
  ['namespace_path', 'the group path'],
  ['project_id', "the project's immutable ID"],
  ['project_path', 'GROUP/PROJECT'],
  ['project_visibility', 'public, internal or private'],
  ['user_id', "the user's ID"],
  ['user_login', "the user's name"],
  ['user_email', "the user's email"],
  ['user_identities', "the user's external identities"],
  ['user_access_level', "the user's role in the project"],
  ['groups_direct', "the user's direct groups"],
  ['pipeline_id', 'the pipeline'],
  ['pipeline_source', 'push, merge_request_event, schedule...'],
  ['job_id', 'the job'],
  ['ref_path', 'refs/heads/main'],
  ['environment_protected', 'whether the environment is protected'],
  ['environment_action', 'start, prepare, stop...'],
  ['deployment_tier', 'production, staging...'],
  ['runner_id', 'the runner'],
  ['ci_config_ref_uri', 'the pipeline definition file and ref'],
  ['ci_config_sha', "the pipeline definition's commit"],
  ['job_project_id', 'the project the job runs in (a fork MR: the parent)'],
  ['job_project_path', 'the project the job runs in'],
  ['job_namespace_id', 'the group the job runs in'],
  ['job_namespace_path', 'the group the job runs in'],
];

describe('the claim catalogues against the hand-written table', () => {
  it.each([...STANDARD, ...SHARED].map(([c, what]) => [c, what]))('%s (%s) is in both platforms\' tokens', (claim) => {
    expect(emitsClaim('github', claim)).toBe(true);
    expect(emitsClaim('gitlab', claim)).toBe(true);
  });

  it.each(GITHUB.map(([c, what]) => [c, what]))('%s (%s) is GitHub\'s only', (claim) => {
    expect(emitsClaim('github', claim)).toBe(true);
    expect(emitsClaim('gitlab', claim)).toBe(false);
  });

  it.each(GITLAB.map(([c, what]) => [c, what]))('%s (%s) is GitLab\'s only', (claim) => {
    expect(emitsClaim('gitlab', claim)).toBe(true);
    expect(emitsClaim('github', claim)).toBe(false);
  });

  it('every claim the catalogue lists has its row (both ways)', () => {
    const names = (rows: readonly Row[]) => rows.map(([c]) => c);
    expect(claimNames('github').sort()).toEqual([...names(STANDARD), ...names(SHARED), ...names(GITHUB)].sort());
    expect(claimNames('gitlab').sort()).toEqual([...names(STANDARD), ...names(SHARED), ...names(GITLAB)].sort());
  });

  it.each<[string, 'github' | 'gitlab' | 'unknown', boolean, string]>([
    ['repo_property_tier', 'github', true, 'a custom-property claim (GA 2026-03-12)'],
    ['repo_property_', 'github', false, 'the prefix alone names no property'],
    ['repo_property_tier', 'gitlab', false, 'GitLab has no custom-property claims'],
    ['repository ', 'github', false, 'names are exact'],
    ['Repository', 'github', false, 'names are case-sensitive'],
    ['anything', 'unknown', true, 'an issuer of unknown kind might emit anything'],
  ])('%j from %s: %j (%s)', (claim, kind, emitted) => {
    expect(emitsClaim(kind, claim)).toBe(emitted);
  });

  it('repo_property_ claims need a name after the prefix', () => {
    expect(isRepoPropertyClaim('repo_property_x')).toBe(true);
    expect(isRepoPropertyClaim('repo_property_')).toBe(false);
    expect(isRepoPropertyClaim('x_repo_property_y')).toBe(false);
  });
});
