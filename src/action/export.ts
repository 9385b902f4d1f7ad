// Hands the secrets to the rest of the job: as environment variables for later steps (export-env), as step
// outputs, and, for keys and certificates, as files only the job's user can read, with their paths exported
// instead of the values.
import { mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SecretSpec } from './secret-spec.js';
import { FILE_DIR_PREFIX } from './state.js';
import type { ActionCore } from './toolkit.js';

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

export function exportSecrets(deliveries: Delivery[], core: Pick<ActionCore, 'exportVariable' | 'setOutput'>, opts: { exportEnv: boolean; runnerTemp: string | undefined }): ExportResult {
  const names: string[] = [];
  const env: Array<[string, string]> = [];
  const outputs: Array<[string, string]> = [];
  let fileDir: string | undefined;
  for (const { spec, value } of deliveries) {
    let exported = value;
    if (spec.asFile) {
      if (!opts.runnerTemp) throw new Error(`line ${spec.line}: file: needs RUNNER_TEMP, which the runner sets for every job`);
      // Under the real path, so the post step can check the folder is directly under RUNNER_TEMP.
      fileDir ??= mkdtempSync(join(realpathSync(opts.runnerTemp), FILE_DIR_PREFIX));
      exported = join(fileDir, spec.exportName);
      // 0600 from creation on (flag wx: never follow or reuse an existing file).
      writeFileSync(exported, value, { mode: 0o600, flag: 'wx' });
    }
    if (opts.exportEnv) env.push([spec.exportName, exported]);
    outputs.push([spec.exportName, exported]);
    names.push(spec.exportName);
  }
  outputs.push(['secret-names', names.join(',')]);
  for (const [n, v] of env) core.exportVariable(n, v);
  for (const [n, v] of outputs) core.setOutput(n, v);
  return { names, fileDir };
}
