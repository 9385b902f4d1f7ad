// The installation tokens the fake GitHub API hands out, in GitHub's two forms (src/platform/tokens.ts):
// stateless by default, as github.com issues them since the 2026 rollout, so every test that mints a token
// carries the long form with its dots, dashes and underscores; classic on request (GHES, or the
// `X-GitHub-Stateless-S2S-Token: disabled` header). The stateless token is shaped like GitHub's
// (`ghs_<APPID>_<header>.<payload>.<signature>`, about 520 characters) but nobody verifies it: like GitHub's,
// it is opaque to its holders, and the fake looks tokens up by value.
import { randomBytes, randomInt } from 'node:crypto';
import type { InstallationTokenForm } from '../../platform/tokens.js';

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export interface TokenFacts {
  appId: number;
  installationId: number;
  repositoryIds: number[];
  expiresAt: Date;
  issuedAt: Date;
}

export function mintInstallationToken(form: InstallationTokenForm, facts: TokenFacts): string {
  return form === 'classic' ? `ghs_${randomBase62(36)}` : statelessToken(facts);
}

/** What a GitHub installation-token request asked for with the override header (other values are ignored). */
export function requestedForm(header: string | string[] | undefined): InstallationTokenForm | undefined {
  const v = Array.isArray(header) ? header[0] : header;
  if (v === 'enabled') return 'stateless';
  if (v === 'disabled') return 'classic';
  return undefined;
}

function statelessToken(f: TokenFacts): string {
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const header = b64({ alg: 'RS256', typ: 'JWT', kid: randomBytes(12).toString('hex') });
  const payload = b64({
    iss: 'https://api.github.com',
    sub: `installation:${f.installationId}`,
    app_id: f.appId,
    iid: f.installationId,
    rids: f.repositoryIds.slice(0, 4),
    iat: Math.floor(f.issuedAt.getTime() / 1000),
    exp: Math.floor(f.expiresAt.getTime() / 1000),
    // GitHub's tokens vary in length; so do these (a test must not learn a length).
    jti: randomBytes(8 + randomInt(8)).toString('hex'),
  });
  // Drawn until it holds both `-` and `_`, so every token carries the characters a careless pattern drops.
  let signature = '';
  while (!/-/.test(signature) || !/_/.test(signature)) signature = randomBytes(136).toString('base64url');
  return `ghs_${f.appId}_${header}.${payload}.${signature}`;
}

function randomBase62(n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += BASE62[randomInt(BASE62.length)];
  return s;
}
