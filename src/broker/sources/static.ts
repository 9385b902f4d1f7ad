// The static secret sources: an environment variable, a file, or a literal value. Values are read at exchange
// time for files (so a rotated file is picked up without a restart) and once at start-up for environment
// variables (a process's environment does not change).
import { readFile, access } from 'node:fs/promises';
import { constants } from 'node:fs';
import { BrokerError } from '../errors.js';
import type { SecretSource } from './source.js';

export type StaticSecretSpec = { env: string } | { file: string } | { value: string };

export function createStaticSource(name: string, spec: StaticSecretSpec, env: NodeJS.ProcessEnv): SecretSource {
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

/** Start-up check: the problem with a static source, or undefined when it can deliver. */
export async function checkStaticSource(spec: StaticSecretSpec, env: NodeJS.ProcessEnv): Promise<string | undefined> {
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
