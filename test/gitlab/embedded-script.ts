// The script GitLab runs, read back from the built component template (as GitLab reads it, through its YAML
// parser) and written to a temporary folder for the file's tests, so each can source it in a real shell and
// call one of its functions: the name rules, the decoder, the job's name choice.
import { afterAll, beforeAll } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { componentTemplatePath } from '../../src/harness/gitlab/component.js';
import { parseGitLabYaml } from './gitlab-schema.js';

const run = promisify(execFile);

export interface EmbeddedScript {
  /** The file's temporary folder (removed after its tests). */
  readonly dir: string;
  /** The script, byte for byte what the template's before_script holds. */
  readonly path: string;
}

/** Writes the embedded script before the file's tests and removes it after them. */
export function useEmbeddedScript(prefix: string): EmbeddedScript {
  const state = { dir: '', path: '' };
  beforeAll(() => {
    state.dir = mkdtempSync(join(tmpdir(), prefix));
    const body = parseGitLabYaml(readFileSync(componentTemplatePath(), 'utf8'))[1] as Record<string, { before_script: string[] }>;
    state.path = join(state.dir, 'embedded.sh');
    writeFileSync(state.path, Object.values(body)[0]!.before_script[0]!);
  });
  afterAll(() => rmSync(state.dir, { recursive: true, force: true }));
  return {
    get dir() {
      return state.dir;
    },
    get path() {
      return state.path;
    },
  };
}

export interface SourcedRun {
  status: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `body` in `shell` after sourcing the script (`$1` is the script, `$2`... are `args`), in the script's
 * folder unless told otherwise, with only PATH and `env` in the environment.
 */
export async function sourced(
  shell: string[],
  script: EmbeddedScript,
  body: string,
  opts: { args?: string[]; env?: Record<string, string>; cwd?: string } = {},
): Promise<SourcedRun> {
  const argv = [...shell.slice(1), '-c', `. "$1"\n${body}`, 'sh', script.path, ...(opts.args ?? [])];
  try {
    const r = await run(shell[0]!, argv, { cwd: opts.cwd ?? script.dir, env: { PATH: process.env.PATH, ...opts.env }, maxBuffer: 16 * 1024 * 1024 });
    return { status: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code?: unknown; stdout?: string; stderr?: string };
    if (typeof err.code !== 'number') throw e;
    return { status: err.code, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}
