// The configured secret backends (Vault servers, AWS Secrets Manager regions, age identities) by kind and name,
// and the shape of a secret read through one. What every backend shares is in backend.ts; config/backends.ts
// builds this collection from the `backends` section.
import type { SecretBackend } from './backend.js';
import type { AgeBackend, AgeSecretSpec } from './age.js';
import type { AwsSecretsManagerBackend, AwsSecretSpec } from './aws.js';
import type { VaultBackend, VaultSecretSpec } from './vault.js';

/** Every configured backend, by kind and name. */
export class Backends {
  readonly vault = new Map<string, VaultBackend>();
  readonly aws = new Map<string, AwsSecretsManagerBackend>();
  readonly age = new Map<string, AgeBackend>();

  all(): SecretBackend[] {
    return [...this.vault.values(), ...this.aws.values(), ...this.age.values()];
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.all().map((b) => b.close()));
  }
}

export type BackendSecretSpec = { vault: VaultSecretSpec } | { aws_secrets_manager: AwsSecretSpec } | { age: AgeSecretSpec };

export function isBackendSpec(spec: object): spec is BackendSecretSpec {
  return Object.hasOwn(spec, 'vault') || Object.hasOwn(spec, 'aws_secrets_manager') || Object.hasOwn(spec, 'age');
}
