// Hands the secrets to the rest of the job: as environment variables for later steps (export-env), as step
// outputs, and, for keys and certificates, as files only the job's user can read, with their paths exported
// instead of the values. Everything is checked before the first export (checkDeliveries).
import { mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACTION_WORDS, grantedNameProblem } from '../client/name-choice.js';
import { exportNameProblem, SecretSpecError, type SecretSpec } from './secret-spec.js';
import { FILE_DIR_PREFIX } from './state.js';
import type { ActionCore } from './toolkit.js';

export interface Delivery {
  spec: SecretSpec;
  value: string;
}

/** Linux's limit for one `NAME=value` string in a process environment (MAX_ARG_STRLEN). */
const MAX_ENV_ENTRY_BYTES = 128 * 1024;

/** Windows' limit for one environment variable's value, in UTF-16 units (SetEnvironmentVariable's documentation). */
const MAX_WINDOWS_ENV_CHARS = 32_767;

/**
 * Every exported name and value checked before the first export, so a bad one leaves GITHUB_ENV untouched. A
 * name the broker chose (export-all) must also have the stricter shape a broker may use and match one of the
 * job's allow patterns. Any byte may travel: the runner reads GITHUB_ENV and GITHUB_OUTPUT so that a value
 * comes back byte for byte, final CR included, on all three systems (docs/runners.md).
 * @param opts.platform the system the runner runs on (process.platform; a test names another)
 */
export function checkDeliveries(
  deliveries: Delivery[],
  opts: { exportEnv: boolean; namesChosenBy: { broker: readonly string[] } | 'user'; platform?: NodeJS.Platform },
): void {
  const chosen = opts.namesChosenBy;
  const problems = deliveries
    .map((d) => (chosen === 'user' ? exportNameProblem(d.spec.exportName) : grantedNameProblem(d.spec.exportName, chosen.broker, ACTION_WORDS)))
    .filter((p): p is string => p !== undefined);
  const windows = (opts.platform ?? process.platform) === 'win32';
  for (const d of deliveries) {
    if (!opts.exportEnv || d.spec.asFile) continue;
    const instead = `Deliver it as a file ("| file:${d.spec.exportName}_FILE") or set export-env: false and use the step output`;
    if (Buffer.byteLength(`${d.spec.exportName}=${d.value}`) + 1 > MAX_ENV_ENTRY_BYTES) {
      problems.push(`${d.spec.exportName} is ${Buffer.byteLength(d.value)} bytes, more than Linux lets one environment variable hold (128 KiB): every later step would fail to start. ${instead}`);
    } else if (windows && d.value.length > MAX_WINDOWS_ENV_CHARS) {
      problems.push(`${d.spec.exportName} is ${d.value.length} characters, more than Windows lets one environment variable hold (32,767): later steps would not get it. ${instead}`);
    }
  }
  if (problems.length) throw new SecretSpecError(problems.map((p) => `from the broker's answer: ${p}`));
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
