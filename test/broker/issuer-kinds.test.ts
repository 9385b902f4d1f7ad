// Which platform an issuer is: told by the URL only for the platforms' own issuers, declared (`kind:`) for
// everything else, never guessed from the claims a policy uses. A self-managed GitLab at a host whose name
// does not say "gitlab" gets GitLab's identity rules once declared, and does not load until it is. The tables
// are written by hand from GitHub's and GitLab's documentation (shared/platform-facts.md).
import { describe, expect, it } from '@jest/globals';
import { buildConfig } from '../../src/broker/config/load.js';
import { ConfigError } from '../../src/broker/errors.js';
import { githubApiUrlFor, kindFromIssuerUrl } from '../../src/platform/issuers.js';

describe('what an issuer URL says', () => {
  it.each([
    ['GitHub.com', 'https://token.actions.githubusercontent.com', 'github'],
    ['GitHub.com with a trailing slash', 'https://token.actions.githubusercontent.com/', 'github'],
    ["a GitHub Enterprise Cloud enterprise's own issuer (…/<enterprise-slug>)", 'https://token.actions.githubusercontent.com/octo-enterprise', 'github'],
    ['GHE.com (data residency): token.actions.<subdomain>.ghe.com', 'https://token.actions.octocorp.ghe.com', 'github'],
    ['GitHub Enterprise Server: https://HOST/_services/token', 'https://github.corp.example/_services/token', 'github'],
    ['gitlab.com', 'https://gitlab.com', 'gitlab'],
    ['a self-managed GitLab on a host named for it', 'https://gitlab.corp.example', 'gitlab'],
    ['a self-managed GitLab at any other host name: only a declaration can say', 'https://git.corp.example', undefined],
    ['code.acme.io: the same', 'https://code.acme.io', undefined],
    ['a loopback fake issuer: the same', 'http://127.0.0.1:8090', undefined],
    ['two path segments under githubusercontent.com are no enterprise issuer', 'https://token.actions.githubusercontent.com/a/b', undefined],
    ['"gitlab" only in the path says nothing about the host', 'https://sso.corp.example/gitlab', undefined],
  ])('%s', (_what, url, kind) => {
    expect(kindFromIssuerUrl(url)).toBe(kind);
  });

  it.each([
    ['GitHub.com', 'https://token.actions.githubusercontent.com', 'https://api.github.com'],
    ['an enterprise issuer on GitHub.com', 'https://token.actions.githubusercontent.com/octo-enterprise', 'https://api.github.com'],
    ['GHE.com: api.<subdomain>.ghe.com', 'https://token.actions.octocorp.ghe.com', 'https://api.octocorp.ghe.com'],
    ['GHES: https://HOST/api/v3', 'https://github.corp.example/_services/token', 'https://github.corp.example/api/v3'],
    ['a GitLab', 'https://gitlab.com', undefined],
  ])("the REST API of %s's GitHub", (_what, url, api) => {
    expect(githubApiUrlFor(url)).toBe(api);
  });
});

const SHARED_ONLY = { ref_protected: 'true', environment: 'production' };

function config(issuer: Record<string, unknown>, claims: Record<string, unknown> = SHARED_ONLY): Record<string, unknown> {
  return {
    audience: 'https://broker.example.com',
    issuers: [{ id: 'ci', ...issuer }],
    secrets: { DB_PASSWORD: { value: 'not-a-secret' } },
    policies: [{ name: 'deploy', issuer: 'ci', claims, secrets: ['DB_PASSWORD'] }],
  };
}

async function problems(raw: Record<string, unknown>): Promise<string[]> {
  const e = await buildConfig(raw, '/test/kinds.yaml', { env: {} }).then(() => undefined, (x: unknown) => x);
  return e instanceof ConfigError ? e.problems : [];
}

describe('the configuration says what the URL does not', () => {
  it('an issuer whose URL does not say is a configuration error that says how to declare it', async () => {
    const found = await problems(config({ issuer: 'https://git.corp.example' }, { project_id: '42', namespace_id: '7' }));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^issuers\[0\]\.kind: /);
    expect(found[0]).toContain('add "kind: gitlab" to this issuer');
    expect(found[0]).toContain('"kind: github"');
  });

  it('a shared-claims-only policy on https://git.corp.example with kind: gitlab is refused like on gitlab.corp.example', async () => {
    const declared = await problems(config({ issuer: 'https://git.corp.example', kind: 'gitlab' }));
    const named = await problems(config({ issuer: 'https://gitlab.corp.example' }));
    expect(named.some((p) => p.includes('gitlab-any-project'))).toBe(true);
    expect(declared.some((p) => p.includes('gitlab-any-project'))).toBe(true);
    expect(declared.map((p) => p.replace('git.corp.example', 'HOST'))).toEqual(named.map((p) => p.replace('gitlab.corp.example', 'HOST')));
  });

  it('the same policy pinning the project loads with kind: gitlab', async () => {
    expect(await problems(config({ issuer: 'https://git.corp.example', kind: 'gitlab' }, { ...SHARED_ONLY, project_id: '42', namespace_id: '7' }))).toEqual([]);
  });

  it('a GitHub issuer declared as GitLab is refused (the URL is GitHub\'s own)', async () => {
    const found = await problems(config({ issuer: 'https://token.actions.octocorp.ghe.com', kind: 'gitlab' }, { repository_owner_id: '9919', repository_id: '1' }));
    expect(found).toEqual([expect.stringMatching(/^issuers\[0\]\.kind: https:\/\/token\.actions\.octocorp\.ghe\.com is a GitHub Actions issuer, not gitlab/)]);
  });

  it('kind is github or gitlab, nothing else', async () => {
    const found = await problems(config({ issuer: 'https://git.corp.example', kind: 'bitbucket' }, { project_id: '42', namespace_id: '7' }));
    expect(found).toContain('issuers[0].kind: must be one of github, gitlab');
  });

  it('a claim name is no longer taken for the kind: a GitLab-only claim on an undeclared issuer does not make it GitLab', async () => {
    const found = await problems(config({ issuer: 'https://code.acme.io' }, { project_path: 'acme/app' }));
    expect(found.some((p) => p.startsWith('issuers[0].kind: the URL https://code.acme.io does not say whether this is GitHub or GitLab'))).toBe(true);
  });
});

describe("GHE.com and GHES: an App's tokens are minted and revoked at that GitHub's API", () => {
  function withApp(issuerUrl: string, app: Record<string, unknown>): Record<string, unknown> {
    return {
      audience: 'https://broker.example.com',
      issuers: [{ id: 'gh', issuer: issuerUrl }],
      secrets: { GH_TOKEN: { github_app: { app: 'main', repositories: ['octo-repo'], permissions: { contents: 'read' } } } },
      github_apps: { main: { app_id: '123', private_key_env: 'K', owner: 'octo-org', ...app } },
      policies: [{ name: 'deploy', issuer: 'gh', claims: { repository_owner_id: '9919', repository_id: '690210123' }, secrets: ['GH_TOKEN'] }],
    };
  }

  it.each([
    ['GHE.com', 'https://token.actions.octocorp.ghe.com', 'https://api.octocorp.ghe.com'],
    ['GHES', 'https://github.corp.example/_services/token', 'https://github.corp.example/api/v3'],
  ])('%s: an app left at the default api.github.com is refused, naming the api_url to set', async (_what, issuerUrl, api) => {
    expect(await problems(withApp(issuerUrl, {}))).toEqual([
      `github_apps.main.api_url: its tokens go to jobs of ${issuerUrl}, whose GitHub API is ${api}, but api_url defaults to https://api.github.com; set api_url: ${api} (tokens are minted and revoked there)`,
    ]);
    expect(await problems(withApp(issuerUrl, { api_url: api }))).toEqual([]);
  });

  it('GitHub.com and its enterprise issuers: the default is right', async () => {
    expect(await problems(withApp('https://token.actions.githubusercontent.com', {}))).toEqual([]);
    expect(await problems(withApp('https://token.actions.githubusercontent.com/octo-enterprise', {}))).toEqual([]);
  });
});
