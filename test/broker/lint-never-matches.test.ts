// The `never-matches` lint warning (issue 18): a condition value in a shape the platform never sends. GitHub
// sends `ref` as `refs/heads/main`, GitLab as `main`; `ref_type` is `branch` or `tag` on both; `sub` is the
// platform's own format. Literals, globs and patterns (each top-level alternative) are judged; a value that may
// match is never reported, and an issuer of unknown kind is left alone.
import { describe, expect, it } from '@jest/globals';
import { lintConfig } from '../../src/broker/lint/index.js';

const IDS = { repository_owner_id: '9919', repository_id: '690210123' };
const GITLAB_IDS = { project_id: '4711', ref_protected: 'true' };

type Issuer = 'github' | 'gitlab' | 'other';

function neverMatches(issuer: Issuer, claims: Record<string, unknown>): Array<{ path: string; message: string }> {
  const raw = {
    audience: 'https://broker.example.com',
    issuers: [
      { id: 'github', issuer: 'https://token.actions.githubusercontent.com' },
      { id: 'gitlab', issuer: 'https://git.corp.example', kind: 'gitlab' },
      { id: 'other', issuer: 'https://ci.example.net' },
    ],
    secrets: { DB_PASSWORD: { value: 'not-a-secret' } },
    policies: [{ name: 'p', issuer, claims: { ...(issuer === 'gitlab' ? GITLAB_IDS : IDS), ...claims }, secrets: ['DB_PASSWORD'] }],
  };
  // A finding's message is what was found, then the rule's risk: the first part is what this test checks.
  return lintConfig(raw)
    .findings.filter((f) => f.rule === 'never-matches')
    .map((f) => ({ path: f.path, message: f.message.split('. A condition value in a shape')[0]! }));
}

describe('never-matches: values the platform never sends', () => {
  it.each([
    ['GitHub ref without refs/', 'github', { ref: 'main' }, 'GitHub sends ref as the full ref: refs/heads/<branch>, refs/tags/<tag> or refs/pull/<n>/merge: "main" never matches; write "refs/heads/main", so policy p never matches'],
    ['GitHub ref that is a version', 'github', { ref: 'v1.2.0' }, 'GitHub sends ref as the full ref: refs/heads/<branch>, refs/tags/<tag> or refs/pull/<n>/merge: "v1.2.0" never matches; write "refs/tags/v1.2.0", so policy p never matches'],
    ['GitHub ref glob without refs/', 'github', { ref: 'release/*' }, 'GitHub sends ref as the full ref: refs/heads/<branch>, refs/tags/<tag> or refs/pull/<n>/merge: "release/*" never matches (every value it accepts starts with "release/"), so policy p never matches'],
    ['GitHub ref pattern whose alternatives are short names', 'github', { ref: { pattern: 'main|develop' } }, 'GitHub sends ref as the full ref: refs/heads/<branch>, refs/tags/<tag> or refs/pull/<n>/merge: "main|develop" never matches (every value it accepts starts with "main" or "develop"), so policy p never matches'],
    ['GitLab ref with refs/heads/', 'gitlab', { ref: 'refs/heads/main' }, 'GitLab sends ref as the short branch or tag name (main, v1.2.0), without refs/heads/ or refs/tags/: "refs/heads/main" never matches; write "main", so policy p never matches'],
    ['GitLab ref pattern under refs/tags/', 'gitlab', { ref: { pattern: 'refs/tags/v[0-9]+' } }, 'GitLab sends ref as the short branch or tag name (main, v1.2.0), without refs/heads/ or refs/tags/: "refs/tags/v[0-9]+" never matches (every value it accepts starts with "refs/tags/v"), so policy p never matches'],
    ['GitHub ref_type outside branch/tag', 'github', { ref_type: 'branches' }, 'GitHub sends ref_type as branch or tag: "branches" never matches, so policy p never matches'],
    ['GitLab ref_type pattern accepting neither', 'gitlab', { ref_type: { pattern: 'heads|tags' } }, 'GitLab sends ref_type as branch or tag: "heads|tags" accepts none of them, so policy p never matches'],
    ['GitHub sub that is a repository name', 'github', { sub: 'octo-org/octo-repo' }, 'GitHub sends sub as repo:<owner>/<repo>:<context> (or the key:value pairs of a customized subject): "octo-org/octo-repo" never matches, so policy p never matches'],
    ["GitLab sub in GitHub's shape", 'gitlab', { sub: 'repo:acme/app:ref:main' }, 'GitLab sends sub as project_path:<group>/<project>:ref_type:<branch|tag>:ref:<ref>: "repo:acme/app:ref:main" never matches, so policy p never matches'],
    ['GitLab sub glob in the wrong shape', 'gitlab', { sub: 'acme/app:*' }, 'GitLab sends sub as project_path:<group>/<project>:ref_type:<branch|tag>:ref:<ref>: "acme/app:*" never matches (every value it accepts starts with "acme/app:"), so policy p never matches'],
  ] as Array<[string, Issuer, Record<string, unknown>, string]>)('%s', (_what, issuer, claims, message) => {
    const claim = Object.keys(claims)[0]!;
    expect(neverMatches(issuer, claims)).toEqual([{ path: `policies[0].claims.${claim}`, message }]);
  });

  it('one dead entry in a list is reported on its own path, without calling the policy dead', () => {
    expect(neverMatches('github', { ref: ['refs/heads/main', 'develop'] })).toEqual([
      {
        path: 'policies[0].claims.ref[1]',
        message: 'GitHub sends ref as the full ref: refs/heads/<branch>, refs/tags/<tag> or refs/pull/<n>/merge: "develop" never matches; write "refs/heads/develop"',
      },
    ]);
  });

  it.each([
    ['github', { ref: 'refs/heads/main' }],
    ['github', { ref: 'refs/tags/*' }],
    ['github', { ref: { pattern: 'refs/heads/(main|release/.+)' } }],
    ['github', { ref: { pattern: '(refs/heads/main|refs/tags/v.*)' } }],
    ['github', { ref_type: 'tag' }],
    ['github', { ref_type: { pattern: 'br.*' } }],
    ['github', { sub: 'repo:octo-org/octo-repo:environment:production' }],
    ['github', { sub: 'repo:octo-org@9919/octo-repo@690210123:pull_request' }],
    ['github', { sub: 'repository_owner_id:9919:repository_id:690210123:environment:production' }],
    ['github', { sub: 'repo:octo-org/octo-repo:*' }],
    ['gitlab', { ref: 'main' }],
    ['gitlab', { ref: 'release/*' }],
    ['gitlab', { ref_type: 'branch' }],
    ['gitlab', { sub: 'project_path:acme/platform/api:ref_type:branch:ref:main' }],
    ['gitlab', { sub: 'project_path:acme/platform/api:*' }],
    // Nobody knows what an issuer of unknown kind sends.
    ['other', { ref: 'main' }],
  ] as Array<[Issuer, Record<string, unknown>]>)('%s %j is not reported', (issuer, claims) => {
    expect(neverMatches(issuer, claims)).toEqual([]);
  });
});
