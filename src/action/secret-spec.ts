// The `secrets` input: one secret per line, checked completely (with line numbers) before anything is
// requested or exported.
//
//   NAME                       the broker's secret NAME, exported as NAME
//   NAME | ENV_NAME            exported as ENV_NAME
//   NAME | file:ENV_NAME       written to a 0600 file under RUNNER_TEMP; ENV_NAME holds its path
//   path key | ENV_NAME        (broker: vault) field `key` of the Vault secret at `path`
//
// Blank lines and lines starting with # are ignored.

import { exportNameProblem, VARIABLE_NAME } from '../client/reserved-names.js';

export interface SecretSpec {
  /** 1-based line in the input, for messages. */
  line: number;
  /** The broker's secret name (oidc-exchange mode) or the Vault field (vault mode). */
  source: string;
  /** Vault mode: the API path after /v1/, e.g. secret/data/ci/db. */
  vaultPath?: string;
  /** The name the value is exported under (env variable and step output). */
  exportName: string;
  /** Write the value to a file and export its path instead of the value. */
  asFile: boolean;
}

export class SecretSpecError extends Error {
  readonly code = 'secrets_invalid';
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`the secrets input has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}; nothing was requested or exported:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'SecretSpecError';
    this.problems = problems;
  }
}

const NAME = VARIABLE_NAME;

export { exportNameProblem };

export function parseSecretSpecs(text: string, mode: 'oidc-exchange' | 'vault'): SecretSpec[] {
  const specs: SecretSpec[] = [];
  const problems: string[] = [];
  const seen = new Map<string, number>();
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const parts = trimmed.split('|').map((p) => p.trim());
    if (parts.length > 2) return void problems.push(`line ${line}: more than one "|"; expected ${mode === 'vault' ? '"path key | ENV_NAME"' : '"NAME" or "NAME | ENV_NAME"'}`);
    const [left, right] = parts as [string, string | undefined];
    let spec: SecretSpec;
    if (mode === 'vault') {
      const words = left.split(/\s+/);
      if (words.length !== 2) return void problems.push(`line ${line}: expected "path key | ENV_NAME" (a Vault path, a space, the field), got ${JSON.stringify(left)}`);
      const [path, key] = words as [string, string];
      if (!/^[A-Za-z0-9_.\-/]+$/.test(path) || path.includes('..')) return void problems.push(`line ${line}: ${JSON.stringify(path)} is not a Vault path like secret/data/ci/db`);
      spec = { line, source: key, vaultPath: path.replace(/^\/+/, ''), exportName: key.toUpperCase().replace(/[^A-Z0-9_]/g, '_'), asFile: false };
    } else {
      if (!NAME.test(left)) return void problems.push(`line ${line}: ${JSON.stringify(left)} is not a secret name (letters, digits and _)`);
      spec = { line, source: left, exportName: left, asFile: false };
    }
    if (right !== undefined) {
      if (right === '') return void problems.push(`line ${line}: nothing after "|"; write the variable name to export, or remove the "|"`);
      const file = /^file:\s*(.*)$/.exec(right);
      spec.asFile = file !== null;
      spec.exportName = file ? file[1]! : right;
    }
    const problem = exportNameProblem(spec.exportName);
    if (problem) return void problems.push(`line ${line}: ${problem}`);
    const earlier = seen.get(spec.exportName);
    if (earlier !== undefined) return void problems.push(`line ${line}: ${spec.exportName} is already exported by line ${earlier}`);
    seen.set(spec.exportName, line);
    specs.push(spec);
  });
  if (mode === 'vault' && specs.length === 0 && problems.length === 0) problems.push('with broker: vault, list at least one "path key | ENV_NAME" line');
  if (problems.length) throw new SecretSpecError(problems);
  return specs;
}
