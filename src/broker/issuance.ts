// Tokens the broker mints: settled together (one failure revokes the others again, so a refused exchange
// leaves no live token behind), recorded in the store by hash (so the revocation API knows them if they leak),
// and revoked by kind. The token itself is never stored or logged: only its SHA-256.
import { createHash } from 'node:crypto';
import { BrokerError } from './errors.js';
import { revokeInstallationToken } from './github/app.js';
import { GITHUB_INSTALLATION_TOKEN } from './sources/github-app.js';
import type { ResolvedSecret } from './sources/source.js';
import type { Store } from './store/store.js';

/** One entry of the exchange answer's `revoke` list (the revoke contract). */
export interface RevokeEntry {
  name: string;
  method: 'DELETE';
  url: string;
}

export type NamedSecret = ResolvedSecret & { name: string };

/** Who a token was issued to: the verified token's identity and the policy that granted it. */
export interface IssuedTo {
  policy: string;
  issuer?: string;
  sub?: string;
  jti?: string;
  repository?: string;
  project_path?: string;
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Waits for every secret. If any failed, the tokens minted for the others are revoked (best effort) before
 * the first failure is thrown: the job gets nothing, so nothing it never received may stay alive.
 */
export async function settleSecrets(names: readonly string[], pending: Array<Promise<ResolvedSecret>>): Promise<NamedSecret[]> {
  const settled = await Promise.allSettled(pending);
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  const ok = settled.flatMap((s, i) => (s.status === 'fulfilled' ? [{ ...s.value, name: names[i]! }] : []));
  if (failed) {
    await discard(ok);
    throw failed.reason;
  }
  return ok;
}

/**
 * Records each minted secret in the store and returns the revoke list for the answer. A token that cannot be
 * recorded could not be revoked through the revocation API if it leaked, so it is not handed out.
 */
export async function recordIssuances(store: Store | undefined, secrets: NamedSecret[], to: IssuedTo): Promise<RevokeEntry[]> {
  const minted = secrets.filter((s) => s.issuance);
  if (minted.length === 0) return [];
  try {
    if (!store) throw new Error('no store to record issued tokens in');
    const issuedAt = new Date().toISOString();
    await Promise.all(
      minted.map((s) =>
        store.putIssuance({
          tokenHash: tokenHash(s.value),
          kind: s.issuance!.kind,
          policy: to.policy,
          issuer: to.issuer ?? '',
          sub: to.sub ?? '',
          jti: to.jti,
          repository: to.repository,
          project_path: to.project_path,
          issuedAt,
          expiresAt: (s.expiresAt ?? new Date(Date.now() + 3600_000)).toISOString(),
          meta: { ...s.issuance!.meta, secret: s.name },
        }),
      ),
    );
  } catch (e) {
    await discard(minted);
    throw new BrokerError('upstream_unavailable', "the broker cannot record the tokens it mints right now, so it hands none out; try again later", {
      detail: `recording issuances: ${(e as Error).message}`,
      retryAfter: 5,
    });
  }
  return minted.filter((s) => s.revoke).map((s) => ({ name: s.name, method: s.revoke!.method, url: s.revoke!.url }));
}

/**
 * Revokes one issued token at its provider, by kind.
 * @param issuedAtMs when the broker minted it (a provider may not know a token for its first seconds)
 */
export async function revokeIssued(kind: string, meta: Record<string, string> | undefined, token: string, issuedAtMs: number): Promise<'revoked' | 'already_dead'> {
  if (kind === GITHUB_INSTALLATION_TOKEN && meta?.api_url) return revokeInstallationToken(meta.api_url, token, undefined, issuedAtMs);
  throw new BrokerError('internal_error', 'the broker does not know how to revoke this token', { detail: `no revoker for kind ${kind}` });
}

async function discard(secrets: NamedSecret[]): Promise<void> {
  // Minted moments ago: now stands in for the minting time.
  const mintedAt = Date.now();
  await Promise.allSettled(secrets.filter((s) => s.issuance).map((s) => revokeIssued(s.issuance!.kind, s.issuance!.meta, s.value, mintedAt)));
}
