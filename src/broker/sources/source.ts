// The interface every secret source implements: a name and kind for logs, where the value comes from (never
// the value), and `resolve`, which delivers the value for one exchange. The implementations sit beside this
// file (static.ts, github-app.ts, and the backends' vault.ts, aws.ts, age.ts); index.ts makes them from the
// configuration.

/** What a source may need to know about the exchange it serves (minted sources use it; static ones ignore it). */
export interface ResolveContext {
  /** The policy that granted the secret. */
  policy: string;
  /** The request's narrowing for this secret (source-specific shape, already checked for form). */
  narrowing?: unknown;
}

export interface ResolvedSecret {
  value: string;
  /** When the value stops being valid (null: static). */
  expiresAt: Date | null;
  /** How the holder revokes a minted value at the end of the job (the revoke contract). */
  revoke?: { method: 'DELETE'; url: string };
  /** Present for values the broker minted: recorded in the store so the revocation API recognises them. */
  issuance?: { kind: string; meta: Record<string, string> };
}

export interface SecretSource {
  readonly name: string;
  readonly kind: 'env' | 'file' | 'value' | 'github_app' | 'vault' | 'aws_secrets_manager' | 'age';
  /** Where the value comes from, for logs and `check` (never the value). */
  readonly origin: string;
  resolve(ctx?: ResolveContext): Promise<ResolvedSecret>;
}
