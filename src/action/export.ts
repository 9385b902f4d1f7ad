// Hands the secrets to the rest of the job: as environment variables for later steps (export-env), as step
// outputs, and, for keys and certificates, as files only the job's user can read, with their paths exported
// instead of the values.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ActionCore } from './core.js';
import type { SecretSpec } from './secret-spec.js';

export interface Delivery {
  spec: SecretSpec;
  value: string;
}

export interface ExportResult {
  /** Names exported (env and/or outputs), in input order. */
  names: string[];
  /** Folder holding the files written, for the post step to remove. */
  fileDir?: string;
}

export function exportSecrets(deliveries: Delivery[], core: ActionCore, opts: { exportEnv: boolean; runnerTemp: string | undefined }): ExportResult {
  const names: string[] = [];
  const env: Array<[string, string]> = [];
  const outputs: Array<[string, string]> = [];
  let fileDir: string | undefined;
  for (const { spec, value } of deliveries) {
    let exported = value;
    if (spec.asFile) {
      if (!opts.runnerTemp) throw new Error(`line ${spec.line}: file: needs RUNNER_TEMP, which the runner sets for every job`);
      fileDir ??= mkdtempSync(join(opts.runnerTemp, 'oidc-exchange-'));
      exported = join(fileDir, spec.exportName);
      // 0600 from creation on (flag wx: never follow or reuse an existing file).
      writeFileSync(exported, value, { mode: 0o600, flag: 'wx' });
    }
    if (opts.exportEnv) env.push([spec.exportName, exported]);
    outputs.push([spec.exportName, exported]);
    names.push(spec.exportName);
  }
  outputs.push(['secret-names', names.join(',')]);
  core.exportVariables(env);
  core.setOutputs(outputs);
  return { names, fileDir };
}
