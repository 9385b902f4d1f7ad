// A fake issuer running in another process (`oidc-exchange issuers`), reached over HTTP by the commands that
// use one (`token`, `gitlab-job`): which kind it is, from its discovery document, and a token minted at its
// harness-only endpoint (POST /_harness/mint, see issuer.ts).
import { request } from 'undici';
import type { IssuerKind } from './issuer.js';

/**
 * GitHub's keys are at /.well-known/jwks, GitLab's at /oauth/discovery/keys: the discovery document says
 * which. Undefined when the answer is not a fake issuer's; throws when there is no answer at all.
 */
export async function runningIssuerKind(issuerUrl: string): Promise<IssuerKind | undefined> {
  const res = await request(`${issuerUrl}/.well-known/openid-configuration`);
  const jwksUri = ((await res.body.json()) as { jwks_uri?: unknown }).jwks_uri;
  if (typeof jwksUri === 'string' && jwksUri.endsWith('/oauth/discovery/keys')) return 'gitlab';
  if (typeof jwksUri === 'string' && jwksUri.endsWith('/.well-known/jwks')) return 'github';
  return undefined;
}

export interface MintRequest {
  claims: Record<string, unknown>;
  audience?: string | string[];
  ttlSeconds?: number;
}

/** Asks the running issuer to sign a token; its status and its answer's text, as they came. */
export async function mintAt(issuerUrl: string, mint: MintRequest): Promise<{ status: number; text: string }> {
  const res = await request(`${issuerUrl}/_harness/mint`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(mint),
  });
  return { status: res.statusCode, text: await res.body.text() };
}
