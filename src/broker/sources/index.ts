// Makes the broker's secret sources from their configuration: static ones (static.ts), GitHub App tokens
// (github-app.ts), and secrets kept in Vault, AWS Secrets Manager or age-encrypted files, read through their
// backend (backends.ts) and cached for the backend's `cache_seconds`. The interface is in source.ts.
import type { GitHubApp } from '../github/app.js';
import type { AgeBackend } from './age.js';
import type { AwsSecretsManagerBackend } from './aws.js';
import type { BackendSecretSpec } from './backends.js';
import { createGitHubAppSource, type GitHubGrantSpec } from './github-app.js';
import type { SecretSource } from './source.js';
import { checkStaticSource, createStaticSource, type StaticSecretSpec } from './static.js';
import type { VaultBackend } from './vault.js';

export type { ResolveContext, ResolvedSecret, SecretSource } from './source.js';

export type SecretSourceSpec = StaticSecretSpec | { github_app: GitHubGrantSpec } | BackendSecretSpec;

/** A secret read through a configured backend (config/backends.ts chooses the backend). */
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
  return createStaticSource(name, spec, env);
}

/** Start-up check: the problem with a source, or undefined when it can deliver. */
export async function checkSecretSource(spec: SecretSourceSpec, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  if ('github_app' in spec) return undefined; // its app's key is checked under github_apps
  // Backends are reached at warm-up (an outage must not stop start-up); age files are checked by their backend.
  if ('vault' in spec || 'aws_secrets_manager' in spec || 'age' in spec) return undefined;
  return checkStaticSource(spec, env);
}
