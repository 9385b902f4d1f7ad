// Which platform an OIDC issuer is, and where its REST API lives. The URL tells only for the platforms' own
// issuers: GitHub.com (`https://token.actions.githubusercontent.com`), its enterprise issuers
// (`…githubusercontent.com/<enterprise-slug>`), GHE.com data residency (`https://token.actions.<sub>.ghe.com`),
// GitHub Enterprise Server (`https://HOST/_services/token`), gitlab.com, and a host named for GitLab
// (`gitlab.example.com`). A self-managed GitLab lives at any host name (`git.corp.example`), so everywhere else
// the configuration declares the kind (`kind: gitlab`); a guess from the claims a policy happens to use would
// let a GitLab issuer escape GitLab's identity rules.

export type PlatformKind = 'github' | 'gitlab';

export const GITHUB_DOT_COM_ISSUER = 'https://token.actions.githubusercontent.com';
export const GITLAB_DOT_COM_ISSUER = 'https://gitlab.com';
export const GITHUB_DOT_COM_API = 'https://api.github.com';

/** Which GitHub deployment an issuer URL names, or undefined when it names none. */
export type GitHubDeployment = 'github.com' | 'enterprise-issuer' | 'ghe.com' | 'ghes';

export function githubDeploymentOf(url: string): GitHubDeployment | undefined {
  const u = url.replace(/\/+$/, '');
  if (u === GITHUB_DOT_COM_ISSUER) return 'github.com';
  // One path segment: the enterprise's slug.
  if (u.startsWith(`${GITHUB_DOT_COM_ISSUER}/`) && /^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(u.slice(GITHUB_DOT_COM_ISSUER.length + 1))) return 'enterprise-issuer';
  if (/^https:\/\/token\.actions\.[a-z0-9][a-z0-9-]*\.ghe\.com$/i.test(u)) return 'ghe.com';
  if (/^https:\/\/[^/?#]+\/_services\/token$/.test(u)) return 'ghes';
  return undefined;
}

/** The kind an issuer URL alone tells, or undefined when only a declaration can say. */
export function kindFromIssuerUrl(url: string): PlatformKind | undefined {
  if (githubDeploymentOf(url)) return 'github';
  const u = url.replace(/\/+$/, '');
  if (u === GITLAB_DOT_COM_ISSUER) return 'gitlab';
  // A host with a `gitlab` label (gitlab.example.com, ci-gitlab.corp): named for it by its operators.
  if (/^https?:\/\/(?:[^/@]*\.)?[^./@]*gitlab[^./@]*(?:\.[^/@]*)?(?::\d+)?(?:\/|$)/i.test(u)) return 'gitlab';
  return undefined;
}

export type KindResolution = { kind: PlatformKind } | { problem: string };

/**
 * The issuer's kind: the declared one, else the one its URL tells. A declaration that contradicts the URL, or
 * neither, is a problem whose text says how to declare it.
 */
export function resolveIssuerKind(url: string, declared: PlatformKind | undefined): KindResolution {
  const byUrl = kindFromIssuerUrl(url);
  if (declared && byUrl && declared !== byUrl && githubDeploymentOf(url)) {
    return { problem: `${url} is a GitHub Actions issuer, not ${declared}: remove "kind: ${declared}" (or write "kind: github")` };
  }
  if (declared) return { kind: declared };
  if (byUrl) return { kind: byUrl };
  return {
    problem:
      `the URL ${url} does not say whether this is GitHub or GitLab: add "kind: gitlab" to this issuer for a self-managed GitLab ` +
      '(at any host name), or "kind: github" for a GitHub issuer at an address of its own; the kind decides which identity rules its policies are held to',
  };
}

/**
 * The REST API that serves the GitHub deployment an issuer belongs to (where its App tokens are minted and
 * revoked): api.github.com for GitHub.com and its enterprise issuers, `https://api.<sub>.ghe.com` for GHE.com,
 * `https://HOST/api/v3` for GHES. Undefined for anything else.
 */
export function githubApiUrlFor(issuerUrl: string): string | undefined {
  const u = issuerUrl.replace(/\/+$/, '');
  switch (githubDeploymentOf(u)) {
    case 'github.com':
    case 'enterprise-issuer':
      return GITHUB_DOT_COM_API;
    case 'ghe.com':
      return `https://api.${/^https:\/\/token\.actions\.([^/]+)$/i.exec(u)![1]}`;
    case 'ghes':
      return `${u.slice(0, -'/_services/token'.length)}/api/v3`;
    default:
      return undefined;
  }
}
