// Where a GitHub App's tokens are minted and revoked: at `github_apps.<name>.api_url`, which defaults to
// api.github.com. A job of GHE.com (`token.actions.<sub>.ghe.com`, API `api.<sub>.ghe.com`) or of GitHub
// Enterprise Server (`https://HOST/_services/token`, API `https://HOST/api/v3`) lives on another GitHub, so an
// app whose secrets only such jobs get, left at the default, would mint at the wrong GitHub (or fail). The
// broker does not guess the API from the issuer: it asks for `api_url` and names the value the issuer implies.
import { GITHUB_DOT_COM_API, githubApiUrlFor } from '../../platform/issuers.js';

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Problems, by path, for apps without `api_url` whose secrets go to jobs of a GitHub other than GitHub.com. */
export function githubApiHostProblems(raw: Record<string, unknown>): string[] {
  const apps = isObject(raw.github_apps) ? raw.github_apps : {};
  const secrets = isObject(raw.secrets) ? raw.secrets : {};
  const issuers = new Map<string, string>();
  for (const i of Array.isArray(raw.issuers) ? raw.issuers : []) {
    if (isObject(i) && typeof i.id === 'string' && typeof i.issuer === 'string') issuers.set(i.id, i.issuer);
  }
  // The API host each app's secrets are granted towards, by the issuers of the policies granting them.
  const wanted = new Map<string, Map<string, string>>();
  for (const p of Array.isArray(raw.policies) ? raw.policies : []) {
    if (!isObject(p) || typeof p.issuer !== 'string' || !Array.isArray(p.secrets)) continue;
    const issuerUrl = issuers.get(p.issuer);
    const api = issuerUrl === undefined ? undefined : githubApiUrlFor(issuerUrl);
    if (api === undefined || api === GITHUB_DOT_COM_API) continue;
    for (const name of p.secrets) {
      const spec = typeof name === 'string' && Object.hasOwn(secrets, name) ? secrets[name] : undefined;
      const grant = isObject(spec) && isObject(spec.github_app) ? spec.github_app : undefined;
      if (typeof grant?.app !== 'string') continue;
      if (!wanted.has(grant.app)) wanted.set(grant.app, new Map());
      wanted.get(grant.app)!.set(api, issuerUrl!);
    }
  }
  const problems: string[] = [];
  for (const [app, apis] of wanted) {
    const a = Object.hasOwn(apps, app) ? apps[app] : undefined;
    if (!isObject(a) || a.api_url !== undefined) continue;
    const [[api, issuer]] = [...apis];
    problems.push(
      `github_apps.${app}.api_url: its tokens go to jobs of ${issuer}, whose GitHub API is ${api}, but api_url defaults to ${GITHUB_DOT_COM_API}; ` +
        `set api_url: ${api} (tokens are minted and revoked there)`,
    );
  }
  return problems;
}
