// Where the broker's static secrets come from. Values are read at exchange time for files (so a rotated
// file is picked up without a restart) and once at start-up for environment variables (a process's
// environment does not change). Secrets kept in Vault, AWS Secrets Manager or age-encrypted files are read
// through their backend (sources/), cached for the backend's `cache_seconds`.
import { readFile, access } from 'node:fs/promises';
import { constants } from 'node:fs';
import { BrokerError } from '../errors.js';
import type { GitHubApp } from '../github/app.js';
import { createGitHubAppSource, type GitHubGrantSpec } from './github-app.js';
import type { AgeBackend } from './age.js';
import type { AwsSecretsManagerBackend } from './aws.js';
import type { BackendSecretSpec } from '../config/backends.js';
import type { VaultBackend } from './vault.js';

export type SecretSourceSpec = { env: string } | { file: string } | { value: string } | { github_app: GitHubGrantSpec } | BackendSecretSpec;

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

/** A secret read through a configured backend (see sources/config.ts for how the backend is chosen). */
export function createBackendSource(name: string, backend: VaultBackend | AwsSecretsManagerBackend | AgeBackend, spec: BackendSecretSpec): SecretSource {
  if ('vault' in spec) {
    const v = spec.vault;
    const b = backend as VaultBackend;
    return { name, kind: 'vault', origin: `vault ${b.name}: ${v.mount ?? 'secret'}/${v.path} field ${v.field}`, resolve: async () => ({ value: await b.resolve(name, v), expiresAt: null }) };
  }
  if ('aws_secrets_manager' in spec) {
    const a = spec.aws_secrets_manager;
    const b = backend as AwsSecretsManagerBackend;
    return { name, kind: 'aws_secrets_manager', origin: `aws_secrets_manager ${b.name}: ${a.secret_id}${a.field ? ` field ${a.field}` : ''}`, resolve: async () => ({ value: await b.resolve(name, a), expiresAt: null }) };
  }
  const g = spec.age;
  const b = backend as AgeBackend;
  return { name, kind: 'age', origin: `age ${b.name}: ${g.file}${g.field ? ` field ${g.field}` : ''}`, resolve: async () => ({ value: await b.resolve(name, g), expiresAt: null }) };
}

export function createSecretSource(name: string, spec: Exclude<SecretSourceSpec, BackendSecretSpec>, env: NodeJS.ProcessEnv, apps?: ReadonlyMap<string, GitHubApp>): SecretSource {
  if ('github_app' in spec) {
    const app = apps?.get(spec.github_app.app);
    if (!app) throw new Error(`github_app.app ${JSON.stringify(spec.github_app.app)} is not defined under github_apps`);
    return createGitHubAppSource(name, spec.github_app, app);
  }
  if ('env' in spec) {
    const variable = spec.env;
    const value = env[variable];
    return {
      name,
      kind: 'env',
      origin: `env ${variable}`,
      async resolve() {
        if (value === undefined) {
          throw new BrokerError('secret_unavailable', `secret ${name} is not available on the broker; its operator has been told`, {
            detail: `environment variable ${variable} is not set`,
          });
        }
        return { value, expiresAt: null };
      },
    };
  }
  if ('file' in spec) {
    const path = spec.file;
    return {
      name,
      kind: 'file',
      origin: `file ${path}`,
      async resolve() {
        try {
          return { value: await readFile(path, 'utf8'), expiresAt: null };
        } catch (e) {
          throw new BrokerError('secret_unavailable', `secret ${name} is not available on the broker; its operator has been told`, {
            detail: `cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`,
          });
        }
      },
    };
  }
  const value = spec.value;
  return { name, kind: 'value', origin: 'literal value (for local testing only)', resolve: async () => ({ value, expiresAt: null }) };
}

/** Start-up check: the problem with a source, or undefined when it can deliver. */
export async function checkSecretSource(spec: SecretSourceSpec, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  if ('github_app' in spec) return undefined; // its app's key is checked under github_apps
  // Backends are reached at warm-up (an outage must not stop start-up); age files are checked by their backend.
  if ('vault' in spec || 'aws_secrets_manager' in spec || 'age' in spec) return undefined;
  if ('env' in spec) return env[spec.env] === undefined ? `environment variable ${spec.env} is not set` : undefined;
  if ('file' in spec) {
    try {
      await access(spec.file, constants.R_OK);
      return undefined;
    } catch (e) {
      return `file ${spec.file} is not readable (${(e as NodeJS.ErrnoException).code ?? 'error'})`;
    }
  }
  return undefined;
}
